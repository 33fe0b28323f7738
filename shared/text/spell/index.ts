/**
 * The spelling engine's front door: one engine per cold start, whose check() corrects English and
 * leaves sentences in another language as written (foreign-text.ts).
 */
import { checkSpelling, type Detect } from './foreign-text.ts';
import { createSpellChecker } from './spell-checker.ts';
import type { SpellData } from './spell-data.ts';
import type { SpellOptions, SpellResult } from './spell-types.ts';

export interface SpellingEngine {
  /** The text corrected; throws 422 UNSUPPORTED_LANGUAGE when all of it is in another language. */
  check(text: string, options?: SpellOptions): Promise<SpellResult>;
}

/** Loads the built data (or `data`) once; `detect` stands in for eld in tests. */
export function createSpellingEngine(data?: SpellData, detect?: Detect): SpellingEngine {
  const checker = createSpellChecker(data);
  return { check: (text, options) => checkSpelling(checker, text, options, detect) };
}
