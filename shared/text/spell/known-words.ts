/**
 * Words that are probably right though the dictionary lacks them: listed jargon (jargon.txt, built
 * from cspell's software-terms, fullstack and python lists) and WordNet's other words (wordnet.txt),
 * with their plurals and possessives, and words derived from a dictionary word by a common prefix or
 * ending (sublicense, noncommercially, licensors).
 */
import { fold } from './case-pattern.ts';

const PREFIXES = ['anti', 'auto', 'co', 'counter', 'cross', 'dis', 'hyper', 'inter', 'meta', 'micro', 'multi', 'non', 'over', 'post', 'pre', 're', 'self', 'semi', 'sub', 'super', 'un', 'under'];
// Endings, and what the dictionary word they were added to ends in instead ('' for nothing); -est also
// for the older second person (thou reasonest).
const ENDINGS: Array<[string, string[]]> = [
  ['ors', ['e', '']],
  ['or', ['e', '']],
  ['ably', ['able']],
  ['ibly', ['ible']],
  ['edly', ['ed']],
  ['est', ['', 'e']],
];
// The rest must be a word of this many letters or more: "un" + "till" is a slip for until.
const MIN_STEM = 5;

export class KnownWords {
  // Built on the first unknown word, not at cold start: most texts never need them.
  private jargonSet: Set<string> | undefined;
  private wordnetSet: Set<string> | undefined;

  constructor(
    private readonly jargon: string,
    private readonly isWord: (word: string) => boolean,
    private readonly wordnet = '',
  ) {}

  /** Whether the word (any case, straight or curly apostrophe) is listed jargon, or its plural or possessive. */
  listed(word: string): boolean {
    this.jargonSet ??= wordSet(this.jargon);
    return inflectionOf(this.jargonSet, word);
  }

  /** Whether the word is one of WordNet's that the dictionary lacks (harpooneer, topers), or its plural or possessive. */
  inWordNet(word: string): boolean {
    this.wordnetSet ??= wordSet(this.wordnet);
    return inflectionOf(this.wordnetSet, word);
  }

  /** Whether the word is a dictionary word with an -s the dictionary does not list for it (shorthands). */
  plural(word: string): boolean {
    return word.length > MIN_STEM && /s$/i.test(word) && this.isWord(word.slice(0, -1));
  }

  /**
   * Whether the word is a dictionary word with a common prefix (perhaps hyphenated), or with a
   * productive ending the dictionary does not list for it (licens-ors, readabl-y, designed-ly).
   */
  derived(word: string): boolean {
    return this.suffixed(word) || this.prefixed(word);
  }

  /** Whether the word is a dictionary word with a productive ending the dictionary does not list for it (licensors, readably). */
  suffixed(word: string): boolean {
    const w = word.toLowerCase();
    for (const [ending, stems] of ENDINGS) {
      if (!w.endsWith(ending) || w.length - ending.length < MIN_STEM - 1) continue;
      const base = w.slice(0, -ending.length);
      if (stems.some((stem) => this.isWord(base + stem))) return true;
    }
    return false;
  }

  /** Whether the word is a dictionary word with a common prefix, perhaps hyphenated (sublicense, non-commercial). */
  private prefixed(word: string): boolean {
    const w = word.toLowerCase();
    for (const prefix of PREFIXES) {
      if (!w.startsWith(prefix)) continue;
      const rest = w.charAt(prefix.length) === '-' ? w.slice(prefix.length + 1) : w.slice(prefix.length);
      if (rest.length >= MIN_STEM && this.isWord(rest)) return true;
    }
    return false;
  }
}

const wordSet = (list: string): Set<string> => new Set(list.split('\n').filter(Boolean));

/** Whether `set` has the word (any case, straight or curly apostrophe), or the word is its plural or possessive. */
function inflectionOf(set: ReadonlySet<string>, word: string): boolean {
  const w = fold(word);
  const stem = w.endsWith("'s") ? w.slice(0, -2) : w;
  return set.has(stem) || (stem.endsWith('s') && (set.has(stem.slice(0, -1)) || (stem.endsWith('es') && set.has(stem.slice(0, -2)))));
}
