/**
 * Symmetric-delete candidate lookup (the SymSpell idea): a word within edit distance 2 of the query
 * shares with it some string left after deleting up to 2 characters from each. Only the first
 * PREFIX characters are indexed, so consecutive words sharing those (international, internal,
 * interned…) form one group whose deletes are hashed once, into a flat bucket table of typed arrays built at load
 * (no strings, no Map). A query hashes its own deletes, walks the groups in those buckets and keeps
 * the words truly within the distance. Words shorter than the prefix have a table of their own that
 * holds their letters. Another table by sound key reaches further for long words.
 * The tables are megabytes: the layout keeps what one step reads together, as nearly every first
 * read of a group or word misses the processor's caches.
 */

import { growTo } from '../typed-array.ts';

const MAX_DISTANCE = 2;
// Words this long also keep the words 3 edits away among those their deletes reach (those close in
// their first letters): long words collect more slips, and it costs no extra lookup.
const FARTHER_MIN_LENGTH = 7;
// 7 makes 56k groups for 88k words: a shorter prefix builds faster but makes groups, and so
// lookups, longer (6: 43k groups, half the build time, lookups about 1.5 times slower).
const PREFIX = 7;
const BASE = 0x01000193;
// Buckets per run when building a bucket table (see buckets()): 16 kB of counts, well within a cache.
const PART_BUCKETS = 4096;
// Words this long also get candidates that sound alike (same soundKey) up to 3 edits away, 4 when
// either word has 9 letters or more.
const SOUND_MIN_LENGTH = 4;
const SOUND_LONG_LENGTH = 9;
// Words shorter than PREFIX would each be a group of their own, and they are most of what a short
// query reaches: they have a table of their own whose entries hold the word's letters, 5 bits each
// (see pack()), so measuring one reads nothing else, where a group costs three cache misses.
const SHORT_LONGEST = PREFIX - 1;
// Fields of a word's record in CandidateIndex.words (its length is the next record's START minus its own).
const LETTERS = 0;
const REPEATED = 1;
const START = 2;
const SEEN = 3;
const WORD_FIELDS = 4;
// Fields of a prefix group's record in CandidateIndex.groups.
const FIRST = 0;
const END = 1;
const GROUP_SEEN = 2;
// The shortest length in the low 16 bits, the longest above.
const LENGTHS = 3;
// The first character, the same for all.
const INITIAL = 4;
const COMMON = 5;
const UNION = 6;
const UNION_REPEATED = 7;
const GROUP_FIELDS = 8;

/**
 * What a lookup found: candidates 0…count − 1 as ids, their edit distances, and whether each has the
 * query's soundKey (1) or not (0). Reused by the next lookup, so a query allocates nothing.
 */
export interface Candidates {
  count: number;
  ids: Int32Array;
  distances: Int32Array;
  sounds: Uint8Array;
}

/**
 * Ids grouped by a 32-bit hash, in two flat arrays (compressed sparse rows). A member holds its id
 * in the low bits (idMask) and its mixed hash's high bits above them: most members of a bucket only
 * share its low bits, and telling them apart there saves reading their records, a cache miss each.
 */
interface Buckets {
  start: Uint32Array;
  members: Uint32Array;
  mask: number;
  idMask: number;
}

