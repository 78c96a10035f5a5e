/**
 * The `report` command run in-process on hand-made files: what it prints, the exit code, the
 * .xlsx it writes (read back with ExcelJS) and the JSON against figures computed by hand.
 */
import { existsSync, mkdirSync, promises as fsPromises, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from './main';
import type { JsonReport } from './jsonReport';
import { bundledSample } from './packagePaths';
import { conditionalFormatsOf, readXlsxBack, recordingIo, sha256, tempDir, WEEKLY_HEADERS, writeXlsx, type FixtureCell } from './testFiles';

const TITLE = 'Мониторинг использования ИКОП «Сферум» за период 10.04.2023–14.04.2023';

/**
 * Северный район: a 100-teacher school with 40 chat creators and a 10-teacher school with 1,
 * so the district's share is 41/110 = 37,27 % (the mean of 40 % and 10 % would be 25 %).
 * Южный район: one school exactly at two targets. Numbers partly as Russian text.
 */
const WEEKLY_ROWS: FixtureCell[][] = [
  [TITLE],
  [],
  [...WEEKLY_HEADERS],
  ['Северный район', 'МБОУ СОШ № 1', 500, 100, 40, 30, 10, 35],
  ['Северный район', 'МКОУ «Малая ООШ»', 80, 10, 1, '20%', 0, 3],
  ['Южный район', 'МБОУ «Гимназия № 3»', '1 234', '40', 14, 10, 12, 11],
];

async function weeklyXlsx(dir: string, name = 'weekly.xlsx'): Promise<string> {
  return writeXlsx(join(dir, name), [{ name: 'Мониторинг', rows: WEEKLY_ROWS, merges: ['A1:H1'] }]);
}

function csvOf(rows: readonly (readonly FixtureCell[])[]): string {
  const field = (v: FixtureCell): string => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + rows.map((row) => row.map(field).join(';')).join('\r\n') + '\r\n';
}

async function run(dir: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = recordingIo(dir);
  const code = await main(['report', ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

function readJson(path: string): JsonReport {
  return JSON.parse(readFileSync(path, 'utf8')) as JsonReport;
}

function headerIndex(sheet: ExcelJS.Worksheet, headerRow: number, text: string): number {
  const row = sheet.getRow(headerRow);
  for (let c = 1; c <= sheet.columnCount; c++) if (row.getCell(c).value === text) return c;
  throw new Error(`header «${text}» not found`);
}

describe('report on a hand-made weekly sheet', () => {
  let dir: string;
  let result: { code: number; out: string; err: string };

  beforeAll(async () => {
    dir = tempDir();
    await weeklyXlsx(dir);
    result = await run(dir, 'weekly.xlsx', '--out', 'out/report.xlsx', '--json', 'out/report.json');
  });

  it('exits with 0 and prints the district table with weighted shares', () => {
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Северный район');
    expect(result.out).toMatch(/Северный район\s+2\s+37,27%/);
    expect(result.out).toMatch(/Итого по региону\s+3\s+36,67%/);
    expect(result.out).toContain('период 10.04.2023–14.04.2023');
    expect(result.out).toContain('Отчёт Excel: ' + join('out', 'report.xlsx'));
    expect(result.out).toContain('Результаты JSON: ' + join('out', 'report.json'));
  });

  it('writes JSON with district figures computed by hand (sum over sum, not a mean)', () => {
    const json = readJson(join(dir, 'out', 'report.json'));
    expect(json.source).toBe('weekly.xlsx / Мониторинг');
    expect(json.week).toBe('10.04.2023–14.04.2023');
    expect(json.targets).toMatchObject({ teachersCreatedChats: 0.35, teachers3Messages: 0.25, teachers10Messages: 0.35, teachersCalled: 0.3 });

    const north = json.districts.find((d) => d.district === 'Северный район');
    expect(north).toBeDefined();
    expect(north?.schools).toBe(2);
    expect(north?.counts).toMatchObject({ students: 580, teachers: 110, teachersCreatedChats: 41, teachers3Messages: 32, teachers10Messages: 10, teachersCalled: 38 });
    expect(north?.shares.teachersCreatedChats).toBeCloseTo(41 / 110, 12);
    expect(north?.shares.teachersCreatedChats).not.toBeCloseTo((0.4 + 0.1) / 2, 3);
    expect(north?.shares.teachers3Messages).toBeCloseTo(32 / 110, 12);
    expect(north?.shares.teachersCalled).toBeCloseTo(38 / 110, 12);
    // 40 % meets 35 %, 10 % does not; 30 % and 20 % (near) against 25 %; 35 % and 30 % both meet 30 %.
    expect(north?.meetingTarget).toEqual({ teachersCreatedChats: 1, teachers3Messages: 1, teachers10Messages: 0, teachersCalled: 2 });
    expect(north?.laggingSchools).toBe(2);
    expect(north?.activeProfiles).toBeNull();

    const south = json.districts.find((d) => d.district === 'Южный район');
    expect(south?.counts.students).toBe(1234); // «1 234» as text
    expect(south?.shares.teachersCreatedChats).toBeCloseTo(0.35, 12);
    expect(south?.laggingSchools).toBe(0);

    expect(json.region.schools).toBe(3);
    expect(json.region.counts.teachers).toBe(150);
    expect(json.region.shares.teachersCreatedChats).toBeCloseTo(55 / 150, 12);
    expect(json.districts.map((d) => d.district)).toEqual(['Северный район', 'Южный район']);
  });

  it('lists schools with their sheet rows, statuses and gaps in people', () => {
    const json = readJson(join(dir, 'out', 'report.json'));
    expect(json.schools.map((s) => s.row)).toEqual([4, 5, 6]);
    const small = json.schools[1];
    expect(small).toMatchObject({ row: 5, district: 'Северный район', school: 'МКОУ «Малая ООШ»' });
    expect(small?.shares.teachersCreatedChats).toBeCloseTo(0.1, 12);
    expect(small?.status.teachersCreatedChats).toBe('отстаёт');
    expect(small?.status.teachers3Messages).toBe('близко'); // «20%» of 10 teachers = 2
    expect(small?.gap.teachersCreatedChats).toBe(3); // ⌈0,35 × 10 − 1⌉
    expect(json.schools[0]?.gap.teachers10Messages).toBe(25);
    expect(json.schools[2]?.status).toMatchObject({ teachersCreatedChats: 'выполнено', teachers10Messages: 'близко' });
  });

  it('reports the percentage in a count column as a finding with its row and header', () => {
    const json = readJson(join(dir, 'out', 'report.json'));
    expect(json.findings).toEqual([
      expect.objectContaining({ row: 5, column: 'Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю' }),
    ]);
    expect(json.findings[0]?.message).toContain('«20%»');
  });

  it('writes an .xlsx whose district sheet holds the values with 0.00% formats', async () => {
    const workbook = await readXlsxBack(join(dir, 'out', 'report.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Сферум — районы', 'Сферум — отстающие ОО', 'Сферум — проверка данных']);
    const sheet = workbook.getWorksheet('Сферум — районы') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('Сферум: сводка по районам');
    const headerRow = 5;
    const district = headerIndex(sheet, headerRow, 'Район');
    const chats = headerIndex(sheet, headerRow, 'Создали чаты, доля');
    expect(sheet.getRow(6).getCell(district).value).toBe('Северный район');
    expect(sheet.getRow(6).getCell(chats).value).toBeCloseTo(41 / 110, 12);
    expect(sheet.getRow(6).getCell(chats).numFmt).toBe('0.00%');
    expect(sheet.getRow(8).getCell(district).value).toBe('Итого по региону');
    expect(sheet.getRow(8).getCell(chats).value).toBeCloseTo(55 / 150, 12);
  });

  it('writes threshold and data-bar rules as conditional formats carrying the marker', async () => {
    const workbook = await readXlsxBack(join(dir, 'out', 'report.xlsx'));
    const sheet = workbook.getWorksheet('Сферум — районы') as ExcelJS.Worksheet;
    const formats = conditionalFormatsOf(sheet);
    const rules = formats.flatMap((f) => f.rules);
    expect(rules.filter((r) => r.type === 'expression')).toHaveLength(3 * 4);
    expect(rules.filter((r) => r.type === 'dataBar').length).toBeGreaterThanOrEqual(4);
    const chatsLetter = String.fromCharCode(64 + headerIndex(sheet, 5, 'Создали чаты, доля'));
    const chatsRules = formats.filter((f) => f.ref === `${chatsLetter}6:${chatsLetter}7`).flatMap((f) => f.rules);
    const formulas = chatsRules.flatMap((r) => (r.type === 'expression' ? r.formulae ?? [] : [])).map(String);
    expect(formulas).toEqual([
      `AND(N("sferum-monitor")=0,ISNUMBER(${chatsLetter}6),${chatsLetter}6<0.3)`,
      `AND(N("sferum-monitor")=0,ISNUMBER(${chatsLetter}6),${chatsLetter}6>=0.3,${chatsLetter}6<0.35)`,
      `AND(N("sferum-monitor")=0,ISNUMBER(${chatsLetter}6),${chatsLetter}6>=0.35)`,
    ]);
    const names = workbook.definedNames.model.map((n: { name: string }) => n.name);
    expect(names).toEqual(expect.arrayContaining(['sferum_monitor_districts', 'sferum_monitor_lagging', 'sferum_monitor_findings']));
  });

  it('never modifies the input file', async () => {
    const dir2 = tempDir();
    const file = await weeklyXlsx(dir2);
    const before = sha256(file);
    const again = await run(dir2, file, '--out', join(dir2, 'r.xlsx'));
    expect(again.code).toBe(0);
    expect(sha256(file)).toBe(before);
  });
});

describe('report on CSV input', () => {
  it('reads a «;» CSV with BOM and quotes into the same district figures', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'weekly.csv'), csvOf(WEEKLY_ROWS));
    const { code, err } = await run(dir, 'weekly.csv', '--json', 'r.json', '--out', 'r.xlsx');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = readJson(join(dir, 'r.json'));
    expect(json.source).toBe('weekly.csv');
    const north = json.districts.find((d) => d.district === 'Северный район');
    expect(north?.counts.teachersCreatedChats).toBe(41);
    expect(north?.shares.teachersCreatedChats).toBeCloseTo(41 / 110, 12);
    expect(json.schools[1]?.school).toBe('МКОУ «Малая ООШ»');
  });
});

describe('bad input: Russian message, exit code 2, no output left behind', () => {
  async function expectRefused(dir: string, argv: string[], message: RegExp): Promise<void> {
    const { code, err, out } = await run(dir, ...argv, '--out', 'out/report.xlsx', '--json', 'out/report.json');
    expect(code).toBe(2);
    expect(err).toMatch(/^Ошибка: /);
    expect(err).toMatch(message);
    expect(out).toBe('');
    expect(existsSync(join(dir, 'out', 'report.xlsx'))).toBe(false);
    expect(existsSync(join(dir, 'out', 'report.json'))).toBe(false);
    if (existsSync(join(dir, 'out'))) expect(readdirSync(join(dir, 'out'))).toEqual([]);
  }

  it('a missing file', async () => {
    const dir = tempDir();
    await expectRefused(dir, ['nowhere.xlsx'], /файл не найден: .*nowhere\.xlsx/);
  });

  it('a file without read permission: the reason in Russian, not Node\'s English', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    writeFileSync(join(dir, 'targets.json'), '{}');
    // Tests may run as root, which chmod 000 does not stop: the refusal is what the system would say.
    const readFile = fsPromises.readFile.bind(fsPromises);
    let deniedName = '';
    const denied = jest.spyOn(fsPromises, 'readFile').mockImplementation(((path: Parameters<typeof readFile>[0], options?: Parameters<typeof readFile>[1]) =>
      String(path).endsWith(deniedName) ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' })) : readFile(path, options ?? null)) as typeof fsPromises.readFile);
    try {
      deniedName = 'weekly.xlsx';
      await expectRefused(dir, ['weekly.xlsx'], /^Ошибка: не удаётся прочитать файл .*weekly\.xlsx: нет прав на чтение файла\n$/);
      deniedName = 'targets.json';
      await expectRefused(dir, ['weekly.xlsx', '--targets', 'targets.json'], /^Ошибка: не удаётся прочитать файл .*targets\.json: нет прав на чтение файла\n$/);
    } finally {
      denied.mockRestore();
    }
  });

  it('a text file renamed .xlsx', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'fake.xlsx'), 'Район;ОО;Учителей всего\nСеверный;Школа;10\n');
    await expectRefused(dir, ['fake.xlsx'], /не является книгой Excel \(\.xlsx\)/);
  });

  it('other zip files: an .ods (whatever its name), an .xlsb, a zip that is no workbook', async () => {
    const dir = tempDir();
    const zipOf = async (entries: Record<string, string>): Promise<Buffer> => {
      const zip = new JSZip();
      // OpenDocument stores «mimetype» first and uncompressed, as LibreOffice writes it.
      for (const [name, text] of Object.entries(entries)) zip.file(name, text, { compression: name === 'mimetype' ? 'STORE' : 'DEFLATE' });
      return zip.generateAsync({ type: 'nodebuffer' });
    };
    const ods = await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
    const xlsb = await zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.bin': 'binary', 'xl/worksheets/sheet1.bin': 'binary' });
    const other = await zipOf({ 'notes/readme.txt': 'не таблица' });
    for (const name of ['week.ods', 'week.xlsx', 'week.csv']) writeFileSync(join(dir, name), ods);
    writeFileSync(join(dir, 'week.xlsb'), xlsb);
    writeFileSync(join(dir, 'binary.xlsx'), xlsb);
    writeFileSync(join(dir, 'archive.xlsx'), other);
    writeFileSync(join(dir, 'archive.csv'), other);
    for (const name of ['week.ods', 'week.xlsx', 'week.csv']) await expectRefused(dir, [name], new RegExp(`формат \\.ods не поддерживается: .*${name.replace('.', '\\.')}\\. Сохраните таблицу как \\.xlsx`));
    await expectRefused(dir, ['week.xlsb'], /формат \.xlsb не поддерживается: .*week\.xlsb/);
    await expectRefused(dir, ['binary.xlsx'], /формат \.xlsb не поддерживается: .*binary\.xlsx/);
    await expectRefused(dir, ['archive.xlsx'], /файл не является книгой Excel \(\.xlsx\): .*archive\.xlsx/);
    await expectRefused(dir, ['archive.csv'], /файл не является книгой Excel \(\.xlsx\): .*archive\.csv/);
  });

  it('an old binary .xls', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    await expectRefused(dir, ['old.xls'], /формат \.xls не поддерживается/);
  });

  it('a password-protected .xlsx (kept in the old container, its workbook encrypted)', async () => {
    const dir = tempDir();
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    writeFileSync(join(dir, 'secret.xlsx'), Buffer.concat([header, Buffer.alloc(500), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(100)]));
    await expectRefused(dir, ['secret.xlsx'], /книга защищена паролем или ограничением доступа: .*secret\.xlsx\. Откройте её в Excel, снимите защиту/);
  });

  it('a binary file named .csv', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'image.csv'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    await expectRefused(dir, ['image.csv'], /не похож на таблицу CSV/);
  });

  it('a sheet without a recognisable header', async () => {
    const dir = tempDir();
    await writeXlsx(join(dir, 'list.xlsx'), [{ name: 'Список', rows: [['Фамилия', 'Имя'], ['Иванов', 'Иван']] }]);
    await expectRefused(dir, ['list.xlsx'], /лист «Список»: не найдена строка заголовков таблицы мониторинга; в первых строках есть: «Фамилия», «Имя»/);
  });

  it('a header-only sheet (an empty table)', async () => {
    const dir = tempDir();
    await writeXlsx(join(dir, 'empty.xlsx'), [{ name: 'Мониторинг', rows: [[TITLE], [], [...WEEKLY_HEADERS]] }]);
    await expectRefused(dir, ['empty.xlsx'], /«empty\.xlsx \/ Мониторинг»: в таблице нет ни одной строки с данными под заголовком \(строка 3\)/);
  });

  it('a required column missing', async () => {
    const dir = tempDir();
    const rows = WEEKLY_ROWS.map((row, i) => (i < 2 ? row : row.filter((_, c) => c !== 3)));
    await writeXlsx(join(dir, 'noteachers.xlsx'), [{ name: 'Мониторинг', rows }]);
    await expectRefused(dir, ['noteachers.xlsx'], /не найдены обязательные столбцы: «Учителей всего»/);
    // The command line cannot map columns: its advice is what its user can do.
    const advice = 'Переименуйте в файле столбец с этими данными, как указано выше, или выберите другой лист параметром --sheet.\n';
    const auto = await run(dir, 'noteachers.xlsx', '--out', 'r.xlsx');
    expect(auto.err).toMatch(/, лист «Мониторинг»: не найдены обязательные столбцы: «Учителей всего»\. Найдены заголовки: «Район», /);
    expect(auto.err.endsWith(advice)).toBe(true);
    const named = await run(dir, 'noteachers.xlsx', '--sheet', 'Мониторинг', '--out', 'r.xlsx');
    expect(named.code).toBe(2);
    expect(named.err.endsWith(advice)).toBe(true);
    for (const { err } of [auto, named]) expect(err).not.toContain('соответствие');
    writeFileSync(join(dir, 'noteachers.csv'), csvOf(rows));
    const csv = await run(dir, 'noteachers.csv', '--out', 'r.xlsx');
    expect(csv.code).toBe(2);
    expect(csv.err.endsWith('Переименуйте в файле столбец с этими данными, как указано выше.\n')).toBe(true);
  });

  it('last week\'s file without a required column: the warning gives advice the command line can follow', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    const rows = WEEKLY_ROWS.map((row, i) => (i < 2 ? row : row.filter((_, c) => c !== 3)));
    await writeXlsx(join(dir, 'previous.xlsx'), [{ name: 'Мониторинг', rows }]);
    const { err } = await run(dir, 'weekly.xlsx', '--previous', 'previous.xlsx', '--out', 'r.xlsx');
    expect(err).toContain('не найдены обязательные столбцы: «Учителей всего»');
    expect(err).toContain('Переименуйте в файле столбец с этими данными, как указано выше.\n');
    expect(err).not.toContain('соответствие');
  });

  it('an unknown sheet name lists the sheets there are', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    await expectRefused(dir, ['weekly.xlsx', '--sheet', 'Апрель'], /лист «Апрель» не найден .*есть листы: «Мониторинг»/);
  });

  it('an unknown district', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    await expectRefused(dir, ['weekly.xlsx', '--district', 'Западный'], /район «Западный» не найден в таблице/);
  });

  it('an output path equal to the input', async () => {
    const dir = tempDir();
    const file = await weeklyXlsx(dir);
    const before = sha256(file);
    const io = recordingIo(dir);
    expect(await main(['report', 'weekly.xlsx', '--out', 'weekly.xlsx'], io)).toBe(2);
    expect(io.err()).toMatch(/нельзя записать результат поверх входного файла/);
    expect(sha256(file)).toBe(before);
  });

  it('unreadable --targets JSON', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    writeFileSync(join(dir, 'targets.json'), '{ targets: 40% }');
    await expectRefused(dir, ['weekly.xlsx', '--targets', 'targets.json'], /файл целей .* не читается как JSON/);
  });

  it('a --targets file that cannot be used as written (no fallback to the default targets)', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    const refused = async (contents: object, message: RegExp): Promise<void> => {
      writeFileSync(join(dir, 'targets.json'), JSON.stringify(contents));
      await expectRefused(dir, ['weekly.xlsx', '--targets', 'targets.json'], message);
    };
    const named = /^Ошибка: файл целей .*targets\.json нельзя использовать: /;
    await refused({ targets: { teachersCreatedChats: 40 } }, named);
    await refused({ targets: { teachersCreatedChats: 40 } }, /а не «40»\. Проценты пишите со знаком %: "40%" вместо 40 \(или долей: 0\.4\)\. Исправьте файл/);
    await refused({ tolerance: 5 }, /допуск должен быть долей от 0 до 1 .*а не «5»\. Проценты пишите со знаком %: "5%" вместо 5 \(или долей: 0\.05\)/);
    await refused({ targets: { teachersCreatedChat: 0.4 } }, /нельзя использовать: неизвестный показатель «teachersCreatedChat»; известны: teachersCreatedChats, /);
    await refused({ target: { teachersCreatedChats: 0.4 } }, /нельзя использовать: неизвестный ключ «target»; ожидаются targets, tolerance, teacherBase\. Исправьте файл/);
    await refused({ targets: { teachersCreatedChats: 'сорок' } }, /цель должна быть долей от 0 до 1 \(например 0,35 или 35%\), а не «сорок»\. Исправьте файл/);
    await refused({ teacherBase: null }, /неизвестная база учительских показателей «null»/);
    await refused({ teacherBase: 'staff' }, /неизвестная база учительских показателей «staff»: ожидается «teachers» .* или «staffTotal» \(численность педагогов ОО\)\. Исправьте/);
    await refused({ targets: [0.4] }, /нельзя использовать: «targets» должен быть объектом/);
  });

  it('a --plan file without a plan by district', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    writeFileSync(join(dir, 'plan.csv'), 'foo;bar\n1;2\n');
    await expectRefused(dir, ['weekly.xlsx', '--plan', 'plan.csv'],
      /^Ошибка: в файле плана 2\.3 .*plan\.csv не найден план по районам: не найдена строка заголовков таблицы плана 2\.3; .*«foo», «bar»[^.]*\. Нужна таблица со столбцами «Район», «План: ОО, достигших условия 2\.3»\.\n$/);
    writeFileSync(join(dir, 'plan.csv'), 'Район;План: ОО, достигших условия 2.3\nСеверный район;\n');
    await expectRefused(dir, ['weekly.xlsx', '--plan', 'plan.csv'], /plan\.csv не найден план по районам: нет ни одного района с числом в столбце плана\./);
    await writeXlsx(join(dir, 'plan.xlsx'), [
      { name: 'Пояснения', rows: [['План на 2023 год']] },
      { name: 'План', rows: [['Район', 'Всего ОО'], ['Северный район', 2]] },
    ]);
    await expectRefused(dir, ['weekly.xlsx', '--plan', 'plan.xlsx'],
      /plan\.xlsx не найден план по районам: \n  лист «Пояснения»: не найдена строка заголовков.*\n  лист «План»: не найдены обязательные столбцы: «План: ОО, достигших условия 2\.3»\. Найдены заголовки: «Район», «Всего ОО»\. Переименуйте в файле столбец с этими данными, как указано выше\nНужна таблица со столбцами «Район», «План: ОО, достигших условия 2\.3»\.\n$/);
  });

  it('unknown options and missing values', async () => {
    const dir = tempDir();
    await expectRefused(dir, ['--colour'], /неизвестный параметр «--colour»/);
    const io = recordingIo(dir);
    expect(await main(['report', 'weekly.xlsx', '--out'], io)).toBe(2);
    expect(io.err()).toMatch(/после --out нужно указать значение/);
    expect(await main(['publish'], recordingIo(dir))).toBe(2);
  });
});

