import { createFluencyScorer } from './english-fluency.ts';
import { encodeWordModel, loadWordModel } from './word-model.ts';

const COUNTS = new Map(['the:900', 'good:80', 'night:60', 'nights:5', 'corner:10', 'what:300', 'costs:20', 'this:400'].map((entry) => {
  const [word, count] = entry.split(':') as [string, string];
  return [word, Number(count) * 1e6] as const;
}));
const PAIRS: [string, string, number][] = [['good', 'night', 4e7], ['what', 'costs', 1e7], ['costs', 'this', 1e7]];

describe('English fluency on a model of eight words', () => {
  let loads = 0;
  const fluency = createFluencyScorer(() => {
    loads++;
    const { words, pairs } = encodeWordModel(COUNTS, PAIRS);
    return loadWordModel(words, pairs);
  });

  test('the model is asked for once, on the first score', () => {
    expect(loads).toBe(0);
    fluency('good night');
    fluency('good nights');
    expect(loads).toBe(1);
  });

  test('a listed pair reads better than the same words apart, a common word better than a rare one', () => {
    expect(fluency('Good night')).toBeGreaterThan(fluency('night good'));
    expect(fluency('Good night')).toBeGreaterThan(fluency('Good nights'));
    expect(fluency('What costs this?')).toBeGreaterThan(fluency('Corner costs this?'));
  });

  test('a word the model lacks (one left untranslated) costs the most; a text without words scores −Infinity', () => {
    expect(fluency('good noite')).toBeLessThan(fluency('good nights'));
    expect(fluency('12 — 34')).toBe(-Infinity);
  });
});
