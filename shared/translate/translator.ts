/** The ports of translation: the Lambda depends on Translator; engines implement TranslationEngine. */
import type { CachedTranslation, TranslationCacheKey } from '../db/record.ts';

export interface TranslationRequest {
  text: string;
  /** ISO 639-1 code of the input; undefined = detect it. */
  source?: string;
}

export interface Translation {
  /** The English text. */
  text: string;
  /** ISO 639-1 code, as given or as detected; null when nothing could tell. */
  sourceLanguage: string | null;
  /** Which engine translated, e.g. 'google'; 'none' when the text was already English and returned as is. */
  provider: string;
}

export interface Translator {
  readonly provider: string;
  /** Translates into English. Fails only with AppError (UNSUPPORTED_LANGUAGE, UPSTREAM_*, TRANSLATION_UNAVAILABLE, DATABASE_*). */
  translate(request: TranslationRequest): Promise<Translation>;
}

export interface EngineBatch {
  /** One English text per segment, in order. */
  texts: string[];
  /** What the engine detected (ISO 639-1), or null when it reports nothing. */
  sourceLanguage: string | null;
}

/** One translation backend; the translation service adds detection, segmenting, batching and the cache. */
export interface TranslationEngine {
  readonly provider: string;
  /** True when the engine detects the source itself; otherwise it is always handed one. */
  readonly detectsSource: boolean;
  /** The most segments and characters one call may carry. */
  readonly maxBatchSegments: number;
  readonly maxBatchChars: number;
  /** ISO 639-1 codes it translates from into English; required when it does not detect, else optional (any). */
  supportedSources?(): Promise<readonly string[]>;
  /** Translates every segment into English; fails only with AppError. */
  translateBatch(segments: readonly string[], source: string | undefined): Promise<EngineBatch>;
}

/** Earlier translations, shared by every container (the database). */
export interface TranslationCache {
  get(key: TranslationCacheKey): Promise<CachedTranslation | null>;
  put(key: TranslationCacheKey, value: CachedTranslation): Promise<void>;
}

export const TARGET_LANGUAGE = 'en';
/** How long one engine call may take unless configured otherwise (TRANSLATE_TIMEOUT_MS). */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Provider named in a response whose text was already English and was returned unchanged. */
export const NO_PROVIDER = 'none';