describe('a workbook written by a program, its formulas never calculated', () => {
  it('warns that those cells were read as empty, naming them and what to do, instead of reporting shares without a word', async () => {
    const dir = tempDir();
    const rows = WEEKLY_ROWS.map((row, r) => (r === 4 ? row.map((v, c) => (c === 3 ? { formula: '50*2' } : v)) : row));
    await writeXlsx(join(dir, 'weekly.xlsx'), [{ name: 'Мониторинг', rows }]);
    const { code, err } = await run(dir, 'weekly.xlsx', '--out', 'r.xlsx');
    expect(code).toBe(0);
    expect(err).toContain('Внимание: в листе «weekly.xlsx / Мониторинг» формулы без вычисленных значений (1: D5: =50*2): файл записан программой, а не Excel, и эти ячейки прочитаны как пустые. Откройте файл в Excel, сохраните и запустите команду снова');
  });

  it('says the same of last week\'s file', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    const rows = WEEKLY_ROWS.map((row, r) => (r === 5 ? row.map((v, c) => (c === 4 ? { formula: 'D6*0.4' } : v)) : row));
    await writeXlsx(join(dir, 'old.xlsx'), [{ name: 'Неделя 14', rows }]);
    const { code, err } = await run(dir, 'weekly.xlsx', '--previous', 'old.xlsx', '--out', 'r.xlsx');
    expect(code).toBe(0);
    expect(err).toContain('Внимание: в листе «old.xlsx / Неделя 14» формулы без вычисленных значений (1: E6: =D6*0.4)');
  });
});

