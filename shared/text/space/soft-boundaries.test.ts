import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSegmenter, type Segmenter } from './segmenter.ts';
import { applyEdits } from './soft-boundaries.ts';

let segmenter: Segmenter;

beforeAll(() => {
  segmenter = createSegmenter();
});

const root = join(import.meta.dirname, '..', '..', '..');

/** Clean public prose, one sentence each: the repository's British prose, and the P&P sentences where ../shared/data has them. */
function cleanSentences(): string[] {
  const prose = readFileSync(join(root, 'scripts', 'data', 'british-prose.txt'), 'utf8').split(/(?<=[.!?])\s+/u);
  const pride = join(root, '..', 'shared', 'data', 'seg-sentences.jsonl');
  const more = existsSync(pride)
    ? readFileSync(pride, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => (JSON.parse(line) as { sentence: string }).sentence)
    : [];
  return [...prose, ...more].map((sentence) => sentence.trim()).filter(Boolean);
}

describe('joining what was split', () => {
  test('a space inside a word goes when the joined word is far likelier', () => {
    expect(segmenter.segment('The gover nment pub lished its fin dings.')).toBe('The government published its findings.');
    expect(segmenter.segment('Thisreport coversthe last quar ter.')).toBe('This report covers the last quarter.');
    expect(segmenter.segment('He said no thing, without at tempting to go.')).toBe('He said nothing, without attempting to go.');
  });

  test('two words that fit as two stay two', () => {
    for (const text of ['It may be late.', 'We have a lot of work.', 'Let us move on to the next.', 'We are all ready to go.', 'No one came.', 'I can not go.', 'Every one knew.', 'Any way, it is done.']) {
      expect(segmenter.segment(text)).toBe(text);
    }
  });

  test('pass word joins where password fits, not elsewhere', () => {
    expect(segmenter.segment('Type your pass word here.')).toBe('Type your password here.');
    expect(segmenter.segment('Please pass word of this to him.')).toBe('Please pass word of this to him.');
  });

  test('names, capitals and code are never joined to a word', () => {
    for (const text of ['I live in New York.', 'He met Mr. Darcy at St. Clement.', 'Open /usr/local or C:\\Users\\file.txt now.', 'See e.g. this and the U.S. economy.', 'Mail me at jo@example.com soon.']) {
      expect(segmenter.segment(text)).toBe(text);
    }
  });
});

describe('line-end hyphens', () => {
  test('a word hyphenated before a space or a line break is rejoined', () => {
    expect(segmenter.segment('the perfor- mance')).toBe('the performance');
    expect(segmenter.segment('the develop-\nment of')).toBe('the development of');
    expect(segmenter.segment('the forma- tion and theref- ore')).toBe('the formation and therefore');
    expect(segmenter.segment('He has for-\r\ngiven me.')).toBe('He has forgiven me.');
  });

  test('a compound keeps its hyphen, a suspended hyphen stays as typed', () => {
    expect(segmenter.segment('a self- made man')).toBe('a self-made man');
    expect(segmenter.segment('a well-\nknown face')).toBe('a well-known face');
    for (const text of ['over- and underweight', 'two- and three-bedroom flats', 'pre- or post-war', 'a 5- to 10-minute walk', 'the co-op in 2019', 'The x-ray', 'wait -- no']) {
      expect(segmenter.segment(text)).toBe(text);
    }
  });
});

describe('edits', () => {
  test('each change is reported in input offsets, and applying them gives the output', () => {
    const text = 'Thequick gover nment perfor-\nmance, self- made.';
    const { output, edits } = segmenter.correct(text);
    expect(output).toBe('The quick government performance, self-made.');
    expect(edits).toEqual([
      { offset: 3, length: 0, original: '', replacement: ' ' },
      { offset: 14, length: 1, original: ' ', replacement: '' },
      { offset: 27, length: 2, original: '-\n', replacement: '' },
      { offset: 41, length: 1, original: ' ', replacement: '' },
    ]);
    expect(applyEdits(text, edits)).toBe(output);
  });

  test('correctly spaced text has no edits', () => {
    expect(segmenter.correct('The quick brown fox.')).toEqual({ output: 'The quick brown fox.', edits: [] });
  });

  test('property: the edits always turn the input into the output', () => {
    const piece = fc.constantFrom('the', 'gover', 'nment', 'perfor-', 'mance', 'self-', 'made', 'Thequick', 'fox', ',', '.', 'iPhone12');
    const gap = fc.constantFrom(' ', ' ', '\n', '');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, gap), { minLength: 1, maxLength: 12 }), (pairs) => {
        const text = pairs.map(([p, g]) => p + g).join('');
        const { output, edits } = segmenter.correct(text);
        expect(applyEdits(text, edits)).toBe(output);
        expect(output).toBe(segmenter.segment(text));
        // Only whitespace and hyphens before whitespace change.
        expect(output.replace(/[\s-]/gu, '')).toBe(text.replace(/[\s-]/gu, ''));
        for (const edit of edits) expect(edit.original + edit.replacement).toMatch(/^-?\s*$/u);
      }),
    );
  });
});

describe('correct text', () => {
  const sentences = cleanSentences();

  test('every clean public sentence comes back unchanged', () => {
    const changed = sentences.filter((sentence) => segmenter.segment(sentence) !== sentence);
    expect(changed).toEqual([]);
  });

  test('property: clean sentences run on with spaces or line breaks come back unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...sentences), fc.constantFrom(' ', '\n', '\n\n')), { minLength: 1, maxLength: 4 }), (pairs) => {
        const text = pairs.map(([sentence, gap]) => sentence + gap).join('').trim();
        expect(segmenter.segment(text)).toBe(text);
      }),
      { numRuns: 50 },
    );
  });
});
