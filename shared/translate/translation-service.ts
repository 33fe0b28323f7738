/**
 * What every engine shares, around one TranslationEngine: the source language (given, else
 * detected offline for engines that do not detect), English returned as is, the cache, long text
 * split into segments sent in batches, and no answer that is still the input taken for a translation.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../errors.ts';
import type { FluencyScorer } from '../text/english-fluency.ts';
import { batchSegments, DEFAULT_MAX_SEGMENT_CHARS, segmentText, type SegmentedText } from './segments.ts';
import type { LanguageDetector } from './language-detector.ts';
import { dominantScript, SCRIPT_NAMES, scriptShare, writersOfLetters } from './writing-systems.ts';
import {
  NO_PROVIDER,
  TARGET_LANGUAGE,
  type Detection,
  type EngineBatch,
  type EngineLanguage,
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
  /** Scores English; with it, languages whose dictionaries tie on a short text are told apart by their translations. */
  fluency?: FluencyScorer;
  /** The languages whose reading may win such a tie; default TIE_BREAK_LANGUAGES. */
  tieBreakLanguages?: ReadonlySet<string>;
}

/** The cache key's source when the engine detected the language itself. */
const AUTO = 'auto';
/** Below this share of known words, no dictionary of the engine's knows the text's language. */
const MIN_KNOWN_SHARE = 0.5;
/** n-gram scores only break near-ties in known words: at most one word in ten of a sentence. */
const NGRAM_WEIGHT = 0.1;
/** Tied readings are translated and compared only in text this short (chat messages, titles), where ties happen. */
const MAX_COMPARED_CHARS = 200;
/** More languages than this tied say the text is too short to tell; comparing them would cost a translation each. */
const MAX_COMPARED_READINGS = 3;
/** A reading's translation replaces n-grams' choice only when it reads this much better (mean log-probability per word). */
const FLUENCY_MARGIN = 0.5;
/**
 * Where the tie-break's reading may replace n-grams' choice: the languages for which it won on the
 * tuning half of the bench's sample and again on the test half (docs/translation.md). Elsewhere it
 * lost or had no evidence, and the tied languages are only named.
 */
export const TIE_BREAK_LANGUAGES: ReadonlySet<string> = new Set(['gl', 'oc', 'mk']);

export interface ChosenSource {
  /** The code handed to the engine; undefined lets it detect. */
  source: string | undefined;
  detection?: Detection;
  /** The engine's answers for that source when choosing it took translating the text. */
  translated?: EngineBatch[];
}

/** The engine's answers for the segments, one batch at a time: each call has its own timeout, and a failure stops before paying for more. */
async function translateInBatches(engine: TranslationEngine, segments: readonly string[], source: string | undefined): Promise<EngineBatch[]> {
  const results: EngineBatch[] = [];
  for (const batch of batchSegments(segments, engine)) results.push(await engine.translateBatch(batch.map((i) => segments[i]!), source));
  return results;
}

const joined = (segmented: SegmentedText, results: readonly EngineBatch[]) => segmented.join(results.flatMap((result) => result.texts));

/**
 * Chooses the source to hand the engine: given (in the engine's code), else detected when the
 * engine cannot detect; exported for the bench, which measures detection alone.
 */
