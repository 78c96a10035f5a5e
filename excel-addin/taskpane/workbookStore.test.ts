/**
 * The record of the add-in's sheets as stored in the workbook: what a report wrote on each sheet
 * is kept beside its id, and records written before that (or damaged) still read.
 */
import { FakeSettings } from '../test-support/fakeExcel';
import { OWNED_SHEETS_KEY, WorkbookStore } from './workbookStore';

function storeWith(raw: unknown): WorkbookStore {
  const settings = new FakeSettings();
  settings.set(OWNED_SHEETS_KEY, JSON.stringify(raw));
  return new WorkbookStore(settings);
}

describe('WorkbookStore.ownedSheets', () => {
  test('an entry with its written extent comes back with it', async () => {
    const settings = new FakeSettings();
    const entry = { id: '{A}', kind: 'districts', key: 'districts|Сферум — районы', extent: { rows: 9, columns: 12, charts: 1 } } as const;
    await new WorkbookStore(settings).save({ ownedSheets: [entry] });
    expect(new WorkbookStore(settings).ownedSheets()).toEqual([entry]);
  });

  test('an old entry without an extent still reads, without one', () => {
    expect(storeWith([{ id: '{A}', kind: 'lagging', key: 'lagging|Сферум — отстающие ОО' }]).ownedSheets()).toEqual([
      { id: '{A}', kind: 'lagging', key: 'lagging|Сферум — отстающие ОО' },
    ]);
  });

  test.each([
    ['a text', 'A1:L9'],
    ['null', null],
    ['a count missing', { rows: 9, columns: 12 }],
    ['a negative count', { rows: -1, columns: 12, charts: 0 }],
    ['a fraction', { rows: 9.5, columns: 12, charts: 0 }],
    ['a count as text', { rows: '9', columns: 12, charts: 0 }],
  ])('an invalid extent (%s) is taken as missing; the entry stays', (_, extent) => {
    expect(storeWith([{ id: '{A}', kind: 'findings', key: 'findings|x', extent }]).ownedSheets()).toEqual([{ id: '{A}', kind: 'findings', key: 'findings|x' }]);
  });
});
