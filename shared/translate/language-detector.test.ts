import { DETECTION_SAMPLE } from '../../test/translate/detection-sample.ts';
import { createEldDetector } from './language-detector.ts';

const detector = createEldDetector();

describe.each(['short', 'medium'] as const)('the bundled detector on %s sentences of the sample', (length) => {
  test.each(DETECTION_SAMPLE.map((s) => [s.language, s[length]]))('recognises %s confidently', (language, text) => {
    expect(detector.detect(text)).toEqual({ language, reliable: true, score: expect.any(Number) });
  });
});

test('text with nothing to go by gives no language', () => {
  expect(detector.detect('12345 !!!')).toEqual({ language: null, reliable: false });
});

test('candidates narrow an unsure guess, and leave the default instance unchanged', () => {
  expect(detector.detect('hola mundo').language).toBe('pt');
  expect(detector.detect('hola mundo', ['ca', 'es', 'en']).language).toBe('es');
  expect(detector.detect('Где находится вокзал?').language).toBe('ru');
  // Too short for any n-gram evidence.
  expect(detector.detect('hola')).toEqual({ language: null, reliable: false });
});
