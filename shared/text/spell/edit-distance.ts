/**
 * The candidate index's two optimal string alignment kernels (the distance with transpositions of
 * neighbouring letters), both against one query at a time: Hyyrö's bit-vector algorithm for queries
 * of up to 32 characters, and a banded table, stopped once past the limit, for longer ones. Their
 * scratch arrays are this object's, so measuring allocates nothing.
 */
import { UNPACKED } from './letter-bits.ts';

/** The longest query the bit-vector kernel measures: one bit per character in 32-bit integers. */
export const BIT_QUERY_LONGEST = 32;

export class QueryDistance {
  // The query's letter positions as bits, by character code.
  private readonly positions = new Int32Array(65536);
  // The word being measured, as character codes (words are at most 255 characters).
  private readonly codes = new Int32Array(256);
  private readonly row0 = new Int32Array(64);
  private readonly row1 = new Int32Array(64);
  private readonly row2 = new Int32Array(64);

  /** Takes `word` as the query of the bit-vector kernel (a no-op for one too long for it); clear() it after. */
  set(word: string): void {
    if (word.length <= BIT_QUERY_LONGEST) for (let i = 0; i < word.length; i++) this.positions[word.charCodeAt(i)]! |= 1 << i;
  }

  /** Forgets the query `word` that set() took. */
  clear(word: string): void {
    if (word.length <= BIT_QUERY_LONGEST) for (let i = 0; i < word.length; i++) this.positions[word.charCodeAt(i)] = 0;
  }

  /** The distance from the query (of `length` characters, set()) to the word at text[from, to). */
  toSpan(length: number, text: string, from: number, to: number): number {
    const codes = this.codes;
    for (let j = from; j < to; j++) codes[j - from] = text.charCodeAt(j);
    return this.toCodes(length, to - from);
  }

  /** toSpan() to a short word given as pack() letters. */
  toPacked(length: number, letters: number): number {
    let n = 0;
    for (; letters !== 0; letters >>>= 5) this.codes[n++] = UNPACKED[letters & 31]!;
    return this.toCodes(length, n);
  }

  /** The distance from the query to the word whose character codes are codes[0, n) (Hyyrö's steps, one per character of the word). */
  private toCodes(length: number, n: number): number {
    const positions = this.positions;
    const codes = this.codes;
    const last = 1 << (length - 1);
    let vp = -1;
    let vn = 0;
    let d0 = 0;
    let previous = 0;
    let distance = length;
    for (let j = 0; j < n; j++) {
      const pm = positions[codes[j]!]!;
      const transposed = ((~d0 & pm) << 1) & previous;
      d0 = ((((pm & vp) + vp) | 0) ^ vp) | pm | vn | transposed;
      let hp = vn | ~(d0 | vp);
      const hn = d0 & vp;
      if (hp & last) distance++;
      else if (hn & last) distance--;
      hp = (hp << 1) | 1;
      vp = (hn << 1) | ~(d0 | hp);
      vn = d0 & hp;
      previous = pm;
    }
    return distance;
  }

  /**
   * The distance between a and b, for queries too long for the bit-vector kernel, or maxDistance + 1
   * as soon as it must exceed maxDistance. The common prefix and suffix are skipped and only the
   * diagonal band |i - j| ≤ maxDistance is filled.
   */
  banded(a: string, b: string, maxDistance: number): number {
    const over = maxDistance + 1;
    let from = 0;
    let endA = a.length;
    let endB = b.length;
    while (from < endA && from < endB && a.charCodeAt(from) === b.charCodeAt(from)) from++;
    while (endA > from && endB > from && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
      endA--;
      endB--;
    }
    const n = endA - from;
    const m = endB - from;
    if (n === 0 || m === 0) return Math.min(n + m, over);
    if (Math.abs(n - m) > maxDistance || m > 62) return over;
    let prev2 = this.row0;
    let prev = this.row1;
    let row = this.row2;
    for (let j = 0; j <= m; j++) prev[j] = j <= maxDistance ? j : over;
    for (let i = 1; i <= n; i++) {
      const lo = Math.max(1, i - maxDistance);
      const hi = Math.min(m, i + maxDistance);
      row[0] = i <= maxDistance ? i : over;
      row[lo - 1] = lo === 1 ? row[0]! : over;
      let best = lo === 1 ? row[0]! : over;
      const ca = a.charCodeAt(from + i - 1);
      for (let j = lo; j <= hi; j++) {
        const cb = b.charCodeAt(from + j - 1);
        let value = prev[j - 1]! + (ca === cb ? 0 : 1);
        const del = prev[j]! + 1;
        const ins = row[j - 1]! + 1;
        if (del < value) value = del;
        if (ins < value) value = ins;
        if (i > 1 && j > 1 && ca === b.charCodeAt(from + j - 2) && a.charCodeAt(from + i - 2) === cb) {
          const swap = prev2[j - 2]! + 1;
          if (swap < value) value = swap;
        }
        row[j] = value;
        if (value < best) best = value;
      }
      if (hi < m) row[hi + 1] = over;
      if (best > maxDistance) return over;
      const spare = prev2;
      prev2 = prev;
      prev = row;
      row = spare;
    }
    return Math.min(prev[m]!, over);
  }
}
