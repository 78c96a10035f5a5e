/**
 * A 30-bit hash of normalizeText(text), computed in one pass over the characters without
 * building the normalised string. Finding repeated schools needs a key for every row of a
 * country's table; building 40 000 lower-cased strings costs more than the rest of the parse.
 * Equal hashes are only candidates: callers confirm them with normalizeText.
 */
import { cellText, isOtherSpace, normalizeText } from './text';

/**
 * Hashes are kept to 30 bits at every step: V8 stores such integers inline (a «small integer»),
 * while a full 32-bit hash passed between functions becomes a heap object, one per row.
 */
const HASH_MASK = 0x3fffffff;
const FNV_OFFSET = 0x811c9dc5 & HASH_MASK;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;
const YO = 0x451;
const CAPITAL_YO = 0x401;

/** Separators above 0x7f that SEPARATORS names or \s matches. */
const WIDE_SEPARATORS = new Set([
  0xa0, 0xab, 0xbb, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x200b, 0x2013, 0x2014, 0x201c, 0x201d, 0x201e, 0x2028, 0x2029, 0x202f, 0x205f, 0x2116, 0x2212, 0x3000, 0xfeff,
]);

// The three marks of FOLDED are its highest values: anything below SEPARATOR is a folded character.
/** In FOLDED: a separator (a run of them is one space in the key). */
const SEPARATOR = 0xfffd;
/** In FOLDED: a separator that is also a space other than the plain one, which cellText folds. */
const OTHER_SPACE = 0xfffe;
/** In FOLDED: a character normalizeText itself must fold (accents, other scripts). */
const UNHANDLED = 0xffff;
/**
 * Codes below this are looked up in FOLDED: up to the ideographic space, so «№», dashes and
 * quotes, in nearly every school's name, cost one look-up like a letter (24 KB).
 */
const FOLDED_LIMIT = 0x3001;
/**
 * What normalizeText makes of each code below FOLDED_LIMIT: the lower-case code (ASCII,
 * Cyrillic), SEPARATOR, OTHER_SPACE or UNHANDLED. One look-up per character of a name.
 */
const FOLDED = new Uint16Array(FOLDED_LIMIT).fill(UNHANDLED);
for (let c = 0; c < 0x80; c++) FOLDED[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
for (let c = 0x400; c < 0x460; c++) FOLDED[c] = c < 0x410 ? c + 0x50 : c < 0x430 ? c + 0x20 : c; // Ѐ…Џ → ѐ…џ, А…Я → а…я
FOLDED[CAPITAL_YO] = 0x435; // Ё → е
FOLDED[YO] = 0x435; // ё → е
// The ASCII part of text.ts's SEPARATORS (\s and punctuation). A test checks they agree.
for (const ch of '\t\n\v\f\r "\'`.,;:!?()[]{}\\/|_-#*') FOLDED[ch.charCodeAt(0)] = separatorCode(ch.charCodeAt(0));
for (const c of WIDE_SEPARATORS) if (c < FOLDED_LIMIT) FOLDED[c] = separatorCode(c);

function separatorCode(code: number): number {
  return isOtherSpace(code) ? OTHER_SPACE : SEPARATOR;
}

/** FOLDED's answer for any code. */
function foldedOf(code: number): number {
  if (code < FOLDED_LIMIT) return FOLDED[code] as number;
  return WIDE_SEPARATORS.has(code) ? separatorCode(code) : UNHANDLED; // rare: the zero-width no-break space, or another script
}

function step(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) & HASH_MASK;
}

/*
 * Two FNV-1a lanes take the characters in turn (after each step the lanes swap), and are mixed
 * at the end. A single lane makes every character wait for the multiplication of the one before;
 * with two, the processor works on two characters at once. The name scan, the costliest part of
 * reading a row, took about a quarter less time per character in a micro-benchmark on names of
 * the sample's kind. The seed starts both lanes, differently.
 */
const SECOND_LANE = 0x2545f491;

/** Both lanes into one hash, every bit of each reaching the result (murmur3's finaliser, cut to 30 bits). */
function mixLanes(first: number, second: number): number {
  let hash = first ^ Math.imul(second, 0x9e3779b1);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) & HASH_MASK;
}

/**
 * The two-lane FNV-1a hash over the UTF-16 code units of a string that is already normalised,
 * and of the code `then` after them when one is given (districtSeed).
 */
