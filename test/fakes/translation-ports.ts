/** Stand-ins for the translation service's ports: an engine, a detector and a cache, each recording what it was asked. */
import type { CachedTranslation, LanguageGuess, TranslationCacheKey } from '../../shared/model.ts';
import type { LanguageDetector } from '../../shared/translate/language-detector.ts';
import type { EngineBatch, TranslationCache, TranslationEngine } from '../../shared/translate/translator.ts';

/** An engine that upper-cases and records its calls. */
export function fakeEngine(overrides: Partial<TranslationEngine> = {}) {
  const calls: Array<{ segments: readonly string[]; source: string | undefined }> = [];
  const engine: TranslationEngine = {
    provider: 'fake',
    detectsSource: true,
    maxBatchSegments: 2,
    maxBatchChars: 1_000,
    async translateBatch(segments, source): Promise<EngineBatch> {
      calls.push({ segments, source });
      return { texts: segments.map((s) => s.toUpperCase()), sourceLanguage: source ?? 'es' };
    },
    // Every language it translates from, read in any script.
    languages: async () => ((await engine.supportedSources?.()) ?? []).map((code) => ({ code, name: code })),
    ...overrides,
  };
  return { engine, calls };
}

/** Answers `guess` for every text, or `narrowed` when asked among candidates. */
export function fakeDetector(guess: LanguageGuess, narrowed: string | null = null) {
  const asked: Array<readonly string[] | undefined> = [];
  const detector: LanguageDetector = {
    detect: async (_text, candidates) => {
      asked.push(candidates);
      return candidates ? { language: narrowed, reliable: false } : guess;
    },
    scores: async () => new Map(),
  };
  return { detector, asked };
}

export function memoryCache() {
  const entries = new Map<string, CachedTranslation>();
  const id = (k: TranslationCacheKey) => JSON.stringify(k);
  const cache: TranslationCache = {
    get: async (key) => entries.get(id(key)) ?? null,
    put: async (key, value) => void entries.set(id(key), value),
  };
  return { cache, entries };
}


/** An unreliable guess of Italian, what a detector says of a text it cannot place. */
export const unsure: LanguageGuess = { language: 'it', reliable: false };
