import { readReason, writeReason } from './fileErrors';

const failure = (code: string): Error => Object.assign(new Error(`${code}: open '/out/.r.xlsx.1.ab.tmp'`), { code });

describe('writeReason', () => {
  it('says in Russian why a file could not be written, without Node\'s English or the temporary file\'s name', () => {
    expect(writeReason(failure('EACCES'))).toBe('нет прав на запись в эту папку');
    expect(writeReason(failure('EROFS'))).toBe('диск или папка открыты только для чтения');
    expect(writeReason(failure('ENOSPC'))).toBe('на диске не осталось места');
    expect(writeReason(failure('EBUSY'))).toBe('файл занят другой программой (закройте его, например в Excel)');
    // Anything else keeps the system's own text rather than hide it.
    expect(writeReason(failure('EIO'))).toBe("EIO: open '/out/.r.xlsx.1.ab.tmp'");
  });
});

describe('readReason', () => {
  it('says in Russian why a file could not be read', () => {
    expect(readReason(failure('EACCES'))).toBe('нет прав на чтение файла');
    expect(readReason(failure('EPERM'))).toBe('нет прав на чтение файла');
    expect(readReason(failure('EBUSY'))).toBe('файл занят другой программой (закройте его, например в Excel)');
    expect(readReason(failure('EIO'))).toBe("EIO: open '/out/.r.xlsx.1.ab.tmp'");
  });
});
