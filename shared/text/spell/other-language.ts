/**
 * Text in another language than English: sentences most of whose words the dictionary lacks are
 * shown to eld (small database, loaded on first need, so English text never pays for it); those it
 * finds, reliably, to be another language are left as written, and a text that is all of them is
 * refused as not English.
 */
import { AppError } from '../../errors.ts';
import type { LanguageGuess } from '../../translate/language-detector.ts';
import type { Flag, SpellChecker, SpellOptions, SpellResult } from './spell-checker.ts';

// A sentence is suspect when at least this share of its words (and two or more) were corrected or flagged.
const SUSPECT_SHARE = 0.4;
const MIN_SUSPECT_WORDS = 2;
// The text is not English when its foreign sentences hold at least this share of its words.
const FOREIGN_TEXT_SHARE = 0.75;
const MIN_FOREIGN_TEXT_WORDS = 3;
// Names and acronyms say nothing of the language around them.
const TELLING: ReadonlySet<Flag['reason']> = new Set(['unknown', 'uncertain']);

const SENTENCE = /[^.!?\n]+(?:[.!?]+|\n|$)/gu;
const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;

/** eld's guess, in the shape the translate function's detector answers with. */
export type Detect = (text: string) => LanguageGuess;

let detector: Promise<Detect> | undefined;

/** eld's small database (about a sixth of the medium one the translate function holds): enough for whole sentences. */
function loadDetector(): Promise<Detect> {
  detector ??= import('eld/small').then(({ eld }) => (text: string) => {
    const result = eld.detect(text);
    return { language: result.language || null, reliable: result.language !== '' && result.isReliable() };
  });
  return detector;
}

const languageName = (code: string): string => new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;

/**
 * Checks the text's spelling, leaving sentences in another language as written (flagged
 * `other-language`); throws 422 UNSUPPORTED_LANGUAGE when the text as a whole is in one.
 * `detect` is eld unless a test hands in another.
 */
export async function checkSpelling(checker: SpellChecker, text: string, options: SpellOptions = {}, detect?: Detect): Promise<SpellResult> {
  const first = checker.correct(text, options);
  const reported = [...first.corrections.map((c) => c.offset), ...first.flags.filter((f) => TELLING.has(f.reason)).map((f) => f.offset)];
  const suspects: Array<{ start: number; end: number; words: number }> = [];
  let words = 0;
  for (const match of text.matchAll(SENTENCE)) {
    const start = match.index;
    const end = start + match[0].length;
    const count = match[0].match(WORD)?.length ?? 0;
    words += count;
    const hits = reported.filter((offset) => offset >= start && offset < end).length;
    if (hits >= MIN_SUSPECT_WORDS && hits >= SUSPECT_SHARE * count) suspects.push({ start, end, words: count });
  }
  if (suspects.length === 0) return first;

  const guess = detect ?? (await loadDetector());
  const foreign = suspects
    .map((sentence) => ({ ...sentence, ...guess(text.slice(sentence.start, sentence.end)) }))
    .filter((sentence) => sentence.reliable && sentence.language !== null && sentence.language !== 'en');
  if (foreign.length === 0) return first;
  const foreignWords = foreign.reduce((sum, sentence) => sum + sentence.words, 0);
  // A short quotation (Danke schön, said Hans) is left alone, not refused.
  if (foreignWords >= FOREIGN_TEXT_SHARE * words && reported.length >= MIN_FOREIGN_TEXT_WORDS) {
    const whole = guess(text);
    const language = whole.reliable && whole.language && whole.language !== 'en' ? whole.language : foreign[0]!.language!;
    throw new AppError('UNSUPPORTED_LANGUAGE', `the text looks like ${languageName(language)} (${language}); spelling is checked in English only`);
  }
  return checker.correct(text, { ...options, foreign: foreign.map(({ start, end }) => [start, end] as const) });
}