export function createSourceChooser({
  engine,
  detector,
  fluency,
  tieBreakLanguages = TIE_BREAK_LANGUAGES,
  maxSegmentChars = DEFAULT_MAX_SEGMENT_CHARS,
}: Omit<TranslationServiceOptions, 'cache'>): { chooseSource(text: string, given: string | undefined): Promise<ChosenSource> } {
  const fromGuess = (language: string, score: number | undefined): Detection => ({ language, confidence: round(score ?? null) });

  /** The source to hand the engine: given (in the engine's code), else detected when the engine cannot detect. */
  async function chooseSource(text: string, given: string | undefined): Promise<ChosenSource> {
    if (given) {
      if (given.toLowerCase() === TARGET_LANGUAGE || given.toLowerCase().startsWith(`${TARGET_LANGUAGE}-`)) return { source: TARGET_LANGUAGE };
      if (!engine.codeFor) return { source: given };
      const code = await engine.codeFor(given);
      if (!code) throw await unsupported(engine, given, false);
      await refuseEnglishAs(text, code);
      return { source: code };
    }
    // Only a confident English skips an engine that detects: a wrong skip would return untranslated text.
    if (engine.detectsSource) {
      const guess = await detector.detect(text);
      if (guess.reliable && guess.language === TARGET_LANGUAGE) return { source: TARGET_LANGUAGE, detection: fromGuess(TARGET_LANGUAGE, guess.score) };
      return { source: undefined };
    }
    return detectAmongEngineLanguages(text);
  }

  /**
   * English sent with another source is the client's mistake, not a text to translate: the English
   * dictionary knows most of its words and more of them than the given language's does. Words both
   * know ("Taxi", "Pizza", names) are translated, and may come back unchanged.
   */
  async function refuseEnglishAs(text: string, code: string): Promise<void> {
    if (code === TARGET_LANGUAGE || !engine.knownWordShares) return;
    const shares = await engine.knownWordShares(text, [code, TARGET_LANGUAGE]);
    const english = shares.get(TARGET_LANGUAGE);
    if (english === undefined || english < MIN_KNOWN_SHARE || english <= (shares.get(code) ?? 0)) return;
    throw new AppError('UNSUPPORTED_LANGUAGE', `The text looks like English, not "${code}"; English is returned as it is: send it with "source": "en" or without "source"`);
  }

  /**
   * For an engine that does not detect: the text's script rules out languages the engine does not
   * read in it; then the language whose dictionary knows most of the words wins (eld's n-gram score
   * breaks ties), which is right on two-word texts where n-grams among sixty languages are not.
   */
  async function detectAmongEngineLanguages(text: string): Promise<ChosenSource> {
    const languages = await engine.languages();
    const script = dominantScript(text);
    const reads = (language: EngineLanguage) => !language.scripts || (script !== null && language.scripts.includes(script));
    const readers = [...languages.filter(reads).map((l) => l.code), ...(script === null || script === 'Latn' ? [TARGET_LANGUAGE] : [])];
    if (script !== null && readers.length === 0) {
      const scripts = [...new Set(languages.flatMap((l) => l.scripts ?? []))].map((s) => SCRIPT_NAMES[s] ?? s);
      throw new AppError('UNSUPPORTED_LANGUAGE', `The text is in ${SCRIPT_NAMES[script] ?? script} script, which no ${engine.provider} language pair reads; it reads ${scripts.join(' and ')} script`);
    }
    // Letters only some languages write (ћ, ќ, þ) narrow the candidates to those the engine has; one decides.
    const writers = writersOfLetters(text)?.filter((code) => readers.includes(code));
    const candidates = writers?.length ? writers : readers;
    if (writers?.length === 1) return { source: writers[0], detection: { language: writers[0]!, confidence: 1 } };
    const shares = (await engine.knownWordShares?.(text, candidates)) ?? new Map<string, number>();
    if (shares.size === 0) return detectByNgrams(text, candidates);

    const byShare = candidates.filter((code) => shares.has(code)).sort((a, b) => shares.get(b)! - shares.get(a)!);
    const top = shares.get(byShare[0]!) ?? 0;
    if (top < MIN_KNOWN_SHARE) return detectUnknownWords(text, candidates);
    // n-grams (and eld's database with them) are needed only where they could change the order at the top.
    const close = byShare.filter((code) => top - shares.get(code)! <= NGRAM_WEIGHT);
    const ngram = close.length > 1 ? await detector.scores(text, close) : new Map<string, number>();
    const ranked = close
      .map((code) => ({ code, share: shares.get(code)!, score: shares.get(code)! + NGRAM_WEIGHT * (ngram.get(code) ?? 0) }))
      .sort((a, b) => b.score - a.score);
    const best = ranked[0]!;
    // Confidence: the share of known words, halved when another language's dictionary knows as many;
    // those languages are named, so a user can pass the source the text was meant in.
    const tied = ranked.filter((other) => other.share >= best.share).map((other) => other.code);
    const comparable = tied.length > 1 && tied.length <= MAX_COMPARED_READINGS && text.length <= MAX_COMPARED_CHARS;
    // n-grams' choice against the tied readings the tie-break may choose.
    const contenders = tied.filter((code, i) => i === 0 || tieBreakLanguages.has(code));
    const compared = fluency && comparable && contenders.length > 1 ? await compareReadings(text, contenders, fluency) : { code: best.code };
    const alternatives = tied.filter((code) => code !== compared.code);
    const confidence = alternatives.length > 0 ? best.share / 2 : best.share;
    return {
      source: compared.code,
      detection: { language: compared.code, confidence: round(confidence), ...(alternatives.length > 0 && { alternatives }) },
      ...(compared.translated && { translated: compared.translated }),
    };
  }

  /**
   * No dictionary knows half the words (everyday words some analysers miss, or another language):
   * eld among the engine's languages decides when it is sure; else eld among all its languages may
   * still name the language, which is more useful than "could not tell".
   */
  async function detectUnknownWords(text: string, candidates: string[]): Promise<ChosenSource> {
    const guess = await detector.detect(text);
    if (guess.reliable && guess.language && !candidates.includes(guess.language)) throw await unsupported(engine, guess.language, true);
    const narrowed = await detector.detect(text, candidates);
    if (narrowed.reliable && narrowed.language) return { source: narrowed.language, detection: fromGuess(narrowed.language, narrowed.score) };
    throw new AppError('UNSUPPORTED_LANGUAGE', `Could not tell which language the text is in among those ${engine.provider} translates; pass "source" (one of: ${candidates.join(', ')})`);
  }

  /**
   * Languages whose dictionaries know the words equally well: the text is translated from each, and
   * the reading whose English reads clearly best wins over n-grams' order (English reads as itself).
   * A reading that fails to translate is left out of the comparison.
   */
  async function compareReadings(text: string, codes: readonly string[], score: FluencyScorer): Promise<{ code: string; translated?: EngineBatch[] }> {
    const segmented = segmentText(text, maxSegmentChars);
    const readings = await Promise.allSettled(
      codes.map(async (code) => {
        const translated = code === TARGET_LANGUAGE ? undefined : await translateInBatches(engine, segmented.segments, code);
        return { code, translated, fluency: score(translated ? joined(segmented, translated) : text) };
      }),
    );
    const scored = readings.flatMap((reading) => (reading.status === 'fulfilled' ? [reading.value] : []));
    const first = scored.find((reading) => reading.code === codes[0]);
    const fluent = scored.reduce<(typeof scored)[number] | undefined>((a, b) => (a && a.fluency >= b.fluency ? a : b), undefined);
    if (!fluent) return { code: codes[0]! };
    return first && fluent.fluency - first.fluency < FLUENCY_MARGIN ? first : fluent;
  }

  /** Without dictionaries: eld's confident guess, else its best among the candidates. */
  async function detectByNgrams(text: string, candidates: string[]): Promise<ChosenSource> {
    const guess = await detector.detect(text);
    if (guess.reliable && guess.language) return { source: guess.language, detection: fromGuess(guess.language, guess.score) };
    const narrowed = await detector.detect(text, candidates);
    if (!narrowed.language) {
      throw new AppError('UNSUPPORTED_LANGUAGE', `Could not tell which language the text is in; pass "source" (one of: ${candidates.join(', ')})`);
    }
    return { source: narrowed.language, detection: fromGuess(narrowed.language, narrowed.score) };
  }

  return { chooseSource };
}

