import dictionary from 'dictionary-en';
import nspell from 'nspell';
import { wordFrequencies } from '../word-frequencies.ts';

export interface Correction {
  /** Start of the replaced word in the input, in UTF-16 code units. */
  offset: number;
  /** Length of the replaced word in the input, in UTF-16 code units. */
  length: number;
  original: string;
  replacement: string;
  /** Up to 5 other suggestions, best first, never including the replacement. */
  alternatives: string[];
}

export interface SpellResult {
  output: string;
  corrections: Correction[];
}

export interface SpellChecker {
  correct(text: string): SpellResult;
}

/** What to do with one distinct word: null = leave it as it is. */
type Verdict = { replacement: string; alternatives: string[] } | null;

const MAX_ALTERNATIVES = 5;
// nspell.suggest takes 1–150 ms per word, so verdicts are cached; the bound keeps a warm instance's memory flat.
const CACHE_LIMIT = 10_000;
// Words far from any dictionary word cost nspell 100+ ms each (10,000 characters of gibberish took over
// three minutes), so one call stops asking for suggestions after this long; later words stay unchanged.
const SUGGEST_BUDGET_MS = 3_000;

const CHUNK = /\S+/gu;
// Tokens inside a chunk: letters/digits joined by single inner apostrophes, hyphens or dots.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-.'’][\p{L}\p{M}\p{N}]+)*/gu;
// Chunks that are URLs, e-mails, mentions, hashtags, paths or snake_case are never touched.
const PROTECTED_CHUNK = /[@#/\\_]|www\./iu;
const DIGIT = /\p{N}/u;
// The dictionary is English: words in other scripts are never "corrected" into English.
const LATIN_WORD = /^[\p{Script=Latin}\p{M}'’]+$/u;
const CAMEL_CASE = /\p{Ll}\p{Lu}/u;
const LETTER = /\p{L}/u;
const MARKS = /\p{M}/gu;

type Nspell = ReturnType<typeof nspell>;
type DictionaryInput = { aff: string | Uint8Array; dic: string | Uint8Array };

/** nspell calls toString('utf8') on non-strings, which only Buffers honour; a plain Uint8Array is decoded here. */
const asText = (data: string | Uint8Array): string | Buffer =>
  typeof data === 'string' || Buffer.isBuffer(data) ? data : new TextDecoder().decode(data);

class NspellChecker implements SpellChecker {
  private readonly cache = new Map<string, Verdict>();
  private suggestDeadline = 0;

  constructor(
    private readonly spell: Nspell,
    private readonly frequencies: ReadonlyMap<string, number>,
  ) {}

  correct(text: string): SpellResult {
    const corrections: Correction[] = [];
    this.suggestDeadline = performance.now() + SUGGEST_BUDGET_MS;
    for (const chunk of text.matchAll(CHUNK)) {
      if (PROTECTED_CHUNK.test(chunk[0])) continue;
      for (const token of chunk[0].matchAll(TOKEN)) {
        this.checkToken(token[0], chunk.index + token.index, corrections);
      }
    }

    let output = '';
    let from = 0;
    for (const c of corrections) {
      output += text.slice(from, c.offset) + c.replacement;
      from = c.offset + c.length;
    }
    return { output: output + text.slice(from), corrections };
  }

  private checkToken(token: string, offset: number, corrections: Correction[]): void {
    // Dotted identifiers, abbreviations and domains (e.g, U.S, os.path, example.com) and anything with digits.
    if (token.includes('.') || DIGIT.test(token)) return;
    if (token.includes('-')) {
      // well-known: accept the whole when the dictionary does, else check each part on its own.
      if (this.spell.correct(token)) return;
      let partOffset = offset;
      for (const part of token.split('-')) {
        this.checkWord(part, partOffset, corrections);
        partOffset += part.length + 1;
      }
      return;
    }
    this.checkWord(token, offset, corrections);
  }

  private checkWord(word: string, offset: number, corrections: Correction[]): void {
    if (!LATIN_WORD.test(word) || CAMEL_CASE.test(word)) return;
    const verdict = this.verdict(word);
    if (verdict) corrections.push({ offset, length: word.length, original: word, ...verdict, alternatives: [...verdict.alternatives] });
  }

  private verdict(word: string): Verdict {
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const verdict = this.decide(word);
    // Out of suggestion time: leave the word alone this once, without caching that.
    if (verdict === undefined) return null;
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(word, verdict);
    return verdict;
  }

  /** undefined when the word needs suggestions but this call's budget for them is spent. */
  private decide(word: string): Verdict | undefined {
    if (this.spell.correct(word)) return null;
    // The dictionary spells naïve, café, résumé without accents: an accented form of a known word is fine.
    const unaccented = word.normalize('NFD').replace(MARKS, '');
    if (unaccented !== word && this.spell.correct(unaccented)) return null;
    if (performance.now() > this.suggestDeadline) return undefined;
    const ranked = this.rank(word, this.spell.suggest(word));
    const candidates: string[] = [];
    for (const suggestion of ranked) {
      const restored = restoreCase(word, suggestion);
      if (restored !== word && !candidates.includes(restored)) candidates.push(restored);
      if (candidates.length > MAX_ALTERNATIVES) break;
    }
    const [replacement, ...alternatives] = candidates;
    return replacement === undefined ? null : { replacement, alternatives };
  }

  /**
   * Orders nspell's suggestions, whose own order is not by likelihood ("Teh" gives "Ten" before "The"):
   * same letters first ("dont" → "don't"), then keeping or lacking an apostrophe like the original
   * ("wo’nt" → "won’t", not "wont"), then fewest edits, then the most frequent English word.
   */
  private rank(word: string, suggestions: string[]): string[] {
    const key = fold(word);
    const scored = suggestions.map((suggestion, index) => {
      const folded = fold(suggestion);
      return {
        suggestion,
        index,
        same: folded.replace(/'/g, '') === key.replace(/'/g, '') ? 0 : 1,
        apostrophe: folded.includes("'") === key.includes("'") ? 0 : 1,
        distance: editDistance(key, folded),
        frequency: this.frequencies.get(folded) ?? 0,
      };
    });
    scored.sort((a, b) => a.same - b.same || a.apostrophe - b.apostrophe || a.distance - b.distance || b.frequency - a.frequency || a.index - b.index);
    return scored.map((s) => s.suggestion);
  }
}

const fold = (word: string): string => word.toLowerCase().replace(/’/g, "'");

/** Gives the suggestion the original's case pattern (TEH → THE, Teh → The) and apostrophe style. */
function restoreCase(original: string, suggestion: string): string {
  let result = suggestion;
  if (original.includes('’') && !original.includes("'")) result = result.replace(/'/g, '’');
  const letters = [...original].filter((char) => LETTER.test(char));
  if (letters.length > 1 && original === original.toUpperCase()) return result.toUpperCase();
  const first = letters[0];
  if (first !== undefined && first !== first.toLowerCase()) return result.charAt(0).toUpperCase() + result.slice(1);
  // A lower-case original keeps nspell's casing, so a proper noun stays capitalised.
  return result;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Uint16Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1]!;
}

/** Builds nspell (about 0.1 s) and the frequency table once; keep the instance for the cold start's lifetime. */
export function createSpellChecker(): SpellChecker {
  const { aff, dic } = dictionary as DictionaryInput;
  return new NspellChecker(nspell(asText(aff), asText(dic)), wordFrequencies());
}
