/**
 * Text in another language than English, the spelling engine's last pass: sentences most of whose
 * words the dictionary lacks are shown to eld (small database, loaded on first need, so English
 * text never pays for it); those it finds, reliably, to be another language are left as written,
 * and a text that is all of them is refused as not English.
 */
import { AppError } from '../../errors.ts';
import { languageName } from '../language-name.ts';
import type { LanguageGuess } from '../../model.ts';
import type { Flag, SpellChecker, SpellOptions, SpellResult } from './spell-types.ts';

// A sentence is suspect when at least this share of its words (and two or more) were corrected or flagged.
const SUSPECT_SHARE = 0.4;
const MIN_SUSPECT_WORDS = 2;
// The text is not English when its foreign sentences hold at least this share of its words.
const FOREIGN_TEXT_SHARE = 0.75;
const MIN_FOREIGN_TEXT_WORDS = 3;
// Misspelled English looks like some other language to eld, narrowly (Plese chek my speling:
// Swedish 0.601, English 0.599): a sentence is foreign only when eld's score for its language beats
// English's by this much, and, under MIN_SURE_WORDS words, when it is still not English read with
// its words set right. Chosen on the tuning half of misspelled English and of the translate sample (docs/spelling.md).
const FOREIGN_MARGIN = 0.2;
const MIN_SURE_WORDS = 4;
// Names and acronyms say nothing of the language around them.
const TELLING: ReadonlySet<Flag['reason']> = new Set(['unknown', 'uncertain']);

const SENTENCE = /[^.!?\n]+(?:[.!?]+|\n|$)/gu;
const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;

/** eld's guess, in the shape the translate function's detector answers with, and its score for English (0–1). */
export type Detect = (text: string) => LanguageGuess & { english?: number };

let detector: Promise<Detect> | undefined;

/** eld's small database (the one the translate function loads when it needs n-grams): enough for whole sentences. */
function loadDetector(): Promise<Detect> {
  detector ??= import('eld/small').then(({ eld }) => (text: string) => {
    const result = eld.detect(text);
    const scores = result.getScores() as Record<string, number>;
    return { language: result.language || null, reliable: result.language !== '' && result.isReliable(), score: scores[result.language] ?? 0, english: scores.en ?? 0 };
  });
  return detector;
}

/** text[start, end) with its corrections made and each uncertain word replaced by its first suggestion. */
function englishReading(text: string, { start, end }: { start: number; end: number }, result: SpellResult): string {
  const changes = [
    ...result.corrections.map((c) => ({ offset: c.offset, length: c.length, replacement: c.replacement })),
    ...result.flags.filter((f) => f.reason === 'uncertain' && f.alternatives.length > 0).map((f) => ({ offset: f.offset, length: f.length, replacement: f.alternatives[0]! })),
  ]
    .filter((c) => c.offset >= start && c.offset < end)
    .sort((a, b) => a.offset - b.offset);
  let reading = '';
  let from = start;
  for (const c of changes) {
    reading += text.slice(from, c.offset) + c.replacement;
    from = c.offset + c.length;
  }
  return reading + text.slice(from, end);
}

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
    .filter((sentence) => sentence.reliable && sentence.language !== null && sentence.language !== 'en')
    .filter((sentence) => (sentence.score ?? 1) - (sentence.english ?? 0) >= FOREIGN_MARGIN)
    // Read with its words set right, misspelled English is English again; another language's words stay foreign.
    .filter((sentence) => sentence.words >= MIN_SURE_WORDS || guess(englishReading(text, sentence, first)).language !== 'en');
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
