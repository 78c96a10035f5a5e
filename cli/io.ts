/**
 * What the command talks to: two output streams, the directory relative paths start from,
 * and whether colours may be used. Tests pass their own and run the command in-process.
 */

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative paths on the command line are resolved from here. */
  readonly cwd: string;
  /** ANSI colours in the terminal table (only for a real terminal). */
  readonly color: boolean;
}

/** Exit codes: success, a bug of ours, and input the user can fix (bad file, bad option). */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // `npm run report -- file` runs in the package root; INIT_CWD is where the user typed it,
    // which is what their relative paths mean.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    color: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
  };
}
