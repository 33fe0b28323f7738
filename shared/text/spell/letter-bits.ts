/**
 * Words as bits, for the candidate index's filters and its table of short words: the set of letters
 * a word contains (and contains twice), and a short word's letters packed 5 bits each.
 */
import { letterCode } from '../letter-codes.ts';

/** Words of up to this many letters can be packed (see pack()). */
export const PACKED_LONGEST = 6;

/**
 * Writes at out[at] the letters text[from, to) contains, one bit per letter a–z (every other
 * character shares bit 26), and at out[at + 1] those it contains at least twice: one pass, as the
 * index's build makes it for each of 88k words.
 */
export function letterSets(text: string, from: number, to: number, out: Int32Array, at: number): void {
  let once = 0;
  let twice = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const bit = c >= 97 && c < 123 ? 1 << (c - 97) : 1 << 26;
    twice |= once & bit;
    once |= bit;
  }
  out[at] = once;
  out[at + 1] = twice;
}

export function bitCount(bits: number): number {
  bits -= (bits >>> 1) & 0x55555555;
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * A word of up to PACKED_LONGEST letters a–z and apostrophes as 5 bits a letter, the first lowest
 * (letterCode(): no letter is 0); -1 for any other word.
 */
export function pack(word: string): number {
  if (word.length > PACKED_LONGEST) return -1;
  let letters = 0;
  for (let i = word.length - 1; i >= 0; i--) {
    const code = letterCode(word.charCodeAt(i));
    if (code < 0) return -1;
    letters = letters * 32 + code;
  }
  return letters;
}

/** Character codes by pack() code. */
export const UNPACKED = new Int32Array(32);
for (let c = 0; c < 128; c++) if (letterCode(c) > 0) UNPACKED[letterCode(c)] = c;

/** How many letters pack() packed into `letters`. */
export function packedLength(letters: number): number {
  return ((36 - Math.clz32(letters)) / 5) | 0;
}
