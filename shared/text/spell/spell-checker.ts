import type nspell from 'nspell';
import aff from './generated/dictionary.aff';
import dic from './generated/dictionary.dic';
import candidates from './generated/candidates.txt';
import { englishWords } from '../english-words.ts';
import { CandidateIndex } from './candidate-index.ts';
import { loadDictionary } from './dictionary.ts';
import { errorCost, spanCostFloor, spanErrorCost } from './error-model.ts';
import { irregularPastForms } from './irregular-verbs.ts';
import { LanguageModel } from './language-model.ts';
import { soundKey } from './sound-key.ts';
import { isSpace, textTokens } from './text-tokens.ts';

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

const MAX_ALTERNATIVES = 5;
// Candidates kept per distinct misspelling, by word and error model alone, for context to reorder.
const SHORTLIST = 12;
// Shortlists are cached per distinct misspelling; the bound keeps a warm instance's memory flat.
const CACHE_LIMIT = 20_000;
// ln-probability units one edit costs: a candidate one edit further away must be about
// e^9 ≈ 8,000 times more frequent to win.
const EDIT_WEIGHT = 9;
const CONTEXT_WEIGHT = 1;
const SAME_LETTERS_BONUS = 100;
// ln-probability a candidate gains when it sounds like the misspelling (same soundKey): about a quarter edit.
const SOUND_BONUS = 2;
// A regular -ed on an irregular verb (teached → taught) costs as much as a common slip: the writer
// knows the verb, only not its form.
const REGULARISED_VERB = 0.6;
// A rough share of a noun's occurrences that are its possessive ('s): about one in a hundred.
const POSSESSIVE_SHARE = 0.01;

