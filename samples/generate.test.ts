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
    expect(committed === toCsv(sheet.rows, sheet.csv)).toBe(true);
  });

  it('README lists exactly the planted anomalies', () => {
    const readme = fs.readFileSync(path.join(__dirname, 'README.md'), 'utf8');
    expect(readme).toContain(anomalyTable(region.anomalies));
  });

  it('summary shares given in DOMAIN.md agree with the counts', () => {
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
