/** A misspelling's candidates ranked by frequency, sound and the error model, before context reorders them. */
import type { CandidateIndex } from './candidate-index.ts';
import type { ErrorModel } from './error-model.ts';
import { spanCostFloor } from './slip-costs.ts';
import { irregularPastForms } from './irregular-verbs.ts';
import type { LanguageModel } from './language-model.ts';
import { Ranking, type Shortlist } from './ranking.ts';
import { soundKey } from './sound-key.ts';

// ln-probability units one edit costs: a candidate one edit further away must be about
// e^9 ≈ 8,000 times more frequent to win.
export const EDIT_WEIGHT = 9;
// Shortlists are cached per distinct misspelling; the bound keeps a warm instance's memory flat.
const CACHE_LIMIT = 20_000;
const SAME_LETTERS_BONUS = 100;
// ln-probability a candidate gains when it sounds like the misspelling (same soundKey): about a quarter edit.
const SOUND_BONUS = 2;
// A regular -ed on an irregular verb (teached → taught) costs as much as a common slip: the writer
// knows the verb, only not its form.
const REGULARISED_VERB = 0.6;
// Candidates are sorted by id × ORDER_SPAN + their place in the lookup, which is less than this.
const ORDER_SPAN = 2 ** 20;

/** The shortlist of each misspelling, cached; one instance per checker. */
export class CandidateShortlists {
  private readonly cache = new Map<string, Shortlist>();
  // Per candidate of the current of(): its score before the error model, that minus the
  // error model's floor, and the keys that sort them by id.
  private bases = new Float64Array(256);
  private bounds = new Float64Array(256);
  private order = new Float64Array(256);
  private readonly ranking = new Ranking();

  constructor(
    private readonly model: LanguageModel,
    private readonly index: CandidateIndex,
    private readonly errors: ErrorModel,
  ) {}

  /** The shortlist of `key`, a misspelling folded (see fold()). */
  of(key: string): Shortlist {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const letters = key.replace(/'/g, '');
    const sound = soundKey(key);
    // The error model is the costly part: once the shortlist is full, candidates whose bound (see
    // spanCostFloor) is below its worst cannot enter it, and errorCost() stops early on the others.
    const { count, ids: found, distances, sounds } = this.index.lookup(key, sound);
    if (this.bases.length < count) {
      this.bases = new Float64Array(count * 2);
      this.bounds = new Float64Array(count * 2);
      this.order = new Float64Array(count * 2);
    }
    const { bases, bounds, order } = this;
    // Candidates are read from the index's text, which the lookup has just brought into the cache.
    const text = this.index.text;
    for (let k = 0; k < count; k++) {
      const id = found[k]!;
      const from = this.index.start(id);
      const to = this.index.start(id + 1);
      // Only apostrophes missing or misplaced ("dont", "wo'nt"): nearly always the intended word,
      // though contractions' listed counts are too low to show it.
      const sameLetters = sameWithoutApostrophes(text, from, to, letters);
      bases[k] = (sameLetters ? SAME_LETTERS_BONUS : 0) + (sounds[k] ? SOUND_BONUS : 0) + this.model.logPrior[id]!;
      bounds[k] = bases[k]! - EDIT_WEIGHT * spanCostFloor(key, text, from, to, distances[k]!);
    }
    // Scored in id order, which is alphabetical (the lexicon is sorted): errorCost() then keeps
    // the columns of the prefix a candidate shares with the previous one. The shortlist keeps the
    // best by score, then bound, then lookup order, as scoring best-bound first would.
    for (let k = 0; k < count; k++) order[k] = found[k]! * ORDER_SPAN + k;
    const sorted = order.subarray(0, count).sort();
    const ranking = this.ranking;
    ranking.clear();
    // teached → taught: too far apart for the error model, one slip for the writer.
    for (const form of irregularPastForms(letters)) {
      const id = this.model.id(form);
      if (id >= 0) ranking.offer(id, this.model.logPrior[id]! - EDIT_WEIGHT * REGULARISED_VERB, Infinity, -1);
    }
    for (let n = 0; n < count; n++) {
      // The place in the lookup; floor() rather than %, which on doubles is a call to fmod.
      const k = sorted[n]! - Math.floor(sorted[n]! / ORDER_SPAN) * ORDER_SPAN;
      const worst = ranking.worst();
      // Only a tie (of score and bound) could still enter.
      if (bounds[k]! < worst) continue;
      const id = found[k]!;
      const score = bases[k]! - EDIT_WEIGHT * this.errors.spanErrorCost(key, text, this.index.start(id), this.index.start(id + 1), (bases[k]! - worst) / EDIT_WEIGHT);
      ranking.offer(id, score, bounds[k]!, k);
    }
    const shortlist = ranking.shortlist();
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, shortlist);
    return shortlist;
  }
}

/** Whether text[from, to) with its apostrophes left out is `letters`. */
function sameWithoutApostrophes(text: string, from: number, to: number, letters: string): boolean {
  if (to - from < letters.length) return false;
  let k = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 39) continue;
    if (k === letters.length || c !== letters.charCodeAt(k)) return false;
    k++;
  }
  return k === letters.length;
}