describe('options', () => {
  it('--help prints the usage and exits with 0', async () => {
    const io = recordingIo(tempDir());
    expect(await main(['report', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--previous ФАЙЛ');
  });

  it('--sheet picks the named sheet; without it the first sheet holding the table is used', async () => {
    const dir = tempDir();
    const notes: FixtureCell[][] = [['Пояснения к мониторингу'], ['Данные на листе «Мониторинг»']];
    await writeXlsx(join(dir, 'book.xlsx'), [
      { name: 'Пояснения', rows: notes },
      { name: 'Мониторинг', rows: WEEKLY_ROWS },
      { name: 'Копия', rows: WEEKLY_ROWS.slice(0, 4) },
    ]);
    const auto = await run(dir, 'book.xlsx', '--json', 'a.json', '--out', 'a.xlsx');
    expect(auto.code).toBe(0);
    expect(readJson(join(dir, 'a.json')).source).toBe('book.xlsx / Мониторинг');
    const named = await run(dir, 'book.xlsx', '--sheet', 'копия', '--json', 'b.json', '--out', 'b.xlsx');
    expect(named.code).toBe(0);
    expect(readJson(join(dir, 'b.json')).region.schools).toBe(1);
  });

  it('without --sheet, names the tab it used and the other tabs that also hold a monitoring table', async () => {
    const dir = tempDir();
    const lastWeek = WEEKLY_ROWS.map((row, i) => (i === 3 ? ['Северный район', 'МБОУ СОШ № 1', 500, 100, 30, 30, 10, 35] : row));
    await writeXlsx(join(dir, 'weeks.xlsx'), [
      { name: 'Пояснения', rows: [['Пояснения к мониторингу']] },
      { name: '14.04', rows: lastWeek },
      { name: '21.04', rows: WEEKLY_ROWS },
      { name: 'Архив', rows: WEEKLY_ROWS, hidden: true },
    ]);
    const auto = await run(dir, 'weeks.xlsx', '--json', 'a.json', '--out', 'a.xlsx');
    expect(auto.code).toBe(0);
    expect(readJson(join(dir, 'a.json')).source).toBe('weeks.xlsx / 14.04');
    expect(auto.err).toBe(
      'Внимание: таблица мониторинга есть на нескольких листах; отчёт построен по листу «14.04», ' +
      'она есть и на листах «21.04», «Архив» (скрытый). Чтобы взять другой лист, укажите его: --sheet "21.04"\n',
    );
    const chosen = await run(dir, 'weeks.xlsx', '--sheet', '21.04', '--json', 'b.json', '--out', 'b.xlsx');
    expect(chosen.code).toBe(0);
    expect(chosen.err).toBe('');
    expect(readJson(join(dir, 'b.json')).source).toBe('weeks.xlsx / 21.04');
  });

  it('--targets passes targets, tolerance and teacher base to core', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    writeFileSync(join(dir, 'targets.json'), JSON.stringify({ targets: { teachersCreatedChats: '40%', teachersCalled: 0.2 }, tolerance: 0.1, teacherBase: 'teachers' }));
    const { code, err } = await run(dir, 'weekly.xlsx', '--targets', 'targets.json', '--json', 'r.json', '--out', 'r.xlsx');
    expect(code).toBe(0);
    expect(err).toBe('');
    const json = readJson(join(dir, 'r.json'));
    expect(json.targets.teachersCreatedChats).toBe(0.4);
    expect(json.targets.teachersCalled).toBe(0.2);
    expect(json.targets.teachers3Messages).toBe(0.25);
    // 41/110 = 37,3 % is within 10 points below 40 %.
    expect(json.schools[0]?.status.teachersCreatedChats).toBe('выполнено');
    expect(json.districts.find((d) => d.district === 'Северный район')?.meetingTarget.teachersCreatedChats).toBe(1);
  });

  it('--targets with the staff base on a table without that column: a report from «Учителей всего» and a warning, as README says', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    writeFileSync(join(dir, 'targets.json'), JSON.stringify({ teacherBase: 'staffTotal' }));
    const { code, err } = await run(dir, 'weekly.xlsx', '--targets', 'targets.json', '--out', 'r.xlsx');
    expect(code).toBe(0);
    expect(err).toContain('Внимание: Настройки: учительские показатели выбрано считать от «Педагогов в ОО по штату»');
  });

  it('--previous adds week-over-week changes and the sheet of schools that came and went', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    const lastWeek = WEEKLY_ROWS.slice(0, 5).map((row, i) => (i === 3 ? ['Северный район', 'МБОУ СОШ № 1', 500, 100, 30, 30, 10, 35] : row));
    await writeXlsx(join(dir, 'previous.xlsx'), [{ name: 'Мониторинг', rows: lastWeek }]);
    const { code } = await run(dir, 'weekly.xlsx', '--previous', 'previous.xlsx', '--out', 'r.xlsx');
    expect(code).toBe(0);
    const workbook = await readXlsxBack(join(dir, 'r.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toContain('Сферум — состав ОО');
    const districts = workbook.getWorksheet('Сферум — районы') as ExcelJS.Worksheet;
    const change = headerIndex(districts, 5, 'Создали чаты, изм. за неделю');
    // Северный: 41/110 now, 31/110 before → +9,09 п.п.
    expect(districts.getRow(6).getCell(change).value).toBeCloseTo((10 / 110) * 100, 6);
    expect(districts.getRow(6).getCell(change).numFmt).toContain('п.п.');
  });

  it('a workbook with a tab per week as --previous too: this week\'s tab is left aside, --previous-sheet chooses, a week compared with itself is warned of', async () => {
    const dir = tempDir();
    const lastWeek = WEEKLY_ROWS.map((row, i) => (i === 3 ? ['Северный район', 'МБОУ СОШ № 1', 500, 100, 30, 30, 10, 35] : row));
    // Newest tab first, as many such workbooks keep them.
    await writeXlsx(join(dir, 'weeks.xlsx'), [{ name: '21.04', rows: WEEKLY_ROWS }, { name: '14.04', rows: lastWeek }]);
    const chatsChange = async (file: string): Promise<unknown> => {
      const districts = (await readXlsxBack(join(dir, file))).getWorksheet('Сферум — районы') as ExcelJS.Worksheet;
      return districts.getRow(6).getCell(headerIndex(districts, 5, 'Создали чаты, изм. за неделю')).value;
    };
    // This week is 21.04: last week is the other tab, 14.04 (Северный: 41/110 now, 31/110 before).
    const auto = await run(dir, 'weeks.xlsx', '--sheet', '21.04', '--previous', 'weeks.xlsx', '--out', 'a.xlsx');
    expect([auto.code, auto.err]).toEqual([0, '']);
    expect(await chatsChange('a.xlsx')).toBeCloseTo((10 / 110) * 100, 6);
    // Named: the same.
    const named = await run(dir, 'weeks.xlsx', '--sheet', '21.04', '--previous', 'weeks.xlsx', '--previous-sheet', '14.04', '--out', 'b.xlsx');
    expect([named.code, named.err]).toEqual([0, '']);
    expect(await chatsChange('b.xlsx')).toBeCloseTo((10 / 110) * 100, 6);
    // A workbook with one week given as both: compared with itself, and told so.
    await weeklyXlsx(dir);
    const itself = await run(dir, 'weekly.xlsx', '--previous', 'weekly.xlsx', '--out', 'c.xlsx');
    expect(itself.code).toBe(0);
    expect(itself.err).toBe(
      'Внимание: прошлая неделя взята с того же листа «Мониторинг», что и эта: все изменения будут нулевыми. Укажите файл или лист прошлой недели (--previous, --previous-sheet)\n',
    );
    // --previous-sheet picks in the --previous file, so it needs one.
    const alone = await run(dir, 'weekly.xlsx', '--previous-sheet', '14.04', '--out', 'd.xlsx');
    expect([alone.code, alone.err]).toEqual([2, 'Ошибка: параметр --previous-sheet выбирает лист в файле --previous: укажите и файл прошлой недели\n']);
    expect(existsSync(join(dir, 'd.xlsx'))).toBe(false);
  });

  it('--plan brings the district plan for 2.3 into the report', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    writeFileSync(join(dir, 'plan.csv'), '\uFEFFРайон;Всего ОО;План: ОО, достигших условия 2.3\r\nСеверный район;2;1\r\nЮжный район;1;1\r\n');
    const { code } = await run(dir, 'weekly.xlsx', '--plan', 'plan.csv', '--out', 'r.xlsx');
    expect(code).toBe(0);
    const sheet = (await readXlsxBack(join(dir, 'r.xlsx'))).getWorksheet('Сферум — районы') as ExcelJS.Worksheet;
    expect(sheet.getRow(6).getCell(headerIndex(sheet, 5, '2.3: план')).value).toBe(1);
  });

  it('a plan row left out and a plan district not in the table are warnings in the terminal and in the JSON, not findings of this week\'s rows', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    writeFileSync(join(dir, 'plan.csv'), 'Район;План: ОО, достигших условия 2.3\nСеверный район;1\nЮжный район;\nВосточный район;2\n');
    const { code, err } = await run(dir, 'weekly.xlsx', '--plan', 'plan.csv', '--out', 'r.xlsx', '--json', 'r.json');
    expect(code).toBe(0);
    const expected = [
      'План 2.3 («plan.csv»): строка 3 листа плана (ячейка B3): не указан план; район пропущен',
      'План 2.3 («plan.csv»): район «Восточный район» из плана не найден в таблице',
    ];
    const json = readJson(join(dir, 'r.json'));
    expect(json.warnings).toEqual(expected);
    expect(json.findings.map((f) => f.row)).toEqual([5]);
    for (const warning of expected) expect(err).toContain(warning);
  });

  it('--district narrows the report, the table and the JSON to one district', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    const { code, out } = await run(dir, 'weekly.xlsx', '--district', 'южный РАЙОН', '--json', 'r.json', '--out', 'r.xlsx');
    expect(code).toBe(0);
    expect(out).not.toContain('Северный район');
    const json = readJson(join(dir, 'r.json'));
    expect(json.districts.map((d) => d.district)).toEqual(['Южный район']);
    expect(json.schools.map((s) => s.row)).toEqual([6]);
    // The region stays the whole region (jsonReport.ts), for comparing the district with it.
    expect([json.region.schools, json.region.counts.teachers]).toEqual([3, 150]);
    const workbook = await readXlsxBack(join(dir, 'r.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Сферум — Южный район', 'Сферум — проверка данных']);
    // The «20%» of Северный район's row 5 is none of this district's business, in every output.
    expect(out).toContain('Отстающих ОО: 0 из 1. Замечаний проверки данных: 0.');
    expect(json.findings).toEqual([]);
    expect(String((workbook.getWorksheet('Сферум — проверка данных') as ExcelJS.Worksheet).getCell('A3').value)).toMatch(/^Замечаний: 0\./);

    const north = await run(dir, 'weekly.xlsx', '--district', 'Северный район', '--json', 'n.json', '--out', 'n.xlsx');
    expect(north.out).toContain('Отстающих ОО: 2 из 2. Замечаний проверки данных: 1 (лист «Сферум — проверка данных»).');
    expect(readJson(join(dir, 'n.json')).findings).toEqual([
      { row: 5, column: 'Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю', cell: 'F5', severity: 'warning', message: 'в столбце количества стоит процент («20%»); значение взято как доля' },
    ]);
  });
});

