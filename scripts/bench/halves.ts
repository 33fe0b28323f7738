/**
 * The one rule that cuts every bench text into a tuning half and a test half: a sentence whose
 * hash is even is for tuning, odd for test. Thresholds are chosen on the tuning half (the context
 * model's tuning script imports this) and goals reported on the test half.
 */

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * FNV-1a with MurmurHash3's finaliser: FNV-1a's lowest bit is only the parity of the characters'
 * lowest bits, so two choices made from it (the half, and which word a bench changes) would be tied.
 */
export function stableHash(text: string): number {
  let hash = fnv1a(text);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** True when the sentence `key` (its text) belongs to the tuning half. */
export function isTuningHalf(key: string): boolean {
  return stableHash(key) % 2 === 0;
}

export const HALVES = ['tuning', 'test'] as const;
export type Half = (typeof HALVES)[number];

export const halfOf = (sentence: string): Half => (isTuningHalf(sentence) ? 'tuning' : 'test');
