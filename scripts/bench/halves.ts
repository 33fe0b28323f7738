/**
 * The one rule that cuts every bench text into a tuning half and a test half: a sentence whose
 * FNV-1a hash is even is for tuning, odd for test. Thresholds are chosen on the tuning half (the
 * context model's tuning script imports this) and goals reported on the test half.
 */

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** True when the sentence `key` (its text) belongs to the tuning half. */
export function isTuningHalf(key: string): boolean {
  return fnv1a(key) % 2 === 0;
}

export const HALVES = ['tuning', 'test'] as const;
export type Half = (typeof HALVES)[number];

export const halfOf = (sentence: string): Half => (isTuningHalf(sentence) ? 'tuning' : 'test');
