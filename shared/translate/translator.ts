/** The ports of translation: the Lambda depends on Translator; engines implement TranslationEngine. */
import type { CachedTranslation, TranslationCacheKey } from '../model.ts';
import { OUT_OF_TIME_RETRY_AFTER_S } from '../deadline.ts';
import { AppError } from '../errors.ts';

export interface TranslationRequest {
  text: string;
  /** Language tag of the input as Google v2 names languages (ISO 639-1, `zh-TW`, `ceb`); undefined = detect it. */
  source?: string;
}

/** How the source language was found when the request did not give it. */
export interface Detection {
  language: string;
  /** 0–1; null when the engine detected and reports no confidence (Google's v2 translate answer has none). */
  confidence: number | null;
  /** Other languages whose dictionaries know as many of the words, likeliest first: the text reads as any of them. */
  alternatives?: string[];
}

/** One language an engine translates from into English. */
export interface EngineLanguage {
  /** The code `source` takes. */
  code: string;
  /** English name. */
  name: string;
  /** For a chain through another language, every language on the way, e.g. ["fr", "es", "en"]. */
  route?: string[];
  /** ISO 15924 scripts the engine reads this language in; undefined = not known (any). */
  scripts?: string[];
}

export interface Translation {
  /** The English text. */
  text: string;
  /** The source's code as the engine names it (given, or detected: Google's `zh-CN`); null when nothing could tell. */
  sourceLanguage: string | null;
  /** Which engine translated, e.g. 'google'; 'none' when the text was already English and returned as is. */
  provider: string;
  /** Present when the source was detected rather than given. */
  detection?: Detection;
  /** The languages the text went through when the engine chained two pairs, e.g. ["fr", "es", "en"]. */
  route?: string[];
  /** Words the engine could not translate and left as they were (Apertium only). */
  unknownWords?: number;
}

export interface Translator {
  readonly provider: string;
  /** Translates into English. Fails only with AppError (UNSUPPORTED_LANGUAGE, UPSTREAM_*, TRANSLATION_UNAVAILABLE, DATABASE_*). */
  translate(request: TranslationRequest): Promise<Translation>;
  /** The languages it translates from into English; empty when no engine is configured. */
  languages(): Promise<readonly EngineLanguage[]>;
  /** Set when no engine is configured: why, and how to configure one (what translate's 503 says). */
  readonly unavailable?: string;
}

export interface EngineBatch {
  /** One English text per segment, in order. */
  texts: string[];
  /** What the engine detected (its own code), or null when it reports nothing. */
  sourceLanguage: string | null;
  /** Words left untranslated, summed over the segments, when the engine reports them. */
  unknownWords?: number;
  /** The chain of languages, when the engine went through one. */
  route?: string[];
}

/** One translation backend; the translation service adds detection, segmenting, batching and the cache. */
export interface TranslationEngine {
  readonly provider: string;
  /** True when the engine detects the source itself; otherwise it is always handed one. */
  readonly detectsSource: boolean;
  /** The most segments and characters one call may carry. */
  readonly maxBatchSegments: number;
  readonly maxBatchChars: number;
  /** Codes it translates from into English; required when it does not detect, else optional (any: the engine refuses). */
  supportedSources?(): Promise<readonly string[]>;
  /** The languages it translates from, for listing. */
  languages(): Promise<readonly EngineLanguage[]>;
  /** The engine's own code for a request's language tag (`pt-BR` → `pt`), or undefined when it has none. */
  codeFor?(tag: string): Promise<string | undefined>;
  /** Share (0–1) of the text's words each language's dictionary knows, for detection among those it translates. */
  knownWordShares?(text: string, codes: readonly string[]): Promise<Map<string, number>>;
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

/**
 * The request's deadline came before `what` answered (usually the time went on waiting for the
 * database): the contract's 503 with Retry-After, so the client tries again, rather than the 504 of
 * an engine too slow for its own timeout.
 */
export const outOfTime = (what: string, cause?: unknown): AppError =>
  new AppError('TRANSLATION_UNAVAILABLE', `this request ran out of time before ${what} answered; try again in ${OUT_OF_TIME_RETRY_AFTER_S} s`, { 'Retry-After': String(OUT_OF_TIME_RETRY_AFTER_S) }, cause);
/** Provider named in a response whose text was already English and was returned unchanged. */
export const NO_PROVIDER = 'none';
