import fc from 'fast-check';
import { createSpellChecker } from './spell-checker.ts';
import type { SpellChecker, SpellResult } from './spell-types.ts';

let checker: SpellChecker;

beforeAll(() => {
  checker = createSpellChecker();
});

const CORRECT = ['the', 'The', 'quick', 'BROWN', 'fox', 'jumps', 'over', 'lazy', 'dog', "don't", "O'Brien", "government's", 'well-known', 'Paris', 'NASA', 'café', 'it’s', 'I', 'a', 'weather', 'whether', 'sense', 'since'];
const MISSPELLED = ['teh', 'Teh', 'TEH', 'wrold', 'recieve', 'goverment', "goverment's", 'freind', 'beleive', 'seperate', 'acommodate', 'dont', 'wo’nt', 'wether', 'sence', 'well-knwon', 'nessisary', 'xqzvvjkwq'];
const UNTOUCHABLE = ['https://exmaple.com/teh?q=wrold', 'me@exmaple.com', '#tehtag', '@tehuser', 'snake_teh', 'teh2', '3.14', 'C:\\teh', 'os.path.jion', 'tehVar', '日本語', 'Привет'];
const SEPARATORS = [' ', '  ', '\n', '\r\n', '\t', ', ', '. ', '! ', '? ', ' (', ') ', ' "', '" ', ' — ', ': '];

const joined = (words: fc.Arbitrary<string>) =>
  fc.array(fc.tuple(words, fc.constantFrom(...SEPARATORS)), { maxLength: 25 }).map((parts) => parts.map(([w, s]) => w + s).join(''));

const anyText = fc.oneof(
  joined(fc.constantFrom(...CORRECT, ...MISSPELLED, ...UNTOUCHABLE)),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  joined(fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzAEIOU\'’-'), minLength: 1, maxLength: 12 })),
);

/** The output is the input with exactly the reported spans replaced, in order, without overlaps. */
function expectOnlyReportedChanges(input: string, result: SpellResult): void {
  let rebuilt = '';
  let from = 0;
  for (const c of result.corrections) {
    expect(c.offset).toBeGreaterThanOrEqual(from);
    expect(c.length).toBe(c.original.length);
    expect(input.slice(c.offset, c.offset + c.length)).toBe(c.original);
    expect(c.replacement).not.toBe(c.original);
    expect(c.alternatives.length).toBeLessThanOrEqual(5);
    expect(c.alternatives).not.toContain(c.replacement);
    rebuilt += input.slice(from, c.offset) + c.replacement;
    from = c.offset + c.length;
  }
  expect(rebuilt + input.slice(from)).toBe(result.output);
}

describe('spell checker properties', () => {
  test('the output differs from the input only inside the reported corrections', () => {
    fc.assert(
      fc.property(anyText, (text) => expectOnlyReportedChanges(text, checker.correct(text))),
      { numRuns: 400 },
    );
  });

  test('correcting the output again changes nothing more', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = checker.correct(text).output;
        expect(checker.correct(once)).toMatchObject({ output: once, corrections: [] });
      }),
      { numRuns: 400 },
    );
  });

  test('correctly spelled text comes back unchanged', () => {
    fc.assert(
      fc.property(joined(fc.constantFrom(...CORRECT, ...UNTOUCHABLE)), (text) => {
        expect(checker.correct(text)).toMatchObject({ output: text, corrections: [] });
      }),
      { numRuns: 300 },
    );
  });
});

describe('what the checker leaves alone is reported', () => {
  const UNKNOWN = ['teh', 'Teh', 'wrold', 'recieve', 'goverment', 'xqzvbnmw', 'Saoirse', 'Wojciech', 'OECD', 'YAML', 'Qwerk', 'flavur', 'namespacey', 'Привет', 'getWroldName'];
  const KNOWN = ['the', 'The', 'quick', 'colour', 'color', 'favourite', 'organise', "don't", 'NASA', 'Paris', 'café', 'weather', 'and'];

  test('every word the dictionary lacks is either corrected or flagged, at its place, and nothing else is', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...UNKNOWN, ...KNOWN), fc.constantFrom(' ', ', ', '. ', '\n', ' (')), { minLength: 1, maxLength: 20 }), (parts) => {
        let text = '';
        const unknown: number[] = [];
        for (const [word, separator] of parts) {
          if (UNKNOWN.includes(word)) unknown.push(text.length);
          text += word + separator;
        }
        const result = checker.correct(text);
        const reported = [...result.corrections, ...result.flags].map((r) => r.offset).sort((a, b) => a - b);
        expect(reported).toEqual(unknown);
        for (const flag of result.flags) expect(text.slice(flag.offset, flag.offset + flag.length)).toBe(flag.original);
        expectOnlyReportedChanges(text, result);
      }),
      { numRuns: 300 },
    );
  });
});
