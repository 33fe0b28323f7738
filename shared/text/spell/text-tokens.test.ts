import fc from 'fast-check';
import { textTokens } from './text-tokens.ts';

/** The tokens as the module's documentation defines them, in regular expressions. */
function reference(text: string): number[] {
  const tokens: number[] = [];
  for (const chunk of text.matchAll(/\S+/gu)) {
    if (/[@#/\\_]|www\./iu.test(chunk[0])) continue;
    for (const token of chunk[0].matchAll(/[\p{L}\p{M}\p{N}]+(?:[-.'’][\p{L}\p{M}\p{N}]+)*/gu)) tokens.push(chunk.index + token.index, chunk.index + token.index + token[0].length);
  }
  return tokens;
}

const spans = (text: string) => {
  const tokens = textTokens(text);
  return Array.from({ length: tokens.length / 2 }, (_, k) => text.slice(tokens[2 * k]!, tokens[2 * k + 1]!));
};

describe('textTokens', () => {
  test('words joined by single inner hyphens, dots and apostrophes', () => {
    expect(spans("Don't re-enter O’Brien's  well-known U.S. e.g. 3.14 -dash- a--b end.")).toEqual([
      "Don't", 're-enter', 'O’Brien\'s', 'well-known', 'U.S', 'e.g', '3.14', 'dash', 'a', 'b', 'end',
    ]);
  });

  test('leaves out URLs, e-mail addresses, mentions, hashtags, paths and snake_case', () => {
    expect(spans('see www.teh.com, WWW.Teh.org a@b.io #tag @user C:\\teh snake_case /usr/bin teh')).toEqual(['see', 'teh']);
  });

  test('finds letters beyond the first plane and after them', () => {
    expect(spans('𝐀𝐁c 😀teh naïve\u00a0日本語\u3000x')).toEqual(['𝐀𝐁c', 'teh', 'naïve', '日本語', 'x']);
  });

  test('equals the regular expressions on any text', () => {
    const tricky = fc.string({ unit: fc.constantFrom(...'aZ9 -.\'’@#/\\_wW.\n\t\u00a0\u2028\ufeffé\u0301日𝐀😀\ud800\udc00'), maxLength: 30 });
    const units = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 20 });
    fc.assert(fc.property(fc.oneof(tricky, units, fc.string({ unit: 'binary', maxLength: 20 })), (text) => {
      expect(textTokens(text)).toEqual(reference(text));
    }), { numRuns: 20_000 });
  });
});
