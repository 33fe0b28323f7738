/**
 * The segmenter's model over the shared word model: the listed words' unigram and interpolated
 * bigram costs (see run-costs.ts for the estimate) and the letter 4-gram model that spells unknown
 * pieces. Built once per cold start.
 */
import { letterCode } from '../letter-codes.ts';
import { EMPTY_WORD_HASH, extendHash, type WordModel } from '../word-model.ts';

/** K is the largest pair-to-word count ratio times this margin: the lists come from different corpora. */
const PAIR_SCALE = 1.5;
/** Floor for α(v), so no pair is impossible just because the list lacks it. */
const MIN_BACKOFF = 0.02;
// Letter classes of the unknown-word model: 0 marks a word's start or end, 1–27 the letter codes
// (a–z and the apostrophe), 28 anything else.
export const CLASSES = 29;
export const BOUNDARY = 0;
export const HISTORIES = CLASSES ** 3;
const OTHER = CLASSES - 1;

export function letterClass(code: number): number {
  const letter = letterCode(code);
  return letter === -1 ? OTHER : letter;
}

export interface Model {
  words: ListedWords;
  /** Titles the list lacks (mr, dr, …) as [word, id]; their ids follow the list's. */
  extras: Array<[string, number]>;
  /** The n't forms with the ids of the words they negate. */
  negations: Array<[string, number]>;
  /** Words spelled with a capital inside (PowerPoint, iPhone, GitHub), as they are spelled: typed so, one word. */
  mixedCase: ReadonlySet<string>;
  /**
   * Those of them the list lacks (GitHub, macOS), as [spelling, id] by their first character code;
   * their ids follow the titles'.
   */
  mixedExtras: ReadonlyMap<number, Array<[string, number]>>;
  /** −ln P(w) by id. */
  unigram: Float64Array;
  /** −ln α(v) by id, and 1 / (K·c(v)) to turn a pair count into P(w | v). */
  backoff: Float64Array;
  pairScale: Float64Array;
  /** 1 / (m·c(v)): times a listed pair's count, the most P(w | v) can be (see pairCost). */
  pairCap: Float64Array;
  /** Letter model: −ln P(next class | three previous classes), indexed by context × CLASSES + next (see letterModel). */
  letters: Float32Array;
}

/** Lookups in the shared word model limited to the words the frequency list has: a form only the dictionary knows is an unknown piece here. */
export interface ListedWords extends Pick<WordModel, 'counts' | 'total' | 'followTotals' | 'pairCount'> {
  /** The listed words, each once. */
  types: string[];
  /** Whether some listed word starts with the characters hashed into hash (rarely yes when none does: a hint to stop scanning). */
  isPrefix(hash: number): boolean;
  idAt(hash: number, text: string, start: number, end: number): number;
  id(word: string): number;
}

const PREFIX_BITS = 22;

export function listedWords(words: WordModel): ListedWords {
  const types: string[] = [];
  // One bit per hashed prefix: a collision only makes a scan go on a little longer.
  const prefixes = new Uint32Array(1 << (PREFIX_BITS - 5));
  for (let id = 0; id < words.words.length; id++) {
    if (!words.counts[id]) continue;
    const word = words.words[id]!;
    types.push(word);
    let hash = EMPTY_WORD_HASH;
    for (let k = 0; k < word.length; k++) {
      hash = extendHash(hash, word.charCodeAt(k));
      prefixes[hash >>> (37 - PREFIX_BITS)]! |= 1 << (hash & 31);
    }
  }
  const listed = (id: number) => (id !== -1 && words.counts[id]! > 0 ? id : -1);
  return {
    types,
    counts: words.counts,
    total: words.total,
    followTotals: words.followTotals,
    pairCount: words.pairCount,
    isPrefix: (hash) => (prefixes[hash >>> (37 - PREFIX_BITS)]! & (1 << (hash & 31))) !== 0,
    idAt: (hash, text, start, end) => listed(words.idAt(hash, text, start, end)),
    id: (word) => listed(words.id(word)),
  };
}

