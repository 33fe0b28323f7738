/**
 * The Viterbi word segmentation of one letter run: where spaces go between the run's words, or
 * whether it stays whole. The search is in lattice.ts, its costs in run-costs.ts; the chunk and
 * punctuation rules around it are in segmenter.ts.
 */
import type { WordModel } from '../word-model.ts';
import { RunLattice, type SoftBoundary } from './lattice.ts';
import { lowerSameLength } from './letter-case.ts';
import { BRAND_SHAPE, CAMEL_CASE, CONTRACTION_SUFFIXES, KEEP_WHOLE_MARGIN, MAX_UNKNOWN_LENGTH, NAME, NAME_KEEP_MARGIN, NEGATIONS, SHORTEST_SPLIT } from './run-costs.ts';
import { buildModel, joinedWords, listedWords, type Model } from './segment-model.ts';

export type { SoftBoundary };

/** Splits one letter run into words. sentenceStart: whether the run starts a sentence (its capital then says nothing about a name). */
export interface RunSegmenter {
  segmentRun(run: string, delimited: boolean, sentenceStart: boolean): string;
  runCost(run: string, sentenceStart: boolean): number;
  isKnown(lower: string): boolean;
  /** Each stretch of two to `most` neighbouring words (lower-case letters) that joined spells a listed word, as [first, last] indices. */
  joinedWords(lower: readonly string[], most: number): Array<[number, number]>;
  /**
   * Which soft boundaries the run's likeliest reading removes: the run is the letters of words the
   * text separated, boundaries[k] a position where it had a space or a line-break hyphen, and a word
   * read across it costs removalCosts[k] more. Unknown pieces cross only boundaries whose
   * crossesUnknown[k] is set (a hyphen at a line end splits rare words too, a typed space seldom).
   */
  removedBoundaries(run: string, boundaries: readonly SoftBoundary[], sentenceStart: boolean): boolean[];
}

class ViterbiRunSegmenter implements RunSegmenter {
  private readonly lattice: RunLattice;

  constructor(private readonly model: Model) {
    this.lattice = new RunLattice(model);
  }

  /**
   * One letter run with spaces inserted, every other character unchanged. A delimited run that is a
   * word, or spelled as the dictionaries spell one with capitals inside (GitHub), is kept ("atone"
   * never becomes "at one"); one glued to a number, emoji or other script is not a word someone typed
   * alone ("你好tome" is "to me").
   */
  segmentRun(run: string, delimited: boolean, sentenceStart: boolean): string {
    const lower = lowerSameLength(run);
    if ((delimited && (this.isKnown(lower) || this.model.mixedCase.has(run))) || lower.length < SHORTEST_SPLIT) return run;
    const n = lower.length;
    const [finalState, finalCost] = this.lattice.measure(run, lower, sentenceStart);
    // A stretch between forced joins longer than any word: leave the run as it was.
    if (finalCost === Infinity) return run;
    if (n <= MAX_UNKNOWN_LENGTH && delimited) {
      const camel = CAMEL_CASE.test(run);
      const margin = KEEP_WHOLE_MARGIN + ((!sentenceStart && NAME.test(run)) || BRAND_SHAPE.test(run) ? NAME_KEEP_MARGIN : 0);
      if (this.lattice.wholeUnknownCost(n, camel, n > 3 && lower.endsWith("'s")) - finalCost < margin) return run;
    } else if (n <= MAX_UNKNOWN_LENGTH && this.lattice.wholeUnknownCost(n, false) - finalCost < KEEP_WHOLE_MARGIN) return run;

    const cuts = this.lattice.cuts(finalState);
    let out = '';
    let from = 0;
    for (let k = cuts.length - 2; k >= 0; k--) {
      out += run.slice(from, cuts[k]) + ' ';
      from = cuts[k]!;
    }
    return out + run.slice(from);
  }

  removedBoundaries(run: string, boundaries: readonly SoftBoundary[], sentenceStart: boolean): boolean[] {
    const [finalState, finalCost] = this.lattice.measure(run, lowerSameLength(run), sentenceStart, boundaries);
    if (finalCost === Infinity) return boundaries.map(() => false);
    const cuts = new Set(this.lattice.cuts(finalState));
    return boundaries.map(({ at }) => !cuts.has(at));
  }


  /** −ln P of the run's likeliest reading, as words or as one unknown word: what a number's suffix is weighed by. */
  runCost(run: string, sentenceStart: boolean): number {
    if (!run) return 0;
    const lower = lowerSameLength(run);
    const n = lower.length;
    const cost = this.lattice.measure(run, lower, sentenceStart)[1];
    return n <= MAX_UNKNOWN_LENGTH ? Math.min(cost, this.lattice.wholeUnknownCost(n, false)) : cost;
  }


  joinedWords(lower: readonly string[], most: number): Array<[number, number]> {
    return joinedWords(this.model.words, lower, most);
  }

  /** A run that is already a word (or word + contraction) is kept whole, so "atone" never becomes "at one". */
  isKnown(lower: string): boolean {
    const { words } = this.model;
    if (words.id(lower) !== -1) return true;
    const apostrophe = lower.indexOf("'");
    if (apostrophe === -1) return false;
    if (this.model.negations.some(([form]) => form === lower)) return true;
    const [head, ...tail] = lower.split("'");
    return apostrophe > 0 && words.id(head!) !== -1 && tail.every((part) => CONTRACTION_SUFFIXES.includes(part) || words.id(part) !== -1);
  }
}


/**
 * Builds the run segmenter on a word model, the titles the chunk rules know (words here too) and the
 * words spelled with a capital inside; it owns its working arrays, so one per segmenter.
 */
export function createRunSegmenter(words: WordModel, titles: ReadonlySet<string>, mixedCase?: ReadonlySet<string>): RunSegmenter {
  return new ViterbiRunSegmenter(buildModel(listedWords(words), titles, NEGATIONS, mixedCase));
}
