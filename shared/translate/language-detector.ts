/**
 * Offline language detection with eld (Efficient Language Detector, Apache-2.0, 60 languages,
 * ISO 639-1 codes). Every eld database detects every sentence of our sample (npm run
 * bench:translate); medium is the middle ground bundled here: 2 MB of n-grams, loaded from the
 * package in about 0.35 s, against 4.5 MB and about 1 s for large, which only wins on two-word
 * texts. The Lambda bundle reads them as JSON instead (scripts/esbuild-data-files.cjs).
 */
import { eld } from 'eld/medium';

export interface LanguageGuess {
  /** ISO 639-1 code, or null when the text has nothing to go by (digits, symbols). */
  language: string | null;
  /** eld's own confidence check: enough n-grams and a clear winner. */
  reliable: boolean;
  /** eld's score of that language (0–1). */
  score?: number;
}

export interface LanguageDetector {
  /** Best guess among every language, or only among `candidates` when given. */
  detect(text: string, candidates?: readonly string[]): LanguageGuess;
  /** Scores (0–1) of the candidates eld knows; languages it does not know are absent. */
  scores(text: string, candidates: readonly string[]): Map<string, number>;
}

export function createEldDetector(): LanguageDetector {
  // One eld instance per candidate set: a subset is a setting of the instance.
  const instances = new Map<string, typeof eld>();
  const known = new Set(Object.values(eld.info().Languages as Record<string, string>));
  const instanceFor = (requested: readonly string[] | undefined) => {
    // A subset of languages eld does not know would be ignored whole, so they are left out of it.
    const candidates = requested?.filter((code) => known.has(code));
    const key = candidates ? [...candidates].sort().join(',') : '';
    let instance = instances.get(key);
    if (!instance) {
      instance = eld.newInstance();
      if (candidates) instance.setLanguageSubset([...candidates]);
      instances.set(key, instance);
    }
    return instance;
  };
  return {
    detect(text, candidates) {
      if (candidates && !candidates.some((code) => known.has(code))) return { language: null, reliable: false };
      const result = instanceFor(candidates).detect(text);
      const language = result.language || null;
      return { language, reliable: language !== null && result.isReliable(), ...(language && { score: result.getScores()[language] }) };
    },
    scores(text, candidates) {
      if (!candidates.some((code) => known.has(code))) return new Map();
      return new Map(Object.entries(instanceFor(candidates).detect(text).getScores() as Record<string, number>));
    },
  };
}
