import fc from 'fast-check';
import { createSpellChecker } from '../spell-checker.ts';
import { builtSpellData } from '../spell-data.ts';
import confusionSets from './confusion-sets.txt';
import type { SpellChecker } from '../spell-types.ts';
import { parseConfusionSets } from './real-words.ts';

let checker: SpellChecker;
let withoutSets: SpellChecker;

beforeAll(() => {
  const data = builtSpellData();
  checker = createSpellChecker(data);
  withoutSets = createSpellChecker({ ...data, confusionSets: '' });
});

describe('real words in the wrong place', () => {
  test.each([
    ['I think their going to win.', 'their', "they're"],
    ['We went two the shop.', 'two', 'to'],
    ['I have a knew car.', 'knew', 'new'],
    ['I herd a noise.', 'herd', 'heard'],
    ["I don't know weather to go.", 'weather', 'whether'],
    ['She is older then me.', 'then', 'than'],
    ['She is taller then her brother.', 'then', 'than'],
    ['I red the book yesterday.', 'red', 'read'],
    ['The new law will effect us.', 'effect', 'affect'],
    // `than` with no comparison before it is a slip for that or then.
    ['We insist than any patent licence is free.', 'than', 'that'],
  ])('%s: %s → %s, as a context correction', (input, original, replacement) => {
    const result = checker.correct(input);
    expect(result.corrections).toEqual([expect.objectContaining({ original, replacement, kind: 'context', alternatives: [] })]);
    expect(result.output).toBe(input.replace(original, replacement));
    expect(result.corrections[0]!.confidence).toBeGreaterThan(0.5);
  });

  test.each([
    ["I'll be their at six.", 'their', 'there'],
    ["Don't loose your keys.", 'loose', 'lose'],
    ['I can here you.', 'here', 'hear'],
    ['He past the test.', 'past', 'passed'],
    ["The dog wagged it's tail.", "it's", 'its'],
  ])('%s: %s is left as written and flagged `context` with %s', (input, original, alternative) => {
    const result = checker.correct(input);
    expect(result.output).toBe(input);
    expect(result.flags).toEqual([expect.objectContaining({ original, reason: 'context', alternatives: [alternative] })]);
  });

  test.each([
    'Their car is red.',
    'There is a problem.',
    "They're late again.",
    'First we eat, then we sleep.',
    'The user then logs in.',
    'I need to buy stamps.',
    'Me too.',
    'I have two cats.',
    'Don’t lose your keys.',
    'The rope is loose.',
    'The effect was huge.',
    'It will affect us.',
    'I accept the terms, except the last.',
    'The weather is fine, whether or not you go.',
    'Come over here and hear this.',
    'I knew the new teacher.',
    'The car is red and I read the book.',
    'They were happy where they were.',
    'Our house is big.',
    'Peace and quiet, a piece of cake.',
    'He passed the test in the past.',
    'He threw the ball through the window.',
    "It's raining and its roof leaks.",
    "Let's go; he lets me drive.",
    'Whose turn is it, and who’s next?',
    'Eat at the Red Lion Inn tonight.',
    // Parts of a hyphenated word are no real-word errors.
    'The tutorial can be read off-line, after a two-hour class.',
    // A comparison far before `than`, across a number and punctuation.
    'We made more jobs in the first 100 days (a record) than any other year.',
  ])('a right use is left alone, with nothing flagged: %s', (input) => {
    const result = checker.correct(input);
    expect(result).toMatchObject({ output: input, corrections: [], flags: [] });
  });

  test('a word the caller ignores, or in a span in another language, is not judged', () => {
    expect(checker.correct('We went two the shop.', { ignore: ['TWO'] }).output).toBe('We went two the shop.');
    expect(checker.correct('We went two the shop.', { foreign: [[0, 21]] }).output).toBe('We went two the shop.');
  });

  test('the case is kept, and a capitalised word inside a sentence is a name, not judged', () => {
    expect(checker.correct('Knew cars are expensive.').output).toBe('New cars are expensive.');
    expect(checker.correct('Two be or not to be.').output).toBe('To be or not to be.');
    expect(checker.correct('We met Two the shop owner.').corrections).toEqual([]);
  });

  test('a misspelling and a context correction in one text are both made, in order', () => {
    const result = checker.correct('We went two teh shop and I herd a noise.');
    expect(result.corrections.map((c) => [c.original, c.replacement, c.kind])).toEqual([
      ['two', 'to', 'context'],
      ['teh', 'the', 'spelling'],
      ['herd', 'heard', 'context'],
    ]);
  });

  test('a text with no confusion-set word comes back exactly as it did without the sets', () => {
    const members = new Set(parseConfusionSets(confusionSets).keys());
    const words = 'the quick brown fox jumps over lazy dog teh recieve goverment colour colour organise Paris NASA and or but with from into under after before because happy sad it is was really a an'.split(' ');
    expect(words.filter((word) => members.has(word))).toEqual([]);
    const separators = [' ', ', ', '. ', '\n', '! ', ' (', ') '];
    const text = fc.array(fc.tuple(fc.constantFrom(...words, ...words.map((w) => w.toUpperCase()), 'The', 'Teh'), fc.constantFrom(...separators)), { maxLength: 25 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, (input) => {
        expect(checker.correct(input)).toEqual(withoutSets.correct(input));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the confusion sets', () => {
  test('at least 150 sets, each of two or more distinct lower-case words, no set twice', () => {
    const lines = confusionSets.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
    expect(lines.length).toBeGreaterThanOrEqual(150);
    const seen = new Set<string>();
    for (const line of lines) {
      const members = line.trim().split(/\s+/);
      expect(new Set(members).size).toBe(members.length);
      expect(members.length).toBeGreaterThanOrEqual(2);
      for (const member of members) expect(member).toMatch(/^[a-z][a-z']*$/);
      const key = [...members].sort().join(' ');
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
  });
});
