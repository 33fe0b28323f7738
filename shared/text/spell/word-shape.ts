/**
 * What a word's place and letters say about it, for what the checker leaves alone: its shape in
 * the text (a name inside a sentence, an acronym, a sentence's first word) and whether a change
 * is one a writer would want.
 */
import { ABBREVIATIONS } from '../abbreviations.ts';
import { languageName } from '../language-name.ts';

/** What wordShape() reads of a word and its neighbours. */
export interface ShapedWord {
  text: string;
  offset: number;
  /** Whether only whitespace separates it from the previous word. */
  joined: boolean;
}

// Word shapes (wordShape()).
export const PLAIN = 0;
export const SENTENCE_START = 1;
export const INNER_CAPITAL = 2;
export const ACRONYM = 3;
// Acronyms are short: a longer word in capitals is emphasis, checked like any other.
const MAX_ACRONYM = 6;

/** Whether the text is written in capitals (most of its cased letters are), so an all-capital word is no acronym. */
export function isShouting(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII by its code; other letters by their case mappings (a surrogate pair's halves map to themselves).
    if (code < 128) {
      if (code >= 65 && code <= 90) upper++;
      else if (code >= 97 && code <= 122) lower++;
      continue;
    }
    const char = text[i]!;
    if (char !== char.toLowerCase()) upper++;
    else if (char !== char.toUpperCase()) lower++;
  }
  return upper > 0 && upper >= 4 * lower;
}

