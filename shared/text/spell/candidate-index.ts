/**
 * Symmetric-delete candidate lookup (the SymSpell idea): a word within edit distance 2 of the query
 * shares with it some string left after deleting up to 2 characters from each. Only the first
 * PREFIX characters are indexed, so consecutive words sharing those (international, internal,
 * interned…) form one group whose deletes are hashed once, into a flat bucket table of typed arrays built at load
 * (no strings, no Map). A query hashes its own deletes, walks the groups in those buckets and keeps
 * the words truly within the distance. A second table by sound key reaches further for long words.
 */

const MAX_DISTANCE = 2;
// Words this long also keep the words 3 edits away among those their deletes reach (those close in
// their first letters): long words collect more slips, and it costs no extra lookup.
const FARTHER_MIN_LENGTH = 8;
// 7 makes 56k groups for 88k words: a shorter prefix builds faster but makes groups, and so
// lookups, longer (6: 43k groups, half the build time, lookups about 1.5 times slower).
const PREFIX = 7;
const BASE = 0x01000193;
// Words this long also get candidates that sound alike (same soundKey) up to 3 edits away, 4 when
// either word has 9 letters or more.
const SOUND_MIN_LENGTH = 4;
const SOUND_LONG_LENGTH = 9;

export interface Candidate {
  id: number;
  distance: number;
}

/** Ids grouped by a 32-bit hash, in two flat arrays (compressed sparse rows). */
interface Buckets {
  start: Uint32Array;
  members: Uint32Array;
  mask: number;
}

