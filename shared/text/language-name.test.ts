import { languageName } from './language-name.ts';

test('languageName gives the English name, and the code back when there is none or it is no tag', () => {
  expect(languageName('fr')).toBe('French');
  expect(languageName('sr')).toBe('Serbian');
  expect(languageName('qq')).toBe('qq');
  expect(languageName('not a tag')).toBe('not a tag');
});
