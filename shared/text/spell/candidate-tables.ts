/**
 * The candidate index's tables (see candidate-index.ts for the lookup), built at load from the
 * sorted lexicon: flat typed arrays, no strings and no Map. Only the first PREFIX characters of a word
 * are indexed, so consecutive words sharing those (international, internal, interned…) form one
 * group whose deletes are hashed once into a bucket table. Words shorter than the prefix have a
 * table of their own that holds their letters. Another table by sound key reaches further for long
 * words. The tables are megabytes: the layout keeps what one step of a lookup reads together, as
 * nearly every first read of a group or word misses the processor's caches.
 */
import { letterSets, pack, PACKED_LONGEST } from './letter-bits.ts';

export const MAX_DISTANCE = 2;
// 7 makes 56k groups for 88k words: a shorter prefix builds faster but makes groups, and so
// lookups, longer (6: 43k groups, half the build time, lookups about 1.5 times slower).
export const PREFIX = 7;
/** The most strings deleteHashes() writes for one word. */
export const MOST_DELETES = 1 + PREFIX + (PREFIX * (PREFIX - 1)) / 2;
const BASE = 0x01000193;
// Buckets per run when building a bucket table (see buckets()): 16 kB of counts, well within a cache.
const PART_BUCKETS = 4096;
// Words shorter than PREFIX would each be a group of their own, and they are most of what a short
// query reaches: they have a table of their own whose entries hold the word's letters, 5 bits each
// (see pack(), which packs up to PACKED_LONGEST), so measuring one reads nothing else, where a group
// costs three cache misses.
export const SHORT_LONGEST = Math.min(PREFIX - 1, PACKED_LONGEST);
// Fields of a word's record in CandidateTables.words (its length is the next record's START minus its own).
// LETTERS and REPEATED side by side, as letterSets() writes them.
export const LETTERS = 0;
export const REPEATED = 1;
export const START = 2;
export const SEEN = 3;
export const WORD_FIELDS = 4;
// Fields of a prefix group's record in CandidateTables.groups.
export const FIRST = 0;
export const END = 1;
export const GROUP_SEEN = 2;
// The shortest length in the low 16 bits, the longest above.
export const LENGTHS = 3;
// The first character, the same for all.
export const INITIAL = 4;
export const COMMON = 5;
export const UNION = 6;
export const UNION_REPEATED = 7;
export const GROUP_FIELDS = 8;

export interface CandidateTables {
  deletes: Buckets;
  /**
   * The short words' deletes: their buckets' bounds here, and in shortEntries, per member, the member
   * and then the word's letters (pack()).
   */
  shortDeletes: Omit<Buckets, 'members'>;
  shortEntries: Uint32Array;
  sounds: Buckets;
  /**
   * Prefix groups, GROUP_FIELDS numbers each: its ids first … end − 1, the stamp of the last query
   * that walked it, and what all its words share, to rule them out together: the shortest and longest
   * length, the letters all contain, the letters (and repeated letters) any contains.
   */
  groups: Int32Array;
  /**
   * Per word, WORD_FIELDS numbers side by side, as the filters read them together: one bit per letter
   * a–z it contains (other characters share bit 26), the same for letters it contains at least twice,
   * where its characters start in `text`, and the stamp of the last query that measured it. One more
   * record after the last word holds the end of `text`.
   */
  words: Int32Array;
  /** The words end to end: a group's words lie together in memory. Word id is text[start(id), start(id + 1)). */
  text: string;
  /** Where each word's sound key starts in soundKeys (and, with id + 1, ends before its newline). */
  soundStart: Uint32Array;
}

/**
 * Ids grouped by a 32-bit hash, in two flat arrays (compressed sparse rows). A member holds its id
 * in the low bits (idMask) and its mixed hash's high bits above them: most members of a bucket only
 * share its low bits, and telling them apart there saves reading their records, a cache miss each.
 */
export interface Buckets {
  start: Uint32Array;
  members: Uint32Array;
  mask: number;
  idMask: number;
}

