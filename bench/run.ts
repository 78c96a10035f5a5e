/**
 * `npm run bench`: how fast the core is against the least possible work and against the
 * SUMIFS / COUNTIFS workbook a user would otherwise build, how much memory it takes, what a
 * report costs in host round trips, and how big the bundles are. Prints Markdown to stdout
 * (progress to stderr). It reports; it never fails on a target.
 *
 *   node --expose-gc dist/node/bench/run.js [--sizes=1000,10000,40000] [--no-hosts] [--full-names]
 */
import { cpus } from 'os';
import {
  districtSummarySheet, evaluate, formatNumber, highlightRules, parseSchoolTable, runJob, type Evaluation, type HighlightRule, type ReportSheet,
} from '../core';
import { packageRoot } from '../cli/packagePaths';
import { bundleSizes } from './bundleSizes';
import { floorLoop } from './floorLoop';
import { leastWork } from './leastWork';
import { timeFormulaWorkbook, type FormulaTiming } from './formulaTiming';
import { generateTable, type SchoolNames } from './generateTable';
import { hostCosts, type HostCostRow } from './hostCosts';
import { pageCost, type PageCost } from './pageCost';
import { kilobytes, markdownTable, megabytes, ms, times } from './markdown';
import { collectGarbage, medianTime, medianTimesInTurn, nowMs, partsInTurn } from './timing';

export const DEFAULT_SIZES: readonly number[] = [1_000, 10_000, 40_000];

/** Targets of issue 5 for 40 000 schools. */
export const TARGETS = { coreMs: 50, floorRatio: 3, formulaRatio: 20, size: 40_000 } as const;

export interface SizeResult {
  readonly schools: number;
  readonly districts: number;
  readonly coreMs: number;
  /** runJob with the whole report model (lagging list, data check). */
  readonly fullMs: number;
  readonly coreRuns: number;
  readonly floorMs: number;
  /** leastWork (bench/leastWork.ts), timed in the same rounds as the floor and core. */
  readonly leastMs: number;
  /** Median new pages of memory a core run got, and a floor run (timing.ts pagesMapped). */
  readonly corePages: number;
  readonly floorPages: number;
  /** Core's parts (parse, evaluation, district summary and highlighting), and the floor timed in turn with them. */
  readonly stages?: CoreStages;
  readonly heapBytes: number;
  readonly retainedBytes: number;
  readonly maxRssBytes: number;
  formula: FormulaTiming | null;
  formulaError?: string;
}

export interface CoreStages {
  readonly parseMs: number;
  readonly evaluateMs: number;
  readonly reportMs: number;
  readonly floorMs: number;
}

export interface BenchOptions {
  readonly sizes?: readonly number[];
  readonly hosts?: boolean;
  /** School names in the generated tables (short by default). */
  readonly names?: SchoolNames;
  readonly formulaBudget?: number;
  /** Progress lines (stderr in the command). */
  readonly log?: (line: string) => void;
  /** Timed runs per size; the default takes fewer for bigger tables. */
  readonly runs?: (schools: number) => number;
}

export interface BenchResult {
  readonly sizes: readonly SizeResult[];
  readonly hosts: readonly HostCostRow[] | null;
  readonly gcExposed: boolean;
  /** What a new page of memory costs on this machine (pageCost.ts); null where pages are not counted. */
  readonly pageCost: PageCost | null;
  readonly names: SchoolNames;
  readonly seconds: number;
  readonly root: string;
}

/** Timed runs of the core per size: on a shared machine the median of more runs moves less from one benchmark to the next. */
const defaultRuns = (schools: number): number => (schools <= 1_000 ? 51 : schools <= 10_000 ? 41 : 31);
/** Untimed runs first: V8 needs about ten to finish optimising the row loops and to size its young heap. */
const WARMUP_RUNS = 10;

type Values = ReturnType<typeof generateTable>['values'];

/** What issue 5 times as core: parse, evaluate, the district report (summary sheet and highlighting rules). `marks`, when given, gets the time after each of the three. */
export function coreJob(values: Values, marks?: number[]): { evaluation: Evaluation; summary: ReportSheet; highlight: readonly HighlightRule[] } {
  const parsed = parseSchoolTable(values);
  marks?.push(nowMs());
  if (!parsed.ok) throw new Error(`core refused the generated table: ${parsed.error}`);
  const evaluation = evaluate(parsed.table);
  marks?.push(nowMs());
  const report = { evaluation, summary: districtSummarySheet(evaluation), highlight: highlightRules(evaluation) };
  marks?.push(nowMs());
  return report;
}