/** Spreads a polynomial hash's bits (MurmurHash3's finaliser) so masking keeps buckets even. */
function mix(hash: number): number {
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** Groups ids[0…count) by hashes[0…count) (overwritten with bucket numbers), about two per bucket. */
function buckets(hashes: Uint32Array, ids: Uint32Array, count: number): Buckets {
  const size = 2 ** Math.ceil(Math.log2(Math.max(2, count / 2)));
  const mask = size - 1;
  const start = new Uint32Array(size + 1);
  for (let e = 0; e < count; e++) {
    const bucket = mix(hashes[e]!) & mask;
    hashes[e] = bucket;
    start[bucket + 1]!++;
  }
  for (let b = 1; b <= size; b++) start[b]! += start[b - 1]!;
  const members = new Uint32Array(count);
  const fill = start.slice(0, size);
  for (let e = 0; e < count; e++) members[fill[hashes[e]!]!++] = ids[e]!;
  return { start, members, mask };
}

export class CandidateIndex {
  private readonly deletes: Buckets;
  private readonly sounds: Buckets;
  /** Prefix groups: group g holds the ids groupStart[g] … groupStart[g + 1] - 1. */
  private readonly groupStart: Uint32Array;
  /**
   * Per word: its length, one bit per letter a–z it contains (other characters share bit 26), and
   * the same for letters it contains at least twice.
   */
  private readonly lengths: Uint8Array;
  private readonly letters: Uint32Array;
  private readonly repeated: Uint32Array;
  // Stamps of the current query, to look at each word and group once.
  private readonly wordSeen: Uint32Array;
  private readonly groupSeen: Uint32Array;
  private query = 0;
  private queryLetters = 0;
  private queryRepeated = 0;
  private readonly hashes = new Uint32Array(1 + PREFIX + (PREFIX * (PREFIX - 1)) / 2);
  // The query's letter positions as bits (Hyyrö's bit-parallel distance), by character code.
  private readonly positions = new Int32Array(65536);
  private readonly row0 = new Int32Array(64);
  private readonly row1 = new Int32Array(64);
  private readonly row2 = new Int32Array(64);

  /** keys: lower-case words; soundKeys: their soundKey(), by the same ids. */
  constructor(
    private readonly keys: readonly string[],
    soundKeys: readonly string[],
  ) {
    const size = keys.length;
    const lengths = (this.lengths = new Uint8Array(size));
    const letters = (this.letters = new Uint32Array(size));
    const repeated = (this.repeated = new Uint32Array(size));
    for (let id = 0; id < size; id++) {
      lengths[id] = Math.min(255, keys[id]!.length);
      letters[id] = letterBits(keys[id]!);
      repeated[id] = repeatedBits(keys[id]!);
    }

    // Groups: runs of consecutive words with the same prefix (the lexicon is sorted, so each prefix
    // makes one run; unsorted keys only make more, smaller groups).
    const starts: number[] = [];
    for (let id = 0; id < size; id++) if (id === 0 || !samePrefix(keys[id - 1]!, keys[id]!)) starts.push(id);
    starts.push(size);
    this.groupStart = Uint32Array.from(starts);
    const groups = starts.length - 1;

    const perGroup = this.hashes.length;
    const entryHash = new Uint32Array(groups * perGroup);
    const entryGroup = new Uint32Array(groups * perGroup);
    let entries = 0;
    for (let group = 0; group < groups; group++) {
      const end = entries + deleteHashes(keys[starts[group]!]!, MAX_DISTANCE, entryHash, entries);
      while (entries < end) entryGroup[entries++] = group;
    }
    this.deletes = buckets(entryHash, entryGroup, entries);
    const soundHash = new Uint32Array(size);
    const ids = new Uint32Array(size);
    for (let id = 0; id < size; id++) {
      soundHash[id] = stringHash(soundKeys[id]!, soundKeys[id]!.length);
      ids[id] = id;
    }
    this.sounds = buckets(soundHash, ids, size);
    this.wordSeen = new Uint32Array(size);
    this.groupSeen = new Uint32Array(groups);
  }

  /**
   * Lexicon words near the lower-case `word`, with their edit distances: within 1 edit for words
   * of up to 3 letters, else 2 (and those 3 edits away that share most of a prefix group, from
   * FARTHER_MIN_LENGTH letters); plus, for longer words, those with the same `soundKey`.
   */
  lookup(word: string, soundKey: string): Candidate[] {
    const found: Candidate[] = [];
    if (++this.query === 0xffffffff) {
      this.wordSeen.fill(0);
      this.groupSeen.fill(0);
      this.query = 1;
    }
    if (word.length <= 32) for (let i = 0; i < word.length; i++) this.positions[word.charCodeAt(i)]! |= 1 << i;
    this.queryLetters = letterBits(word);
    this.queryRepeated = repeatedBits(word);
    // Sound-alikes first: their distance limit is the larger, so a word they rule out needs no second look.
    if (word.length >= SOUND_MIN_LENGTH) {
      const sounds = this.sounds;
      const bucket = mix(stringHash(soundKey, soundKey.length)) & sounds.mask;
      for (let m = sounds.start[bucket]!, end = sounds.start[bucket + 1]!; m < end; m++) {
        const id = sounds.members[m]!;
        this.consider(id, word, Math.max(word.length, this.lengths[id]!) >= SOUND_LONG_LENGTH ? 4 : 3, found);
      }
    }
    const deleteDistance = word.length <= 3 ? 1 : MAX_DISTANCE;
    const maxDistance = word.length >= FARTHER_MIN_LENGTH ? MAX_DISTANCE + 1 : deleteDistance;
    const deletes = this.deletes;
    const count = deleteHashes(word, deleteDistance, this.hashes, 0);
    for (let h = 0; h < count; h++) {
      const bucket = mix(this.hashes[h]!) & deletes.mask;
      for (let m = deletes.start[bucket]!, end = deletes.start[bucket + 1]!; m < end; m++) {
        const group = deletes.members[m]!;
        if (this.groupSeen[group] === this.query) continue;
        this.groupSeen[group] = this.query;
        for (let id = this.groupStart[group]!, last = this.groupStart[group + 1]!; id < last; id++) this.consider(id, word, maxDistance, found);
      }
    }
    if (word.length <= 32) for (let i = 0; i < word.length; i++) this.positions[word.charCodeAt(i)] = 0;
    return found;
  }

  private consider(id: number, word: string, maxDistance: number, found: Candidate[]): void {
    if (this.wordSeen[id] === this.query || Math.abs(this.lengths[id]! - word.length) > maxDistance) return;
    // Each letter one has more often than the other needs an edit (a substitution serves one of each);
    // counting occurrences up to two catches doubled letters too.
    const letters = this.letters[id]!;
    const repeated = this.repeated[id]!;
    if (bitCount(letters & ~this.queryLetters) + bitCount(repeated & ~this.queryRepeated) > maxDistance) return;
    if (bitCount(this.queryLetters & ~letters) + bitCount(this.queryRepeated & ~repeated) > maxDistance) return;
    this.wordSeen[id] = this.query;
    const distance = word.length <= 32 ? this.bitDistance(word.length, this.keys[id]!) : this.distance(word, this.keys[id]!, maxDistance);
    if (distance <= maxDistance) found.push({ id, distance });
  }

  /**
   * Optimal string alignment distance between the query (of `length` ≤ 32 characters, its letters
   * in `positions`) and `b`: Hyyrö's bit-vector algorithm with transpositions, one step per character of b.
   */
  private bitDistance(length: number, b: string): number {
    const positions = this.positions;
    const last = 1 << (length - 1);
    let vp = -1;
    let vn = 0;
    let d0 = 0;
    let previous = 0;
    let distance = length;
    for (let j = 0; j < b.length; j++) {
      const pm = positions[b.charCodeAt(j)]!;
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

/** Polynomial hash of text's first n characters, the same as deleteHashes uses. */
function stringHash(text: string, n: number): number {
  let hash = 0;
  for (let i = 0; i < n; i++) hash = (Math.imul(hash, BASE) + text.charCodeAt(i) + 1) | 0;
  return hash >>> 0;
}

const PREFIX_HASHES = new Int32Array(PREFIX + 1); // [0] stays 0
const POWERS = new Int32Array(PREFIX + 1);
POWERS[0] = 1;
for (let i = 1; i <= PREFIX; i++) POWERS[i] = Math.imul(POWERS[i - 1]!, BASE);
