/**
 * Real-word errors made the standard way: in a correct sentence, one word of a confusion set is
 * replaced by another member of its set (their → there), so the rest of the sentence is the
 * original's context. The choice of word and replacement is seeded by the sentence's hash, so the
 * same text always gives the same errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfusionSets } from '../../../shared/text/spell/context/real-words.ts';
import { stableHash } from '../halves.ts';

export const CONFUSION_SETS_FILE = join(import.meta.dirname, '..', '..', '..', 'shared', 'text', 'spell', 'context', 'confusion-sets.txt');

/** Each member of any set, with every word it shares a set with (see parseConfusionSets()). */
export const confusableWords = (setsText: string = readFileSync(CONFUSION_SETS_FILE, 'utf8')): Map<string, string[]> => parseConfusionSets(setsText);

export interface RealWordError {
  /** The sentence with the error in it. */
  text: string;
  offset: number;
  /** The word typed in error, as it stands in `text`. */
  wrong: string;
  /** The original word, as it stood in the sentence. */
  right: string;
}

/** Words standing alone: not inside a hyphenated compound, a path, an address or a code-like token. */
const STANDALONE = /(?<![\p{L}\p{M}\p{N}'’_/@.-])\p{L}+(?:['’]\p{L}+)*(?![\p{L}\p{M}\p{N}_/@-]|\.\p{L})/gu;

/** The word in `like`'s case pattern (lower or capitalised), with the sentence's apostrophe. */
function shaped(word: string, like: string, sentence: string): string {
  const apostrophe = sentence.includes('’') && !sentence.includes("'") ? word.replaceAll("'", '’') : word;
  return /^\p{Lu}/u.test(like) ? apostrophe.charAt(0).toUpperCase() + apostrophe.slice(1) : apostrophe;
}

/** One real-word error in the sentence, or undefined when it has no confusion-set word in lower case or capitalised. */
export function realWordError(sentence: string, confusable: ReadonlyMap<string, readonly string[]>): RealWordError | undefined {
  const candidates = [...sentence.matchAll(STANDALONE)].filter(([word]) => {
    const rest = word.slice(1);
    return rest === rest.toLowerCase() && confusable.has(word.toLowerCase().replaceAll('’', "'"));
  });
  if (candidates.length === 0) return undefined;
  // Seeded apart from the half's hash, so the choice does not follow the half.
  const hash = stableHash(`real-word error: ${sentence}`);
  const chosen = candidates[hash % candidates.length]!;
  const right = chosen[0];
  const others = confusable.get(right.toLowerCase().replaceAll('’', "'"))!;
  const wrong = shaped(others[(hash >>> 16) % others.length]!, right, sentence);
  return { text: sentence.slice(0, chosen.index) + wrong + sentence.slice(chosen.index + right.length), offset: chosen.index, wrong, right };
}
