/**
 * What every engine shares, around one TranslationEngine: the source language (given, else
 * detected offline for engines that do not detect), English returned as is, the cache, and long
 * text split into segments sent in batches.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../errors.ts';
import { batchSegments, DEFAULT_MAX_SEGMENT_CHARS, segmentText } from './segments.ts';
import type { LanguageDetector } from './language-detector.ts';
import {
  NO_PROVIDER,
  TARGET_LANGUAGE,
  type Translation,
  type TranslationCache,
  type TranslationEngine,
  type TranslationRequest,
  type Translator,
} from './translator.ts';

export interface TranslationServiceOptions {
  engine: TranslationEngine;
  detector: LanguageDetector;
  cache?: TranslationCache;
  maxSegmentChars?: number;
}

/** The cache key's source when the engine detected the language itself. */
const AUTO = 'auto';

export function createTranslationService({ engine, detector, cache, maxSegmentChars = DEFAULT_MAX_SEGMENT_CHARS }: TranslationServiceOptions): Translator {
  const asIs = (text: string): Translation => ({ text, sourceLanguage: TARGET_LANGUAGE, provider: NO_PROVIDER });

  /** The source to hand the engine: given, else detected when the engine cannot detect; undefined lets it detect. */
  async function chooseSource(text: string, given: string | undefined): Promise<{ source: string | undefined; detected: boolean }> {
    if (given) return { source: given, detected: false };
    const guess = detector.detect(text);
    // Only a confident English skips the engine: a wrong skip would return untranslated text.
    if (guess.reliable && guess.language === TARGET_LANGUAGE) return { source: TARGET_LANGUAGE, detected: true };
    if (engine.detectsSource) return { source: undefined, detected: false };
    if (guess.reliable) return { source: guess.language!, detected: true };
    // Unsure among all languages: the best guess among those the engine knows (and English) is
    // right far more often on short text than an unreliable guess among sixty.
    const candidates = [...(await engine.supportedSources!()), TARGET_LANGUAGE];
    const narrowed = detector.detect(text, candidates).language;
    if (!narrowed) {
      throw new AppError('UNSUPPORTED_LANGUAGE', `Could not tell which language the text is in; pass "source" (one of: ${candidates.join(', ')})`);
    }
    return { source: narrowed, detected: true };
  }

  async function checkSupported(source: string, detected: boolean): Promise<void> {
    const supported = await engine.supportedSources?.();
    if (!supported || supported.includes(source)) return;
    const hint = detected ? ' (detected; pass "source" if that is wrong)' : '';
    throw new AppError(
      'UNSUPPORTED_LANGUAGE',
      `${engine.provider} cannot translate from "${source}"${hint} into English; it translates from: ${supported.join(', ')}`,
    );
  }

  async function translateSegments(text: string, source: string | undefined): Promise<Translation> {
    const segmented = segmentText(text, maxSegmentChars);
    const translated: string[] = [];
    let detected: string | null = null;
    // One batch at a time: each call has its own timeout, and a failure stops before paying for more.
    for (const batch of batchSegments(segmented.segments, engine)) {
      const result = await engine.translateBatch(
        batch.map((i) => segmented.segments[i]!),
        source,
      );
      translated.push(...result.texts);
      detected ??= result.sourceLanguage;
    }
    return { text: segmented.join(translated), sourceLanguage: source ?? detected, provider: engine.provider };
  }

  return {
    provider: engine.provider,
    async translate({ text, source: given }: TranslationRequest): Promise<Translation> {
      const { source, detected } = await chooseSource(text, given);
      if (source === TARGET_LANGUAGE) return asIs(text);
      if (source !== undefined) await checkSupported(source, detected);

      const key = {
        provider: engine.provider,
        source: source ?? AUTO,
        target: TARGET_LANGUAGE,
        textHash: createHash('sha256').update(text, 'utf8').digest('hex'),
      };
      const cached = await cache?.get(key);
      if (cached) return { ...cached, provider: engine.provider };

      const translation = await translateSegments(text, source);
      await cache?.put(key, { text: translation.text, sourceLanguage: translation.sourceLanguage });
      return translation;
    },
  };
}
