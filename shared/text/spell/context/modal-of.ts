/**
 * "could of", "should of": `have` heard as `of` after a modal verb, a real word in the wrong place
 * that no dictionary check sees. Only where `of` stands between the modal and a lower-case word
 * that cannot start the phrase a preposition would (`could of course`, `must of necessity`, `the
 * most he could of the money` keep their `of`).
 */
import { casePattern, restoreCase } from '../case-pattern.ts';

/** A word of the text as the checker reads it. */
export interface PlacedWord {
  text: string;
  offset: number;
  /** Whether only whitespace separates it from the previous word. */
  joined: boolean;
}

/** One `of` to be read as `have`. */
export interface ModalOf {
  offset: number;
  length: number;
  original: string;
  replacement: string;
}

const MODALS = new Set(['could', 'should', 'would', 'must', 'might']);
// Words after which `of` is a preposition: determiners, pronouns, and the set phrases.
const PREPOSITIONAL = new Set('a an the this that these those my your his her its our their all any some each every both either neither which what whom whose it them us me him one two course necessity late old right'.split(' '));
const LOWER_WORD = /^\p{Ll}+$/u;

export function modalOfCorrections(words: readonly PlacedWord[]): ModalOf[] {
  const found: ModalOf[] = [];
  for (let i = 1; i + 1 < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1]!;
    if (word.text.toLowerCase() !== 'of' || !word.joined || !next.joined) continue;
    if (!MODALS.has(words[i - 1]!.text.toLowerCase())) continue;
    if (!LOWER_WORD.test(next.text) || PREPOSITIONAL.has(next.text)) continue;
    found.push({ offset: word.offset, length: word.text.length, original: word.text, replacement: restoreCase(casePattern(word.text), 'have') });
  }
  return found;
}