export function hashKey(key: string, seed: number = FNV_OFFSET, then = -1): number {
  let first = seed;
  let second = seed ^ SECOND_LANE;
  for (let i = 0; i < key.length; i++) {
    const next = step(first, key.charCodeAt(i));
    first = second;
    second = next;
  }
  if (then >= 0) {
    const next = step(first, then);
    first = second;
    second = next;
  }
  return mixLanes(first, second);
}

/**
 * hashKey(`${districtKey}|`), the seed of the identity hashes of a district's schools, without
 * joining the strings: a joined string is flattened into a copy of its own when its characters
 * are read, two strings per district for a country's 1 600.
 */
export function districtSeed(districtKey: string): number {
  return hashKey(districtKey, FNV_OFFSET, 0x7c); // «|»
}

/** What scanName learns of a text in its one pass. */
export interface NameScan {
  /** hashKey(normalizeText(text), seed). */
  hash: number;
  /** Whether cellText would change the text (spaces to fold or trim). */
  needsFolding: boolean;
}

/**
 * hashKey(normalizeText(text), seed), and whether the text has spaces cellText folds, in one pass
 * over the characters (a country's school names are read once, not twice). Plain Latin and
 * Cyrillic text with the usual punctuation is folded here; anything else (other scripts,
 * accents) goes through normalizeText and cellText themselves, so they can never disagree.
 */
export function scanName(text: string, seed: number, out: NameScan): void {
  // hashKey's two lanes, stepped and swapped as there.
  let first = seed;
  let second = seed ^ SECOND_LANE;
  let started = false;
  let folding = false;
  const length = text.length;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    let folded = foldedOf(code);
    if (folded < SEPARATOR) {
      // Letters and digits, most of a name: one look-up and one hash step each.
      const next = step(first, folded);
      first = second;
      second = next;
      started = true;
      i++;
      continue;
    }
    if (folded === UNHANDLED) {
      out.hash = hashKey(normalizeText(text), seed);
      out.needsFolding = cellText(text) !== text;
      return;
    }
    // A run of separators is one space in the key, none at either end. cellText folds a
    // leading, trailing or doubled plain space, and any other kind of space. A run starts
    // after a kept character, or at the start (where a space is leading).
    let previousSpace = i === 0;
    for (;;) {
      if (code === SPACE) {
        if (previousSpace || i === length - 1) folding = true;
        previousSpace = true;
      } else {
        if (folded === OTHER_SPACE) folding = true;
        previousSpace = false;
      }
      if (++i === length) break;
      code = text.charCodeAt(i);
      folded = foldedOf(code);
      if (folded !== SEPARATOR && folded !== OTHER_SPACE) break;
    }
    // The character after the run is looked at again by the next turn of the loop.
    if (i < length && started) {
      const next = step(first, SPACE);
      first = second;
      second = next;
    }
  }
  out.hash = mixLanes(first, second);
  out.needsFolding = folding;
}

/** Longest text foldedText builds itself; longer ones are rare and go to normalizeText. */
const FOLDED_TEXT_LIMIT = 256;

/**
 * normalizeText(text), built by FOLDED for plain Latin and Cyrillic text: a district's key is
 * made once per spelling, but a country has 1 600 of them, and lower-casing Cyrillic through
 * the regular expressions costs ten times more. Anything FOLDED does not handle goes to
 * normalizeText itself.
 */
export function foldedText(text: string): string {
  if (text.length > FOLDED_TEXT_LIMIT) return normalizeText(text);
  if (onlyCaseToFold(text)) return text.toLowerCase();
  const codes: number[] = [];
  let spaceDue = false;
  for (let i = 0; i < text.length; i++) {
    const folded = foldedOf(text.charCodeAt(i));
    if (folded === UNHANDLED) return normalizeText(text);
    if (folded === SEPARATOR || folded === OTHER_SPACE) {
      spaceDue = codes.length > 0;
      continue;
    }
    if (spaceDue) codes.push(SPACE);
    spaceDue = false;
    codes.push(folded);
  }
  return String.fromCharCode(...codes);
}

/**
 * Whether normalizeText(text) is text.toLowerCase(): FOLDED knows every character, none is «ё»
 * (which the key spells «е») or a separator but a single plain space between words. Most
 * district names are («Район 0469», «Ленинский район»): lower-casing them natively makes only
 * the key, where building it code by code took six times as much memory.
 */