export function buildModel(words: ListedWords, titles: ReadonlySet<string>, negationPairs: ReadonlyArray<[string, string]>, mixedCase: ReadonlySet<string> = new Set()): Model {
  const listed = words.counts.length;
  const titleCounts = [...titles].map((title) => words.id(title)).filter((id) => id !== -1).map((id) => words.counts[id]!).sort((x, y) => x - y);
  const extras = [...titles].filter((title) => words.id(title) === -1).map((title, k): [string, number] => [title, listed + k]);
  const unlisted = [...mixedCase].filter((word) => words.id(word.toLowerCase()) === -1);
  const mixedExtras = new Map<number, Array<[string, number]>>();
  unlisted.forEach((word, k) => {
    const first = word.charCodeAt(0);
    if (!mixedExtras.has(first)) mixedExtras.set(first, []);
    mixedExtras.get(first)!.push([word, listed + extras.length + k]);
  });
  const size = listed + extras.length + unlisted.length;
  const logTotal = Math.log(words.total);
  const unigram = new Float64Array(size);
  let scale = 0;
  for (let id = 0; id < listed; id++) {
    if (!words.counts[id]) continue;
    unigram[id] = logTotal - Math.log(words.counts[id]!);
    // No word is followed by more than all of its occurrences: the largest ratio bounds K.
    scale = Math.max(scale, words.followTotals[id]! / words.counts[id]!);
  }
  scale *= PAIR_SCALE;
  // The list lacks some common abbreviations; they count as often as the middle title it has.
  for (const [, id] of extras) unigram[id] = logTotal - Math.log(titleCounts[titleCounts.length >> 1] ?? 1);
  // A spelling with capitals inside that the list lacks counts as often as the middle one it has.
  const mixedCounts = [...mixedCase].map((word) => words.id(word.toLowerCase())).filter((id) => id !== -1).map((id) => words.counts[id]!).sort((x, y) => x - y);
  for (const spellings of mixedExtras.values()) for (const [, id] of spellings) unigram[id] = logTotal - Math.log(mixedCounts[mixedCounts.length >> 1] ?? 1);
  // A typical word's listed pairs add up to m times its count (m ≈ 11, against K ≈ 94): the smallest
  // scale a pair count is read on when it bounds the pair's probability from above.
  const ratios: number[] = [];
  for (let id = 0; id < listed; id++) if (words.counts[id] && words.followTotals[id]) ratios.push(words.followTotals[id]! / words.counts[id]!);
  ratios.sort((x, y) => x - y);
  const typical = ratios[ratios.length >> 1] ?? 1;
  const backoff = new Float64Array(size);
  const pairScale = new Float64Array(size);
  const pairCap = new Float64Array(size);
  for (let id = 0; id < listed; id++) {
    if (!words.counts[id]) continue;
    const perCount = 1 / (scale * words.counts[id]!);
    pairScale[id] = perCount;
    pairCap[id] = 1 / (typical * words.counts[id]!);
    backoff[id] = -Math.log(Math.max(MIN_BACKOFF, 1 - words.followTotals[id]! * perCount));
  }

  const negations = negationPairs.map(([form, word]): [string, number] => [form, words.id(word)]).filter(([, id]) => id !== -1);
  return { words, extras, negations, mixedCase, mixedExtras, unigram, backoff, pairScale, pairCap, letters: letterModel(words.types) };
}

/**
 * Letter 4-grams over the word types (each word once: unknown words are mostly rare ones), Witten-Bell
 * smoothed down to a uniform choice. Contexts are padded with the boundary class at a word's start, and
 * the boundary class after the last letter ends the word, so the model also knows how words begin and
 * end ("-ton", "-ley") and that a lone "s" is rarely a word. Knowing which letters usually follow
 * "long" or "wick" at a word's start is what keeps "Longbourn" and "Wickham" whole.
 */
