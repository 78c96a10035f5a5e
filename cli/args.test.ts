/** The command line: every option, both spellings, and the mistakes users make. */
import { parseCommandLine } from './args';
import { InputError } from './inputError';

const report = (...argv: string[]) => {
  const parsed = parseCommandLine(['report', ...argv]);
  if (parsed.command !== 'report') throw new Error('expected report');
  return parsed.args;
};

describe('parseCommandLine', () => {
  it('reads the input file and every option', () => {
    expect(
      report('weekly.xlsx', '--sheet', 'Лист 1', '--previous', 'prev.csv', '--previous-sheet', '14.04', '--district', 'Хабаровский район', '--targets', 't.json',
        '--plan', 'plan.xlsx', '--out', 'r.xlsx', '--json', 'r.json', '--quiet'),
    ).toEqual({
      input: 'weekly.xlsx', sheet: 'Лист 1', previous: 'prev.csv', previousSheet: '14.04', district: 'Хабаровский район', targets: 't.json', plan: 'plan.xlsx',
      out: 'r.xlsx', json: 'r.json', quiet: true,
    });
  });

  it('runs on the bundled sample when no file is given', () => {
    expect(report()).toMatchObject({ input: null, out: null, json: null, quiet: false });
  });

  it('takes -q for --quiet', () => {
    expect(report('-q', 'w.csv')).toMatchObject({ input: 'w.csv', quiet: true });
  });

  it('accepts --name=value', () => {
    expect(report('--out=out/Отчёт.xlsx', 'w.csv')).toMatchObject({ input: 'w.csv', out: 'out/Отчёт.xlsx' });
  });

  it('recognises help in every usual spelling', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['report', '--help'], ['report', 'w.xlsx', '-h']]) {
      expect(parseCommandLine(argv)).toEqual({ command: 'help' });
    }
  });

  it.each([
    [[], /не указана команда/],
    [['publish'], /неизвестная команда «publish»/],
    [['report', '--colour'], /неизвестный параметр «--colour»/],
    [['report', '--out'], /после --out нужно указать значение/],
    [['report', '--out', '--json', 'r.json'], /после --out нужно указать значение/],
    [['report', '--out='], /после --out нужно указать значение/],
    [['report', '--out', 'a.xlsx', '--out', 'b.xlsx'], /параметр --out указан дважды/],
    [['report', 'a.xlsx', 'b.xlsx'], /больше одного входного файла: «a\.xlsx» и «b\.xlsx»/],
    [['report', '--quiet=yes'], /не принимает значения/],
  ])('refuses %p with a Russian message', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(InputError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
