/** Reading whole sheets in blocks: the payload budget and Excel's per-range cell limit. */
import { FakeExcel } from '../test-support';
import { DESKTOP_PAYLOAD_BUDGET, firstReadRowBytes, jsonBytes } from './payload';
import { queueNamedSheetExtent, readSheetValues } from './readSheets';

const values = Array.from({ length: 100 }, (_, r) => Array.from({ length: 10 }, (_, c) => (c === 0 ? `Школа ${r}` : r * 10 + c)));

async function read(options: { budget?: number; cellLimit?: number }): Promise<{ excel: FakeExcel; read: readonly (readonly unknown[])[] }> {
  const excel = new FakeExcel([{ name: 'Лист', values }]);
  const [block] = await excel.run(async (context) => {
    const extent = queueNamedSheetExtent(context, 'Лист');
    await context.sync();
    return readSheetValues(context, [extent], options);
  });
  return { excel, read: block?.values ?? [] };
}

describe('readSheetValues', () => {
  it('reads a sheet in one block when it fits the budget', async () => {
    const { excel, read: got } = await read({ budget: DESKTOP_PAYLOAD_BUDGET });
    expect(got).toEqual(values);
    expect(excel.syncs).toHaveLength(2);
    expect(excel.calls.filter((call) => call.kind === 'load' && /values/.test(JSON.stringify(call.member)))).toHaveLength(1);
  });

  it('keeps every range under the cell limit, still in one sync when the bytes fit', async () => {
    // 1,000 cells at 250 per range: four ranges of 25 rows, sent together.
    const { excel, read: got } = await read({ budget: DESKTOP_PAYLOAD_BUDGET, cellLimit: 250 });
    expect(got).toEqual(values);
    expect(excel.syncs).toHaveLength(2);
    expect(excel.calls.filter((call) => call.kind === 'load' && /values/.test(JSON.stringify(call.member)))).toHaveLength(4);
  });

  it('splits the read into several syncs when the bytes do not fit the budget', async () => {
    const { excel, read: got } = await read({ budget: 4_000 });
    expect(got).toEqual(values);
    expect(excel.syncs.length).toBeGreaterThan(3);
  });

  it('a sheet of long texts, larger than the first estimate: the refused read is asked again in smaller blocks, every response under the limit', async () => {
    const notes = Array.from({ length: 100 }, (_, r) => [`Школа ${r}`, 'примечание '.repeat(200), r]);
    const excel = new FakeExcel([{ name: 'Лист', values: notes }]);
    excel.payloadLimit = 100_000;
    // The estimate takes the whole sheet for one read; it is in fact four times the limit.
    expect(firstReadRowBytes(3) * notes.length).toBeLessThan(80_000);
    expect(jsonBytes(notes)).toBeGreaterThan(400_000);
    const [block] = await excel.run(async (context) => {
      const extent = queueNamedSheetExtent(context, 'Лист');
      await context.sync();
      return readSheetValues(context, [extent], { budget: 80_000 });
    });
    expect(block?.values).toEqual(notes);
    expect(excel.syncs.filter((sync) => sync.failed).length).toBeGreaterThan(0);
    for (const sync of excel.syncs.filter((s) => !s.failed)) expect(sync.responseBytes).toBeLessThanOrEqual(100_000);
  });

  it('a refused read that also carried the caller\'s loads queues them again', async () => {
    const notes = Array.from({ length: 100 }, (_, r) => [`Школа ${r}`, 'примечание '.repeat(200)]);
    const excel = new FakeExcel([{ name: 'Лист', values: notes }, { name: 'Другой', values: [['x']] }]);
    excel.payloadLimit = 100_000;
    let requeued = 0;
    const name = await excel.run(async (context) => {
      const extent = queueNamedSheetExtent(context, 'Лист');
      await context.sync();
      const other = context.workbook.worksheets.getItem('Другой');
      other.load('name');
      await readSheetValues(context, [extent], { budget: 80_000, requeue: () => { requeued++; other.load('name'); } });
      return other.name;
    });
    expect(name).toBe('Другой');
    expect(requeued).toBeGreaterThan(0);
    expect(requeued).toBe(excel.syncs.filter((sync) => sync.failed).length);
  });
});
