/**
 * Writes the result files so that a failed run leaves nothing behind: every file goes to a
 * temporary name in its own folder first and is renamed into place only when all of them
 * were written. A reader never sees half a report.
 */
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import { basename, dirname, join } from 'path';
import { errorText, InputError } from './inputError';
import { cliMessages } from './messages';

export interface OutputFile {
  readonly path: string;
  readonly contents: Uint8Array | string;
}

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeOutputs(files: readonly OutputFile[]): Promise<void> {
  const written: { temp: string; path: string }[] = [];
  try {
    for (const file of files) {
      await fs.mkdir(dirname(file.path), { recursive: true });
      const temp = temporaryName(file.path);
      written.push({ temp, path: file.path });
      await fs.writeFile(temp, file.contents);
    }
    for (const { temp, path } of written) await fs.rename(temp, path);
  } catch (error) {
    await Promise.all(written.map(({ temp }) => fs.rm(temp, { force: true })));
    const failed = written[written.length - 1]?.path ?? files[0]?.path ?? '';
    throw new InputError(cliMessages.writeFailed(failed, errorText(error)));
  }
}
