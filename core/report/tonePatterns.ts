/**
 * The tones of a sheet's rows, one array per pattern. A district summary of a country's 1 600
 * districts has a few dozen patterns of tones, and the lagging list of tens of thousands of
 * schools not many more: an array of tones per row was some 250 bytes of the collector's heap
 * for each, kept as long as the report. Rows whose tones are alike share one frozen array.
 */
import type { Tone } from './model';

const TONE_OF_CODE: readonly (Tone | null)[] = [null, 'good', 'near', 'bad'];

function codeOf(tone: Tone | null): number {
  return tone === null ? 0 : tone === 'good' ? 1 : tone === 'near' ? 2 : 3;
}

/** A prefix of tones: the rows that begin with it go on through `next[code]`. */
class PatternNode {
  readonly next: (PatternNode | undefined)[] = [];
  /** The tones of a row that ends here, once a row has. */
  tones: readonly (Tone | null)[] | undefined = undefined;
}

/** Made once per sheet, whose rows are made one at a time: set the tones of a row's cells, then take the row's (shared) array. */
export class TonePatterns {
  private readonly root = new PatternNode();
  /** The row being made: the tone code of each of its cells so far (0 for none). */
  private codes = new Uint8Array(32);

  /** The tone of cell `column` of the row being made (cells left unset have none). */
  set(column: number, tone: Tone | null): void {
    if (column >= this.codes.length) {
      const grown = new Uint8Array(Math.max(column + 1, this.codes.length * 2));
      grown.set(this.codes);
      this.codes = grown;
    }
    this.codes[column] = codeOf(tone);
  }

  /** The tones of the row being made, `width` cells, as an array shared with every row alike; starts the next row. */
  take(width: number): readonly (Tone | null)[] {
    const { codes } = this;
    let node = this.root;
    for (let column = 0; column < width; column++) {
      const code = column < codes.length ? (codes[column] as number) : 0;
      node = node.next[code] ??= new PatternNode();
    }
    let tones = node.tones;
    if (tones === undefined) {
      const made = new Array<Tone | null>(width);
      for (let column = 0; column < width; column++) made[column] = TONE_OF_CODE[column < codes.length ? (codes[column] as number) : 0] ?? null;
      tones = node.tones = Object.freeze(made);
    }
    codes.fill(0);
    return tones;
  }
}