/** Spreads a polynomial hash's bits (MurmurHash3's finaliser) so masking keeps buckets even. */
export function mix(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * Groups entries 0…count − 1 by hashes[0…count), about two per bucket, each bucket's entries in
 * order; an entry stands for its run r (runStart[r] ≤ entry < runStart[r + 1]). Counting and placing
 * at random in a table of megabytes would miss the cache at nearly every entry, so the entries are
 * first split, in order, by the top bits of their bucket into parts of PART_BUCKETS buckets, then
 * each part is placed within its own small stretch of the table. `hashes` is reused for the members.
 */
function buckets(hashes: Uint32Array, count: number, runStart: Uint32Array, runs: number): Buckets {
  const size = 2 ** Math.ceil(Math.log2(Math.max(2, count / 2)));
  const mask = size - 1;
  const idMask = 2 ** Math.ceil(Math.log2(Math.max(2, runs))) - 1;
  const span = Math.min(size, PART_BUCKETS);
  const parts = size / span;
  const partShift = Math.log2(span);
  const partStart = new Uint32Array(parts + 1);
  for (let e = 0; e < count; e++) {
    hashes[e] = mix(hashes[e]!);
    const bucket = hashes[e]! & mask;
    partStart[(bucket >>> partShift) + 1]!++;
  }
  for (let p = 1; p <= parts; p++) partStart[p]! += partStart[p - 1]!;
  // Each entry's bucket within its part, and its run.
  const partBucket = new Uint16Array(count);
  const partRun = new Uint32Array(count);
  const partFill = partStart.slice(0, parts);
  for (let run = 0, e = 0; e < count; run++) {
    for (const end = runStart[run + 1]!; e < end; e++) {
      const bucket = hashes[e]! & mask;
      const at = partFill[bucket >>> partShift]!++;
      partBucket[at] = bucket & (span - 1);
      partRun[at] = ((hashes[e]! & ~idMask) | run) >>> 0;
    }
  }
  const start = new Uint32Array(size + 1);
  const members = hashes.subarray(0, count);
  const fill = new Uint32Array(span);
  for (let p = 0, first = 0; p < parts; p++, first += span) {
    const from = partStart[p]!;
    const to = partStart[p + 1]!;
    // start[first] already holds the entries before this part.
    for (let e = from; e < to; e++) start[first + partBucket[e]! + 1]!++;
    for (let b = first + 1; b <= first + span; b++) start[b]! += start[b - 1]!;
    fill.set(start.subarray(first, first + span));
    for (let e = from; e < to; e++) members[fill[partBucket[e]!]!++] = partRun[e]!;
  }
  return { start, members, mask, idMask };
}

/**
 * keys: lower-case words; soundKeys: their soundKey()s by the same ids, one per line (a string
 * of 88k keys, rather than 88k strings to make and collect at cold start).
 */
export function buildCandidateTables(keys: readonly string[], soundKeys: string): CandidateTables {
  const size = keys.length;
  const text = keys.join('');
  const words = new Int32Array((size + 1) * WORD_FIELDS);
  // Groups: runs of consecutive words with the same prefix (the lexicon is sorted, so each prefix
  // makes one run; unsorted keys only make more, smaller groups). Words and groups in one pass.
  const groupStart = new Uint32Array(size + 1);
  const groups = new Int32Array(size * GROUP_FIELDS); // at most one group per word
  let groupCount = 0;
  const shortIds: number[] = [];
  const shortLetters: number[] = [];
  let at = 0;
  for (let id = 0; id < size; id++) {
    const length = keys[id]!.length;
    letterSets(text, at, at + length, words, id * WORD_FIELDS + LETTERS);
    const once = words[id * WORD_FIELDS + LETTERS]!;
    const twice = words[id * WORD_FIELDS + REPEATED]!;
    words[id * WORD_FIELDS + START] = at;
    at += length;
    const letters = pack(keys[id]!);
    if (letters >= 0) {
      shortIds.push(id);
      shortLetters.push(letters);
      continue;
    }
    let group = (groupCount - 1) * GROUP_FIELDS;
    if (groupCount === 0 || groups[group + END] !== id || !samePrefix(keys[id - 1]!, keys[id]!)) {
      groupStart[groupCount] = id;
      group = groupCount++ * GROUP_FIELDS;
      groups[group + FIRST] = id;
      groups[group + LENGTHS] = length | (length << 16);
      groups[group + INITIAL] = text.charCodeAt(words[id * WORD_FIELDS + START]!);
      groups[group + COMMON] = once;
    }
    groups[group + END] = id + 1;
    const lengths = groups[group + LENGTHS]!;
    groups[group + LENGTHS] = Math.min(lengths & 0xffff, length) | (Math.max(lengths >>> 16, length) << 16);
    groups[group + COMMON]! &= once;
    groups[group + UNION]! |= once;
    groups[group + UNION_REPEATED]! |= twice;
  }
  words[size * WORD_FIELDS + START] = at;
  groupStart[groupCount] = size;

  const entryHash = new Uint32Array(groupCount * MOST_DELETES);
  const entryStart = new Uint32Array(groupCount + 1);
  for (let group = 0; group < groupCount; group++) {
    entryStart[group + 1] = entryStart[group]! + deleteHashes(keys[groupStart[group]!]!, MAX_DISTANCE, entryHash, entryStart[group]!);
  }
  const deletes = buckets(entryHash, entryStart[groupCount]!, entryStart, groupCount);
  const shortHash = new Uint32Array(shortIds.length * MOST_DELETES);
  const shortStart = new Uint32Array(shortIds.length + 1);
  for (let k = 0; k < shortIds.length; k++) {
    shortStart[k + 1] = shortStart[k]! + deleteHashes(keys[shortIds[k]!]!, MAX_DISTANCE, shortHash, shortStart[k]!);
  }
  // Members are numbered by shortIds at first; the id mask is the one of all words' ids.
  const { members, ...shortDeletes } = buckets(shortHash, shortStart[shortIds.length]!, shortStart, size);
  // Only the entries are kept: the members (a view of shortHash) would hold memory nothing reads.
  const shortEntries = new Uint32Array(members.length * 2);
  for (let m = 0; m < members.length; m++) {
    const member = members[m]!;
    const k = member & shortDeletes.idMask;
    shortEntries[2 * m] = ((member & ~shortDeletes.idMask) | shortIds[k]!) >>> 0;
    shortEntries[2 * m + 1] = shortLetters[k]!;
  }
  const soundStart = new Uint32Array(size + 1);
  for (let id = 0, at = 0; id < size; id++) {
    const end = soundKeys.indexOf('\n', at);
    at = soundStart[id + 1] = (end < 0 ? soundKeys.length : end) + 1;
  }
  const soundHash = new Uint32Array(size);
  const ids = new Uint32Array(size + 1);
  for (let id = 0; id < size; id++) {
    soundHash[id] = stringHash(soundKeys, soundStart[id]!, soundStart[id + 1]! - 1);
    ids[id + 1] = id + 1;
  }
  const sounds = buckets(soundHash, size, ids, size);
  return { deletes, shortDeletes, shortEntries, sounds, groups, words, text, soundStart };
}

/**
 * Writes at out[at…] the hashes of the strings left after deleting up to `deletes` characters from
 * the first PREFIX characters of `word`, and returns how many. Each is computed in O(1) from prefix
 * hashes (polynomial, mod 2^32): hash(s[from, to)) = prefix[to] - prefix[from] * BASE^(to - from),
 * hash(a + b) = hash(a) * BASE^|b| + hash(b).
 */
export function deleteHashes(word: string, deletes: number, out: Uint32Array, at: number): number {
  const n = Math.min(word.length, PREFIX);
  const prefix = PREFIX_HASHES;
  for (let i = 0; i < n; i++) prefix[i + 1] = (Math.imul(prefix[i]!, BASE) + word.charCodeAt(i) + 1) | 0;
  let count = 0;
  out[at + count++] = prefix[n]!;
  if (deletes < 1) return count;
  for (let i = 0; i < n; i++) {
    const left = prefix[i]!;
    const tail = (prefix[n]! - Math.imul(prefix[i + 1]!, POWERS[n - i - 1]!)) | 0;
    out[at + count++] = Math.imul(left, POWERS[n - i - 1]!) + tail;
    if (deletes < 2) continue;
    for (let j = i + 1; j < n; j++) {
      const middle = (prefix[j]! - Math.imul(prefix[i + 1]!, POWERS[j - i - 1]!)) | 0;
      const head = (Math.imul(left, POWERS[j - i - 1]!) + middle) | 0;
      const rest = (prefix[n]! - Math.imul(prefix[j + 1]!, POWERS[n - j - 1]!)) | 0;
      out[at + count++] = Math.imul(head, POWERS[n - j - 1]!) + rest;
    }
  }
  return count;
}

function samePrefix(a: string, b: string): boolean {
  const n = Math.min(a.length, PREFIX);
  if (Math.min(b.length, PREFIX) !== n) return false;
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** Polynomial hash of text[from, to), the same as deleteHashes uses. */
export function stringHash(text: string, from: number, to: number): number {
  let hash = 0;
  for (let i = from; i < to; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i) + 1) | 0;
  return hash >>> 0;
}

const PREFIX_HASHES = new Int32Array(PREFIX + 1); // [0] stays 0
const POWERS = new Int32Array(PREFIX + 1);
POWERS[0] = 1;
for (let i = 1; i <= PREFIX; i++) POWERS[i] = Math.imul(POWERS[i - 1]!, BASE);
