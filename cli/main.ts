/**
 * The command line entry: `sferum-monitor report …` (also `npm run report -- …`).
 * main() runs in-process with injectable output streams and returns the exit code, so tests
 * call it directly; runFromProcess() is what the bin and `node dist/node/cli/main.js` run.
 */
import { parseCommandLine } from './args';
import { errorText } from '../core/text';
import { InputError } from './inputError';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, processIo, type CliIo } from './io';
import { cliMessages } from './messages';
import { runReport } from './reportCommand';

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const command = parseCommandLine(argv);
    if (command.command === 'help') {
      io.stdout(cliMessages.usage());
      return EXIT_OK;
    }
    return await runReport(command.args, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(cliMessages.error(error.message) + '\n');
      return EXIT_BAD_INPUT;
    }
    const stack = process.env.SFERUM_DEBUG && error instanceof Error ? error.stack : undefined;
    const text = stack ?? errorText(error);
    io.stderr(cliMessages.internal(text) + '\n');
    return EXIT_INTERNAL;
  }
}

export function runFromProcess(argv: readonly string[] = process.argv.slice(2)): void {
  // `… | head` closes the pipe after a few lines: the files are written before anything is
  // printed, so the command just stops instead of dying with Node's EPIPE trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  void main(argv).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) runFromProcess();
