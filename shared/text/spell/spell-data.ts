/** The data the spelling engine is built from, and the built data the service runs on. */
import aff from './generated/dictionary.aff';
import dic from './generated/dictionary.dic';
import candidates from './generated/candidates.txt';
import jargon from './generated/jargon.txt';
import wordnet from './generated/wordnet.txt';
import variants from './generated/variants.txt';
import confusionSets from './context/confusion-sets.txt';
import { englishWords } from '../english-words.ts';
import type { WordModel } from '../word-model.ts';

/** What the spelling engine is built from: the shared word model and the texts scripts/build-text-data.ts writes. */
export interface SpellData {
  words: WordModel;
  /** candidates.txt (see language-model.ts). */
  candidates: string;
  /** The expanded Hunspell dictionary nspell reads. */
  aff: string;
  dic: string;
  /** jargon.txt, one word a line (see known-words.ts). */
  jargon: string;
  /** wordnet.txt, one word a line (see known-words.ts). */
  wordnet: string;
  /** variants.txt (see variants.ts). */
  variants: string;
  /** context/confusion-sets.txt (see context/real-words.ts). */
  confusionSets: string;
}

/** The built data the service runs on. */
export const builtSpellData = (): SpellData => ({ words: englishWords(), candidates, aff, dic, jargon, wordnet, variants, confusionSets });
