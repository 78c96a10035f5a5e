import * as fs from 'fs';
import * as path from 'path';
import {
  DEFAULT_SEED,
  FIRST_DATA_ROW,
  PUBLISHED_WEEKS,
  anomalyTable,
  buildSampleSheets,
  buildWeeklyRows,
  percentText,
  toCsv,
  toXlsx,
} from './generate';

describe('samples/generate', () => {
  const { sheets, region } = buildSampleSheets(DEFAULT_SEED);

  it('builds the same weekly sheet from the same seed, and another from another seed', () => {
    const rows = buildWeeklyRows(DEFAULT_SEED);
    expect(buildWeeklyRows(DEFAULT_SEED)).toEqual(rows);
    expect(buildWeeklyRows(DEFAULT_SEED + 1)).not.toEqual(rows);
  });

  it('has about 800 schools in about 30 districts', () => {
    const data = buildWeeklyRows(DEFAULT_SEED).slice(FIRST_DATA_ROW - 1);
    const schools = data.filter((row) => row.some((cell) => cell !== null));
    expect(schools.length).toBe(801); // 800 schools and one repeated row
    expect(new Set(schools.map((row) => row[2])).size).toBe(800);
    expect(new Set(schools.map((row) => row[0]).filter((d) => d !== null)).size).toBe(30);
    const previous = buildWeeklyRows(DEFAULT_SEED, 'previous').slice(FIRST_DATA_ROW - 1);
    expect(previous.length).toBe(800 - 3 + 2);
    expect(region.newSchools).toHaveLength(3);
    expect(region.closedSchools).toHaveLength(2);
  });

  it('plants each of the eleven kinds of anomaly', () => {
    const kinds = region.anomalies.map((a) => a.kind);
    expect(kinds.filter((k) => k === 1)).toHaveLength(15);
    for (let kind = 2; kind <= 11; kind++) expect(kinds.filter((k) => k === kind)).toHaveLength(1);
  });

  it.each(['weekly-current', 'weekly-previous', 'plan-2.3', 'region-summary'])('committed %s.csv is what the generator writes now', (base) => {
    const sheet = sheets.find((s) => s.base === base);
    if (!sheet) throw new Error(`no sheet ${base}`);
    const committed = fs.readFileSync(path.join(__dirname, `${base}.csv`), 'utf8');
    // toEqual, not a boolean: a stale sample then shows which lines differ.
    expect(committed).toEqual(toCsv(sheet.rows, sheet.csv));
  });

  it('README lists exactly the planted anomalies', () => {
    const readme = fs.readFileSync(path.join(__dirname, 'README.md'), 'utf8');
    expect(readme).toContain(anomalyTable(region.anomalies));
  });

  it('summary shares given in DOMAIN.md agree with the counts', () => {
    // The weeks as DOMAIN.md publishes them; the loop below skips weeks without a percentage, so
    // make sure the three that have one are checked.
    expect(PUBLISHED_WEEKS.map((w) => [w.week, w.schoolsInSpherePercent, w.studentsInSpherePercent])).toEqual([
      ['20.02-22.02.2023', '97,01%', '76,11%'],
      ['23.02-03.03.2023', '98,56%', '76,78%'],
      ['06.03-10.03.2023', null, null],
      ['13.03-17.03.2023', null, null],
      ['20.03-24.03.2023', null, null],
      ['27.03-31.03.2023', null, null],
      ['03.04-07.04.2023', '98,72%', '76,81%'],
    ]);
    for (const week of PUBLISHED_WEEKS) {
      if (week.schoolsInSpherePercent) expect(percentText(week.schoolsInSphere, week.schoolsTotal)).toBe(week.schoolsInSpherePercent);
      if (week.studentsInSpherePercent) expect(percentText(week.studentsInSphere, week.studentsTotal)).toBe(week.studentsInSpherePercent);
    }
  });

  it('writes byte-identical xlsx twice', async () => {
    const plan = sheets.find((s) => s.base === 'plan-2.3');
    if (!plan) throw new Error('no plan sheet');
    const first = await toXlsx(plan);
    expect((await toXlsx(plan)).equals(first)).toBe(true);
  });
});