function onlyCaseToFold(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (foldedOf(code) < SEPARATOR) {
      if (code === YO || code === CAPITAL_YO) return false;
    } else if (code !== SPACE || i === 0 || i === last || text.charCodeAt(i - 1) === SPACE) {
      return false;
    }
  }
  return true;
}

const scratch: NameScan = { hash: 0, needsFolding: false };

/** hashKey(normalizeText(text), seed), computed without building the normalised string. */
export function normalizedHash(text: string, seed: number = FNV_OFFSET): number {
  scanName(text, seed, scratch);
  return scratch.hash;
}

/** repeatedHashes puts rows in 2⁶ groups by the top bits of their 30-bit hashes. */
const GROUP_BITS = 6;
const GROUP_SHIFT = 30 - GROUP_BITS;

/**
 * Among the first `length` hashes (30-bit, as hashKey gives them), the rows whose hash equals an
 * earlier row's, each with the first row of that hash: pairs (row, first row) in row order, flat.
 * Rows marked in `skip` take no part. Nearly every row of a sheet has a hash of its own, so only
 * the rare repeats are handed back, not an answer for every row.
 * The rows are first put in 64 groups by their hashes' top bits, in row order, and each group is
 * looked up in an open-addressing table small enough to stay in the processor's fastest cache:
 * one table for a country's 40 000 rows (where a Map touches several cache lines per look-up,
 * this touches one) still missed that cache on nearly every look-up, and took about twice as long.
 */
export function repeatedHashes(hashes: Int32Array, length: number, skip: Uint8Array | null): Int32Array {
  const groups = 1 << GROUP_BITS;
  // starts[g] … starts[g + 1]: where group g's rows go in `order`.
  const starts = new Int32Array(groups + 1);
  for (let i = 0; i < length; i++) {
    if (skip !== null && skip[i] === 1) continue;
    const g = ((hashes[i] as number) >>> GROUP_SHIFT) + 1;
    starts[g] = (starts[g] as number) + 1;
  }
  let largest = 0;
  for (let g = 0; g < groups; g++) {
    largest = Math.max(largest, starts[g + 1] as number);
    starts[g + 1] = (starts[g + 1] as number) + (starts[g] as number);
  }
  const order = new Int32Array(starts[groups] as number);
  const next = starts.slice(0, groups);
  for (let i = 0; i < length; i++) {
    if (skip !== null && skip[i] === 1) continue;
    const g = (hashes[i] as number) >>> GROUP_SHIFT;
    const at = next[g] as number;
    order[at] = i;
    next[g] = at + 1;
  }
  let capacity = 16;
  // At most two thirds full, so probe runs stay short.
  while (capacity * 2 < largest * 3) capacity *= 2;
  const slots = new Int32Array(capacity * 2);
  const found: number[] = [];
  for (let g = 0; g < groups; g++) findInGroup(hashes, order, starts[g] as number, starts[g + 1] as number, slots, found);
  return inRowOrder(found);
}

/**
 * One group of repeatedHashes, by open addressing on the hashes' low bits (the top ones chose
 * the group) in (hash, index + 1) pairs, 0 marking a free slot. Repeats go to `found` as pairs.
 */
function findInGroup(hashes: Int32Array, order: Int32Array, from: number, to: number, slots: Int32Array, found: number[]): void {
  slots.fill(0);
  const mask = (slots.length >> 1) - 1;
  for (let q = from; q < to; q++) {
    const i = order[q] as number;
    const key = hashes[i] as number;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const stored = slots[2 * slot + 1] as number;
      if (stored === 0) {
        slots[2 * slot] = key;
        slots[2 * slot + 1] = i + 1;
        break;
      }
      if (slots[2 * slot] === key) {
        found.push(i, stored - 1);
        break;
      }
    }
  }
}

/** Pairs (row, first row) found group by group, sorted by row. */
function inRowOrder(found: readonly number[]): Int32Array {
  const count = found.length / 2;
  const byRow = Array.from({ length: count }, (_, k) => k).sort((a, b) => (found[2 * a] as number) - (found[2 * b] as number));
  const pairs = new Int32Array(found.length);
  byRow.forEach((k, at) => {
    pairs[2 * at] = found[2 * k] as number;
    pairs[2 * at + 1] = found[2 * k + 1] as number;
  });
  return pairs;
}
