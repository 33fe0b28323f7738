/**
 * Word and word-pair probabilities over the candidate lexicon, loaded from the files that
 * scripts/build-spell-index.ts writes. Everything is kept in flat typed arrays indexed by word id
 * (ids follow the words' order, which is alphabetical), so loading is a few linear passes.
 *
 * lexicon.txt has four sections separated by a blank line, one entry per line: the lower-case
 * words; their counts as round(ln(count) × COUNT_LOG_STEPS) (0 = only in the dictionary); their
 * sound keys; "id Form" for the words nspell wants in another case ("english" → "English").
 * bigrams.txt is base64 of varint triples (first id delta, second id or its delta when the first
 * repeats, round(ln(count) × BIGRAM_LOG_STEPS) as one byte), sorted by ids.
 */

export const BIGRAM_LOG_STEPS = 8;
export const COUNT_LOG_STEPS = 100;

const CANDIDATE_FORM = /^\p{Script=Latin}[\p{Script=Latin}']*$/u;

/** Words a correction may be: Latin letters and inner or final apostrophes, nothing else. */
export const isCandidateForm = (form: string): boolean => CANDIDATE_FORM.test(form);

// Weight of the plain word probability inside P(word | neighbour): keeps pairs missing from the
// list (which holds only frequent ones) from ruling a candidate out.
const UNIGRAM_SHARE = 0.05;
const PAIR_COUNT = Float64Array.from({ length: 256 }, (_, step) => Math.exp(step / BIGRAM_LOG_STEPS));

export class LanguageModel {
  /** Lower-case words, the keys candidates are matched on. */
  readonly keys: string[];
  /** Words as nspell accepts them ("English", "don't"). */
  readonly forms: string[];
  /** soundKey() of each word, computed at build time. */
  readonly soundKeys: string[];
  /** ln P(word); words only in the dictionary get half the rarest listed word's probability. */
  readonly logPrior: Float64Array;
  private readonly prior: Float64Array;
  private readonly idSlots: Int32Array;
  // The word whose pairs stand for this one: the pair list writes "can't" as "cant", so a
  // contraction that is also a word without its apostrophe shares that word's pairs.
  private readonly pairId: Int32Array;
  /** Pairs (a, b) as rows by a: b in pairNext[pairStart[a] … pairStart[a + 1]), ascending. */
  private readonly pairStart: Uint32Array;
  private readonly pairNext: Uint32Array;
  private readonly pairStep: Uint8Array;
  // Σ count(a, x) over x, and Σ count(x, b) over x: the denominators of P(b | a) and P(a | b).
  private readonly followTotals: Float64Array;
  private readonly precedeTotals: Float64Array;

  constructor(lexicon: string, bigrams: string) {
    const [keys, counts, sounds, forms] = lexicon.split('\n\n');
    this.keys = keys!.split('\n');
    this.soundKeys = sounds!.split('\n');
    this.forms = this.keys.slice();
    for (const line of forms!.split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) this.forms[Number(line.slice(0, space))] = line.slice(space + 1);
    }
    const size = this.keys.length;

    const count = new Float64Array(size);
    let total = 0;
    let rarest = Infinity;
    let id = 0;
    for (const text of counts!.split('\n')) {
      const value = text === '0' ? 0 : Math.exp(Number(text) / COUNT_LOG_STEPS);
      count[id++] = value;
      total += value;
      if (value > 0 && value < rarest) rarest = value;
    }
    this.prior = new Float64Array(size);
    this.logPrior = new Float64Array(size);
    for (let id = 0; id < size; id++) {
      this.prior[id] = (count[id] || rarest / 2) / total;
      this.logPrior[id] = Math.log(this.prior[id]!);
    }

    this.idSlots = new Int32Array(2 ** Math.ceil(Math.log2(size * 2))).fill(-1);
    const mask = this.idSlots.length - 1;
    for (let id = 0; id < size; id++) {
      let slot = hash(this.keys[id]!) & mask;
      while (this.idSlots[slot] !== -1) slot = (slot + 1) & mask;
      this.idSlots[slot] = id;
    }
    this.pairId = new Int32Array(size);
    for (let id = 0; id < size; id++) {
      const key = this.keys[id]!;
      this.pairId[id] = key.includes("'") ? this.exactId(key.replace(/'/g, '')) : id;
      if (this.pairId[id] === -1) this.pairId[id] = id;
    }

    const bytes = Buffer.from(bigrams, 'base64');
    const pairs = Math.ceil(bytes.length / 3);
    const pairStart = (this.pairStart = new Uint32Array(size + 1));
    const pairNext = (this.pairNext = new Uint32Array(pairs));
    const pairStep = (this.pairStep = new Uint8Array(pairs));
    const follow = (this.followTotals = new Float64Array(size));
    const precede = (this.precedeTotals = new Float64Array(size));
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
      follow[a]! += PAIR_COUNT[step]!;
      precede[b]! += PAIR_COUNT[step]!;
    }
    for (let id = 1; id <= size; id++) this.pairStart[id]! += this.pairStart[id - 1]!;
  }

  /** The id of a word in any case, or -1. */
  id(word: string): number {
    return this.exactId(word.toLowerCase());
  }

  /**
   * ln of how much more likely `id` is next to its neighbours than on its own:
   * P(id | previous) / P(id) + P(id | next) / P(id), each interpolated with P(id). -1 = no neighbour.
   */
  contextGain(id: number, previous: number, next: number): number {
    let gain = 0;
    const prior = this.prior[id]!;
    id = this.pairId[id]!;
    if (previous >= 0) {
      previous = this.pairId[previous]!;
      if (this.followTotals[previous]! > 0) {
        const pair = this.pairCount(previous, id) / this.followTotals[previous]!;
        gain += Math.log((1 - UNIGRAM_SHARE) * (pair / prior) + UNIGRAM_SHARE);
      }
    }
    if (next >= 0) {
      next = this.pairId[next]!;
      if (this.precedeTotals[next]! > 0) {
        const pair = this.pairCount(id, next) / this.precedeTotals[next]!;
        gain += Math.log((1 - UNIGRAM_SHARE) * (pair / prior) + UNIGRAM_SHARE);
      }
    }
    return gain;
  }

  private exactId(key: string): number {
    const mask = this.idSlots.length - 1;
    for (let slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
      const id = this.idSlots[slot]!;
      if (id === -1 || this.keys[id] === key) return id;
    }
  }

  private pairCount(first: number, next: number): number {
    let lo = this.pairStart[first]!;
    let hi = this.pairStart[first + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.pairNext[mid]!;
      if (value === next) return PAIR_COUNT[this.pairStep[mid]!]!;
      if (value < next) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}
