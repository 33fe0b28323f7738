/**
 * The spelling engine's view of the shared word model (shared/text/word-model.ts): the words a
 * correction may be ("candidates", ids 0…n−1 in the shared model's order, so alphabetical), their
 * probabilities, and how much their neighbours make each likelier. candidates.txt, written by
 * scripts/build-text-data.ts, has three sections separated by a blank line, one entry per line: the
 * candidates' shared word ids as base-36 deltas from the previous one; their sound keys; "id Form" for
 * the candidates nspell wants in another case ("english" → "English"); "id mask" for those not every
 * English variant has.
 */
import type { WordModel } from '../word-model.ts';
import { ALL_VARIANTS } from './variants.ts';

const CANDIDATE_FORM = /^\p{Script=Latin}[\p{Script=Latin}']*$/u;

/** Words a correction may be: Latin letters and inner or final apostrophes, nothing else. */
export const isCandidateForm = (form: string): boolean => CANDIDATE_FORM.test(form);

// Weight of the plain word probability inside P(word | neighbour): keeps pairs missing from the
// list (which holds only frequent ones) from ruling a candidate out.
const UNIGRAM_SHARE = 0.05;

// A closed compound's parts are whole words (hot spot), not short ones whose joins are slips more often (wet her → wether).
const MIN_COMPOUND_HEAD = 3;
const MIN_COMPOUND_TAIL = 4;

export class LanguageModel {
  /** Lower-case candidates, the keys they are matched on. */
  readonly keys: string[];
  /** Candidates as nspell accepts them ("English", "don't"). */
  readonly forms: string[];
  /** The variants (bits of shared/text/spell/variants.ts) that accept each candidate. */
  readonly variants: Uint8Array;
  /** soundKey() of each candidate, computed at build time, one per line. */
  readonly soundKeys: string;
  /** ln P(candidate); dictionary forms the frequency list lacks get half the rarest listed candidate's probability. */
  readonly logPrior: Float64Array;
  private readonly prior: Float64Array;
  /** Shared word id of each candidate, and the candidate of each shared word (−1 for none). */
  private readonly wordId: Int32Array;
  private readonly candidateOf: Int32Array;
  // The word whose pairs stand for this one: the pair list writes "can't" as "cant", so a
  // contraction whose letters are also a word shares that word's pairs.
  private readonly pairId: Int32Array;

  constructor(
    private readonly words: WordModel,
    candidates: string,
  ) {
    const [ids, sounds, forms, variants] = candidates.split('\n\n');
    let size = 1;
    for (let at = ids!.indexOf('\n'); at >= 0; at = ids!.indexOf('\n', at + 1)) size++;
    this.wordId = new Int32Array(size);
    this.candidateOf = new Int32Array(words.words.length).fill(-1);
    this.keys = new Array<string>(size);
    // Base-36 digits (0-9, a-z) scanned in place, rather than a string and a parseInt() for each of the 88k lines.
    for (let i = 0, id = 0, wordId = 0, delta = 0; i <= ids!.length; i++) {
      const code = i < ids!.length ? ids!.charCodeAt(i) : 10;
      if (code !== 10) {
        delta = delta * 36 + (code <= 57 ? code - 48 : code - 87);
        continue;
      }
      wordId += delta;
      delta = 0;
      this.wordId[id] = wordId;
      this.candidateOf[wordId] = id;
      this.keys[id++] = words.words[wordId]!;
    }
    this.soundKeys = sounds!;
    this.forms = this.keys.slice();
    for (const line of forms!.split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) this.forms[Number(line.slice(0, space))] = line.slice(space + 1);
    }

    this.variants = new Uint8Array(size).fill(ALL_VARIANTS);
    for (const line of (variants ?? '').split('\n')) {
      const space = line.indexOf(' ');
      if (space > 0) this.variants[Number(line.slice(0, space))] = Number(line.slice(space + 1));
    }

    let rarest = Infinity;
    for (let id = 0; id < size; id++) {
      const count = words.counts[this.wordId[id]!]!;
      if (count > 0 && count < rarest) rarest = count;
    }
    this.prior = new Float64Array(size);
    this.logPrior = new Float64Array(size);
    this.pairId = new Int32Array(size);
    for (let id = 0; id < size; id++) {
      this.prior[id] = (words.counts[this.wordId[id]!] || rarest / 2) / words.total;
      this.logPrior[id] = Math.log(this.prior[id]!);
      const key = this.keys[id]!;
      const letters = key.includes("'") ? words.id(key.replace(/'/g, '')) : -1;
      this.pairId[id] = letters === -1 ? this.wordId[id]! : letters;
    }
  }

  /** The candidate id of a word in any case, or -1. */
  id(word: string): number {
    const wordId = this.words.id(word.toLowerCase());
    return wordId === -1 ? -1 : this.candidateOf[wordId]!;
  }

  /** ln P(word) of a lower-case word the frequency list counts, candidate or not (ebay, standup, kosovo); undefined when it has none. */
  listedLogPrior(word: string): number | undefined {
    const id = this.words.id(word);
    const count = id >= 0 ? this.words.counts[id]! : 0;
    return count > 0 ? Math.log(count / this.words.total) : undefined;
  }

  /** ln P(first second) = ln P(first) + ln P(second | first), from the pair's own count; −Infinity when it is not listed. */
  pairScore(first: number, second: number): number {
    const a = this.pairId[first]!;
    const follow = this.words.followTotals[a]!;
    const pair = follow > 0 ? this.words.pairCount(a, this.pairId[second]!) : 0;
    return pair > 0 ? this.logPrior[first]! + Math.log(pair / follow) : -Infinity;
  }

  /** The shared word whose pairs stand for candidate `id`: its own, or its letters' for a contraction (can't, cant). */
  pairKey(id: number): number {
    return this.pairId[id]!;
  }

  /** ln of candidate `id`'s count in the frequency list; −Infinity for a dictionary form the list lacks. */
  logCount(id: number): number {
    return Math.log(this.words.counts[this.wordId[id]!]!);
  }

  /** ln of the listed count of the pair "first second" (candidate ids); −Infinity when the list lacks it. */
  pairLogCount(first: number, second: number): number {
    return Math.log(this.words.pairCount(this.pairId[first]!, this.pairId[second]!));
  }

  /**
   * Whether a lower-case word is two listed words the pair list counts side by side (hot spot →
   * hotspot), of at least MIN_COMPOUND_HEAD and MIN_COMPOUND_TAIL letters: a closed compound, no slip; `skip` lists
   * the words whose joins are slips more often (a lot → alot, band with → bandwith).
   */
  isCompound(word: string, skip: ReadonlySet<string>): boolean {
    for (let at = MIN_COMPOUND_HEAD; at <= word.length - MIN_COMPOUND_TAIL; at++) {
      const [head, tail] = [word.slice(0, at), word.slice(at)];
      if (skip.has(head) || skip.has(tail)) continue;
      const [first, second] = [this.id(head), this.id(tail)];
      if (first >= 0 && second >= 0 && this.pairLogCount(first, second) > -Infinity) return true;
    }
    return false;
  }

  /** Whether the pair list has candidate `id` (or the word standing for it) on either side of any pair. */
  hasPairs(id: number): boolean {
    const key = this.pairId[id]!;
    return this.words.followTotals[key]! > 0 || this.words.precedeTotals[key]! > 0;
  }

  /**
   * ln of how much more likely candidate `id` is next to its neighbours than on its own:
   * P(id | previous) / P(id) + P(id | next) / P(id), each interpolated with P(id). -1 = no neighbour.
   */
  contextGain(id: number, previous: number, next: number): number {
    const { words } = this;
    let gain = 0;
    const prior = this.prior[id]!;
    id = this.pairId[id]!;
    if (previous >= 0) {
      previous = this.pairId[previous]!;
      if (words.followTotals[previous]! > 0) {
        const pair = words.pairCount(previous, id) / words.followTotals[previous]!;
        gain += Math.log((1 - UNIGRAM_SHARE) * (pair / prior) + UNIGRAM_SHARE);
      }
    }
    if (next >= 0) {
      next = this.pairId[next]!;
      if (words.precedeTotals[next]! > 0) {
        const pair = words.pairCount(id, next) / words.precedeTotals[next]!;
        gain += Math.log((1 - UNIGRAM_SHARE) * (pair / prior) + UNIGRAM_SHARE);
      }
    }
    return gain;
  }
}
