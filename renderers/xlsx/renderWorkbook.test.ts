/**
 * The .xlsx renderer: a report model in, a workbook out, read back with ExcelJS. Checks that
 * every part of the model lands where sheetLayout says, and that the live colour rules give
 * the same red / yellow / green as the model's own tones.
 */
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import JSZip from 'jszip';
import {
  MARKER, nearFrom, NUMBER_FORMATS, runJob, sheetLayout, statusOf, toneOf, type ReportModel, type ReportSheet, type ThresholdRule,
} from '../../core';
import { thresholdConditions } from '../../core';
import { conditionalFormats } from './conditionalFormats';
import { dataRows, markerName, renderXlsx } from './renderWorkbook';

function conditionalFormatsOf(sheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (sheet as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
}

/** The XML of the n-th sheet in the file. */
async function sheetXml(bytes: Uint8Array, n: number): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file(`xl/worksheets/sheet${n}.xml`)?.async('string')) ?? '';
}

async function roundTrip(report: ReportModel): Promise<ExcelJS.Workbook> {
  const bytes = await renderXlsx(report, { created: new Date(Date.UTC(2023, 3, 14)) });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

const RULE: ThresholdRule = { kind: 'threshold', column: 3, target: 0.35, nearFrom: nearFrom(0.35, 0.05), tolerance: 0.05 };
const rule = (target: number, tolerance: number): ThresholdRule => ({ kind: 'threshold', column: 0, target, nearFrom: nearFrom(target, tolerance), tolerance });

const DISTRICTS: ReportSheet = {
  kind: 'districts',
  name: 'Сферум — районы',
  marker: `${MARKER}:districts`,
  title: 'Сферум: сводка по районам',
  subtitle: ['Период: 10.04.2023–14.04.2023.', 'Цели: Создали чаты 35%.'],
  columns: [
    { key: 'priority', header: 'Приоритет', format: 'integer', width: 10 },
    { key: 'district', header: 'Район', format: 'text', width: 28 },
    { key: 'teachers', header: 'Учителей в Сферуме', format: 'integer', width: 11 },
    { key: 'share:teachersCreatedChats', header: 'Создали чаты, доля', format: 'percent', width: 12 },
    { key: 'change:teachersCreatedChats', header: 'Создали чаты, изм. за неделю', format: 'points', width: 12 },
    { key: 'known', header: 'Данные есть', format: 'boolean', width: 8 },
  ],
  rows: [
    { kind: 'data', cells: [1, 'Северный район', 17218, 0.2, -1.25, true], tones: [null, null, null, 'bad', null, null] },
    { kind: 'data', cells: [2, 'Южный район', 110, 0.3727, null, false], tones: [null, null, null, 'good', null, null] },
    { kind: 'total', cells: [null, 'Итого по региону', 17328, 0.2011, 0.5, null], tones: [null, null, null, 'bad', null, null] },
  ],
  rules: [RULE, { kind: 'dataBar', column: 3 }],
  chart: { title: 'Доля учителей, создавших чаты: районы и цель 35%', categoryColumn: 1, valueColumns: [3], target: 0.35 },
  frozenColumns: 2,
};

const REPORT: ReportModel = { title: 'Сферум: отчёт по районам', sheets: [DISTRICTS] };

describe('renderXlsx', () => {
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  const layout = sheetLayout(DISTRICTS);

  beforeAll(async () => {
    workbook = await roundTrip(REPORT);
    sheet = workbook.getWorksheet('Сферум — районы') as ExcelJS.Worksheet;
  });

  it('puts the title, subtitle, header and rows where sheetLayout says', () => {
    expect(layout).toMatchObject({ titleRow: 1, headerRow: 5, firstDataRow: 6, lastDataRow: 8, lastColumn: 6 });
    expect(sheet.getCell('A1').value).toBe('Сферум: сводка по районам');
    expect(sheet.getCell('A2').value).toBe('Период: 10.04.2023–14.04.2023.');
    expect(sheet.getCell('A3').value).toBe('Цели: Создали чаты 35%.');
    expect(sheet.getCell('A4').value).toBeNull();
    expect(sheet.getRow(5).values).toEqual([undefined, 'Приоритет', 'Район', 'Учителей в Сферуме', 'Создали чаты, доля', 'Создали чаты, изм. за неделю', 'Данные есть']);
    expect(sheet.getRow(6).values).toEqual([undefined, 1, 'Северный район', 17218, 0.2, -1.25, true]);
    expect(sheet.getCell('E7').value).toBeNull();
    expect(sheet.getCell('B8').value).toBe('Итого по региону');
  });

  it('keeps numbers as numbers with the model number formats', () => {
    expect(sheet.getCell('D6').numFmt).toBe('0.00%');
    expect(sheet.getCell('C6').numFmt).toBe(NUMBER_FORMATS.integer);
    expect(sheet.getCell('E6').numFmt).toBe(NUMBER_FORMATS.points);
    expect(sheet.getCell('B6').numFmt).toBe('@');
    expect(sheet.getCell('F6').numFmt).toBeUndefined();
    expect(typeof sheet.getCell('C6').value).toBe('number');
  });

  it('styles the header band, the total row, and fills toned cells', () => {
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('D5').font?.bold).toBe(true);
    expect(sheet.getCell('D5').alignment?.wrapText).toBe(true);
    expect(sheet.getCell('D6').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(sheet.getCell('D7').fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
    expect(sheet.getCell('D6').font?.color?.argb).toBe('FF9C0006');
    expect(sheet.getCell('B8').font?.bold).toBe(true);
    expect(sheet.getCell('D8').font).toMatchObject({ bold: true, color: { argb: 'FF9C0006' } });
  });

  it('freezes the header and the name columns, and sets column widths', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 5 });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(28);
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(12);
  });

  it('turns the threshold rule into three marked formula rules over the data rows only', () => {
    const formats = conditionalFormatsOf(sheet);
    const threshold = formats.filter((f) => f.rules.some((r) => r.type === 'expression'));
    expect(threshold).toHaveLength(1);
    expect(threshold[0]?.ref).toBe('D6:D7');
    const formulas = threshold[0]?.rules.map((r) => (r.type === 'expression' ? String(r.formulae?.[0]) : ''));
    expect(formulas).toEqual([
      'AND(N("sferum-monitor")=0,ISNUMBER(D6),D6<0.3)',
      'AND(N("sferum-monitor")=0,ISNUMBER(D6),D6>=0.3,D6<0.35)',
      'AND(N("sferum-monitor")=0,ISNUMBER(D6),D6>=0.35)',
    ]);
    const fills = threshold[0]?.rules.map((r) => (r.style?.fill as ExcelJS.FillPattern | undefined)?.bgColor?.argb);
    expect(fills).toEqual(['FFFFC7CE', 'FFFFEB9C', 'FFC6EFCE']);
  });

  it('writes the data bar from zero to the column maximum, once even though the chart asks too', () => {
    const bars = conditionalFormatsOf(sheet).filter((f) => f.rules.some((r) => r.type === 'dataBar'));
    expect(bars.map((f) => f.ref)).toEqual(['D6:D7']);
    expect(bars[0]?.rules[0]).toMatchObject({ type: 'dataBar', cfvo: [{ type: 'num', value: 0 }, { type: 'max' }] });
  });

  it('writes the Excel 2010 extension of the data bar (solid, full length) that its rule refers to', async () => {
    // These settings are only in the extension: without it Excel draws gradient bars of 10–90 %,
    // and the rule's reference to it would be left empty.
    expect(conditionalFormatsOf(sheet).flatMap((f) => f.rules).find((r) => r.type === 'dataBar')).toMatchObject({ gradient: false, minLength: 0, maxLength: 100 });
    const xml = await sheetXml(await renderXlsx(REPORT), 1);
    const id = /<x14:id>(\{[0-9A-F-]+\})<\/x14:id>/.exec(xml)?.[1];
    expect(id).toBeDefined();
    expect(xml).toContain(`<x14:cfRule type="dataBar" id="${id}">`);
    // The extension list is the last element of a sheet.
    expect(xml.trimEnd()).toMatch(/<\/extLst><\/worksheet>$/);
  });

  it('notes on the chart column that the chart itself is not in the file', () => {
    const note = sheet.getCell('D5').note;
    const text = typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
    expect(text).toContain('Диаграмма «Доля учителей, создавших чаты: районы и цель 35%»');
    expect(text).toContain('35%');
  });

  it('marks the workbook and each sheet as made by sferum-monitor', () => {
    expect(workbook.keywords).toBe(MARKER);
    expect(workbook.definedNames.model).toEqual(
      expect.arrayContaining([{ name: markerName(`${MARKER}:districts`), ranges: ["'Сферум — районы'!$A$1"] }]),
    );
  });

  it('filters the header and data rows, not the total', () => {
    expect(sheet.autoFilter).toBe('A5:F7');
  });
});