/** Spreads a polynomial hash's bits (MurmurHash3's finaliser) so masking keeps buckets even. */
function mix(hash: number): number {
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

export class CandidateIndex {
  private readonly deletes: Buckets;
  /**
   * The short words' deletes: their buckets' bounds here, and in shortEntries, per member, the member
   * and then the word's letters (pack()).
   */
  private readonly shortDeletes: Omit<Buckets, 'members'>;
  private readonly shortEntries: Uint32Array;
  private readonly sounds: Buckets;
  /**
   * Prefix groups, GROUP_FIELDS numbers each: its ids first … end − 1, the stamp of the last query
   * that walked it, and what all its words share, to rule them out together: the shortest and longest
   * length, the letters all contain, the letters (and repeated letters) any contains.
   */
  private readonly groups: Int32Array;
  /**
   * Per word, WORD_FIELDS numbers side by side, as the filters read them together: one bit per letter
   * a–z it contains (other characters share bit 26), the same for letters it contains at least twice,
   * where its characters start in `text`, and the stamp of the last query that measured it. One more
   * record after the last word holds the end of `text`.
   */
  private readonly words: Int32Array;
  /** The words end to end: a group's words lie together in memory. Word id is text[start(id), start(id + 1)). */
  readonly text: string;
  private query = 0;
  private queryLetters = 0;
  private queryRepeated = 0;
  private readonly hashes = new Uint32Array(1 + PREFIX + (PREFIX * (PREFIX - 1)) / 2);
  // Per hash, where its buckets of short words and of groups start and end.
  private readonly bounds = new Uint32Array(4 * this.hashes.length);
  // The groups a query's deletes reach, in order.
  private groupList: Uint32Array = new Uint32Array(256);
  // The query's letter positions as bits (Hyyrö's bit-parallel distance), by character code.
  private readonly positions = new Int32Array(65536);
  // The candidate being measured, as character codes (words are at most 255 characters).
  private readonly codes = new Int32Array(256);
  private readonly row0 = new Int32Array(64);
  private readonly row1 = new Int32Array(64);
  private readonly row2 = new Int32Array(64);
  private readonly found: Candidates = { count: 0, ids: new Int32Array(256), distances: new Int32Array(256), sounds: new Uint8Array(256) };

  /** Where each word's sound key starts in soundKeys (and, with id + 1, ends before its newline). */
  private readonly soundStart: Uint32Array;

  /**
   * keys: lower-case words; soundKeys: their soundKey()s by the same ids, one per line (a string
   * of 88k keys, rather than 88k strings to make and collect at cold start).
   */
  constructor(
    private readonly keys: readonly string[],
    private readonly soundKeys: string,
  ) {
    const size = keys.length;
    const text = (this.text = keys.join(''));
    const words = (this.words = new Int32Array((size + 1) * WORD_FIELDS));
    // Groups: runs of consecutive words with the same prefix (the lexicon is sorted, so each prefix
    // makes one run; unsorted keys only make more, smaller groups). Words and groups in one pass.
    const groupStart = new Uint32Array(size + 1);
    const groups = (this.groups = new Int32Array(size * GROUP_FIELDS)); // at most one group per word
    let groupCount = 0;
    const shortIds: number[] = [];
    const shortLetters: number[] = [];
    let at = 0;
    for (let id = 0; id < size; id++) {
      const length = keys[id]!.length;
      let once = 0;
      let twice = 0;
      for (let i = at; i < at + length; i++) {
        const c = text.charCodeAt(i);
        const bit = c >= 97 && c < 123 ? 1 << (c - 97) : 1 << 26;
        twice |= once & bit;
        once |= bit;
      }
      words[id * WORD_FIELDS + LETTERS] = once;
      words[id * WORD_FIELDS + REPEATED] = twice;
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

    const entryHash = new Uint32Array(groupCount * this.hashes.length);
    const entryStart = new Uint32Array(groupCount + 1);
    for (let group = 0; group < groupCount; group++) {
      entryStart[group + 1] = entryStart[group]! + deleteHashes(keys[groupStart[group]!]!, MAX_DISTANCE, entryHash, entryStart[group]!);
    }
    this.deletes = buckets(entryHash, entryStart[groupCount]!, entryStart, groupCount);
    const shortHash = new Uint32Array(shortIds.length * this.hashes.length);
    const shortStart = new Uint32Array(shortIds.length + 1);
    for (let k = 0; k < shortIds.length; k++) {
      shortStart[k + 1] = shortStart[k]! + deleteHashes(keys[shortIds[k]!]!, MAX_DISTANCE, shortHash, shortStart[k]!);
    }
    // Members are numbered by shortIds at first; the id mask is the one of all words' ids.
    const { members, ...shortDeletes } = buckets(shortHash, shortStart[shortIds.length]!, shortStart, size);
    // Only the entries are kept: the members (a view of shortHash) would hold 1.5 MB nothing reads.
    this.shortDeletes = shortDeletes;
    const shortEntries = (this.shortEntries = new Uint32Array(members.length * 2));
    for (let m = 0; m < members.length; m++) {
      const member = members[m]!;
      const k = member & shortDeletes.idMask;
      shortEntries[2 * m] = ((member & ~shortDeletes.idMask) | shortIds[k]!) >>> 0;
      shortEntries[2 * m + 1] = shortLetters[k]!;
    }
    const soundStart = (this.soundStart = new Uint32Array(size + 1));
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
    this.sounds = buckets(soundHash, size, ids, size);
  }

  /**
   * Lexicon words near the lower-case `word`, with their edit distances: within 1 edit for words
   * of up to 3 letters, else 2 (and those 3 edits away that share most of a prefix group, from
   * FARTHER_MIN_LENGTH letters); plus, for longer words, those with the same `soundKey`. Words more
   * than 2 edits away only when their first letter is the query's.
   */
  lookup(word: string, soundKey: string): Candidates {
    const found = this.found;
    found.count = 0;
    // Stamps are compared as 32-bit integers (words holds them signed): wrap before they would repeat.
    if (++this.query === 0x7fffffff) {
      for (let at = SEEN; at < this.words.length; at += WORD_FIELDS) this.words[at] = 0;
      for (let at = GROUP_SEEN; at < this.groups.length; at += GROUP_FIELDS) this.groups[at] = 0;
      this.query = 1;
    }
    if (word.length <= 32) for (let i = 0; i < word.length; i++) this.positions[word.charCodeAt(i)]! |= 1 << i;
    this.queryLetters = letterBits(word);
    this.queryRepeated = repeatedBits(word);
    // Sound-alikes first: their distance limit is the larger, so a word they rule out needs no second look.
    if (word.length >= SOUND_MIN_LENGTH) {
      const sounds = this.sounds;
      const mixed = mix(stringHash(soundKey, 0, soundKey.length));
      const high = (mixed & ~sounds.idMask) >>> 0;
      const bucket = mixed & sounds.mask;
      for (let m = sounds.start[bucket]!, end = sounds.start[bucket + 1]!; m < end; m++) {
        const member = sounds.members[m]!;
        if ((member & ~sounds.idMask) >>> 0 !== high) continue;
        const id = member & sounds.idMask;
        // Every word with the query's soundKey is in this bucket, with its hash: the flag is only set here.
        if (this.consider(id, word, Math.max(word.length, this.length(id)) >= SOUND_LONG_LENGTH ? 4 : 3)) found.sounds[found.count - 1] = this.soundsLike(id, soundKey) ? 1 : 0;
      }
    }
    const deleteDistance = word.length <= 3 ? 1 : MAX_DISTANCE;
    const maxDistance = word.length >= FARTHER_MIN_LENGTH ? MAX_DISTANCE + 1 : deleteDistance;
    // The limit for words whose first letter differs from the query's (see consider()).
    const initial = word.charCodeAt(0);
    const nearDistance = Math.min(maxDistance, MAX_DISTANCE);
    const deletes = this.deletes;
    const groups = this.groups;
    // The tables are megabytes, so nearly every read below misses the cache. Done in passes of
    // independent reads (all buckets, then all their groups, then each group's record) rather than
    // one walk, the processor overlaps those waits; the order of the groups, and so of `found`, is kept.
    const hashes = this.hashes;
    const count = deleteHashes(word, deleteDistance, hashes, 0);
    for (let h = 0; h < count; h++) hashes[h] = mix(hashes[h]!);
    // Which tables can hold words within maxDistance: short words (measured from the letters in
    // their entries, and only read when close enough), longer ones (groups).
    const short = word.length <= 32 && word.length - SHORT_LONGEST <= maxDistance;
    const long = word.length + maxDistance > SHORT_LONGEST;
    // All buckets' bounds first: independent reads, which the processor overlaps.
    const bounds = this.bounds;
    for (let h = 0; h < count; h++) {
      if (short) {
        const bucket = hashes[h]! & this.shortDeletes.mask;
        bounds[4 * h] = this.shortDeletes.start[bucket]!;
        bounds[4 * h + 1] = this.shortDeletes.start[bucket + 1]!;
      }
      if (long) {
        const bucket = hashes[h]! & deletes.mask;
        bounds[4 * h + 2] = deletes.start[bucket]!;
        bounds[4 * h + 3] = deletes.start[bucket + 1]!;
      }
    }
    if (short) {
      const idMask = this.shortDeletes.idMask;
      const entries = this.shortEntries;
      const words = this.words;
      for (let h = 0; h < count; h++) {
        const high = (hashes[h]! & ~idMask) >>> 0;
        for (let m = bounds[4 * h]!, end = bounds[4 * h + 1]!; m < end; m++) {
          const member = entries[2 * m]!;
          if ((member & ~idMask) >>> 0 !== high) continue;
          const letters = entries[2 * m + 1]!;
          const limit = UNPACKED[letters & 31] === initial ? maxDistance : nearDistance;
          // Its length: 5 bits a letter.
          if (Math.abs((((36 - Math.clz32(letters)) / 5) | 0) - word.length) > limit) continue;
          const distance = this.packedDistance(word.length, letters);
          const at = (member & idMask) * WORD_FIELDS;
          if (distance > limit || words[at + SEEN] === this.query) continue;
          words[at + SEEN] = this.query;
          this.add(member & idMask, distance);
        }
      }
    }
    const idMask = deletes.idMask;
    let list = this.groupList;
    let listed = 0;
    for (let h = 0; long && h < count; h++) {
      const high = (hashes[h]! & ~idMask) >>> 0;
      const from = bounds[4 * h + 2]!;
      const to = bounds[4 * h + 3]!;
      if (listed + to - from > list.length) {
        list = this.groupList = growTo(list, listed + to - from);
      }
      for (let m = from; m < to; m++) {
        const member = deletes.members[m]!;
        if ((member & ~idMask) >>> 0 === high) list[listed++] = member & idMask;
      }
    }
    let kept = 0;
    for (let k = 0; k < listed; k++) {
      const at = list[k]! * GROUP_FIELDS;
      if (groups[at + GROUP_SEEN] === this.query) continue;
      groups[at + GROUP_SEEN] = this.query;
      // The filters of consider() on what the group's words share: none of them would pass.
      const limit = groups[at + INITIAL] === initial ? maxDistance : nearDistance;
      const lengths = groups[at + LENGTHS]!;
      if (word.length - (lengths >>> 16) > limit || (lengths & 0xffff) - word.length > limit) continue;
      if (bitCount(groups[at + COMMON]! & ~this.queryLetters) > limit) continue;
      if (bitCount(this.queryLetters & ~groups[at + UNION]!) + bitCount(this.queryRepeated & ~groups[at + UNION_REPEATED]!) > limit) continue;
      list[kept++] = at;
    }
    for (let k = 0; k < kept; k++) {
      const at = list[k]!;
      const limit = groups[at + INITIAL] === initial ? maxDistance : nearDistance;
      for (let id = groups[at + FIRST]!, end = groups[at + END]!; id < end; id++) this.consider(id, word, limit);
    }
    if (word.length <= 32) for (let i = 0; i < word.length; i++) this.positions[word.charCodeAt(i)] = 0;
    // Too short for the sound table, yet a sound-alike all the same.
    if (word.length < SOUND_MIN_LENGTH) for (let k = 0; k < found.count; k++) found.sounds[k] = this.soundsLike(found.ids[k]!, soundKey) ? 1 : 0;
    return found;
  }

  /** Where word `id` starts in `text` (and, with id + 1, where it ends). */
  start(id: number): number {
    return this.words[id * WORD_FIELDS + START]!;
  }

  /** Whether word id's sound key is `soundKey`. */
  private soundsLike(id: number, soundKey: string): boolean {
    const from = this.soundStart[id]!;
    return this.soundStart[id + 1]! - 1 - from === soundKey.length && this.soundKeys.startsWith(soundKey, from);
  }

  private length(id: number): number {
    return this.words[(id + 1) * WORD_FIELDS + START]! - this.words[id * WORD_FIELDS + START]!;
  }

  /** Adds a candidate, not (yet) a sound-alike. */
  private add(id: number, distance: number): void {
    const found = this.found;
    if (found.count === found.ids.length) {
      found.ids = growTo(found.ids, found.count + 1);
      found.distances = growTo(found.distances, found.count + 1);
      found.sounds = growTo(found.sounds, found.count + 1);
    }
    found.ids[found.count] = id;
    found.distances[found.count] = distance;
    found.sounds[found.count++] = 0;
  }

  /** Adds word `id` to the candidates when within maxDistance of the query and not yet measured; whether it did. */
  private consider(id: number, word: string, maxDistance: number): boolean {
    const words = this.words;
    const at = id * WORD_FIELDS;
    const start = words[at + START]!;
    const end = words[at + WORD_FIELDS + START]!;
    if (words[at + SEEN] === this.query || Math.abs(end - start - word.length) > maxDistance) return false;
    // Each letter one has more often than the other needs an edit (a substitution serves one of each);
    // counting occurrences up to two catches doubled letters too.
    const letters = words[at + LETTERS]!;
    const repeated = words[at + REPEATED]!;
    if (bitCount(letters & ~this.queryLetters) + bitCount(repeated & ~this.queryRepeated) > maxDistance) return false;
    if (bitCount(this.queryLetters & ~letters) + bitCount(this.queryRepeated & ~repeated) > maxDistance) return false;
    words[at + SEEN] = this.query;
    const distance = word.length <= 32 ? this.bitDistance(word.length, start, end) : this.distance(word, this.keys[id]!, maxDistance);
    // Three edits or more is far: worth a look only when the first letter agrees, as it nearly always
    // does then. (The callers that can tell from a group or entry lower maxDistance instead.)
    if (distance > maxDistance || (distance > MAX_DISTANCE && this.text.charCodeAt(start) !== word.charCodeAt(0))) return false;
    this.add(id, distance);
    return true;
  }

  /**
   * Optimal string alignment distance between the query (of `length` ≤ 32 characters, its letters
   * in `positions`) and the word at text[from, to): Hyyrö's bit-vector algorithm with transpositions,
   * one step per character of the word.
   */
  private bitDistance(length: number, from: number, to: number): number {
    const codes = this.codes;
    const text = this.text;
    for (let j = from; j < to; j++) codes[j - from] = text.charCodeAt(j);
    return this.codesDistance(length, to - from);
  }

  /** bitDistance() to a short word given as pack() letters. */
  private packedDistance(length: number, letters: number): number {
    let n = 0;
    for (; letters !== 0; letters >>>= 5) this.codes[n++] = UNPACKED[letters & 31]!;
    return this.codesDistance(length, n);
  }

  /** The distance from the query to the word whose character codes are codes[0, n) (Hyyrö's steps). */
  private codesDistance(length: number, n: number): number {
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
   * Optimal string alignment distance, for queries too long for bitDistance, or maxDistance + 1 as
   * soon as it must exceed maxDistance.
   * The common prefix and suffix are skipped and only the diagonal band |i - j| ≤ maxDistance is filled.
   */
  private distance(a: string, b: string, maxDistance: number): number {
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

/**
 * Writes at out[at…] the hashes of the strings left after deleting up to `deletes` characters from
 * the first PREFIX characters of `word`, and returns how many. Each is computed in O(1) from prefix
 * hashes (polynomial, mod 2^32): hash(s[from, to)) = prefix[to] - prefix[from] * BASE^(to - from),
 * hash(a + b) = hash(a) * BASE^|b| + hash(b).
 */
function deleteHashes(word: string, deletes: number, out: Uint32Array, at: number): number {
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

/**
 * A word of up to SHORT_LONGEST letters a–z and apostrophes as 5 bits a letter, the first lowest
 * (a–z 1–26, apostrophe 27, so no letter is 0); -1 for any other word.
 */
function pack(word: string): number {
  if (word.length > SHORT_LONGEST) return -1;
  let letters = 0;
  for (let i = word.length - 1; i >= 0; i--) {
    const c = word.charCodeAt(i);
    const code = c === 39 ? 27 : c >= 97 && c <= 122 ? c - 96 : -1;
    if (code < 0) return -1;
    letters = letters * 32 + code;
  }
  return letters;
}

/** Character codes by pack() code. */
const UNPACKED = new Int32Array(32);
for (let code = 1; code <= 26; code++) UNPACKED[code] = 96 + code;
UNPACKED[27] = 39;

function samePrefix(a: string, b: string): boolean {
  const n = Math.min(a.length, PREFIX);
  if (Math.min(b.length, PREFIX) !== n) return false;
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

function letterBits(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) {
    const letter = word.charCodeAt(i) - 97;
    bits |= letter >= 0 && letter < 26 ? 1 << letter : 1 << 26;
  }
  return bits;
}

function repeatedBits(word: string): number {
  let once = 0;
  let twice = 0;
  for (let i = 0; i < word.length; i++) {
    const letter = word.charCodeAt(i) - 97;
    const bit = letter >= 0 && letter < 26 ? 1 << letter : 1 << 26;
    twice |= once & bit;
    once |= bit;
  }
  return twice;
}

function bitCount(bits: number): number {
  bits -= (bits >>> 1) & 0x55555555;
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Polynomial hash of text[from, to), the same as deleteHashes uses. */
function stringHash(text: string, from: number, to: number): number {
  let hash = 0;
  for (let i = from; i < to; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i) + 1) | 0;
  return hash >>> 0;
}

const PREFIX_HASHES = new Int32Array(PREFIX + 1); // [0] stays 0
const POWERS = new Int32Array(PREFIX + 1);
POWERS[0] = 1;
for (let i = 1; i <= PREFIX; i++) POWERS[i] = Math.imul(POWERS[i - 1]!, BASE);
