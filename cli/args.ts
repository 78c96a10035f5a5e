/**
 * The command line: `report [file] [--option value]…`. Options are declared once in a table;
 * `--name value` and `--name=value` are both accepted, and every mistake is an InputError
 * with the option named, so the user sees what to fix.
 */
import { InputError } from './inputError';
import { cliMessages } from './messages';

export interface ReportArgs {
  /** The weekly table; null means the bundled sample. */
  readonly input: string | null;
  readonly sheet: string | null;
  readonly previous: string | null;
  /** The sheet of the --previous workbook; null: recognised as for this week, this week's own sheet left aside. */
  readonly previousSheet: string | null;
  readonly district: string | null;
  readonly targets: string | null;
  readonly plan: string | null;
  readonly out: string | null;
  readonly json: string | null;
  readonly quiet: boolean;
}

export type Command = { readonly command: 'help' } | { readonly command: 'report'; readonly args: ReportArgs };

type ValueOption = 'sheet' | 'previous' | 'previousSheet' | 'district' | 'targets' | 'plan' | 'out' | 'json';

const VALUE_OPTIONS: Readonly<Record<string, ValueOption>> = {
  '--sheet': 'sheet',
  '--previous': 'previous',
  '--previous-sheet': 'previousSheet',
  '--district': 'district',
  '--targets': 'targets',
  '--plan': 'plan',
  '--out': 'out',
  '--json': 'json',
};
const HELP_FLAGS = new Set(['--help', '-h', 'help']);
const QUIET_FLAGS = new Set(['--quiet', '-q']);

export function parseCommandLine(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined) throw new InputError(cliMessages.noCommand());
  if (HELP_FLAGS.has(command)) return { command: 'help' };
  if (command !== 'report') throw new InputError(cliMessages.unknownCommand(command));
  if (rest.some((arg) => HELP_FLAGS.has(arg))) return { command: 'help' };
  return { command: 'report', args: parseReportArgs(rest) };
}

function parseReportArgs(argv: readonly string[]): ReportArgs {
  const values: Partial<Record<ValueOption, string>> = {};
  let input: string | null = null;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-') || arg === '-') {
      if (input !== null) throw new InputError(cliMessages.extraArgument(input, arg));
      input = arg;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (QUIET_FLAGS.has(name)) {
      if (eq > 0) throw new InputError(cliMessages.flagWithValue(name));
      quiet = true;
      continue;
    }
    const key = VALUE_OPTIONS[name];
    if (key === undefined) throw new InputError(cliMessages.unknownOption(name));
    if (values[key] !== undefined) throw new InputError(cliMessages.repeatedOption(name));
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      // `--out --json x` is a forgotten value, not an output file named «--json».
      if (value !== undefined && value.startsWith('--')) value = undefined;
      else i++;
    }
    if (value === undefined || value.trim() === '') throw new InputError(cliMessages.missingValue(name));
    values[key] = value;
  }
  return {
    input,
    sheet: values.sheet ?? null,
    previous: values.previous ?? null,
    previousSheet: values.previousSheet ?? null,
    district: values.district ?? null,
    targets: values.targets ?? null,
    plan: values.plan ?? null,
    out: values.out ?? null,
    json: values.json ?? null,
    quiet,
  };
}