// What may stand between a sentence's end and its first word: spaces, quotes, brackets, list bullets.
const BEFORE_SENTENCE = /[\s"'“”‘’()[\]«»*•-]/u;

const WORD_PART = /[\p{L}\p{M}'’-]/u;
const CAPITAL_AFTER_APOSTROPHE = /['’]\p{Lu}/u;

const isCapital = (char: string): boolean => char !== char.toLowerCase();

/** The shape of words[i] in its text: PLAIN, SENTENCE_START, INNER_CAPITAL (a name) or ACRONYM. */
export function wordShape(text: string, words: readonly ShapedWord[], i: number, shouting: boolean): number {
  const { text: word, offset } = words[i]!;
  // A part of a hyphenated word takes the whole word's shape (Dong-hee, Jean-luc).
  let start = offset;
  while (start > 0 && WORD_PART.test(text.charAt(start - 1))) start--;
  if (CAPITAL_AFTER_APOSTROPHE.test(word)) return INNER_CAPITAL;
  if (!isCapital(text.charAt(start))) {
    // von, van, de between two capitalised words: part of a name.
    const [before, after] = [words[i - 1], words[i + 1]];
    return before && after && after.joined && words[i]!.joined && isCapital(before.text.charAt(0)) && isCapital(after.text.charAt(0)) ? INNER_CAPITAL : PLAIN;
  }
  const letters = word.replace(/['’]s$/u, '');
  if (letters === letters.toUpperCase()) {
    // In a text written in capitals, or longer than an acronym, a word in capitals is just a word.
    if (shouting || letters.length > MAX_ACRONYM) return PLAIN;
    if (start === offset && letters.length >= 2) return ACRONYM;
  }
  let at = start - 1;
  while (at >= 0 && BEFORE_SENTENCE.test(text.charAt(at)) && text.charAt(at) !== '\n') at--;
  if (at < 0 || '!?:\n'.includes(text.charAt(at))) return SENTENCE_START;
  if (text.charAt(at) !== '.') return INNER_CAPITAL;
  let from = at;
  while (from > 0 && /\p{L}/u.test(text.charAt(from - 1))) from--;
  const before = text.slice(from, at);
  // A full stop after an initial or an abbreviation ends no sentence.
  return before.length === 1 || ABBREVIATIONS.has(before.toLowerCase()) ? INNER_CAPITAL : SENTENCE_START;
}

// A three-letter word is changed only when the change is this sure (tty, sys stay).
const SHORT_WORD_CONFIDENCE = 0.9;

/** Whether b is a with two neighbouring letters swapped (Jhon → John), ignoring case. */
export function isTransposition(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  if (x.length !== y.length) return false;
  const diff: number[] = [];
  for (let k = 0; k < x.length && diff.length <= 2; k++) if (x[k] !== y[k]) diff.push(k);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && x[diff[0]!] === y[diff[1]!] && x[diff[1]!] === y[diff[0]!];
}

/**
 * Whether replacing `original` by `replacement` is a change a writer would want: a change of case
 * only capitalises a word of three letters or more (english → English, not au → Au), never makes an
 * acronym of a word (de → DE, ok → OK); a word of two letters (Tk) is only put back in order
 * (ot → to), one of three (tty, sys, pre) too unless the change is near certain.
 */
export function plausibleChange(original: string, replacement: string, confidence: number): boolean {
  if (original.toLowerCase() === replacement.toLowerCase()) return original.length > 2 && replacement === original.charAt(0).toUpperCase() + original.slice(1);
  if (original.length > 3 || (original.length === 3 && confidence >= SHORT_WORD_CONFIDENCE)) return true;
  return [...original.toLowerCase()].sort().join('') === [...replacement.toLowerCase()].sort().join('');
}

const APOSTROPHES = /['’]/u;

/**
 * Whether changing `word` (at `offset` in `text`) into `replacement` would undo an elision the
 * writer marked with an apostrophe: letters dropped inside (s'pose, a'ready, know'd become words
 * without one) or a final g (goin', tellin'). A contraction's own slips (does'nt, dosen't) keep an
 * apostrophe in their correction.
 */
export function isElision(text: string, offset: number, word: string, replacement: string): boolean {
  if (APOSTROPHES.test(word)) return !APOSTROPHES.test(replacement);
  return APOSTROPHES.test(text.charAt(offset + word.length)) && /in$/iu.test(word) && replacement.toLowerCase() === `${word.toLowerCase()}g`;
}

/**
 * Whether the word at `offset` is a fragment: it breaks off at one hyphen with no letter after it
 * (experi-—what, esca- escalation), or follows one across a space (perfor- mance, split at a line
 * end). A word the writer left unfinished, or half of one, is no slip.
 */
export function isFragment(text: string, offset: number, word: string): boolean {
  const end = offset + word.length;
  // Not a double hyphen: --teh-- is a word set off by dashes.
  if (text.charAt(end) === '-' && text.charAt(end + 1) !== '-' && !/\p{L}/u.test(text.charAt(end + 1))) return true;
  return /\p{L}-[ \t]*\r?\n?[ \t]*$/u.test(text.slice(Math.max(0, offset - 8), offset)) && /\s/u.test(text.charAt(offset - 1));
}

let calendar: ReadonlySet<string> | undefined;
let languages: ReadonlySet<string> | undefined;

/** Whether a word is a day or a month (Thursday, February): capitalised, though no name. */
export function isCalendarWord(word: string): boolean {
  calendar ??= calendarWords();
  return calendar.has(word);
}

/**
 * Whether a capitalised word is a day, a month or a language (Thursday, February, Portuguese),
 * no name, so a lower-case slip for one (wensday, portugues) may become one.
 */
export function isCapitalisedCommonWord(word: string): boolean {
  languages ??= languageNames();
  return isCalendarWord(word) || languages.has(word);
}

function calendarWords(): Set<string> {
  const words = new Set<string>();
  const day = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
  for (let d = 1; d <= 7; d++) words.add(day.format(Date.UTC(2024, 0, d)));
  for (let m = 0; m < 12; m++) words.add(month.format(Date.UTC(2024, m, 1)));
  return words;
}

// Shorter language names (Ewe, Ido, Komi) are as likely to be a name's slip as a language's.
const MIN_LANGUAGE_NAME = 5;

/** The English names of the languages with two-letter codes, as Intl knows them. */
function languageNames(): Set<string> {
  const words = new Set<string>();
  for (let a = 97; a <= 122; a++) {
    for (let b = 97; b <= 122; b++) {
      const code = String.fromCharCode(a, b);
      const name = languageName(code);
      if (name !== code && name.length >= MIN_LANGUAGE_NAME && /^\p{Lu}\p{Ll}+$/u.test(name)) words.add(name);
    }
  }
  return words;
}
