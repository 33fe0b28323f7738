import { EMPTY_WORD_HASH, WordTable, extendHash, hashSpan } from './word-table.ts';

describe('WordTable', () => {
  const words = ['the', 'then', 'them', 'a', '', 'théâtre', 'x'.repeat(40)];
  const table = new WordTable(
    words.length,
    (id) => hashSpan(words[id]!, 0, words[id]!.length),
    (id, text, from, to) => words[id] === text.slice(from, to),
  );

  test('finds each word from a span of another text, and nothing else', () => {
    const text = `<${words.join('|')}>`;
    let from = 1;
    for (const [id, word] of words.entries()) {
      expect(table.find(hashSpan(text, from, from + word.length), text, from, from + word.length)).toBe(id);
      from += word.length + 1;
    }
    for (const other of ['th', 'thee', 'A', 'theatre']) expect(table.find(hashSpan(other, 0, other.length), other, 0, other.length)).toBe(-1);
  });

  test('hashes a span as extendHash does while scanning it', () => {
    let hash = EMPTY_WORD_HASH;
    for (const c of 'then') hash = extendHash(hash, c.charCodeAt(0));
    expect(hashSpan('so then', 3, 7)).toBe(hash);
    expect(table.find(hash, 'so then', 3, 7)).toBe(1);
  });
});
