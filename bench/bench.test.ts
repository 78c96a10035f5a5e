/**
 * The benchmark's parts, checked for correctness only (nothing here is timed): the generated
 * tables are what core reads, the floor loop and the formula workbook compute the same
 * district figures as core, and the report prints whatever is missing instead of failing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runJob, type Evaluation } from '../core';
import { bundleSizes } from './bundleSizes';
import { floorLoop } from './floorLoop';
import { leastWork } from './leastWork';
import { computeFormulaWorkbook, formulaSheets } from './formulaWorkbook';
import { timeFormulaWorkbook } from './formulaTiming';
import { COUNT_KEYS, generateTable } from './generateTable';
import { hostCosts } from './hostCosts';
import { markdownTable, times } from './markdown';
import { benchMarkdown, type BenchResult } from './run';

function evaluationOf(schools: number): Evaluation {
  const result = runJob({ current: { values: generateTable(schools).values } });
  if (!result.ok) throw new Error(result.error);
  return result.evaluation;
}

describe('generateTable', () => {
  it('is deterministic and recognised by core with every school and district', () => {
    expect(generateTable(300).values).toEqual(generateTable(300).values);
    const evaluation = evaluationOf(300);
    expect(evaluation.schools).toHaveLength(300);
    expect(evaluation.districts).toHaveLength(generateTable(300).districts.length);
    expect(evaluation.findings).toEqual([]);
    expect(evaluation.table.week).toBe('10.04.2023–14.04.2023');
    expect(evaluation.indicators.map((i) => i.key)).toEqual(['teachersCreatedChats', 'teachers3Messages', 'teachers10Messages', 'teachersCalled', 'teachersLinkedDiary', 'studentsLinkedDiary']);
  });

  it('names schools by their short form, or by the full official name when asked, with the same counts', () => {
    const short = generateTable(200);
    const full = generateTable(200, undefined, 'full');
    expect(short.values[3]?.[1]).toBe('МБОУ СОШ № 1');
    expect(full.values[3]?.[1]).toBe('Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»');
    expect(full.values.map((row) => row.filter((_, c) => c !== 1))).toEqual(short.values.map((row) => row.filter((_, c) => c !== 1)));
    const result = runJob({ current: { values: full.values } });
    expect(result.ok && result.evaluation.schools.length).toBe(200);
    expect(result.ok && result.evaluation.findings).toEqual([]);
  });

  it('spreads districts from lagging to meeting the targets', () => {
    const evaluation = evaluationOf(1000);
    const statuses = new Set(evaluation.districts.map((d) => d.measures.teachersCreatedChats?.status));
    expect(statuses).toEqual(new Set(['выполнено', 'близко', 'отстаёт']));
  });
});

describe('floorLoop', () => {
  it('sums the same columns as core, district by district', () => {
    const table = generateTable(500);
    const floor = floorLoop(table);
    const evaluation = evaluationOf(500);
    // The loop below checks nothing on an empty list: the floor and core must see the same districts.
    expect(evaluation.districts.length).toBeGreaterThan(1);
    expect([...floor.sums.keys()].sort()).toEqual(evaluation.districts.map((d) => d.name).sort());
    for (const district of evaluation.districts) {
      const sums = floor.sums.get(district.name);
      expect(sums).toBeDefined();
      COUNT_KEYS.forEach((key, i) => expect(sums?.[i]).toBe(district.counts[key]));
      expect(sums?.[COUNT_KEYS.length]).toBe(district.schools);
    }
  });
});

describe('leastWork', () => {
  it('sums what the floor sums and counts, district by district, the schools meeting each target and the lagging schools that core counts', () => {
    // With the default 5 points nearly every generated school lags; a wide «близко» band makes
    // lagging, near and met schools all common, so a wrong threshold shows.
    const tolerance = 0.25;
    const table = generateTable(600);
    const least = leastWork(table, tolerance);
    const floor = floorLoop(table);
    const result = runJob({ current: { values: table.values }, settings: { tolerance } });
    if (!result.ok) throw new Error(result.error);
    const { evaluation } = result;
    expect(least.indicators).toEqual(['teachersCreatedChats', 'teachers3Messages', 'teachers10Messages', 'teachersCalled']);
    expect(least.repeats).toBe(0);
    expect(least.sums.size).toBe(evaluation.districts.length);
    let lagging = 0;
    for (const district of evaluation.districts) {
      expect(least.sums.get(district.name)).toEqual(floor.sums.get(district.name));
      least.indicators.forEach((key, i) => expect(least.meeting.get(district.name)?.[i]).toBe(district.meetingTarget[key]));
      expect(least.lagging.get(district.name)).toBe(district.laggingSchools);
      lagging += district.laggingSchools;
    }
    // Not a table where nothing lags or everything does: the statuses are really told apart.
    expect(lagging).toBeGreaterThan(100);
    expect(lagging).toBeLessThan(500);
  });

  it('finds a school repeated with other case and spacing, as core does', () => {
    const table = generateTable(50);
    const copy = [...(table.values[5] as (string | number | null)[])];
    copy[1] = `  ${String(copy[1]).toLowerCase().replace(/ /g, '  ')} `;
    const values = [...table.values, copy];
    expect(leastWork({ ...table, values }).repeats).toBe(1);
    const result = runJob({ current: { values } });
    expect(result.ok && result.evaluation.table.leftOut).toBe(1);
  });
});

describe('the formula workbook', () => {
  const table = generateTable(400);
  const evaluation = evaluationOf(400);
  const sheets = formulaSheets(table);
  const values = computeFormulaWorkbook(sheets);

  it('computes the district sums, weighted shares, schools meeting targets and lagging schools that core computes', () => {
    const { layout } = sheets;
    table.districts.forEach((name, i) => {
      const row = values[i] ?? [];
      const district = evaluation.districts.find((d) => d.name === name);
      expect(district).toBeDefined();
      expect(row[layout.schools]).toBe(district?.schools);
      for (const [key, column] of Object.entries(layout.counts)) expect(row[column]).toBe(district?.counts[key as keyof typeof district.counts]);
      // HyperFormula rounds results to 10 decimals.
      for (const [key, column] of Object.entries(layout.shares)) {
        expect(row[column]).toBeCloseTo(district?.measures[key as keyof typeof district.measures]?.share ?? NaN, 9);
      }
      for (const [key, column] of Object.entries(layout.meeting)) {
        expect(row[column]).toBe(district?.meetingTarget[key as keyof typeof district.meetingTarget]);
      }
      expect(row[layout.lagging]).toBe(district?.laggingSchools);
    });
  });

  it('can be timed on a sample of district rows and extrapolated', () => {
    const timing = timeFormulaWorkbook(table, 1, 400 * 3);
    expect(timing.sampledDistricts).toBe(3);
    expect(timing.ms).toBeGreaterThan(0);
    expect(timeFormulaWorkbook(generateTable(100), 1).sampledDistricts).toBeNull();
  });
});

describe('hostCosts (the hook for the add-ins’ fakes)', () => {
  const root = mkdtempSync(join(tmpdir(), 'sferum-bench-'));
  mkdirSync(join(root, 'fake'), { recursive: true });
  writeFileSync(join(root, 'fake', 'excel.js'), 'exports.excelHostCost = (rows) => ({ syncs: 3, largestPayload: rows * 10, byMethod: { x: 1 } });');
  writeFileSync(join(root, 'fake', 'sheets.js'), 'exports.someHostCost = async (rows) => { if (rows > 100) throw new Error("слишком много"); return { calls: 418 }; };');

  it('prints «не собрано» for a missing module, counts for a working one, and the message of a failure', async () => {
    const rows = await hostCosts(root, [100, 1000], [
      { host: 'Excel', module: join('fake', 'excel.js'), preferred: 'excelHostCost' },
      { host: 'Google Таблицы', module: join('fake', 'sheets.js'), preferred: 'sheetsHostCost' },
      { host: 'Нет', module: join('fake', 'none.js'), preferred: 'noneHostCost' },
    ]);
    expect(rows).toEqual([
      { host: 'Excel', schools: 100, status: 'ok', counts: { syncs: 3, largestPayload: 1000 } },
      { host: 'Excel', schools: 1000, status: 'ok', counts: { syncs: 3, largestPayload: 10000 } },
      { host: 'Google Таблицы', schools: 100, status: 'ok', counts: { calls: 418 } },
      { host: 'Google Таблицы', schools: 1000, status: 'failed', note: 'слишком много' },
      { host: 'Нет', schools: null, status: 'missing', note: expect.stringContaining('не собрано') },
    ]);
  });
});

describe('the printed report', () => {
  it('formats Markdown tables and ratios', () => {
    expect(markdownTable(['a', 'b|c'], [['1', '2']], ['l', 'r'])).toBe('| a | b\\|c |\n| --- | ---: |\n| 1 | 2 |\n');
    expect(times(3.24)).toBe('3,2×');
    expect(times(1450.4)).toBe('1\u00a0450×');
  });

  it('shows every measurement, marks targets and estimates, and notes what was not built', () => {
    const root = mkdtempSync(join(tmpdir(), 'sferum-bench-'));
    const bench: BenchResult = {
      sizes: [
        { schools: 40_000, districts: 1_600, coreMs: 40, fullMs: 90, coreRuns: 7, floorMs: 20, leastMs: 16, corePages: 400, floorPages: 1, stages: { parseMs: 24, evaluateMs: 12, reportMs: 3, floorMs: 10 }, heapBytes: 50 * 2 ** 20, retainedBytes: 30 * 2 ** 20, maxRssBytes: 300 * 2 ** 20,
          formula: { ms: 4_000_000, formulas: 1, sampledDistricts: 10, runs: 1 } },
      ],
      hosts: [{ host: 'Excel', schools: null, status: 'missing', note: 'не собрано' }],
      gcExposed: true,
      pageCost: { micros: 25, pages: 10_240 },
      names: 'full',
      seconds: 90,
      root,
    };
    const text = benchMarkdown(bench);
    expect(text).toContain('| 40\u00a0000 | 1\u00a0600 | 40,0 | 20,0 | 2,0× | 90,0 | 4\u00a0000\u00a0000* | 100\u00a0000× |');
    expect(text).toContain('| Ядро ≤ 50 мс | 40,0 мс | ✓ |');
    expect(text).toContain('| 40\u00a0000 | 20,0 | 16,0 | 40,0 | 0,8× | 2,5× |');
    expect(text).toContain('| 40\u00a0000 | 24,0 | 12,0 | 3,0 | 10,0 | 2,4× | 1,2× | 0,3× |');
    // 400 pages at 25 µs: 10 ms of core's 40, so 30 ms against the floor's 20.
    expect(text).toContain('стоит 25,0 мкс');
    expect(text).toContain('| 40\u00a0000 | 400 | 1 | 10,0 | 2,0× | 1,5× |');
    expect(benchMarkdown({ ...bench, pageCost: null })).toContain('не измерено');
    expect(text).toContain('полные официальные названия ОО');
    expect(text).toContain('по 10 из 1\u00a0600 районов');
    expect(text).toContain('| Excel | — | не собрано |');
    expect(text).toContain('не собрано (npm run build)');
    expect(bundleSizes(root).every((b) => b.bytes === null)).toBe(true);
  });
});
