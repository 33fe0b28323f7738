import fc from 'fast-check';
import { batchSegments, segmentText } from './segments.ts';

describe('segmentText', () => {
  test('short text is one segment with its surrounding whitespace kept aside', () => {
    const { segments, join } = segmentText('  Hola amigo.\n');
    expect(segments).toEqual(['Hola amigo.']);
    expect(join(['Hello friend.'])).toBe('  Hello friend.\n');
  });

  test('cuts at sentence boundaries and keeps the whitespace between segments', () => {
    const text = 'Uno dos tres.  Cuatro cinco.\n\nSeis siete ocho nueve.';
    const { segments, join } = segmentText(text, 16);
    expect(segments).toEqual(['Uno dos tres.', 'Cuatro cinco.', 'Seis siete ocho nueve.'.slice(0, 16).trimEnd(), 'nueve.']);
    expect(join(segments.map((s) => s.toUpperCase()))).toBe(text.toUpperCase());
  });

  test('groups short sentences up to the limit', () => {
    const { segments } = segmentText('A b. C d. E f. G h.', 10);
    expect(segments).toEqual(['A b. C d.', 'E f. G h.']);
  });

  test('a word longer than the limit is cut without splitting a surrogate pair', () => {
    const { segments } = segmentText('😀😀😀', 3);
    expect(segments).toEqual(['😀', '😀', '😀']);
  });

  test('join rejects the wrong number of segments', () => {
    expect(() => segmentText('a. b.', 3).join(['x'])).toThrow(/expected 2 segments/);
  });

  test('any text: segments within the limit, no blank edges, and joining them back gives the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 2, max: 60 }), (text, max) => {
        const { segments, join } = segmentText(text, max);
        for (const segment of segments) {
          expect(segment.length).toBeLessThanOrEqual(max);
          expect(segment).toBe(segment.trim());
          expect(segment).not.toBe('');
        }
        expect(join(segments)).toBe(text);
      }),
    );
  });
});

describe('batchSegments', () => {
  test('fills batches up to the segment and character limits, in order', () => {
    expect(batchSegments(['aaaa', 'bb', 'cc', 'd', 'eeeeeeee'], { maxBatchSegments: 2, maxBatchChars: 6 })).toEqual([[0, 1], [2, 3], [4]]);
    expect(batchSegments(['aaaa', 'bbb'], { maxBatchSegments: 10, maxBatchChars: 6 })).toEqual([[0], [1]]);
    expect(batchSegments([], { maxBatchSegments: 10, maxBatchChars: 6 })).toEqual([]);
  });
});
