import { createSpellChecker } from '../spell-checker.ts';
import type { SpellChecker } from '../spell-types.ts';

let checker: SpellChecker;

beforeAll(() => {
  checker = createSpellChecker();
});

describe('modal verb + of', () => {
  test.each([
    ['We should of asked.', 'We should have asked.'],
    ['I could of been a contender.', 'I could have been a contender.'],
    ['They MUST OF known.', 'They MUST HAVE known.'],
    ['She would Of gone.', 'She would Have gone.'],
    ['It might of rained.', 'It might have rained.'],
  ])('%s → %s, reported as a context correction', (input, output) => {
    const result = checker.correct(input);
    expect(result.output).toBe(output);
    const [correction] = result.corrections;
    expect(correction).toMatchObject({ original: input.match(/of/i)![0], kind: 'context' });
    expect(input.slice(correction!.offset, correction!.offset + correction!.length)).toBe(correction!.original);
  });

  test.each([
    'You could of course ask her.',
    'We must of necessity wait.',
    'The most he could of the money was spent.',
    'All that would of them remain?',
    'Think of what you could do.',
    'The height of the wall.',
    'We should, of all people, know.',
    'I could\nof',
  ])('leaves a real "of" alone: %s', (input) => {
    expect(checker.correct(input).output).toBe(input);
  });

  test('a misspelling beside it is still corrected, both in order', () => {
    const result = checker.correct('Teh team should of askd.');
    expect(result.corrections.map((c) => [c.original, c.kind])).toEqual([
      ['Teh', 'spelling'],
      ['of', 'context'],
      ['askd', 'spelling'],
    ]);
    expect(result.output).toBe('The team should have asked.');
  });

  test('an ignored "of" stays', () => {
    expect(checker.correct('We should of asked.', { ignore: ['of'] }).output).toBe('We should of asked.');
  });
});
