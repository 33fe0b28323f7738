/**
 * The compact form of SymSpell's bigram list that the word model loads (word-pairs.txt): word ids
 * instead of words, so the Lambda bundle stays small and loading needs no word lookups. One line per
 * pair, sorted by first word id then second: "<first id − previous first id> <second id> <count>",
 * all in base 36. Ids are the line order of the word list, counting only lines with a word and a
 * positive count, as wordModel() assigns them. Regenerate with
 * `npx tsx shared/text/space/generate-word-pairs.ts`; word-pairs.test.ts checks the file is current.
 */
export function encodeWordPairs(unigrams: string, bigrams: string): string {
  const ids = new Map<string, number>();
  for (const line of unigrams.replace(/^\uFEFF/u, '').split('\n')) {
    const [word, count] = line.trimEnd().split(' ');
    if (word && Number(count) > 0 && !ids.has(word)) ids.set(word, ids.size);
  }
  const pairs: Array<[number, number, number]> = [];
  const seen = new Set<string>();
  for (const line of bigrams.split('\n')) {
    const [first, second, count] = line.trimEnd().split(' ');
    const firstId = ids.get(first ?? '');
    const secondId = ids.get(second ?? '');
    if (firstId === undefined || secondId === undefined || !(Number(count) > 0) || seen.has(`${firstId} ${secondId}`)) continue;
    seen.add(`${firstId} ${secondId}`);
    pairs.push([firstId, secondId, Number(count)]);
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let previous = 0;
  let out = '';
  for (const [first, second, count] of pairs) {
    out += `${(first - previous).toString(36)} ${second.toString(36)} ${count.toString(36)}\n`;
    previous = first;
  }
  return out;
}