/** coreJob's three parts, each timed: parse, evaluate, the district summary and highlighting rules. */
export function coreStageTimes(values: Values): [number, number, number] {
  const marks = [nowMs()];
  coreJob(values, marks);
  const [start = 0, parsed = 0, evaluated = 0, reported = 0] = marks;
  return [parsed - start, evaluated - parsed, reported - evaluated];
}

/** Everything a host asks core for: runJob, whose report also lists every lagging school and the data check. */
function fullJob(values: Values) {
  const result = runJob({ current: { values } });
  if (!result.ok) throw new Error(`core refused the generated table: ${result.error}`);
  return result;
}

export async function runBenchmark(options: BenchOptions = {}): Promise<BenchResult> {
  const started = nowMs();
  const log = options.log ?? (() => undefined);
  const runs = options.runs ?? defaultRuns;
  const sizes = options.sizes ?? DEFAULT_SIZES;
  const names = options.names ?? 'short';
  const gcExposed = collectGarbage();
  const results: SizeResult[] = [];
  const tables = new Map<number, ReturnType<typeof generateTable>>();

  // Core and the floor first for every size, so the process's peak memory at each size is the
  // core's and not HyperFormula's.
  for (const schools of sizes) {
    const table = generateTable(schools, undefined, names);
    tables.set(schools, table);
    log(`bench: ${formatNumber(schools)} ОО — ядро…`);
    // The floor, the least work and core take turns, round by round, so all meet the same drift
    // of this shared machine's speed. The floor, a few milliseconds, runs three times a round for
    // a median as steady as the core's. Warm-up rounds let the JIT settle. No forced collection
    // between timed runs: a full collection before each call made the next one two to five
    // times slower here (cold caches, a shrunk young heap), which no user sees; each run pays
    // for its own garbage.
    collectGarbage();
    const [floor, least, core] = medianTimesInTurn(
      [{ fn: () => floorLoop(table), perRound: 3 }, { fn: () => leastWork(table), perRound: 1 }, { fn: () => coreJob(table.values), perRound: 1 }],
      runs(schools),
      WARMUP_RUNS,
    );
    // Where core's time goes, each part against the floor timed in the same rounds.
    const parts = partsInTurn({ fn: () => floorLoop(table), perRound: 3 }, () => coreStageTimes(table.values), runs(schools), WARMUP_RUNS);
    const [parseMs = NaN, evaluateMs = NaN, reportMs = NaN] = parts.partsMs;
    const stages: CoreStages = { parseMs, evaluateMs, reportMs, floorMs: parts.floorMs };
    // The whole report takes several times longer: half the runs give a median as steady.
    const full = medianTime(() => fullJob(table.values), Math.ceil(runs(schools) / 2), WARMUP_RUNS);
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const kept = fullJob(table.values);
    const heapBytes = process.memoryUsage().heapUsed - before;
    collectGarbage();
    const retainedBytes = process.memoryUsage().heapUsed - before;
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;
    if (floor.result.sums.size !== kept.evaluation.districts.length) {
      throw new Error(`floor found ${floor.result.sums.size} districts, core ${kept.evaluation.districts.length}`);
    }

    results.push({
      schools, districts: table.districts.length, coreMs: core.ms, fullMs: full.ms, coreRuns: runs(schools), floorMs: floor.ms, leastMs: least.ms,
      corePages: core.pages, floorPages: floor.pages, stages,
      heapBytes, retainedBytes, maxRssBytes, formula: null,
    });
  }
  // After core is timed at every size, so its 200 MB of probes never touch those figures.
  log('bench: цена новой страницы памяти…');
  const pages = pageCost();
  for (const result of results) {
    log(`bench: ${formatNumber(result.schools)} ОО — книга формул HyperFormula…`);
    const table = tables.get(result.schools);
    try {
      if (table) result.formula = timeFormulaWorkbook(table, result.schools <= 1_000 ? 3 : 1, options.formulaBudget);
    } catch (error) {
      // A measurement that cannot be made is reported, never a reason to lose the others.
      result.formulaError = error instanceof Error ? error.message : String(error);
    }
    tables.delete(result.schools);
  }
  const root = packageRoot();
  let hosts: HostCostRow[] | null = null;
  if (options.hosts !== false) {
    log('bench: стоимость в хостах…');
    hosts = await hostCosts(root, sizes);
  }
  return { sizes: results, hosts, gcExposed, pageCost: pages, names, seconds: (nowMs() - started) / 1000, root };
}

const mark = (ok: boolean): string => (ok ? '✓' : '✗');

