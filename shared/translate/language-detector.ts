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
}

export interface LanguageDetector {
  /** Best guess among every language, or only among `candidates` when given. */
  detect(text: string, candidates?: readonly string[]): LanguageGuess;
}

export function createEldDetector(): LanguageDetector {
  // One eld instance per candidate set: a subset is a setting of the instance.
  const instances = new Map<string, typeof eld>();
  const instanceFor = (candidates: readonly string[] | undefined) => {
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
      const result = instanceFor(candidates).detect(text);
      return { language: result.language || null, reliable: result.language !== '' && result.isReliable() };
    },
  };
}
