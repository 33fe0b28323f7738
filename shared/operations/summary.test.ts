/** Each operation's details in a few words, as the records list shows them. */
import { expect, it } from '@jest/globals';
import { space } from './space.ts';
import { spell } from './spell.ts';
import { translate } from './translate.ts';

const change = { original: 'teh', replacement: 'the' };
const flag = { original: 'NASA', reason: 'acronym' };

it.each([
  [spell.summary({ input: '', output: '', details: { corrections: [change, change, change], flags: [flag] } }), '3 corrections, 1 flag'],
  [spell.summary({ input: '', output: '', details: { corrections: [change], flags: [] } }), '1 correction'],
  [spell.summary({ input: '', output: '', details: { corrections: [], flags: [flag, flag] } }), '2 flags'],
  [spell.summary({ input: '', output: '', details: { corrections: [], flags: [] } }), 'no corrections'],
  [space.summary({ input: 'Thequickfox', output: 'The quick fox', details: {} }), '2 spaces added'],
  [space.summary({ input: 'a  b', output: 'a b', details: {} }), '1 space removed'],
  [space.summary({ input: 'ab c', output: 'a bc', details: {} }), 'spaces moved'],
  [space.summary({ input: 'a b', output: 'a b', details: {} }), 'unchanged'],
  [space.summary({ input: 'Thequick bro wn', output: 'The quick brown', details: { edits: [{ offset: 3, length: 0, original: '', replacement: ' ' }, { offset: 11, length: 1, original: ' ', replacement: '' }] } }), '1 space added, 1 space removed'],
  [space.summary({ input: 'perfor-\nmance', output: 'performance', details: { edits: [{ offset: 6, length: 2, original: '-\n', replacement: '' }] } }), '1 line-end hyphen removed'],
  [space.summary({ input: 'a b', output: 'a b', details: { edits: [] } }), 'unchanged'],
  [translate.summary({ input: '', output: '', details: { provider: 'google', detection: { language: 'es', confidence: null } } }), 'by google, language detected'],
  [translate.summary({ input: '', output: '', details: { provider: 'apertium', route: ['gl', 'es', 'en'], unknownWords: 2 } }), 'by apertium, through es, 2 unknown words'],
])('%j', (summary, expected) => {
  expect(summary).toBe(expected);
});
