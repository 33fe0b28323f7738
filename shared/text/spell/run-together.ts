/** Two words typed as one (alot → a lot, infact → in fact): the likeliest reading as a function word and another word. */
import type { LanguageModel } from './language-model.ts';

// How much the neighbours' pair counts weigh against a candidate's own probability.
export const CONTEXT_WEIGHT = 1;
// The first word of a split: phrases run together (a lot, in fact, even though), not compounds (mail server).
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'a an the in on at as to of by for from with into onto upon up out off over under no not any some every each all both even so too very more most much many such what when where who how which per nor or and but if though although until'.split(' '),
);

/**
 * The likeliest reading of lower-case `key` as a function word and another listed word of the
 * `target` variants, with its ln-score in context (neighbour candidate ids, or -1); undefined when none.
 */
export function bestSplit(model: LanguageModel, target: number, key: string, previous: number, next: number): { form: string; score: number } | undefined {
  let found: { form: string; score: number } | undefined;
  // A listed word of the target variant, spelled as the lexicon spells it; or -1.
  const wordOf = (part: string): number => {
    const id = model.id(part);
    return id >= 0 && model.variants[id]! & target && model.forms[id] === part ? id : -1;
  };
  for (let at = 1; at < key.length; at++) {
    const head = key.slice(0, at);
    const tail = key.slice(at);
    if (!FUNCTION_WORDS.has(head)) continue;
    const left = wordOf(head);
    const right = left < 0 ? -1 : wordOf(tail);
    if (right < 0) continue;
    const score = model.pairScore(left, right) + CONTEXT_WEIGHT * (model.contextGain(left, previous, -1) + model.contextGain(right, -1, next));
    if (score > (found?.score ?? -Infinity)) found = { form: `${head} ${tail}`, score };
  }
  return found;
}