export function letterModel(types: readonly string[]): Float32Array {
  const sizes = [1, CLASSES, CLASSES ** 2, HISTORIES];
  // Counts by context × CLASSES + next: 4-grams counted, shorter contexts summed from them.
  const counts = sizes.map((contexts) => new Float64Array(contexts * CLASSES));
  const longest = counts[3]!;
  for (let w = 0; w < types.length; w++) {
    const word = types[w]!;
    let history = 0;
    for (let k = 0; k <= word.length; k++) {
      const next = k < word.length ? letterClass(word.charCodeAt(k)) : BOUNDARY;
      longest[history * CLASSES + next]!++;
      history = (history * CLASSES + next) % HISTORIES;
    }
  }
  for (let order = 2; order >= 0; order--) {
    const shorter = counts[order]!;
    const longer = counts[order + 1]!;
    // The shorter context drops the oldest class.
    for (let context = 0; context < sizes[order + 1]!; context++) {
      const to = (context % sizes[order]!) * CLASSES;
      for (let next = 0; next < CLASSES; next++) shorter[to + next]! += longer[context * CLASSES + next]!;
    }
  }
  let backedOff = new Float64Array(CLASSES).fill(1 / CLASSES);
  for (let order = 0; order < 4; order++) {
    const count = counts[order]!;
    const probability = new Float64Array(sizes[order]! * CLASSES);
    for (let context = 0; context < sizes[order]!; context++) {
      const row = context * CLASSES;
      const base = (order === 0 ? 0 : context % sizes[order - 1]!) * CLASSES;
      let total = 0;
      let kinds = 0;
      for (let next = 0; next < CLASSES; next++) {
        total += count[row + next]!;
        if (count[row + next]! > 0) kinds++;
      }
      for (let next = 0; next < CLASSES; next++) {
        probability[row + next] = total === 0 ? backedOff[base + next]! : (count[row + next]! + kinds * backedOff[base + next]!) / (total + kinds);
      }
    }
    backedOff = probability;
  }
  const costs = new Float32Array(backedOff.length);
  for (let k = 0; k < costs.length; k++) costs[k] = -Math.log(backedOff[k]!);
  return costs;
}

/**
 * −ln P(w | v) by ids. A listed pair adds its count to the backoff share of P(w); but the list says how
 * often the pair occurs, so it is never cheaper than its count read on the typical scale m: a rare
 * listed pair ("i the") is not made likely by how common its second word is.
 */
export function pairCost(model: Model, before: number, word: number): number {
  const { words, unigram, backoff, pairScale, pairCap } = model;
  const pair = words.pairCount(before, word);
  if (pair === 0) return backoff[before]! + unigram[word]!;
  return Math.max(-Math.log(pair * pairScale[before]! + Math.exp(-backoff[before]! - unigram[word]!)), -Math.log(pair * pairCap[before]!));
}

/** Cost of the letter after history (the last three classes, oldest first, as a base-CLASSES number). */
export function letterCost(letters: Float32Array, history: number, next: number): number {
  return letters[history * CLASSES + next]!;
}

/**
 * Each stretch of two to `most` neighbouring words (lower-case letters) that joined spells a listed
 * word, as [first, last] word indices: one walk over their letters per first word, stopped where no
 * listed word starts so.
 */
export function joinedWords(words: ListedWords, lower: readonly string[], most: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const text = lower.join('');
  const ends: number[] = [];
  let at = 0;
  for (const word of lower) ends.push((at += word.length));
  for (let from = 0, start = 0; from + 1 < lower.length; start = ends[from++]!) {
    let hash = EMPTY_WORD_HASH;
    for (let k = start, word = from; k < text.length && word < from + most; ) {
      hash = extendHash(hash, text.charCodeAt(k++));
      if (!words.isPrefix(hash)) break;
      if (k === ends[word]) {
        if (word > from && words.idAt(hash, text, start, k) !== -1) found.push([from, word]);
        word++;
      }
    }
  }
  return found;
}
