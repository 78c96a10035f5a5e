import { districtSeed, repeatedHashes, foldedText, hashKey, normalizedHash, scanName, type NameScan } from './nameKey';
import { cellText, normalizeText } from './text';
import { mulberry32 } from '../samples/random';

// Letters, digits and every separator the fast path knows, plus characters it must hand to
// normalizeText (accents, Turkish İ, Greek sigma, U+0085 which \s does not match), and the
// edges of the fast path's table (NUL, DEL, Latin-1, the first code past Cyrillic).
const ALPHABET = [
  ...'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяЀЂЏѐђџ',
  ...'ABCXYZabcxyz0123456789',
  ...' \t\n\v\f\r"\'`.,;:!?()[]{}\\/|_-#*+=<>@$%^&~',
  ...'\u00a0\u00ab\u00bb\u1680\u2000\u2007\u2009\u200a\u200b\u2013\u2014\u201c\u201d\u201e\u2028\u2029\u202f\u205f\u2116\u2212\u3000\ufeff',
  ...'\u0085éÉİıΣσςßﬁ\u0301',
  ...'\u0000\u007f\u00a9\u00c0\u00e0\u00ff\u0400\u040f\u045f\u0460',
];

describe('normalizedHash', () => {
  it('equals the hash of normalizeText for real school names', () => {
    for (const name of ['МБОУ «СОШ № 1»', '  мбоу сош №1 ', 'МБОУ "СОШ №1"', 'Ёлкинская ООШ', 'елкинская  ООШ', 'Lyceum — 2']) {
      expect(normalizedHash(name)).toBe(hashKey(normalizeText(name)));
    }
    expect(normalizedHash('МБОУ «СОШ № 1»')).toBe(normalizedHash('мбоу сош № 1'));
    expect(normalizedHash('МБОУ СОШ № 1')).not.toBe(normalizedHash('МБОУ СОШ № 11'));
  });

  it('equals the hash of normalizeText on 20 000 random strings, with any seed, and knows when cellText would fold them', () => {
    const random = mulberry32(7);
    const mismatches: string[] = [];
    const scan: NameScan = { hash: 0, needsFolding: false };
    for (let n = 0; n < 20_000; n++) {
      const length = Math.floor(random() * 24);
      let text = '';
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
      const seed = n % 3 === 0 ? undefined : hashKey('район|');
      if (normalizedHash(text, seed) !== hashKey(normalizeText(text), seed)) mismatches.push(JSON.stringify(text));
      scanName(text, seed ?? hashKey(''), scan);
      if (scan.needsFolding !== (cellText(text) !== text)) mismatches.push(`folding ${JSON.stringify(text)}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('keeps names of different districts apart by the seed, and characters in their order', () => {
    expect(normalizedHash('сош 1', hashKey('район 1|'))).not.toBe(normalizedHash('сош 1', hashKey('район 2|')));
    expect(hashKey('ab')).not.toBe(hashKey('ba'));
    expect(hashKey('сош 12')).not.toBe(hashKey('сош 21'));
    expect(hashKey('')).not.toBe(hashKey(' '));
  });

  it('spreads 40 000 school names over distinct hashes', () => {
    const hashes = new Set<number>();
    const seed = hashKey('район 0001|');
    for (let n = 1; n <= 40_000; n++) hashes.add(normalizedHash(`МБОУ СОШ № ${n}`, seed));
    // A 30-bit hash meets itself about once in 40 000 names by chance; more means it mixes badly.
    expect(hashes.size).toBeGreaterThanOrEqual(39_995);
  });
});

describe('districtSeed', () => {
  it('is the hash of the district key followed by «|»', () => {
    for (const key of ['', 'район 0469', 'ленинский район', 'a|b']) expect(districtSeed(key)).toBe(hashKey(`${key}|`));
    expect(districtSeed('район 1')).not.toBe(hashKey('район 1'));
  });
});

describe('foldedText', () => {
  it('is normalizeText on real district names and on 20 000 random strings', () => {
    for (const name of ['Ленинский р-н', '  г. Хабаровск ', 'Ёлкинский  район', 'ЗАТО «Звёздный»', 'Район 0001', 'Café']) {
      expect(foldedText(name)).toBe(normalizeText(name));
    }
    expect(foldedText('Ленинский р-н')).toBe('ленинский р н');
    const random = mulberry32(11);
    const mismatches: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      const length = Math.floor(random() * 24);
      let text = '';
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
      if (foldedText(text) !== normalizeText(text)) mismatches.push(JSON.stringify(text));
    }
    expect(mismatches).toEqual([]);
  });

  it('is normalizeText for every character up to the ideographic space, alone, inside a word and after a capital', () => {
    const mismatches: string[] = [];
    for (let code = 0; code <= 0x3000; code++) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `Ж${ch}z`, `Р ${ch}`, `${ch}${ch}`]) {
        if (foldedText(text) !== normalizeText(text)) mismatches.push(JSON.stringify(text));
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('is normalizeText on names of letters, digits and single spaces, the ones it lower-cases natively', () => {
    const letters = [...'АБВЁЖЯабвёжяЀЏѐџABZabz09', ' '];
    const random = mulberry32(5);
    const mismatches: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let i = Math.floor(random() * 16); i > 0; i--) text += letters[Math.floor(random() * letters.length)];
      if (foldedText(text) !== normalizeText(text)) mismatches.push(JSON.stringify(text));
    }
    expect(mismatches).toEqual([]);
    expect(foldedText('Район 0469')).toBe('район 0469');
    expect(foldedText('Ёлкинский район')).toBe('елкинский район');
  });

  it('hands long texts to normalizeText', () => {
    const long = `${'Очень Длинное Название '.repeat(20)}№ 5`;
    expect(foldedText(long)).toBe(normalizeText(long));
  });
});

describe('repeatedHashes', () => {
  /** (row, first row with its hash) for every row whose hash an earlier row has, flat, in row order. */
  const pairsOf = (hashes: Int32Array, length: number, skip: Uint8Array | null): number[] => Array.from(repeatedHashes(hashes, length, skip));

  it('gives each repeating row the first earlier row with its hash, in row order, leaving out skipped rows', () => {
    const random = mulberry32(11);
    // Few distinct hashes, so most rows repeat one; both ends of the 30-bit range are there.
    const pool = [0, 2 ** 30 - 1, ...Array.from({ length: 300 }, () => Math.floor(random() * 2 ** 30))];
    const hashes = Int32Array.from({ length: 5_000 }, () => pool[Math.floor(random() * pool.length)] as number);
    const skip = Uint8Array.from(hashes, () => (random() < 0.2 ? 1 : 0));
    for (const skipped of [null, skip]) {
      const seen = new Map<number, number>();
      const expected: number[] = [];
      hashes.forEach((hash, i) => {
        if (skipped?.[i] === 1) return;
        const first = seen.get(hash);
        if (first === undefined) seen.set(hash, i);
        else expected.push(i, first);
      });
      expect(pairsOf(hashes, hashes.length, skipped)).toEqual(expected);
    }
  });

  it('hands back nothing when every hash is new, and looks only at the first `length` hashes', () => {
    expect(pairsOf(Int32Array.of(5, 6, 7, 2 ** 30 - 1), 4, null)).toEqual([]);
    expect(pairsOf(Int32Array.of(7, 7, 7, 7), 3, null)).toEqual([1, 0, 2, 0]);
  });
});
