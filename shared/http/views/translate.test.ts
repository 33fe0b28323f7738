import { translateView } from './translate.ts';

describe('the translate result page says how the source was found', () => {
  type Details = Parameters<NonNullable<typeof translateView.sourceNote>>[0];
  const note = (details: Details, source: string | null = 'fr') => String(translateView.sourceNote!(details, source));

  test('given: the language by name and code, and who translated', () => {
    expect(note({ provider: 'apertium' })).toBe('<p>Translated from French (fr) by apertium.</p>');
    expect(note({ provider: 'google' }, null)).toBe('<p>Translated by google.</p>');
  });

  test('the route of a chain, by language names, and the words the engine did not know', () => {
    expect(note({ provider: 'apertium', route: ['gl', 'es', 'en'], unknownWords: 2 }, 'gl')).toBe(
      '<p>Translated from Galician (gl) by apertium: Galician → Spanish → English. 2 words unknown to the engine, left as written.</p>',
    );
    expect(note({ provider: 'apertium', unknownWords: 0 }, 'es')).toBe('<p>Translated from Spanish (es) by apertium. Every word was known to the engine.</p>');
  });

  test('detected, alone or tied with one or more languages, named in English', () => {
    expect(note({ provider: 'google', detection: { language: 'es', confidence: null } }, 'es')).toBe('<p>Translated from Spanish (es) (detected) by google.</p>');
    expect(note({ provider: 'apertium', detection: { language: 'gl', confidence: 0.5, alternatives: ['pt'] } }, 'gl')).toBe(
      '<p>Translated from Galician (gl) (detected; the words are Portuguese too: choose the source language if you meant Portuguese) by apertium.</p>',
    );
    expect(note({ provider: 'apertium', detection: { language: 'pt', confidence: 0.5, alternatives: ['es', 'an', 'gl'] } }, 'pt')).toBe(
      '<p>Translated from Portuguese (pt) (detected; the words are also Spanish, Aragonese or Galician: choose the source language if you meant one of those) by apertium.</p>',
    );
  });
});