describe('the bundled sample (the README main job)', () => {
  const sample = bundledSample();
  // The samples are committed (samples/generate.test.ts checks them): a missing one is a defect,
  // not a reason to skip the README's main job.
  it('is in the repository, workbook and CSV twin', () => {
    expect([sample.current, sample.current.replace(/\.xlsx$/, '.csv'), sample.previous, sample.plan].map((file) => existsSync(file))).toEqual([true, true, true, true]);
  });

  it('runs with no file argument, uses last week and the plan, and writes the report', async () => {
    const dir = tempDir();
    const before = sha256(sample.current);
    const { code, out, err } = await run(dir, '--json', 'out/report.json');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('Входная таблица не указана: отчёт по образцу из samples/.');
    expect(out).toContain('Итого по региону');
    expect(out).toContain('Отчёт Excel: ' + join('out', 'report.xlsx'));
    expect(sha256(sample.current)).toBe(before);
    const workbook = await readXlsxBack(join(dir, 'out', 'report.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Сферум — районы', 'Сферум — отстающие ОО', 'Сферум — проверка данных', 'Сферум — состав ОО']);
    const json = readJson(join(dir, 'out', 'report.json'));
    expect(json.source).toBe('weekly-current.xlsx / Мониторинг');
    expect(json.region.schools).toBeGreaterThan(700);
    // The planted anomalies of samples/README.md come back with their rows.
    expect(json.findings.map((f) => f.row)).toEqual(expect.arrayContaining([35, 100, 103, 111, 346, 450, 667, 693]));
    // Weighted region share, recomputed from the JSON's own counts.
    expect(json.region.shares.teachersCreatedChats).toBeCloseTo((json.region.counts.teachersCreatedChats ?? NaN) / (json.region.counts.teachers ?? NaN), 12);
  }, 60_000);

  it('reads the CSV twin of the sample into the same region figures', async () => {
    const dir = tempDir();
    const csv = sample.current.replace(/\.xlsx$/, '.csv');
    const fromXlsx = await run(dir, sample.current, '--json', 'x.json', '--out', 'x.xlsx');
    const fromCsv = await run(dir, csv, '--json', 'c.json', '--out', 'c.xlsx');
    expect([fromXlsx.code, fromCsv.code]).toEqual([0, 0]);
    const x = readJson(join(dir, 'x.json'));
    const c = readJson(join(dir, 'c.json'));
    expect(c.region).toEqual(x.region);
    expect(c.findings).toEqual(x.findings);
  }, 60_000);
});

