/**
 * Writes the result files so that a failed run leaves nothing behind and changes nothing: every
 * file goes to a temporary name in its own folder first; only when all of them are written are
 * they moved into place, each earlier file of the same name kept aside until every move has
 * worked, and put back if one fails. Folders made for the outputs are removed again on failure.
 */
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import { basename, dirname, join } from 'path';
import { writeReason } from './fileErrors';
import { InputError } from './inputError';
import { cliMessages } from './messages';

export interface OutputFile {
  readonly path: string;
  readonly contents: Uint8Array | string;
}

function siblingName(path: string, kind: 'tmp' | 'old'): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.${kind}`);
}

async function exists(path: string): Promise<boolean> {
  return fs.stat(path).then(() => true, () => false);
}

interface Placed {
  readonly path: string;
  readonly temp: string;
  /** Where the earlier file of the same name was kept, if there was one. */
  old: string | null;
  moved: boolean;
}

export async function writeOutputs(files: readonly OutputFile[]): Promise<void> {
  const placed: Placed[] = [];
  const madeFolders: { readonly top: string; readonly leaf: string }[] = [];
  let current = files[0]?.path ?? '';
  try {
    // Before anything is written: a folder where a file should go fails here, not after the other file is in place.
    for (const file of files) {
      current = file.path;
      const stat = await fs.stat(file.path).catch(() => null);
      if (stat?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    for (const file of files) {
      current = file.path;
      const made = await fs.mkdir(dirname(file.path), { recursive: true });
      if (made !== undefined) madeFolders.push({ top: made, leaf: dirname(file.path) });
      const entry: Placed = { path: file.path, temp: siblingName(file.path, 'tmp'), old: null, moved: false };
      placed.push(entry);
      await fs.writeFile(entry.temp, file.contents);
    }
    for (const entry of placed) {
      current = entry.path;
      if (await exists(entry.path)) {
        entry.old = siblingName(entry.path, 'old');
        await fs.rename(entry.path, entry.old);
      }
      await fs.rename(entry.temp, entry.path);
      entry.moved = true;
    }
  } catch (error) {
    const keptAside = await rollBack(placed, madeFolders);
    const note = keptAside.length ? `; прежний файл не удалось вернуть на место, он сохранён как ${keptAside.join(', ')}` : '';
    throw new InputError(cliMessages.writeFailed(current, writeReason(error)) + note);
  }
  // Both files are in place: a copy of last run's that cannot be removed is only clutter, never a failure.
  await Promise.all(placed.map((entry) => (entry.old === null ? undefined : fs.rm(entry.old, { force: true }).catch(() => undefined))));
}

/**
 * Puts every earlier file back, removes what was written, then the folders made for it, while
 * they are empty. Returns where earlier files stay if they could not be put back.
 */
async function rollBack(placed: readonly Placed[], madeFolders: readonly { top: string; leaf: string }[]): Promise<string[]> {
  const keptAside: string[] = [];
  for (const entry of [...placed].reverse()) {
    await fs.rm(entry.moved ? entry.path : entry.temp, { force: true }).catch(() => undefined);
    const old = entry.old;
    if (old !== null && !(await fs.rename(old, entry.path).then(() => true, () => false))) keptAside.push(old);
  }
  // mkdir -p reports the first folder it made; those from there down to the file's were all new.
  for (const { top, leaf } of [...madeFolders].reverse()) {
    for (let folder = leaf; ; folder = dirname(folder)) {
      const removed = await fs.rmdir(folder).then(() => true, () => false);
      if (!removed || folder === top || dirname(folder) === folder) break;
    }
  }
  return keptAside;
}
