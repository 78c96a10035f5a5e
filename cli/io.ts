/**
 * What the command talks to: two output streams, the directory relative paths start from,
 * and whether colours may be used. Tests pass their own and run the command in-process.
 */
import { PACKAGE_NAME } from './packagePaths';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative paths on the command line are resolved from here. */
  readonly cwd: string;
  /** ANSI colours in the terminal table (only for a real terminal). */
  readonly color: boolean;
  /** The terminal's width in characters, for a real terminal; none when printing to a file or pipe. */
  readonly columns?: number;
}

/** Exit codes: success, a bug of ours, and input the user can fix (bad file, bad option). */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Our package.json scripts that run the command (npm starts them in the package root). */
const OWN_SCRIPTS = new Set(['report']);

/**
 * Where relative paths start. `npm run report -- file` runs in this package's root, and only
 * there INIT_CWD (where the user typed it) is what the paths mean. Any other npm script that
 * calls the command (another project's `cd data && sferum-monitor report x.xlsx`) also sets
 * INIT_CWD, to that project's root: there the paths are relative to the current folder.
 */
export function commandCwd(env: NodeJS.ProcessEnv, cwd: string): string {
  const ownScript = env.npm_package_name === PACKAGE_NAME && OWN_SCRIPTS.has(env.npm_lifecycle_event ?? '');
  return ownScript && env.INIT_CWD ? env.INIT_CWD : cwd;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: commandCwd(process.env, process.cwd()),
    color: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}