async function unsupported(engine: TranslationEngine, source: string, detected: boolean): Promise<AppError> {
  const supported = (await engine.supportedSources?.()) ?? [];
  const hint = detected ? ' (detected; pass "source" if that is wrong)' : '';
  return new AppError('UNSUPPORTED_LANGUAGE', `${engine.provider} cannot translate from "${source}"${hint} into English; it translates from: ${supported.join(', ')}`);
}

export function createTranslationService({ cache, ...options }: TranslationServiceOptions): Translator {
  const { engine, maxSegmentChars = DEFAULT_MAX_SEGMENT_CHARS } = options;
  const { chooseSource } = createSourceChooser(options);
  const asIs = (text: string, detection?: Detection): Translation => ({
    text,
    sourceLanguage: TARGET_LANGUAGE,
    provider: NO_PROVIDER,
    ...(detection && { detection }),
  });

  async function checkSupported(source: string, detected: boolean): Promise<void> {
    const supported = await engine.supportedSources?.();
    if (supported && !supported.includes(source)) throw await unsupported(engine, source, detected);
  }

  /** The text translated (or the answers detection already has for it), checked, in one answer. */
  async function translateSegments(text: string, source: string | undefined, ready: EngineBatch[] | undefined): Promise<Omit<Translation, 'detection'>> {
    const segmented = segmentText(text, maxSegmentChars);
    const results = ready ?? (await translateInBatches(engine, segmented.segments, source));
    let detected: string | null = null;
    let unknownWords: number | undefined;
    let route: string[] | undefined;
    for (const result of results) {
      detected ??= result.sourceLanguage;
      if (result.unknownWords !== undefined) unknownWords = (unknownWords ?? 0) + result.unknownWords;
      route ??= result.route;
    }
    const output = joined(segmented, results);
    refuseUntranslated(text, output, unknownWords !== undefined);
    return {
      text: output,
      sourceLanguage: source ?? detected,
      provider: engine.provider,
      ...(route && { route }),
      ...(unknownWords !== undefined && { unknownWords }),
    };
  }

  /**
   * An answer mostly in a script English is not written in is no translation; nor is one that is
   * still the input, unless the engine accounted for every word (Apertium's unknown words): then the
   * words read the same in English ("Taxi", "B", names) or are counted as unknown, and it stands.
   */
  function refuseUntranslated(input: string, output: string, wordsAccounted: boolean): void {
    const words = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    const inputWords = words(input);
    if (!/\p{L}/u.test(inputWords)) return;
    if (!wordsAccounted && words(output) === inputWords) {
      throw new AppError('UPSTREAM_FAILED', `${engine.provider} returned the text untranslated; nothing was stored (pass "source" if the detected language is wrong)`);
    }
    // English is written in Latin script: an answer mostly in another is the input's script left over, or not English.
    const script = dominantScript(output);
    if (script !== null && script !== 'Latn' && scriptShare(output, 'Latn') < 0.5) {
      throw new AppError(
        'UPSTREAM_FAILED',
        `${engine.provider}'s answer is still mostly in ${SCRIPT_NAMES[script] ?? script} script, not a translation into English; nothing was stored`,
      );
    }
  }

  return {
    provider: engine.provider,
    languages: () => engine.languages(),
    async translate({ text, source: given }: TranslationRequest): Promise<Translation> {
      const { source, detection, translated } = await chooseSource(text, given);
      if (source === TARGET_LANGUAGE) return asIs(text, detection);
      if (source !== undefined) await checkSupported(source, detection !== undefined);

      const key = {
        provider: engine.provider,
        source: source ?? AUTO,
        target: TARGET_LANGUAGE,
        textHash: createHash('sha256').update(text, 'utf8').digest('hex'),
      };
      const cached = await cache?.get(key);
      const detected = (reported: string | null) =>
        detection ?? (source === undefined && reported !== null ? { language: reported, confidence: null } : undefined);
      if (cached) {
        // The cache keeps text, source language and unknown words; the route is the engine's for that source.
        const route = engine.detectsSource ? undefined : (await engine.languages()).find((l) => l.code === source)?.route;
        const found = detected(cached.sourceLanguage);
        return { ...cached, provider: engine.provider, ...(route && { route }), ...(found && { detection: found }) };
      }

      const translation = await translateSegments(text, source, translated);
      const { text: output, sourceLanguage, unknownWords } = translation;
      await cache?.put(key, { text: output, sourceLanguage, ...(unknownWords !== undefined && { unknownWords }) });
      const found = detected(translation.sourceLanguage);
      return { ...translation, ...(found && { detection: found }) };
    },
  };
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
