/**
 * Symmetric-delete candidate lookup (the SymSpell idea): a word within edit distance 2 of the query
 * shares with it some string left after deleting up to 2 characters from each. The lexicon's deletes
 * are hashed into tables at load (candidate-tables.ts); a query hashes its own deletes, walks the
 * groups and short words in those buckets, rules most out by length and letters, and measures the
 * rest (edit-distance.ts), keeping the words truly within the distance. Another table by sound key
 * reaches further for long words.
 */
import { growTo } from '../typed-array.ts';
import {
  buildCandidateTables,
  COMMON,
  deleteHashes,
  END,
  FIRST,
  GROUP_FIELDS,
  GROUP_SEEN,
  INITIAL,
  LENGTHS,
  LETTERS,
  MAX_DISTANCE,
  mix,
  MOST_DELETES,
  REPEATED,
  SEEN,
  SHORT_LONGEST,
  START,
  stringHash,
  UNION,
  UNION_REPEATED,
  WORD_FIELDS,
  type Buckets,
} from './candidate-tables.ts';
import { BIT_QUERY_LONGEST, QueryDistance } from './edit-distance.ts';
import { bitCount, letterSets, packedLength, UNPACKED } from './letter-bits.ts';

// Words this long also keep the words 3 edits away among those their deletes reach (those close in
// their first letters): long words collect more slips, and it costs no extra lookup.
const FARTHER_MIN_LENGTH = 7;
// Words this long also get candidates that sound alike (same soundKey) up to 3 edits away, 4 when
// either word has 9 letters or more.
const SOUND_MIN_LENGTH = 4;
const SOUND_LONG_LENGTH = 9;

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

export class CandidateIndex {
  // The tables (see CandidateTables), as fields of their own: a lookup reads them in every step.
  private readonly deletes: Buckets;
  private readonly shortDeletes: Omit<Buckets, 'members'>;
  private readonly shortEntries: Uint32Array;
  private readonly sounds: Buckets;
  private readonly groups: Int32Array;
  private readonly words: Int32Array;
  private readonly soundStart: Uint32Array;
  /** The words end to end. Word id is text[start(id), start(id + 1)). */
  readonly text: string;
  private query = 0;
  private queryLetters = 0;
  private queryRepeated = 0;
  private readonly querySets = new Int32Array(2);
  private readonly hashes = new Uint32Array(MOST_DELETES);
  // Per hash, where its buckets of short words and of groups start and end.
  private readonly bounds = new Uint32Array(4 * this.hashes.length);
  // The groups a query's deletes reach, in order.
  private groupList: Uint32Array = new Uint32Array(256);
  private readonly distance = new QueryDistance();
  private readonly found: Candidates = { count: 0, ids: new Int32Array(256), distances: new Int32Array(256), sounds: new Uint8Array(256) };

  /**
   * keys: lower-case words; soundKeys: their soundKey()s by the same ids, one per line (a string
   * of 88k keys, rather than 88k strings to make and collect at cold start).
   */
  constructor(
    private readonly keys: readonly string[],
    private readonly soundKeys: string,
  ) {
    const tables = buildCandidateTables(keys, soundKeys);
    this.deletes = tables.deletes;
    this.shortDeletes = tables.shortDeletes;
    this.shortEntries = tables.shortEntries;
    this.sounds = tables.sounds;
    this.groups = tables.groups;
    this.words = tables.words;
    this.soundStart = tables.soundStart;
    this.text = tables.text;
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
    this.distance.set(word);
    letterSets(word, 0, word.length, this.querySets, 0);
    this.queryLetters = this.querySets[0]!;
    this.queryRepeated = this.querySets[1]!;
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
    const short = word.length <= BIT_QUERY_LONGEST && word.length - SHORT_LONGEST <= maxDistance;
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
          if (Math.abs(packedLength(letters) - word.length) > limit) continue;
          const distance = this.distance.toPacked(word.length, letters);
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
    this.distance.clear(word);
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
    const distance = word.length <= BIT_QUERY_LONGEST ? this.distance.toSpan(word.length, this.text, start, end) : this.distance.banded(word, this.keys[id]!, maxDistance);
    // Three edits or more is far: worth a look only when the first letter agrees, as it nearly always
    // does then. (The callers that can tell from a group or entry lower maxDistance instead.)
    if (distance > maxDistance || (distance > MAX_DISTANCE && this.text.charCodeAt(start) !== word.charCodeAt(0))) return false;
    this.add(id, distance);
    return true;
  }
}
