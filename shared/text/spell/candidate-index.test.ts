import fc from 'fast-check';
import { CandidateIndex } from './candidate-index.ts';
import { soundKey } from './sound-key.ts';

/** Plain optimal string alignment distance, the reference the index must agree with. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** A lookup's candidates as a list (the index reuses its arrays for the next one). */
function lookup(index: CandidateIndex, query: string): { id: number; distance: number; sound: boolean }[] {
  const found = index.lookup(query, soundKey(query));
  return Array.from({ length: found.count }, (_, k) => ({ id: found.ids[k]!, distance: found.distances[k]!, sound: found.sounds[k] === 1 }));
}

const word = fc.string({ unit: fc.constantFrom(...'abcdeilnorst'), minLength: 1, maxLength: 11 });

describe('CandidateIndex', () => {
  test('finds every lexicon word within the edit distance, with its distance, and nothing farther', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 60 }), word, (keys, query) => {
        const index = new CandidateIndex(keys, keys.map(soundKey).join('\n'));
        const limit = query.length <= 3 ? 1 : 2;
        const candidates = lookup(index, query);
        const found = new Map(candidates.map((c) => [keys[c.id], c.distance]));
        for (const key of keys) {
          const distance = osa(query, key);
          if (distance <= limit) expect(found.get(key)).toBe(distance);
        }
        for (const [key, distance] of found) {
          expect(distance).toBe(osa(query, key!));
          // Farther words only when they begin like the query.
          if (distance > 2) expect(key![0]).toBe(query[0]);
        }
        for (const c of candidates) expect(c.sound).toBe(soundKey(keys[c.id]!) === soundKey(query));
      }),
      { numRuns: 300 },
    );
  });

  test('measures queries longer than 32 letters too', () => {
    const keys = ['pneumonoultramicroscopicsilicovolcanoconiosis', 'necessary'];
    const index = new CandidateIndex(keys, keys.map(soundKey).join('\n'));
    const query = 'pneumonoultramicroscopicsilicovolcanokoniosis';
    expect(lookup(index, query)).toEqual([{ id: 0, distance: 1, sound: true }]);
  });

  test('reaches further for long words that sound alike', () => {
    const keys = ['necessary', 'nectar', 'successful', 'useful'];
    const index = new CandidateIndex(keys, keys.map(soundKey).join('\n'));
    expect(lookup(index, 'nessisary').map((c) => keys[c.id])).toContain('necessary');
    expect(lookup(index, 'sucsesfull').map((c) => keys[c.id])).toContain('successful');
    // 4 edits when the intended word is long, though the misspelling is not.
    expect(lookup(index, 'heiarky').map((c) => keys[c.id])).toEqual([]);
    const longer = ['hierarchy'];
    expect(lookup(new CandidateIndex(longer, longer.map(soundKey).join('\n')), 'heiarky')).toEqual([{ id: 0, distance: 4, sound: true }]);
    // Not when it begins otherwise.
    const other = ['bierarchy'];
    expect(lookup(new CandidateIndex(other, other.map(soundKey).join('\n')), 'heiarky')).toEqual([]);
  });
});