describe('threshold formulas', () => {
  /** The tone a formula rule gives a value, by evaluating the three formulas with HyperFormula. */
  function formulaTone(value: number, rule: ThresholdRule): string | null {
    const conditions = thresholdConditions(rule, 'A1');
    const hf = HyperFormula.buildFromArray([[value, `=${conditions.bad}`, `=${conditions.near}`, `=${conditions.good}`]], { licenseKey: 'gpl-v3' });
    const [, bad, near, good] = hf.getSheetValues(0)[0] ?? [];
    hf.destroy();
    return bad === true ? 'bad' : near === true ? 'near' : good === true ? 'good' : null;
  }

  it.each([0, 0.1, 0.2999, 0.3, 0.3001, 0.3499, 0.35, 0.3501, 0.5, 1])('agree with the model tone for a share of %p', (value) => {
    expect(formulaTone(value, RULE)).toBe(toneOf(statusOf(value, RULE.target, RULE.tolerance)));
  });

  it('leave empty and text cells uncoloured', () => {
    const conditions = thresholdConditions(RULE, 'A1');
    const hf = HyperFormula.buildFromArray([[null, ...Object.values(conditions).map((f) => `=${f}`)], ['н/д', ...Object.values(conditions).map((f) => `=${f.replace(/A1/g, 'A2')}`)]], { licenseKey: 'gpl-v3' });
    expect(hf.getSheetValues(0).map((row) => row.slice(1))).toEqual([[false, false, false], [false, false, false]]);
    hf.destroy();
  });

  it('write core\'s bounds without binary noise', () => {
    expect(thresholdConditions(rule(0.3, 0.1), 'B2').bad).toBe('AND(N("sferum-monitor")=0,ISNUMBER(B2),B2<0.2)');
    expect(thresholdConditions(rule(0.03, 0.05), 'B2').bad).toContain('B2<0)');
    expect(thresholdConditions({ ...RULE, nearFrom: 0.123456789 }, 'B2').near).toContain('B2>=0.123456789,B2<0.35');
  });

  it('are not written when the sheet has no data rows', () => {
    expect(conditionalFormats([RULE], { first: 6, last: 5 })).toEqual([]);
  });
});

