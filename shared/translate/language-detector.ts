/**
 * Offline language detection with eld (Efficient Language Detector, Apache-2.0, 60 languages,
 * ISO 639-1 codes), with its small database (1.6 MB of n-grams). With Apertium, n-grams only order
 * languages whose dictionaries tie, or decide when the dictionaries know too few of the words, and
 * every eld database gave the same answers there on the bench's sample (npm run bench:translate;
 * eld has no Galician, Aragonese or Occitan, so they score 0 whichever is loaded); small also
 * recognises every sentence of test/fixtures/detection-sample.ts. The database is loaded on the
 * first question asked, not with the module: most texts are decided without it, and loading it is
 * most of a cold start's time and memory (docs/translation.md has the figures). The Lambda bundle
 * reads it as JSON instead (scripts/esbuild-data-files.cjs).
 */
import type { eld as Eld } from 'eld/small';
import type { LanguageGuess } from '../model.ts';

export interface LanguageDetector {
  /** Best guess among every language, or only among `candidates` when given. */
  detect(text: string, candidates?: readonly string[]): Promise<LanguageGuess>;
  /** Scores (0–1) of the candidates eld knows; languages it does not know are absent. */
  scores(text: string, candidates: readonly string[]): Promise<Map<string, number>>;
}

type EldInstance = typeof Eld;

/** `load` gives eld with its database; by default the small one, imported when first needed. */
export function createEldDetector(load: () => Promise<EldInstance> = async () => (await import('eld/small')).eld): LanguageDetector {
  let loaded: Promise<{ base: EldInstance; known: Set<string> }> | undefined;
  const loading = () =>
    (loaded ??= load().then(
      (base) => ({ base, known: new Set(Object.values(base.info().Languages as Record<string, string>)) }),
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    ));
  // One eld instance per candidate set: a subset is a setting of the instance.
  const instances = new Map<string, EldInstance>();
  const instanceFor = (base: EldInstance, candidates: readonly string[] | undefined) => {
    const key = candidates ? [...candidates].sort().join(',') : '';
    let instance = instances.get(key);
    if (!instance) {
      instance = base.newInstance();
      if (candidates) instance.setLanguageSubset([...candidates]);
      instances.set(key, instance);
    }
    return instance;
  };
  /** eld's result among the candidates it knows (a subset with unknown languages would be ignored whole); undefined when it knows none. */
  const detected = async (text: string, requested: readonly string[] | undefined) => {
    const { base, known } = await loading();
    const candidates = requested?.filter((code) => known.has(code));
    if (candidates?.length === 0) return undefined;
    return instanceFor(base, candidates).detect(text);
  };
  return {
    async detect(text, candidates) {
      const result = await detected(text, candidates);
      const language = result?.language || null;
      if (!result || !language) return { language: null, reliable: false };
      return { language, reliable: result.isReliable(), score: result.getScores()[language] };
    },
    async scores(text, candidates) {
      const result = await detected(text, candidates);
      return new Map(result ? Object.entries(result.getScores() as Record<string, number>) : []);
    },
  };
}
