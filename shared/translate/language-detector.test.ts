import { DETECTION_SAMPLE } from '../../test/fixtures/detection-sample.ts';
import { createEldDetector } from './language-detector.ts';

const detector = createEldDetector();

describe.each(['short', 'medium'] as const)('the bundled detector on %s sentences of the sample', (length) => {
  test.each(DETECTION_SAMPLE.map((s) => [s.language, s[length]]))('recognises %s confidently', async (language, text) => {
    expect(await detector.detect(text)).toEqual({ language, reliable: true, score: expect.any(Number) });
  });
});

test('text with nothing to go by gives no language', async () => {
  expect(await detector.detect('12345 !!!')).toEqual({ language: null, reliable: false });
});

test('candidates narrow an unsure guess, and leave the default instance unchanged', async () => {
  expect((await detector.detect('hola mundo')).language).toBe('pt');
  expect((await detector.detect('hola mundo', ['ca', 'es', 'en'])).language).toBe('es');
  expect((await detector.detect('Где находится вокзал?')).language).toBe('ru');
  // Too short for any n-gram evidence.
  expect(await detector.detect('hola')).toEqual({ language: null, reliable: false });
});

test('the database is loaded on the first question, once, and a failed load is tried again', async () => {
  let loads = 0;
  const lazy = createEldDetector(async () => {
    if (++loads === 1) throw new Error('disk');
    return (await import('eld/small')).eld;
  });
  expect(loads).toBe(0);
  await expect(lazy.detect('Bonjour tout le monde')).rejects.toThrow('disk');
  const [guess, scores] = await Promise.all([lazy.detect('Bonjour tout le monde, comment allez-vous ?'), lazy.scores('hola amigo', ['es', 'pt'])]);
  expect(guess.language).toBe('fr');
  expect([...scores.keys()].every((code) => ['es', 'pt'].includes(code))).toBe(true);
  expect(loads).toBe(2);
});
