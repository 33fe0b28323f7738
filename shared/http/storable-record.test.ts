import { describe, expect, it } from '@jest/globals';
import { MAX_STORED_BYTES, storedBytes } from '../db/record-size.ts';
import type { NewRecord } from '../db/record.ts';
import { storableRecord } from './storable-record.ts';

const correction = (i: number) => ({ offset: i * 6, length: 5, original: `wrd${String(i).padStart(2, '0')}`.slice(0, 5), replacement: 'word', alternatives: ['ward', 'world', 'wordy', 'sword', 'words'], confidence: 0.9 });
const spelled = (count: number, input = 'x'): NewRecord => ({
  id: null,
  operation: 'spell',
  input,
  output: input,
  sourceLanguage: 'en',
  details: { language: 'en', variant: 'en-US', corrections: Array.from({ length: count }, (_, i) => correction(i)), flags: [] },
  summary: `${count} corrections`,
});

describe('storableRecord', () => {
  it('keeps a record that fits as it is', () => {
    const record = spelled(10);
    expect(storableRecord(record)).toBe(record);
  });

  it('drops the alternatives first, when that is enough, keeping every correction', () => {
    const record = spelled(450);
    expect(storedBytes(record)).toBeGreaterThan(MAX_STORED_BYTES);
    const kept = storableRecord(record);
    const corrections = kept.details!.corrections as Array<Record<string, unknown>>;
    expect(corrections).toHaveLength(450);
    expect(corrections[0]).toEqual({ offset: 0, length: 5, original: 'wrd00', replacement: 'word', confidence: 0.9 });
    expect(kept.details).toEqual(expect.objectContaining({ truncated: true, language: 'en', variant: 'en-US', flags: [] }));
    expect(kept.summary).toBe('450 corrections');
  });

  it('then keeps the first corrections, as many as fit, in their order', () => {
    const record = spelled(3000);
    const kept = storableRecord(record);
    const corrections = kept.details!.corrections as unknown[];
    expect(storedBytes(kept)).toBeLessThanOrEqual(MAX_STORED_BYTES);
    expect(storedBytes(kept)).toBeGreaterThan(MAX_STORED_BYTES * 0.95);
    const { alternatives: _a, ...first } = correction(0);
    expect(corrections[0]).toEqual(first);
    expect(corrections.length).toBeLessThan(3000);
    expect(kept.details!.truncated).toBe(true);
  });

  it('refuses with TEXT_TOO_LONG a result whose texts alone do not fit', () => {
    const wide = '😀'.repeat(8_000);
    expect(() => storableRecord(spelled(1, wide))).toThrow(expect.objectContaining({ code: 'TEXT_TOO_LONG', status: 413 }));
    expect(() => storableRecord({ ...spelled(0, wide), details: null })).toThrow(expect.objectContaining({ code: 'TEXT_TOO_LONG' }));
  });
});
