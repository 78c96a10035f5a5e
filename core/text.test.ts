import { mulberry32 } from '../samples/random';
import { cellText, normalizeHeader, normalizeText } from './text';

describe('normalizeText', () => {
  it('folds case, «ё», quotes, punctuation and spaces', () => {
    expect(normalizeText('  Берёзовский   РАЙОН ')).toBe('березовский район');
    expect(normalizeText('МКОУ «Ивановская ООШ»')).toBe('мкоу ивановская оош');
    expect(normalizeText('г. Комсомольск-на-Амуре')).toBe('г комсомольск на амуре');
    expect(normalizeText('Кол-во\u00a0учеников')).toBe('кол во учеников');
  });
  it('gives an empty string for empty values', () => {
    expect(normalizeText(null)).toBe('');
    expect(normalizeText(undefined)).toBe('');
  });
});

describe('normalizeHeader', () => {
  it('drops the parenthetical tail of official headers', () => {
    expect(normalizeHeader('Учеников всего (кол-во учеников в Сферуме)')).toBe('учеников всего');
    expect(normalizeHeader('Учителей всего (кол-во учителей в Сферуме, VK Мессенджере и ЭЖД)')).toBe('учителей всего');
  });
  it('keeps the percent sign, which tells shares from counts', () => {
    expect(normalizeHeader('% ОО в Сфере')).toBe('% оо в сфере');
  });
});

describe('cellText', () => {
  it('trims and folds inner spaces', () => {
    expect(cellText('  СОШ\u00a0 № 1 ')).toBe('СОШ № 1');
    expect(cellText(42)).toBe('42');
    expect(cellText('СОШ № 1')).toBe('СОШ № 1');
    expect(cellText('СОШ\t№ 1')).toBe('СОШ № 1');
    expect(cellText('СОШ\u200b№ 1')).toBe('СОШ № 1');
    expect(cellText('СОШ  № 1')).toBe('СОШ № 1');
    expect(cellText(' СОШ')).toBe('СОШ');
  });

  it('folds exactly as the plain regexp fold on 20 000 random strings (its fast path changes nothing)', () => {
    const alphabet = [...'СОШ№1 а-«»—', '\t', '\n', '\u00a0', '\u1680', '\u2003', '\u200b', '\u2028', '\u202f', '\u3000', '\ufeff', '\u0085', '\u0001'];
    const random = mulberry32(11);
    const wrong: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let i = Math.floor(random() * 12); i > 0; i--) text += alphabet[Math.floor(random() * alphabet.length)];
      if (cellText(text) !== text.replace(/[\s\u200b]+/g, ' ').trim()) wrong.push(JSON.stringify(text));
    }
    expect(wrong).toEqual([]);
  });
});