describe('reports built by core', () => {
  const rows = [
    ['Район', 'ОО', 'Учителей всего', 'Учителя, создавшие групповые чаты'],
    ['Северный', 'Школа 1', 100, 40],
    ['Северный', 'Школа 2', 10, 1],
    ['Южный', 'Школа 3', 20, 2],
  ];

  it('render every sheet of the district report, with rules ending above the total row', async () => {
    const result = runJob({ current: { values: rows, name: 'тест' } });
    if (!result.ok) throw new Error(result.error);
    const workbook = await roundTrip(result.report);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(result.report.sheets.map((s) => s.name));
    const districts = result.report.sheets[0] as ReportSheet;
    const range = dataRows(districts);
    expect(range.last - range.first + 1).toBe(2);
    // Rows 6–7 are the two districts, row 8 the region total; `every` alone would pass on no rules at all.
    expect(range).toEqual({ first: 6, last: 7 });
    const formats = conditionalFormatsOf(workbook.worksheets[0] as ExcelJS.Worksheet);
    expect(formats.map((f) => [f.ref, f.rules.map((r) => r.type)])).toEqual([
      ['F6:F7', ['expression', 'expression', 'expression']],
      ['F6:F7', ['dataBar']],
    ]);
  });

  it('give two sheets of the same name distinct tabs', async () => {
    const twice: ReportModel = { title: 't', sheets: [DISTRICTS, DISTRICTS] };
    const workbook = await roundTrip(twice);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Сферум — районы', 'Сферум — районы (2)']);
  });
});
