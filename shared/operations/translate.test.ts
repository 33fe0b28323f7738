import { translate } from './translate.ts';

describe('the translate result page says how the source was found', () => {
  const note = (details: Parameters<NonNullable<typeof translate.sourceNote>>[0]) => String(translate.sourceNote!(details));

  test('given: only who translated', () => {
    expect(note({ provider: 'apertium' })).toBe(' (translated by apertium)');
  });

  test('detected, alone or tied with one or more languages, named in English', () => {
    expect(note({ provider: 'google', detection: { language: 'es', confidence: null } })).toBe(' (detected) (translated by google)');
    expect(note({ provider: 'apertium', detection: { language: 'gl', confidence: 0.5, alternatives: ['pt'] } })).toBe(
      ' (detected; the words are Portuguese too: choose the source language if you meant Portuguese) (translated by apertium)',
    );
    expect(note({ provider: 'apertium', detection: { language: 'pt', confidence: 0.5, alternatives: ['es', 'an', 'gl'] } })).toBe(
      ' (detected; the words are also Spanish, Aragonese or Galician: choose the source language if you meant one of those) (translated by apertium)',
    );
  });
});