const DIGIT = /\p{N}/u;
// The dictionary is English: words in other scripts are never "corrected" into English.
const LATIN_WORD = /^[\p{Script=Latin}\p{M}'’]+$/u;
const CAMEL_CASE = /\p{Ll}\p{Lu}/u;
const LETTER = /\p{L}/u;
const MARKS = /\p{M}/gu;
const POSSESSIVE = /['’]s$/iu;
const POSSESSIVE_WITHOUT_APOSTROPHE = /[^'’s]s$/iu;

type Nspell = ReturnType<typeof nspell>;

/** A word the checker looked at, with what surrounds it. */
interface Word {
  text: string;
  offset: number;
  /** Lexicon id of the word as written, for its neighbours' context; -1 when unknown. */
  id: number;
  /** Misspelled and worth correcting. */
  check: boolean;
  /** Whether only whitespace separates it from the previous word. */
  joined: boolean;
}

/** Candidate ids with their score from frequency and error model, best first. */
type Shortlist = { ids: Int32Array; scores: Float64Array };

/**
 * The best SHORTLIST candidates offered so far, best first, in typed arrays (a query offers about
 * twenty): by score, then as the one scored first would rank if scoring went best bound first
 * (best bound, then place in the lookup).
 */
class Ranking {
  private size = 0;
  private readonly ids = new Int32Array(SHORTLIST + 1);
  private readonly scores = new Float64Array(SHORTLIST + 1);
  private readonly bounds = new Float64Array(SHORTLIST + 1);
  private readonly places = new Int32Array(SHORTLIST + 1);

  clear(): void {
    this.size = 0;
  }

  /** The ranking as it stands, for the cache. */
  shortlist(): Shortlist {
    return { ids: this.ids.slice(0, this.size), scores: this.scores.slice(0, this.size) };
  }

  /** The score a candidate must beat to enter, once the ranking is full. */
  worst(): number {
    return this.size === SHORTLIST ? this.scores[SHORTLIST - 1]! : -Infinity;
  }

  /** Takes the candidate if it ranks among the best; an id already in keeps its better score. */
  offer(id: number, score: number, bound: number, place: number): void {
    const { ids, scores, bounds, places } = this;
    let size = this.size;
    if (size === SHORTLIST && !this.ahead(score, bound, place, SHORTLIST - 1)) return;
    for (let e = 0; e < size; e++) {
      if (ids[e] !== id) continue;
      if (scores[e]! >= score) return;
      size--;
      for (let m = e; m < size; m++) this.move(m + 1, m);
      break;
    }
    let at = size;
    for (; at > 0 && this.ahead(score, bound, place, at - 1); at--) this.move(at - 1, at);
    ids[at] = id;
    scores[at] = score;
    bounds[at] = bound;
    places[at] = place;
    this.size = Math.min(size + 1, SHORTLIST);
  }

  private ahead(score: number, bound: number, place: number, e: number): boolean {
    const other = this.scores[e]!;
    return score > other || (score === other && (bound > this.bounds[e]! || (bound === this.bounds[e]! && place < this.places[e]!)));
  }

  private move(from: number, to: number): void {
    this.ids[to] = this.ids[from]!;
    this.scores[to] = this.scores[from]!;
    this.bounds[to] = this.bounds[from]!;
    this.places[to] = this.places[from]!;
  }
}

// Candidates are sorted by id × ORDER_SPAN + their place in the lookup, which is less than this.
const ORDER_SPAN = 2 ** 20;

class ContextSpellChecker implements SpellChecker {
  private readonly cache = new Map<string, Shortlist>();
  // Per candidate of the current shortlist(): its score before the error model, that minus the
  // error model's floor, and the keys that sort them by id.
  private bases = new Float64Array(256);
  private bounds = new Float64Array(256);
  private order = new Float64Array(256);
  private readonly ranking = new Ranking();
  // Per suggestion of the current suggest(): its score in context, and their order.
  private readonly totals = new Float64Array(SHORTLIST + 1);
  private readonly ranked = new Int32Array(SHORTLIST + 1);

  constructor(
    private readonly spell: Nspell,
    private readonly model: LanguageModel,
    private readonly index: CandidateIndex,
  ) {}

  correct(text: string): SpellResult {
    const words = this.words(text);
    const corrections: Correction[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (!word.check) continue;
      const previous = word.joined ? (words[i - 1]?.id ?? -1) : -1;
      const next = words[i + 1]?.joined ? words[i + 1]!.id : -1;
      const suggestions = this.suggest(word.text, previous, next);
      const [replacement, ...alternatives] = suggestions;
      if (replacement !== undefined) corrections.push({ offset: word.offset, length: word.text.length, original: word.text, replacement, alternatives });
    }

    let output = '';
    let from = 0;
    for (const c of corrections) {
      output += text.slice(from, c.offset) + c.replacement;
      from = c.offset + c.length;
    }
    return { output: output + text.slice(from), corrections };
  }

  /** The words of the text in order, with which ones need correcting. */
  private words(text: string): Word[] {
    const words: Word[] = [];
    let end = 0;
    const add = (word: string, offset: number, id: number, check: boolean) => {
      const joined = words.length > 0 && onlySpaceBetween(text, end, offset);
      words.push({ text: word, offset, id: check ? -1 : id, check, joined });
      end = offset + word.length;
    };
    const tokens = textTokens(text);
    for (let t = 0; t < tokens.length; t += 2) {
      const offset = tokens[t]!;
      const value = text.slice(offset, tokens[t + 1]!);
      // Dotted identifiers, abbreviations and domains (e.g, U.S, os.path, example.com) and anything with digits.
      if (value.includes('.') || DIGIT.test(value)) continue;
      if (value.includes('-') && !this.spell.correct(value)) {
        const parts = value.split('-');
        const ids = parts.map((part) => this.model.id(part));
        const wrong = parts.map((part, k) => this.misspelled(part, ids[k]!));
        // co-incided: a word split by a stray hyphen is corrected whole.
        if (wrong.includes(true) && this.spell.correct(parts.join(''))) {
          add(value, offset, -1, true);
          continue;
        }
        // well-knwon: each part on its own.
        let partOffset = offset;
        parts.forEach((part, k) => {
          add(part, partOffset, ids[k]!, wrong[k]!);
          partOffset += part.length + 1;
        });
      } else {
        const id = this.model.id(value);
        add(value, offset, id, !value.includes('-') && this.misspelled(value, id));
      }
    }
    return words;
  }

  /** Whether `word` (lexicon id `id`, or -1) needs correcting. */
  private misspelled(word: string, id: number): boolean {
    // Every candidate is a word nspell accepts as written (scripts/build-text-data.ts keeps only
    // those): most words of a text are one, and need no call to nspell.
    if (id >= 0 && this.model.forms[id] === word) return false;
    if (!LATIN_WORD.test(word) || CAMEL_CASE.test(word) || this.spell.correct(word)) return false;
    // The dictionary spells naïve, café, résumé without accents: an accented form of a known word is fine.
    const unaccented = word.normalize('NFD').replace(MARKS, '');
    return unaccented === word || !this.spell.correct(unaccented);
  }

  /** Up to 1 + MAX_ALTERNATIVES corrections of a misspelled word, best first, in its case pattern. */
  private suggest(word: string, previous: number, next: number): string[] {
    let stem = word;
    let suffix = '';
    // goverment's → government's: the stem is corrected, the possessive kept as typed.
    if (POSSESSIVE.test(word) && word.length > 2 && !this.spell.correct(word.slice(0, -2))) {
      stem = word.slice(0, -2);
      suffix = word.slice(-2);
    }
    const { ids, scores } = this.shortlist(fold(stem));
    const { totals, ranked } = this;
    for (let k = 0; k < ids.length; k++) totals[k] = scores[k]! + CONTEXT_WEIGHT * this.model.contextGain(ids[k]!, previous, next);
    let count = ids.length;
    // todays → today's: a possessive missing its apostrophe (possessives are not in the lexicon),
    // as likely as POSSESSIVE_SHARE of its stem; it comes after the shortlist.
    const stemId = suffix ? -1 : POSSESSIVE_WITHOUT_APOSTROPHE.test(word) ? this.model.id(word.slice(0, -1)) : -1;
    const possessive = stemId >= 0 ? `${this.model.forms[stemId]!}'s` : '';
    if (stemId >= 0) {
      totals[count++] = this.model.logPrior[stemId]! + Math.log(POSSESSIVE_SHARE) - EDIT_WEIGHT * errorCost(fold(word), possessive.toLowerCase()) + CONTEXT_WEIGHT * this.model.contextGain(stemId, previous, next);
    }
    // Best first, equal totals in shortlist order (a stable sort, without an object per candidate).
    for (let k = 0; k < count; k++) {
      let at = k;
      for (; at > 0 && totals[ranked[at - 1]!]! < totals[k]!; at--) ranked[at] = ranked[at - 1]!;
      ranked[at] = k;
    }
    const suggestions: string[] = [];
    const pattern = casePattern(stem);
    for (let n = 0; n < count; n++) {
      const k = ranked[n]!;
      const form = k < ids.length ? this.model.forms[ids[k]!]! : possessive;
      const restored = restoreCase(pattern, form) + suffix;
      // Only words nspell accepts as written, so correcting the output again changes nothing
      // (lexicon forms are accepted as they are; a changed case, suffix or possessive is checked).
      if (restored !== word && !suggestions.includes(restored) && ((restored === form && stemId < 0) || this.spell.correct(restored))) suggestions.push(restored);
      if (suggestions.length > MAX_ALTERNATIVES) break;
    }
    return suggestions;
  }

  private shortlist(key: string): Shortlist {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const letters = key.replace(/'/g, '');
    const sound = soundKey(key);
    // The error model is the costly part: once the shortlist is full, candidates whose bound (see
    // spanCostFloor) is below its worst cannot enter it, and errorCost() stops early on the others.
    const { count, ids: found, distances, sounds } = this.index.lookup(key, sound);
    if (this.bases.length < count) {
      this.bases = new Float64Array(count * 2);
      this.bounds = new Float64Array(count * 2);
      this.order = new Float64Array(count * 2);
    }
    const { bases, bounds, order } = this;
    // Candidates are read from the index's text, which the lookup has just brought into the cache.
    const text = this.index.text;
    for (let k = 0; k < count; k++) {
      const id = found[k]!;
      const from = this.index.start(id);
      const to = this.index.start(id + 1);
      // Only apostrophes missing or misplaced ("dont", "wo'nt"): nearly always the intended word,
      // though contractions' listed counts are too low to show it.
      const sameLetters = sameWithoutApostrophes(text, from, to, letters);
      bases[k] = (sameLetters ? SAME_LETTERS_BONUS : 0) + (sounds[k] ? SOUND_BONUS : 0) + this.model.logPrior[id]!;
      bounds[k] = bases[k]! - EDIT_WEIGHT * spanCostFloor(key, text, from, to, distances[k]!);
    }
    // Scored in id order, which is alphabetical (the lexicon is sorted): errorCost() then keeps
    // the columns of the prefix a candidate shares with the previous one. The shortlist keeps the
    // best by score, then bound, then lookup order, as scoring best-bound first would.
    for (let k = 0; k < count; k++) order[k] = found[k]! * ORDER_SPAN + k;
    const sorted = order.subarray(0, count).sort();
    const ranking = this.ranking;
    ranking.clear();
    // teached → taught: too far apart for the error model, one slip for the writer.
    for (const form of irregularPastForms(letters)) {
      const id = this.model.id(form);
      if (id >= 0) ranking.offer(id, this.model.logPrior[id]! - EDIT_WEIGHT * REGULARISED_VERB, Infinity, -1);
    }
    for (let n = 0; n < count; n++) {
      // The place in the lookup; floor() rather than %, which on doubles is a call to fmod.
      const k = sorted[n]! - Math.floor(sorted[n]! / ORDER_SPAN) * ORDER_SPAN;
      const worst = ranking.worst();
      // Only a tie (of score and bound) could still enter.
      if (bounds[k]! < worst) continue;
      const id = found[k]!;
      const score = bases[k]! - EDIT_WEIGHT * spanErrorCost(key, text, this.index.start(id), this.index.start(id + 1), (bases[k]! - worst) / EDIT_WEIGHT);
      ranking.offer(id, score, bounds[k]!, k);
    }
    const shortlist = ranking.shortlist();
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, shortlist);
    return shortlist;
  }
}

/** Whether text[from, to) is whitespace, and not empty. */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Whether text[from, to) with its apostrophes left out is `letters`. */
function sameWithoutApostrophes(text: string, from: number, to: number, letters: string): boolean {
  if (to - from < letters.length) return false;
  let k = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 39) continue;
    if (k === letters.length || c !== letters.charCodeAt(k)) return false;
    k++;
  }
  return k === letters.length;
}

const fold = (word: string): string => word.toLowerCase().replace(/’/g, "'");

// Case patterns of an original word (see casePattern()); CURLY may be added to any.
const AS_IS = 0;
const UPPER = 1;
const CAPITALISED = 2;
const CURLY = 4;

/** The original's case pattern and apostrophe style, worked out once for all its suggestions. */
function casePattern(original: string): number {
  const curly = original.includes('’') && !original.includes("'") ? CURLY : 0;
  let first: string | undefined;
  let letters = 0;
  for (const char of original) {
    if (!LETTER.test(char)) continue;
    first ??= char;
    letters++;
  }
  if (letters > 1 && original === original.toUpperCase()) return UPPER | curly;
  if (first !== undefined && first !== first.toLowerCase()) return CAPITALISED | curly;
  return AS_IS | curly;
}

/** Gives the suggestion the original's case pattern (TEH → THE, Teh → The) and apostrophe style. */
function restoreCase(pattern: number, suggestion: string): string {
  const result = pattern & CURLY ? suggestion.replace(/'/g, '’') : suggestion;
  if ((pattern & ~CURLY) === UPPER) return result.toUpperCase();
  if ((pattern & ~CURLY) === CAPITALISED) return result.charAt(0).toUpperCase() + result.slice(1);
  // A lower-case original keeps the dictionary's casing, so a proper noun stays capitalised.
  return result;
}

/**
 * Loads nspell on the pre-expanded dictionary, the shared word model, the candidates and their index
 * (see scripts/build-text-data.ts); keep the instance for the cold start's lifetime.
 */
export function createSpellChecker(): SpellChecker {
  const model = new LanguageModel(englishWords(), candidates);
  return new ContextSpellChecker(loadDictionary(aff, dic), model, new CandidateIndex(model.keys, model.soundKeys));
}
