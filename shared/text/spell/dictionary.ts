import nspell from 'nspell';
import { growTo } from '../typed-array.ts';
import { WordTable, hashSpan } from '../word-table.ts';

type Nspell = ReturnType<typeof nspell>;

// What nspell stores for a word without flags (only its identity as a truthy array matters).
const NO_FLAGS: string[] = [];

/**
 * nspell on the expanded dictionary (scripts/build-text-data.ts), with the same answers as
 * `nspell(aff, dic)` but a third of the cold start less: nspell's parser makes an array and an object
 * property per line (123k), so only the few lines with flags (or anything unusual) go through it;
 * plain words are found in a hash table of offsets into `dic` itself, behind nspell's `data`.
 */
export function loadDictionary(aff: string, dic: string): Nspell {
  // Start and end of each plain line. The first line gives the number of lines: room for all of
  // them at once, rather than an array grown 250k times.
  let plain = new Int32Array(2 * Math.max(1, Number.parseInt(dic, 10) || 0));
  let words = 0;
  const special: string[] = [];
  for (let from = dic.indexOf('\n') + 1; from < dic.length; ) {
    let end = dic.indexOf('\n', from);
    if (end < 0) end = dic.length;
    let simple = end > from;
    for (let i = from; i < end && simple; i++) {
      const c = dic.charCodeAt(i);
      // Slash (flags), hash (comment), backslash (escape), whitespace (trimmed): nspell's own parser.
      simple = c !== 47 && c !== 35 && c !== 92 && c > 32;
    }
    if (simple) {
      if (2 * words === plain.length) plain = growTo(plain, plain.length + 2);
      plain[2 * words] = from;
      plain[2 * words + 1] = end;
      words++;
    } else if (end > from) special.push(dic.slice(from, end));
    from = end + 1;
  }

  const table = new WordTable(
    words,
    (w) => hashSpan(dic, plain[2 * w]!, plain[2 * w + 1]!),
    (w, text, from, to) => plain[2 * w + 1]! - plain[2 * w]! === to - from && dic.startsWith(text.slice(from, to), plain[2 * w]!),
  );
  const has = (word: string): boolean => table.find(hashSpan(word, 0, word.length), word, 0, word.length) !== -1;

  const spell = nspell(aff, `${special.length}\n${special.join('\n')}\n`) as Nspell & { data: Record<string, string[]> };
  const flagged = spell.data;
  // nspell only reads `data[word]` and `word in data` (correct, form, exact, flag).
  spell.data = new Proxy(flagged, {
    get: (target, word) => (typeof word !== 'string' ? undefined : word in target ? target[word] : has(word) ? NO_FLAGS : undefined),
    has: (target, word) => typeof word === 'string' && (word in target || has(word)),
  });
  return spell;
}
