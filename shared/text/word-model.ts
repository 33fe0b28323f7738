/**
 * The word model the spelling and space engines share (english-words.ts loads the built one): word
 * and word-pair counts by word id, with hashed lookups that find words in text without building
 * strings. This file holds its text format, written at build time and read at cold start.
 *
 * words.txt has two sections separated by a blank line, one entry per line: the lower-case words in
 * code-unit order (ids follow it, so words sharing a prefix are neighbours), then their counts as
 * round(ln(count) × COUNT_LOG_STEPS), 0 for a dictionary form the frequency list lacks.
 * word-pairs.txt is base64 of varint triples (first id delta, second id or its delta when the first
 * repeats, round(ln(count / PAIR_COUNT_FLOOR) × PAIR_LOG_STEPS) as one byte), sorted by ids.
 * Rounding costs at most 0.5 % on a word's count and 2 % on a pair's: neither engine's results move.
 */
import { WordTable, hashSpan } from './word-table.ts';

export const COUNT_LOG_STEPS = 100;
export const PAIR_LOG_STEPS = 24;
/** The smallest pair count in the list (6.4 million), so one byte spans ln-counts up to floor × e^(255/24). */
export const PAIR_COUNT_FLOOR = 6_400_000;

export interface WordModel {
  /** Lower-case words by id. */
  readonly words: readonly string[];
  /** Count by id in the frequency list; 0 for words only the dictionary has. */
  readonly counts: Float64Array;
  /** Sum of all counts. */
  readonly total: number;
  /** Σ count(a, x) over x by a, and Σ count(x, b) over x by b: how often a word starts or ends a listed pair. */
  readonly followTotals: Float64Array;
  readonly precedeTotals: Float64Array;
  /** Id of the word text[start, end) (lower case), given its hash (see extendHash); −1 when it is no word. */
  idAt(hash: number, text: string, start: number, end: number): number;
  /** Id of a lower-case word, or −1. */
  id(word: string): number;
  /** Count of the pair "first second" (ids), 0 when the list does not have it. */
  pairCount(first: number, second: number): number;
}

export { EMPTY_WORD_HASH, extendHash } from './word-table.ts';

/**
 * The two files' text: words (lower case, unique) with their counts (0 = not in the frequency list),
 * and pairs of those words with their counts (pairs with an unknown word are left out).
 */
export function encodeWordModel(counts: ReadonlyMap<string, number>, pairs: Iterable<[string, string, number]>): { words: string; pairs: string } {
  const words = [...counts.keys()].sort();
  const ids = new Map(words.map((word, id) => [word, id]));
  const steps = words.map((word) => {
    const count = counts.get(word)!;
    return count > 0 ? Math.max(1, Math.round(Math.log(count) * COUNT_LOG_STEPS)) : 0;
  });
  const rows: [number, number, number][] = [];
  for (const [first, second, count] of pairs) {
    const a = ids.get(first);
    const b = ids.get(second);
    const step = Math.round(Math.log(count / PAIR_COUNT_FLOOR) * PAIR_LOG_STEPS);
    if (step < 0 || step > 255) throw new Error(`pair count ${count} (${first} ${second}) is outside what one byte holds`);
    if (a !== undefined && b !== undefined) rows.push([a, b, step]);
  }
  rows.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const bytes: number[] = [];
  const varint = (value: number) => {
    while (value >= 0x80) {
      bytes.push((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    bytes.push(value);
  };
  let previous = [-1, -1];
  for (const [a, b, step] of rows) {
    if (a === previous[0] && b === previous[1]) continue;
    varint(a - Math.max(0, previous[0]!));
    varint(a === previous[0] ? b - previous[1]! : b);
    bytes.push(step);
    previous = [a, b];
  }
  return { words: `${words.join('\n')}\n\n${steps.join('\n')}`, pairs: Buffer.from(bytes).toString('base64') };
}

const PAIR_COUNT = Float64Array.from({ length: 256 }, (_, step) => PAIR_COUNT_FLOOR * Math.exp(step / PAIR_LOG_STEPS));
// Word counts by step, for every count up to e^40 (the list's largest is about e^24): a table rather
// than 100k calls to Math.exp at cold start.
const WORD_COUNT = Float64Array.from({ length: 40 * COUNT_LOG_STEPS }, (_, step) => Math.exp(step / COUNT_LOG_STEPS));

export function loadWordModel(wordText: string, pairText: string): WordModel {
  const countsAt = wordText.indexOf('\n\n');
  const words = wordText.slice(0, countsAt).split('\n');
  const size = words.length;
  const counts = new Float64Array(size);
  let total = 0;
  // Digits scanned in place: a string and a Number() per line would double this part of the cold start.
  for (let i = countsAt + 2, id = 0, value = 0; i <= wordText.length; i++) {
    const code = wordText.charCodeAt(i);
    if (code >= 48 && code <= 57) value = value * 10 + code - 48;
    else {
      if (value > 0) total += counts[id] = value < WORD_COUNT.length ? WORD_COUNT[value]! : Math.exp(value / COUNT_LOG_STEPS);
      id++;
      value = 0;
    }
  }

  const table = new WordTable(
    size,
    (id) => hashSpan(words[id]!, 0, words[id]!.length),
    (id, text, start, end) => {
      const word = words[id]!;
      if (word.length !== end - start) return false;
      for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
      return true;
    },
  );
  const idAt = (hash: number, text: string, start: number, end: number): number => table.find(hash, text, start, end);

  // Pairs as rows by first id (compressed sparse rows): seconds ascending in pairNext[pairStart[a] … pairStart[a + 1]).
  const bytes = Buffer.from(pairText, 'base64');
  const pairStart = new Uint32Array(size + 1);
  const pairNext = new Uint32Array(Math.ceil(bytes.length / 3));
  const pairStep = new Uint8Array(pairNext.length);
  const followTotals = new Float64Array(size);
  const precedeTotals = new Float64Array(size);
  let a = 0;
  let b = 0;
  let n = 0;
  for (let i = 0; i < bytes.length; ) {
    // Two varints (ids stay below 2^28, so 32-bit shifts are safe), then the count byte.
    let delta = 0;
    for (let shift = 0, byte = 0x80; byte >= 0x80; shift += 7) {
      byte = bytes[i++]!;
      delta |= (byte & 0x7f) << shift;
    }
    let second = 0;
    for (let shift = 0, byte = 0x80; byte >= 0x80; shift += 7) {
      byte = bytes[i++]!;
      second |= (byte & 0x7f) << shift;
    }
    a += delta;
    b = delta === 0 ? b + second : second;
    const step = bytes[i++]!;
    pairNext[n] = b;
    pairStep[n++] = step;
    pairStart[a + 1]!++;
    followTotals[a]! += PAIR_COUNT[step]!;
    precedeTotals[b]! += PAIR_COUNT[step]!;
  }
  for (let id = 1; id <= size; id++) pairStart[id]! += pairStart[id - 1]!;

  return {
    words,
    counts,
    total,
    followTotals,
    precedeTotals,
    idAt,
    id: (word) => table.find(hashSpan(word, 0, word.length), word, 0, word.length),
    pairCount(first, second) {
      let lo = pairStart[first]!;
      let hi = pairStart[first + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const value = pairNext[mid]!;
        if (value === second) return PAIR_COUNT[pairStep[mid]!]!;
        if (value < second) lo = mid + 1;
        else hi = mid;
      }
      return 0;
    },
  };
}