describe('progress and output failures', () => {
  it('prints progress to stderr for a large file, and nothing with --quiet', async () => {
    const dir = tempDir();
    const rows: FixtureCell[][] = [[TITLE], [...WEEKLY_HEADERS]];
    for (let i = 0; i < 4000; i++) rows.push([`Район ${i % 40}`, `Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ${i}»`, 500, 40, 14, 10, 12, 11]);
    writeFileSync(join(dir, 'big.csv'), csvOf(rows));
    const loud = await run(dir, 'big.csv', '--out', 'a.xlsx');
    expect(loud.code).toBe(0);
    expect(loud.err).toMatch(/^Чтение big\.csv \(\d+ КБ\)…\nПрочитан лист «big\.csv»: 4\u00a0002 строк за [\d,]+ с\nРасчёт: 4\u00a0000 ОО за [\d\u00a0]+ мс\nЗапись a\.xlsx…\n$/);
    expect(loud.out).not.toContain('… и ещё'); // 40 districts: the list is cut only above 60
    const quiet = await run(dir, 'big.csv', '--out', 'b.xlsx', '--quiet');
    expect(quiet.code).toBe(0);
    expect(quiet.err).toBe('');
  }, 60_000);

  it('leaves no file behind when the output cannot be written', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    writeFileSync(join(dir, 'blocked'), 'a file where a folder should be');
    // The .xlsx is written to its temporary name first; the JSON then fails, and both are gone.
    const { code, err } = await run(dir, 'weekly.xlsx', '--out', 'r.xlsx', '--json', 'blocked/r.json');
    expect(code).toBe(2);
    expect(err).toMatch(/не удалось записать .*blocked/);
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'weekly.xlsx']);
  });

  it('a folder where the JSON should go: nothing is written, last run\'s report stays as it was, and the message names the JSON', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    writeFileSync(join(dir, 'r.xlsx'), 'last week');
    mkdirSync(join(dir, 'r.json'));
    const { code, err } = await run(dir, 'weekly.xlsx', '--out', 'r.xlsx', '--json', 'r.json');
    expect(code).toBe(2);
    expect(err).toMatch(/^Ошибка: не удалось записать .*r\.json: по этому пути уже есть папка\n$/);
    expect(readFileSync(join(dir, 'r.xlsx'), 'utf8')).toBe('last week');
    expect(readdirSync(dir).sort()).toEqual(['r.json', 'r.xlsx', 'weekly.xlsx']);
  });

  it('replaces last run\'s files only when both new ones are written, and removes folders it made for a run that failed', async () => {
    const dir = tempDir();
    await weeklyXlsx(dir);
    writeFileSync(join(dir, 'blocked'), 'a file where a folder should be');
    const failed = await run(dir, 'weekly.xlsx', '--out', 'new/sub/r.xlsx', '--json', 'blocked/r.json');
    expect(failed.code).toBe(2);
    expect(failed.err).toMatch(/не удалось записать .*blocked.r\.json: часть пути — файл, а не папка/);
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'weekly.xlsx']);
    writeFileSync(join(dir, 'r.json'), 'old');
    const done = await run(dir, 'weekly.xlsx', '--out', 'r.xlsx', '--json', 'r.json');
    expect(done.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).districts.length).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'r.json', 'r.xlsx', 'weekly.xlsx']);
  });
});

