/**
 * The service's vocabulary, at the bottom of every layer: the operations' names, a stored record,
 * the translation cache's entries and a language guess. It imports nothing of the project, so db,
 * text, translate, operations and http all build on it and none on another through it
 * (shared/layers.test.ts).
 */

/** In the order the pages list them; each has a descriptor (shared/operations) and a function (resources/functions.cjs). */
export const OPERATIONS = ['spell', 'space', 'translate'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** A JSON object: stored as JSON text, so new fields of an operation need no migration. */
export type RecordDetails = Record<string, unknown>;

/** One stored result. `id` is the user's optional tag; `seq` is the store's own increasing number. */
export interface TextRecord {
  seq: number;
  id: string | null;
  operation: Operation;
  input: string;
  output: string;
  sourceLanguage: string | null;
  createdAt: string; // ISO 8601 UTC with milliseconds
  /** What the operation reported beside its output (corrections, provider…), as it answered them; null for none. */
  details: RecordDetails | null;
  /** The details in a few words ("3 corrections, 1 flag"), for the list; null for records stored before summaries. */
  summary: string | null;
}

/** Identifies one cached translation: which engine, from which language (or 'auto'), into which, of which text. */
export interface TranslationCacheKey {
  provider: string;
  /** The source the engine was given, or 'auto' when it detected one itself. */
  source: string;
  target: string;
  /** SHA-256 of the input text, hex. */
  textHash: string;
}

export interface CachedTranslation {
  text: string;
  sourceLanguage: string | null;
  /** Words the engine could not translate, when it counts them (Apertium). */
  unknownWords?: number;
}

/** What a language detector makes of a text. */
export interface LanguageGuess {
  /** ISO 639-1 code, or null when the text has nothing to go by (digits, symbols). */
  language: string | null;
  /** eld's own confidence check: enough n-grams and a clear winner. */
  reliable: boolean;
  /** eld's score of that language (0–1). */
  score?: number;
}
