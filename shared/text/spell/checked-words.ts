/**
 * The words of a text as the checker reads them, in order: each with its lexicon id, whether it
 * needs correcting or why it is left alone, and whether only spaces join it to the word before.
 */
import type { KnownWords } from './known-words.ts';
import type { LanguageModel } from './language-model.ts';
import { isCodeGlued, isSpace, textTokens } from './text-tokens.ts';

// Word statuses (Word.check).
export const CORRECT = 0;
export const MISSPELLED = 1;
export const CODE_LIKE = 2;
export const OTHER_SCRIPT = 3;

/** A word the checker looked at, with what surrounds it. */
export interface Word {
  text: string;
  offset: number;
  /** Lexicon id of the word as written, for its neighbours' context; -1 when unknown. */
  id: number;
  /** CORRECT, MISSPELLED, or why it is left alone unchecked (CODE_LIKE, OTHER_SCRIPT). */
  check: number;
  /** Whether only whitespace separates it from the previous word. */
  joined: boolean;
  /** Whether it is one part of a hyphenated word (off-line, two-hour), whose parts are no real-word errors. */
  part: boolean;
}

/** What the words are checked against: the lexicon, the lists beside it, and the variants a call accepts. */
export interface Lexicon {
  model: LanguageModel;
  known: KnownWords;
  /** The variants (bits) whose words count as correct in this call. */
  accept: number;
  /** Whether one of those variants' dictionaries has the word. */
  accepts(word: string): boolean;
}

const DIGIT = /\p{N}/u;
// The dictionary is English: words in other scripts are never "corrected" into English.
export const LATIN_WORD = /^[\p{Script=Latin}\p{M}'’]+$/u;
const CAMEL_CASE = /\p{Ll}\p{Lu}/u;
const LETTER = /\p{L}/u;
const MARKS = /\p{M}/gu;

/** The words of the text in order, with which ones need correcting. */
export function checkedWords(text: string, lexicon: Lexicon): Word[] {
  const { model, known, accepts } = lexicon;
  const words: Word[] = [];
  let end = 0;
  const add = (word: string, offset: number, id: number, check: number, part = false) => {
    const joined = words.length > 0 && onlySpaceBetween(text, end, offset);
    words.push({ text: word, offset, id: check === CORRECT ? id : -1, check, joined, part });
    end = offset + word.length;
  };
  const tokens = textTokens(text);
  for (let t = 0; t < tokens.length; t += 2) {
    const offset = tokens[t]!;
    const value = text.slice(offset, tokens[t + 1]!);
    // Dotted identifiers, abbreviations and domains (e.g, U.S, os.path, example.com) and anything with digits.
    if (value.includes('.') || DIGIT.test(value)) continue;
    // An unknown word touching code punctuation (--lzop, [:alnum:], .pyc, lzop(1)) is an identifier.
    const code = isCodeGlued(text, offset, offset + value.length);
    if (value.includes('-') && !accepts(value)) {
      const parts = value.split('-');
      const ids = parts.map((part) => model.id(part));
      const wrong = parts.map((part, k) => unlessCode(status(part, ids[k]!, lexicon), code));
      // A prefix's hyphen (pre-existing) is the writer's; co-incided, a word split by a stray hyphen, is corrected whole.
      if (known.derived(value)) {
        add(value, offset, -1, CORRECT);
        continue;
      }
      if (wrong.includes(MISSPELLED) && accepts(parts.join(''))) {
        add(value, offset, -1, MISSPELLED);
        continue;
      }
      // well-knwon: each part on its own.
      let partOffset = offset;
      parts.forEach((part, k) => {
        add(part, partOffset, ids[k]!, wrong[k]!, true);
        partOffset += part.length + 1;
      });
    } else {
      const id = model.id(value);
      add(value, offset, id, value.includes('-') ? CORRECT : unlessCode(status(value, id, lexicon), code));
    }
  }
  return words;
}

/** A misspelled word glued to code punctuation is CODE_LIKE. */
const unlessCode = (check: number, code: boolean) => (code && check === MISSPELLED ? CODE_LIKE : check);

/** Whether `word` (lexicon id `id`, or -1) is CORRECT, MISSPELLED or left alone unchecked. */
function status(word: string, id: number, { model, accept, accepts }: Lexicon): number {
  // Every candidate is a word nspell accepts as written (scripts/build-text-data.ts keeps only
  // those): most words of a text are one, and need no call to nspell.
  if (id >= 0 && model.forms[id] === word && model.variants[id]! & accept) return CORRECT;
  if (accepts(word)) return CORRECT;
  if (!LATIN_WORD.test(word)) return LETTER.test(word) ? OTHER_SCRIPT : CORRECT;
  if (CAMEL_CASE.test(word)) return CODE_LIKE;
  // The dictionary spells naïve, café, résumé without accents: an accented form of a known word is fine.
  const unaccented = word.normalize('NFD').replace(MARKS, '');
  return unaccented !== word && accepts(unaccented) ? CORRECT : MISSPELLED;
}

/** Whether text[from, to) is whitespace, and not empty. */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}
