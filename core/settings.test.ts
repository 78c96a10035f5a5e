import { DEFAULT_SETTINGS, DEFAULT_STORED_SETTINGS, parseShare, parseStoredSettings, resolveSettings } from './settings';

describe('parseShare', () => {
  it('reads what users type for a share', () => {
    expect(parseShare(0.35)).toBe(0.35);
    expect(parseShare('0,35')).toBe(0.35);
    expect(parseShare('35%')).toBe(0.35);
    expect(parseShare('35 %')).toBe(0.35);
    expect(parseShare('')).toBeNull();
    expect(parseShare(35)).toBe('invalid');
    expect(parseShare('-5%')).toBe('invalid');
  });
});

describe('resolveSettings', () => {
  it('starts from the federal targets of 2022–2023 and a 5-point tolerance', () => {
    const { settings, errors } = resolveSettings(undefined);
    expect(errors).toEqual([]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings.targets).toMatchObject({ teachersCreatedChats: 0.35, teachers3Messages: 0.25, teachers10Messages: 0.35, teachersCalled: 0.3, schoolsInSphere: 1 });
    expect(settings.tolerance).toBe(0.05);
  });

  it('has every default target of DOMAIN.md, 100 % for registration and activity, and none where the letters set none', () => {
    expect(DEFAULT_SETTINGS.targets).toEqual({
      teachersCreatedChats: 0.35, teachers3Messages: 0.25, teachers10Messages: 0.35, teachersCalled: 0.3,
      // Schools, authorities and active profiles registered; staff registered in «Сферум».
      schoolsInSphere: 1, authoritiesInSphere: 1, schoolsActive: 1, authoritiesActive: 1, teachersCoverage: 1, teachersInSphere: 1,
      teachersLinkedDiary: null, studentsLinkedDiary: null, studentsCoverage: null, studentsInSphere: null,
    });
  });

  it('takes the user\'s targets, tolerance and base', () => {
    const { settings, errors } = resolveSettings({ targets: { teachersCreatedChats: '40%', teachersLinkedDiary: 0.5 }, tolerance: '3%', teacherBase: 'staffTotal' });
    expect(errors).toEqual([]);
    expect(settings.targets.teachersCreatedChats).toBe(0.4);
    expect(settings.targets.teachersLinkedDiary).toBe(0.5);
    expect(settings.targets.teachers3Messages).toBe(0.25);
    expect(settings.tolerance).toBe(0.03);
    expect(settings.teacherBase).toBe('staffTotal');
  });

  it('reports what it cannot read and keeps the default', () => {
    const { settings, errors } = resolveSettings({ targets: { погода: 1, teachersCalled: 30 }, tolerance: 'пять', teacherBase: 'все' });
    expect(errors).toEqual([
      expect.stringMatching(/^неизвестный показатель «погода»; известны: teachersCreatedChats/),
      'цель должна быть долей от 0 до 1 (например 0,35 или 35%), а не «30»',
      'допуск должен быть долей от 0 до 1 (например 0,05 или 5%), а не «пять»',
      'неизвестная база учительских показателей «все»: ожидается «teachers» (учителя в Сферуме) или «staffTotal» (численность педагогов ОО); взята «teachers»',
    ]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('parseStoredSettings (what the add-ins save in the workbook)', () => {
  it('round-trips through JSON', () => {
    const stored = { ...DEFAULT_STORED_SETTINGS, tolerance: 0.02, mapping: { teachers: 4 }, previousSheet: 'Неделя 14', planSheet: 'План 2.3' };
    expect(parseStoredSettings(JSON.stringify(stored))).toEqual(stored);
  });

  it('keeps a column the user ruled out (−1, «нет в таблице»)', () => {
    expect(parseStoredSettings(JSON.stringify({ mapping: { teachersCalled: -1 } })).mapping).toEqual({ teachersCalled: -1 });
    // A required column cannot be ruled out: such a value (an older panel, a hand edit) is dropped.
    expect(parseStoredSettings(JSON.stringify({ mapping: { teachers: -1, district: -1 } })).mapping).toEqual({});
  });

  it('falls back to the defaults for anything unreadable, and never throws', () => {
    expect(parseStoredSettings(null)).toEqual(DEFAULT_STORED_SETTINGS);
    expect(parseStoredSettings('{не json')).toEqual(DEFAULT_STORED_SETTINGS);
    expect(parseStoredSettings('42')).toEqual(DEFAULT_STORED_SETTINGS);
    expect(parseStoredSettings(JSON.stringify({ tolerance: 7, mapping: { teachers: -2, teachersCalled: 1.5, school: 'Учреждение', district: 0, id: ' ', status: true }, previousSheet: '  ' }))).toEqual({
      ...DEFAULT_STORED_SETTINGS,
      mapping: { school: 'Учреждение', district: 0 },
    });
  });
});
