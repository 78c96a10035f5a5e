import { DEFAULT_STORED_SETTINGS } from '../core/settings';
import { percentText, readPercent, targetFields, withMapping, withTarget } from './panelForm';
import { sentence } from './panel';

describe('percent fields', () => {
  test('show stored fractions as percent text with a decimal comma', () => {
    expect(percentText(0.35)).toBe('35');
    expect(percentText(0.125)).toBe('12,5');
    expect(percentText(1)).toBe('100');
    expect(percentText(0)).toBe('0');
    expect(percentText(null)).toBe('');
  });
  test('read what users type: «35», «12,5», «35 %», empty', () => {
    expect(readPercent('35')).toEqual({ ok: true, value: 0.35 });
    expect(readPercent('12,5')).toEqual({ ok: true, value: 0.125 });
    expect(readPercent(' 35 % ')).toEqual({ ok: true, value: 0.35 });
    expect(readPercent('')).toEqual({ ok: true, value: null });
  });
  test('refuse what is not a percent from 0 to 100, in Russian', () => {
    expect(readPercent('сто')).toEqual({ ok: false, error: '«сто» — не процент: введите число от 0 до 100, например 35 или 12,5' });
    expect(readPercent('150').ok).toBe(false);
    expect(readPercent('-5').ok).toBe(false);
    // A share written as a fraction (as formulas and files take it) is not read as 0,35 %.
    expect(readPercent('0,35', true)).toEqual({ ok: false, error: '«0,35» похоже на долю: поле в процентах — введите 35. Если нужно именно 0,35 %, введите «0,35%»' });
    expect(readPercent('1', true)).toEqual({ ok: false, error: '«1» похоже на долю: поле в процентах — введите 100. Если нужно именно 1 %, введите «1%»' });
    expect(readPercent('0,35%', true)).toEqual({ ok: true, value: 0.0035 });
    expect(readPercent('0', true)).toEqual({ ok: true, value: 0 });
    // The tolerance may well be half a point.
    expect(readPercent('0,5')).toEqual({ ok: true, value: 0.005 });
  });
});

describe('settings edits', () => {
  test('the targets offered are the school indicators of the catalogue, with their defaults', () => {
    const fields = targetFields(DEFAULT_STORED_SETTINGS);
    expect(fields.map((f) => f.key)).toEqual([
      'teachersCreatedChats', 'teachers3Messages', 'teachers10Messages', 'teachersCalled',
      'teachersLinkedDiary', 'studentsLinkedDiary', 'teachersCoverage', 'studentsCoverage',
    ]);
    expect(fields[0]).toEqual({ key: 'teachersCreatedChats', label: 'Создали чаты', text: '35' });
  });
  test('edits return new settings and leave the old ones as they were', () => {
    const next = withTarget(DEFAULT_STORED_SETTINGS, 'teachersCalled', 0.4);
    expect(next.targets.teachersCalled).toBe(0.4);
    expect(DEFAULT_STORED_SETTINGS.targets.teachersCalled).toBe(0.3);
    const mapped = withMapping(DEFAULT_STORED_SETTINGS, 'teachers', 4);
    expect(mapped.mapping).toEqual({ teachers: 4 });
    expect(withMapping(mapped, 'teachers', null).mapping).toEqual({});
    expect(withMapping(DEFAULT_STORED_SETTINGS, 'teachers', 'Педагоги').mapping).toEqual({ teachers: 'Педагоги' });
  });
  test('messages shown on their own start with a capital letter', () => {
    expect(sentence('не найдены столбцы')).toBe('Не найдены столбцы');
    expect(sentence(null)).toBeNull();
  });
});