export function benchMarkdown(bench: BenchResult): string {
  const cpu = cpus()[0]?.model.trim() ?? 'CPU';
  const lines: string[] = [];
  lines.push(`Node ${process.version}, ${process.platform} ${process.arch}, ${cpu} × ${cpus().length}; ${new Date().toISOString().slice(0, 10)}.`);
  const names = bench.names === 'full'
    ? 'полные официальные названия ОО, около 100 знаков: «Муниципальное бюджетное общеобразовательное учреждение …»'
    : 'краткие названия ОО, как в большинстве листов: «МБОУ СОШ № 1»';
  lines.push(`Таблицы — генератор \`bench/generateTable.ts\` (зерно 20230414, ~25 ОО на район, числа в ячейках, ${names}). `);
  lines.push('Ядро — то, что задача 5 называет ядром: разбор листа, расчёт по школам и районам, сводка по районам и правила подсветки; медиана прогонов после разогрева. ');
  lines.push('«Весь отчёт» — `runJob`, как его вызывают хосты: ещё и лист всех отстающих ОО (на 40 000 ОО — десятки тысяч строк) и проверка данных. ');
  lines.push('Минимум — один цикл, который только суммирует те же столбцы по районам. Книга формул — лист данных со столбцами долей и «отстаёт» ');
  lines.push('и лист районов с SUMIFS/COUNTIFS (суммы, взвешенные доли, ОО с целью, отстающие ОО), построение и пересчёт в HyperFormula.\n');

  const estimated = bench.sizes.some((s) => s.formula?.sampledDistricts !== null && s.formula !== null);
  lines.push(
    markdownTable(
      ['ОО', 'Районов', 'Ядро, мс', 'Минимум, мс', 'Ядро ÷ минимум', 'Весь отчёт, мс', 'Книга формул, мс', 'Формулы ÷ ядро', 'Куча за прогон, МБ', 'Удержано, МБ', 'Пик RSS, МБ'],
      bench.sizes.map((s) => {
        const f = s.formula;
        const formulaMs = f ? `${ms(f.ms)}${f.sampledDistricts !== null ? '*' : ''}` : s.formulaError ? `ошибка: ${s.formulaError}` : '—';
        return [
          formatNumber(s.schools), formatNumber(s.districts), ms(s.coreMs), ms(s.floorMs), times(s.coreMs / s.floorMs), ms(s.fullMs),
          formulaMs, f ? times(f.ms / s.coreMs) : '—', megabytes(s.heapBytes), megabytes(s.retainedBytes), megabytes(s.maxRssBytes),
        ];
      }),
      ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  if (estimated) {
    const notes = bench.sizes
      .filter((s) => s.formula?.sampledDistricts != null)
      .map((s) => `${formatNumber(s.schools)} ОО — по ${formatNumber(s.formula?.sampledDistricts ?? 0)} из ${formatNumber(s.districts)} районов`);
    lines.push(`\\* Оценка: каждая строка района пересчитывает SUMIFS/COUNTIFS по всему столбцу, поэтому лист районов посчитан на части строк, остальное — пропорционально (${notes.join('; ')}).\n`);
  }
  if (!bench.gcExposed) lines.push('Память: без `--expose-gc` сборка мусора не вызывается, «удержано» неточно.\n');

  lines.push('### Минимум и наименьшая работа\n');
  lines.push('«Наименьшая работа» (`bench/leastWork.ts`) — один цикл, который делает только то, без чего ядру по его же требованиям не обойтись: ');
  lines.push('суммы минимума, проверку каждого числа, чтение каждого названия знак за знаком в хеш для поиска повторов школ и статус каждой ОО ');
  lines.push('по каждому показателю с целью. Без замечаний, хранения строк, порядка районов и сводки. Замерена по очереди с минимумом и ядром.\n');
  lines.push(
    markdownTable(
      ['ОО', 'Минимум, мс', 'Наименьшая работа, мс', 'Ядро, мс', 'Наименьшая работа ÷ минимум', 'Ядро ÷ наименьшая работа'],
      bench.sizes.map((s) => [formatNumber(s.schools), ms(s.floorMs), ms(s.leastMs), ms(s.coreMs), times(s.leastMs / s.floorMs), times(s.coreMs / s.leastMs)]),
      ['r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );

  const staged = bench.sizes.filter((s) => s.stages !== undefined);
  if (staged.length > 0) {
    lines.push('### Ядро по частям\n');
    lines.push('Медианы каждой части ядра и минимум, замеренные по очереди в одних и тех же кругах; «÷» — доля минимума.\n');
    lines.push(
      markdownTable(
        ['ОО', 'Разбор листа, мс', 'Расчёт, мс', 'Сводка и подсветка, мс', 'Минимум, мс', 'Разбор ÷ минимум', 'Расчёт ÷ минимум', 'Сводка ÷ минимум'],
        staged.map((s) => {
          const p = s.stages as CoreStages;
          return [formatNumber(s.schools), ms(p.parseMs), ms(p.evaluateMs), ms(p.reportMs), ms(p.floorMs), times(p.parseMs / p.floorMs), times(p.evaluateMs / p.floorMs), times(p.reportMs / p.floorMs)];
        }),
        ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
  }

  lines.push(pagesSection(bench));

  const target = bench.sizes.find((s) => s.schools === TARGETS.size);
  if (target) {
    lines.push(`### Цели для ${formatNumber(TARGETS.size)} ОО\n`);
    const rows: string[][] = [
      [`Ядро ≤ ${TARGETS.coreMs} мс`, `${ms(target.coreMs)} мс`, mark(target.coreMs <= TARGETS.coreMs)],
      [`Ядро ≤ ${TARGETS.floorRatio}× минимума`, times(target.coreMs / target.floorMs), mark(target.coreMs <= TARGETS.floorRatio * target.floorMs)],
    ];
    if (target.formula) {
      const ratio = target.formula.ms / target.coreMs;
      rows.push([`Ядро в ≥ ${TARGETS.formulaRatio}× быстрее книги формул`, times(ratio), mark(ratio >= TARGETS.formulaRatio)]);
    }
    lines.push(markdownTable(['Цель', 'Измерено', ''], rows));
  }

  lines.push('### Стоимость отчёта в хостах (подделки из test-support)\n');
  if (bench.hosts === null) lines.push('Не измерялась (--no-hosts).\n');
  else lines.push(hostTable(bench.hosts));

  lines.push('### Размер сборок\n');
  lines.push(
    markdownTable(
      ['Хост', 'Файл', 'Размер, КБ', 'gzip, КБ'],
      bundleSizes(bench.root).map((b) => [b.host, `\`${b.file}\``, b.bytes === null ? (b.note ?? '—') : kilobytes(b.bytes), b.gzipBytes === null ? '—' : kilobytes(b.gzipBytes)]),
      ['l', 'l', 'r', 'r'],
    ),
  );
  lines.push(`Время бенчмарка: ${formatNumber(bench.seconds, 0)} с.`);
  return lines.join('\n') + '\n';
}

/** New pages of memory per run of core and of the floor, what they cost here, and core's ratio without that cost. */
function pagesSection(bench: BenchResult): string {
  const cost = bench.pageCost;
  const lines = ['### Новые страницы памяти\n'];
  if (cost === null) {
    lines.push('Система не считает новые страницы памяти (`process.resourceUsage().minorPageFault`): не измерено.\n');
    return lines.join('\n');
  }
  lines.push(`Страница памяти (4 КБ), которую процесс получает от системы впервые, здесь стоит ${formatNumber(cost.micros, 1)} мкс `);
  lines.push(`(медиана: касание каждой страницы свежего буфера, ${formatNumber(cost.pages)} страниц). Минимум почти не берёт новой памяти, `);
  lines.push('ядро строит отчёт и берёт. «Без цены страниц» — оценка: медиана ядра минус медиана его новых страниц по этой цене.\n');
  lines.push(
    markdownTable(
      ['ОО', 'Новых страниц за прогон ядра', 'За прогон минимума', 'Их цена в ядре, мс', 'Ядро ÷ минимум', 'Без цены страниц ÷ минимум (оценка)'],
      bench.sizes.map((s) => {
        const pagesMs = (s.corePages * cost.micros) / 1000;
        return [formatNumber(s.schools), formatNumber(s.corePages, 0), formatNumber(s.floorPages, 0), ms(pagesMs), times(s.coreMs / s.floorMs), times((s.coreMs - pagesMs) / s.floorMs)];
      }),
      ['r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  return lines.join('\n');
}

function hostTable(rows: readonly HostCostRow[]): string {
  const fields = [...new Set(rows.flatMap((r) => (r.status === 'ok' ? Object.keys(r.counts) : [])))];
  return markdownTable(
    ['Хост', 'ОО', ...fields, 'Примечание'],
    rows.map((r) =>
      r.status === 'ok'
        ? [r.host, formatNumber(r.schools), ...fields.map((f) => (r.counts[f] === undefined ? '—' : formatNumber(r.counts[f] ?? 0, Number.isInteger(r.counts[f]) ? 0 : 1))), '']
        : [r.host, r.schools === null ? '—' : formatNumber(r.schools), ...fields.map(() => '—'), r.note],
    ),
  );
}

function parseSizes(argv: readonly string[]): number[] | undefined {
  const arg = argv.find((a) => a.startsWith('--sizes='));
  if (!arg) return undefined;
  const sizes = arg.slice('--sizes='.length).split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return sizes.length ? sizes : undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  const bench = await runBenchmark({
    sizes: parseSizes(argv),
    hosts: !argv.includes('--no-hosts'),
    names: argv.includes('--full-names') ? 'full' : 'short',
    log: (line) => process.stderr.write(line + '\n'),
  });
  process.stdout.write(benchMarkdown(bench));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
