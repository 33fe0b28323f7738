/** What the spelling engine answers: its corrections and flags, and the options a call takes. */
import type { SpellLanguage, Variant } from './variants.ts';

export interface Correction {
  /** Start of the replaced word in the input, in UTF-16 code units. */
  offset: number;
  /** Length of the replaced word in the input, in UTF-16 code units. */
  length: number;
  original: string;
  replacement: string;
  /** Up to 5 other suggestions, best first, never including the replacement. */
  alternatives: string[];
  /** How likely the replacement is what was meant, from 0 to 1 (see confidence()). */
  confidence: number;
  /** `spelling`: the original is no word; `context`: a real word in the wrong place (could of → could have). */
  kind: 'spelling' | 'context';
}

export type FlagReason = 'unknown' | 'name' | 'acronym' | 'uncertain' | 'ignored' | 'other-language' | 'context';

/** A word left as written: one the dictionary lacks, or (reason `context`) a real word that may be another (`alternatives`). */
export interface Flag {
  offset: number;
  length: number;
  original: string;
  reason: FlagReason;
  /** Up to 5 suggestions, best first (empty when none is near). */
  alternatives: string[];
}

export interface SpellResult {
  output: string;
  corrections: Correction[];
  flags: Flag[];
  /** The language asked for. */
  language: SpellLanguage;
  /** The variant whose spellings the corrections use: the one asked for, or for `en` the text's own. */
  variant: Variant;
}

export interface SpellOptions {
  /** `en` (the default) accepts every variant's spellings and corrects into the text's own. */
  language?: SpellLanguage;
  /** Words (any case) this call neither changes nor flags. */
  ignore?: readonly string[];
  /** [start, end) spans in another language: their unknown words are left as written, flagged `other-language`. */
  foreign?: ReadonlyArray<readonly [number, number]>;
}

export interface SpellChecker {
  correct(text: string, options?: SpellOptions): SpellResult;
}
