/**
 * How much a text reads like English: the mean log-probability per word under the word model's
 * pairs, mixed with its word counts. A word the model lacks (a source word a translation left as it
 * was) costs what the floor allows. Translation uses it to choose between languages whose
 * dictionaries know a short text equally well: the reading whose translation is the better English.
 */
import type { WordModel } from './word-model.ts';

/** Weight of P(word | previous word) against P(word) where the previous word has listed pairs. */
const PAIR_WEIGHT = 0.7;
/** Probability of a word the model lacks. */
const FLOOR = 1e-9;
const WORD = /[\p{L}']+/gu;

/** Mean log-probability per word (≤ 0; higher reads more like English); −Infinity for a text without words. */
export type FluencyScorer = (text: string) => number;

/** The model (englishWords) is asked for once, on the first score, so a translator that never compares readings never parses it. */
export function createFluencyScorer(model: () => WordModel): FluencyScorer {
  let loaded: WordModel | undefined;
  return (text) => {
    const words = (loaded ??= model());
    const tokens = text.toLowerCase().match(WORD) ?? [];
    if (tokens.length === 0) return -Infinity;
    let sum = 0;
    let previous = -1;
    for (const token of tokens) {
      const id = words.id(token);
      const alone = id >= 0 ? words.counts[id]! / words.total : 0;
      const follows = previous >= 0 ? words.followTotals[previous]! : 0;
      const p = id >= 0 && follows > 0 ? (PAIR_WEIGHT * words.pairCount(previous, id)) / follows + (1 - PAIR_WEIGHT) * alone : alone;
      sum += Math.log(Math.max(p, FLOOR));
      previous = id;
    }
    return sum / tokens.length;
  };
}
