import { knownShare } from './resident-analyser.ts';

test('knownShare counts an everyday word the analyser lacks as known when it is listed, in any case', () => {
  const analysis = '^Mi/*Mi$ ^se/*se$ ^pas/pas<n>$ ^xyz/*xyz$';
  expect(knownShare(analysis)).toBe(0.25);
  expect(knownShare(analysis, ['mi', 'se'])).toBe(0.75);
});