describe('report on the region\'s week-by-week summary (the second table shape)', () => {
  it('reports each week\'s shares from the counts, writes the .xlsx and JSON, and lists the anomalies', async () => {
    const dir = tempDir();
    const csv = join(dir, 'summary.csv');
    writeFileSync(csv, '\uFEFF' + [
      'Мониторинг «Сферум», Ставропольский край, 2023',
      'Неделя;Всего ОО;ОО в Сфере;Школ не активно в Сфере;% ОО в Сфере;Общее кол-во педагогов;В Сфере;Общее кол-во обуч-ся;В Сфере;% в Сфере',
      '20.02-22.02.2023;636;617;50;97,01%;17 218;18 013;312 014;237 466;76,11%',
      '23.02-03.03.2023;626;617;50;98,56%;16 819;18 025;309 292;237 474;76,78%',
    ].join('\r\n'), 'utf8');
    const { code, out, err } = await run(dir, csv, '--out', join(dir, 'r.xlsx'), '--json', join(dir, 'r.json'), '--district', 'Любой');
    expect(err).not.toMatch(/^Ошибка/m);
    expect(code).toBe(0);
    expect(out).toContain('сводка региона по неделям');
    expect(out).toMatch(/20\.02-22\.02\.2023\s+97,01%/);
    expect(err).toContain('--district не используются');
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { weeks: { week: string; shares: Record<string, number | null> }[]; findings: { row: number; column: string; message: string }[]; warnings: string[] };
    // What the terminal warned of is in the JSON too, for a scheduled job that reads only the file.
    expect(json.warnings).toEqual(['это сводка региона по неделям: --district не используются']);
    expect(json.weeks.map((w) => [w.week, w.shares.schoolsInSphere, w.shares.studentsInSphere])).toEqual([
      ['20.02-22.02.2023', 617 / 636, 237466 / 312014],
      ['23.02-03.03.2023', 617 / 626, 237474 / 309292],
    ]);
    expect(json.findings).toContainEqual({ row: 3, column: 'В Сфере', cell: 'G3', severity: 'warning', message: 'значение больше базы: 18\u00a0013 > 17\u00a0218 («Общее кол-во педагогов»)' });
    // The workbook holds the week-by-week sheet with the shares as numbers, not just a file.
    const workbook = await readXlsxBack(join(dir, 'r.xlsx'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Сферум — по неделям', 'Сферум — проверка данных']);
    const weeks = workbook.worksheets[0] as ExcelJS.Worksheet;
    const headerRow = [1, 2, 3, 4, 5, 6, 7, 8].find((r) => weeks.getRow(r).getCell(1).value === 'Неделя') ?? -1;
    const share = headerIndex(weeks, headerRow, '% ОО в Сфере (цель 100%)');
    expect([1, 2].map((i) => [weeks.getRow(headerRow + i).getCell(1).value, weeks.getRow(headerRow + i).getCell(share).value])).toEqual([
      ['20.02-22.02.2023', 617 / 636],
      ['23.02-03.03.2023', 617 / 626],
    ]);
  });
});
