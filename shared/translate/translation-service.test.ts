import { createHash } from 'node:crypto';
import { appErrorFrom } from '../../test/support/expectations.ts';
import { jest } from '@jest/globals';
import { AppError } from '../errors.ts';
import type { CachedTranslation, LanguageGuess, TranslationCacheKey } from '../model.ts';
import type { LanguageDetector } from './language-detector.ts';
import { createTranslationService } from './translation-service.ts';
import type { EngineBatch, TranslationCache, TranslationEngine } from './translator.ts';

/** An engine that upper-cases and records its calls. */
function fakeEngine(overrides: Partial<TranslationEngine> = {}) {
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
function fakeDetector(guess: LanguageGuess, narrowed: string | null = null) {
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

function memoryCache() {
  const entries = new Map<string, CachedTranslation>();
  const id = (k: TranslationCacheKey) => JSON.stringify(k);
  const cache: TranslationCache = {
    get: async (key) => entries.get(id(key)) ?? null,
    put: async (key, value) => void entries.set(id(key), value),
  };
  return { cache, entries };
}

const unsure: LanguageGuess = { language: 'it', reliable: false };
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');


describe('English input', () => {
  test('a given source of en returns the text as is without calling the engine', async () => {
    const { engine, calls } = fakeEngine();
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector });

    expect(await service.translate({ text: ' Hello there. ', source: 'en' })).toEqual({ text: ' Hello there. ', sourceLanguage: 'en', provider: 'none' });
    expect(calls).toEqual([]);
  });

  test('text confidently detected as English is returned as is', async () => {
    const { engine, calls } = fakeEngine();
    const service = createTranslationService({ engine, detector: fakeDetector({ language: 'en', reliable: true }).detector });

    expect(await service.translate({ text: 'Hello there, how are you?' })).toEqual({
      text: 'Hello there, how are you?',
      sourceLanguage: 'en',
      provider: 'none',
      detection: { language: 'en', confidence: null },
    });
    expect(calls).toEqual([]);
  });

  test('English without confidence still goes to an engine that detects', async () => {
    const { engine, calls } = fakeEngine();
    const service = createTranslationService({ engine, detector: fakeDetector({ language: 'en', reliable: false }).detector });

    await service.translate({ text: 'ok' });
    expect(calls).toHaveLength(1);
  });
});

describe('source language', () => {
  test('an engine that detects gets no source and reports its own detection', async () => {
    const { engine, calls } = fakeEngine();
    const service = createTranslationService({ engine, detector: fakeDetector({ language: 'pt', reliable: true }).detector });

    expect(await service.translate({ text: 'hola' })).toEqual({ text: 'HOLA', sourceLanguage: 'es', provider: 'fake', detection: { language: 'es', confidence: null } });
    expect(calls[0]!.source).toBeUndefined();
  });

  test('an engine that does not detect gets a confident detection', async () => {
    const { engine, calls } = fakeEngine({ detectsSource: false, supportedSources: async () => ['ca', 'es'] });
    const service = createTranslationService({ engine, detector: fakeDetector({ language: 'ca', reliable: true }).detector });

    expect(await service.translate({ text: 'El gos menja.' })).toEqual({ text: 'EL GOS MENJA.', sourceLanguage: 'ca', provider: 'fake', detection: { language: 'ca', confidence: null } });
    expect(calls[0]!.source).toBe('ca');
  });

  test('an unsure detection is narrowed to the languages the engine translates, plus English', async () => {
    const { engine, calls } = fakeEngine({ detectsSource: false, supportedSources: async () => ['ca', 'es'] });
    const { detector, asked } = fakeDetector(unsure, 'es');
    const service = createTranslationService({ engine, detector });

    expect((await service.translate({ text: 'hola' })).sourceLanguage).toBe('es');
    expect(asked).toEqual([undefined, ['ca', 'es', 'en']]);
    expect(calls[0]!.source).toBe('es');
  });

  test('narrowed to English, the text is returned as is', async () => {
    const { engine, calls } = fakeEngine({ detectsSource: false, supportedSources: async () => ['es'] });
    const service = createTranslationService({ engine, detector: fakeDetector(unsure, 'en').detector });

    expect((await service.translate({ text: 'Hello' })).provider).toBe('none');
    expect(calls).toEqual([]);
  });

  test('nothing to detect from is 422 asking for a source', async () => {
    const { engine } = fakeEngine({ detectsSource: false, supportedSources: async () => ['es'] });
    const service = createTranslationService({ engine, detector: fakeDetector({ language: null, reliable: false }, null).detector });

    const err = await appErrorFrom(service.translate({ text: '12345' }));
    expect(err.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(err.message).toMatch(/pass "source".*es, en/);
  });

  test('a given source the engine does not translate is 422 naming it and what is supported', async () => {
    const { engine, calls } = fakeEngine({ detectsSource: false, supportedSources: async () => ['ca', 'es'] });
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector });

    const err = await appErrorFrom(service.translate({ text: 'bonjour', source: 'fr' }));
    expect(err.status).toBe(422);
    expect(err.message).toBe('fake cannot translate from "fr" into English; it translates from: ca, es');
    expect(calls).toEqual([]);
  });

  test('a detected source the engine does not translate is 422 saying it was detected', async () => {
    const { engine } = fakeEngine({ detectsSource: false, supportedSources: async () => ['es'] });
    const service = createTranslationService({ engine, detector: fakeDetector({ language: 'de', reliable: true }).detector });

    const err = await appErrorFrom(service.translate({ text: 'Guten Morgen, wie geht es dir?' }));
    expect(err.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(err.message).toBe('fake cannot translate from "de" (detected; pass "source" if that is wrong) into English; it translates from: es');
  });
});

describe('answers that are no translation', () => {
  test('an answer that is still the input is 502 UPSTREAM_FAILED, and nothing is cached', async () => {
    const { engine } = fakeEngine({ translateBatch: async (segments) => ({ texts: [...segments], sourceLanguage: 'es' }) });
    const { cache, entries } = memoryCache();
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector, cache });

    const err = await appErrorFrom(service.translate({ text: 'Hola, amigo.' }));
    expect(err.code).toBe('UPSTREAM_FAILED');
    expect(err.status).toBe(502);
    expect(err.message).toMatch(/untranslated/);
    expect(entries.size).toBe(0);
  });

  test('an answer still mostly in the source\'s script is 502 UPSTREAM_FAILED', async () => {
    const { engine } = fakeEngine({ translateBatch: async () => ({ texts: ['Thanks вам пуно на помоћи.'], sourceLanguage: 'sr' }) });
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector });

    const err = await appErrorFrom(service.translate({ text: 'Хвала вам пуно на помоћи.', source: 'sr' }));
    expect(err.code).toBe('UPSTREAM_FAILED');
    expect(err.message).toMatch(/Cyrillic script/);
  });

  test('text with no letters (digits, symbols) may come back as it was', async () => {
    const { engine } = fakeEngine({ translateBatch: async (segments) => ({ texts: [...segments], sourceLanguage: 'es' }) });
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector });
    expect((await service.translate({ text: '12 345', source: 'es' })).text).toBe('12 345');
  });

  test('an answer that is still the input is a translation when the engine accounted for its words (the same in English), and is cached', async () => {
    const { engine } = fakeEngine({ translateBatch: async (segments) => ({ texts: [...segments], sourceLanguage: 'it', unknownWords: 0 }) });
    const { cache, entries } = memoryCache();
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector, cache });

    expect(await service.translate({ text: 'Pizza', source: 'it' })).toEqual({ text: 'Pizza', sourceLanguage: 'it', provider: 'fake', unknownWords: 0 });
    expect(entries.size).toBe(1);
  });
});

describe('English sent with another source', () => {
  const dictionaries = (english: number, given: number) =>
    fakeEngine({ detectsSource: false, supportedSources: async () => ['es'], codeFor: async (tag) => tag, knownWordShares: async () => new Map([['es', given], ['en', english]]) });

  test('is 422 saying it looks like English, without calling the engine', async () => {
    const { engine, calls } = dictionaries(1, 0.4);
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector });

    const err = await appErrorFrom(service.translate({ text: 'Where is the station?', source: 'es' }));
    expect(err.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/looks like English, not "es"/);
    expect(calls).toEqual([]);
  });

  test('words both dictionaries know as well, or English the given one knows better, are translated', async () => {
    for (const [english, given] of [[1, 1], [0.6, 0.8], [0.4, 0]]) {
      const { engine, calls } = dictionaries(english!, given!);
      const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector });
      expect((await service.translate({ text: 'Taxi', source: 'es' })).provider).toBe('fake');
      expect(calls).toHaveLength(1);
    }
  });
});

describe('what the engine reports', () => {
  test('route and unknown words are summed over batches and passed on; a cached answer keeps both', async () => {
    let batches = 0;
    const { engine } = fakeEngine({
      detectsSource: false,
      maxBatchSegments: 1,
      supportedSources: async () => ['fr'],
      languages: async () => [{ code: 'fr', name: 'French', route: ['fr', 'es', 'en'] }],
      translateBatch: async (segments) => {
        batches++;
        return { texts: segments.map((s) => s.toUpperCase()), sourceLanguage: 'fr', unknownWords: 2, route: ['fr', 'es', 'en'] };
      },
    });
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector, cache: memoryCache().cache, maxSegmentChars: 14 });

    expect(await service.translate({ text: 'Un deux. Trois quatre.', source: 'fr' })).toEqual({
      text: 'UN DEUX. TROIS QUATRE.', sourceLanguage: 'fr', provider: 'fake', route: ['fr', 'es', 'en'], unknownWords: 4,
    });
    expect(await service.translate({ text: 'Un deux. Trois quatre.', source: 'fr' })).toEqual({
      text: 'UN DEUX. TROIS QUATRE.', sourceLanguage: 'fr', provider: 'fake', route: ['fr', 'es', 'en'], unknownWords: 4,
    });
    expect(batches).toBe(2);
  });

  test('a given tag is mapped to the engine\'s code; one it has none for is 422', async () => {
    const { engine, calls } = fakeEngine({
      detectsSource: false,
      supportedSources: async () => ['pt'],
      codeFor: async (tag) => (tag.startsWith('pt') ? 'pt' : undefined),
    });
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector });

    expect((await service.translate({ text: 'Olá', source: 'pt-BR' })).sourceLanguage).toBe('pt');
    expect(calls[0]!.source).toBe('pt');
    const err = await appErrorFrom(service.translate({ text: '你好', source: 'zh-TW' }));
    expect(err.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(err.message).toMatch(/"zh-TW"/);
  });

  test('detection among the engine\'s languages goes by known words; eld breaks a tie and the tied languages are named', async () => {
    const { engine } = fakeEngine({
      detectsSource: false,
      supportedSources: async () => ['es', 'gl', 'pt'],
      knownWordShares: async () => new Map([['es', 1], ['gl', 1], ['pt', 0.5], ['en', 0]]),
    });
    const detector: LanguageDetector = { detect: async () => ({ language: 'pt', reliable: true }), scores: async () => new Map([['es', 0.7], ['pt', 0.75]]) };
    const service = createTranslationService({ engine, detector });

    expect(await service.translate({ text: 'Hola amigo' })).toEqual(expect.objectContaining({ sourceLanguage: 'es', detection: { language: 'es', confidence: 0.5, alternatives: ['gl'] } }));
  });

  describe('a tie in known words, told apart by the translations', () => {
    // Each language's "translation" names it, so the fake fluency can prefer one reading.
    const tiedEngine = (languages: string[], failing: string[] = []) => {
      const translated: string[] = [];
      const { engine } = fakeEngine({
        detectsSource: false,
        supportedSources: async () => languages,
        knownWordShares: async () => new Map([...languages.map((code) => [code, 1] as [string, number]), ['en', 0]]),
        translateBatch: async (segments, source) => {
          translated.push(source!);
          if (failing.includes(source!)) throw new AppError('UPSTREAM_FAILED', 'boom');
          return { texts: segments.map((segment) => `${segment} as ${source}`), sourceLanguage: source ?? null };
        },
      });
      return { engine, translated };
    };
    // n-grams rank es first; gl's reading scores `glScore` against 0 for every other.
    const detector: LanguageDetector = { detect: async () => ({ language: 'es', reliable: false }), scores: async () => new Map([['es', 0.8], ['pt', 0.7]]) };
    const fluency = (glScore: number) => (english: string) => (english.endsWith(' as gl') ? glScore : 0);

    test('the reading whose English reads clearly better wins; it is translated once, only readings the tie-break may choose are translated (pt is not among them), and the others are named', async () => {
      const { engine, translated } = tiedEngine(['es', 'gl', 'pt']);
      const service = createTranslationService({ engine, detector, fluency: fluency(1) });
      expect(await service.translate({ text: 'Boas noites' })).toEqual({
        text: 'Boas noites as gl', sourceLanguage: 'gl', provider: 'fake', detection: { language: 'gl', confidence: 0.5, alternatives: ['es', 'pt'] },
      });
      expect(translated.sort()).toEqual(['es', 'gl']);
    });

    test('a reading in a language the tie-break may not choose leaves n-grams\' choice, without translating, and is named', async () => {
      const { engine, translated } = tiedEngine(['es', 'gl']);
      const service = createTranslationService({ engine, detector, fluency: fluency(9), tieBreakLanguages: new Set(['pt']) });
      expect((await service.translate({ text: 'Boas noites' })).detection).toEqual({ language: 'es', confidence: 0.5, alternatives: ['gl'] });
      expect(translated).toEqual(['es']);
    });

    test('a reading only slightly better leaves n-grams\' choice; without a scorer nothing is translated twice', async () => {
      const { engine } = tiedEngine(['es', 'gl', 'pt']);
      expect((await createTranslationService({ engine, detector, fluency: fluency(0.2) }).translate({ text: 'Boas noites' })).detection).toEqual({
        language: 'es', confidence: 0.5, alternatives: ['pt', 'gl'],
      });
      const { engine: plain, translated } = tiedEngine(['es', 'gl']);
      expect((await createTranslationService({ engine: plain, detector }).translate({ text: 'Boas noites' })).sourceLanguage).toBe('es');
      expect(translated).toEqual(['es']);
    });

    test('a reading that fails is left out; more than three tied languages, or a long text, are not compared', async () => {
      const { engine } = tiedEngine(['es', 'gl', 'pt'], ['gl']);
      expect((await createTranslationService({ engine, detector, fluency: fluency(9) }).translate({ text: 'Boas noites' })).sourceLanguage).toBe('es');

      const many = ['es', 'gl', 'pt', 'an'];
      let compared = 0;
      const counting = (english: string) => (compared++, fluency(9)(english));
      const { engine: five } = tiedEngine(many);
      expect((await createTranslationService({ engine: five, detector, fluency: counting }).translate({ text: 'Bon dia' })).detection?.alternatives).toEqual(['pt', 'gl', 'an']);
      const { engine: two } = tiedEngine(['es', 'gl']);
      expect((await createTranslationService({ engine: two, detector, fluency: counting }).translate({ text: 'Boas noites. '.repeat(20) })).sourceLanguage).toBe('es');
      expect(compared).toBe(0);
    });
  });

  test('dictionaries that decide leave n-grams (and eld\'s database) unasked; n-grams order only the languages close to the top', async () => {
    const { engine } = fakeEngine({
      detectsSource: false,
      supportedSources: async () => ['es', 'gl', 'pt'],
      knownWordShares: async () => new Map([['es', 1], ['gl', 0.95], ['pt', 0.5], ['en', 0]]),
    });
    const asked: string[][] = [];
    const detector: LanguageDetector = {
      detect: async () => {
        throw new Error('not needed');
      },
      scores: async (_text, candidates) => (asked.push([...candidates]), new Map([['gl', 1]])),
    };
    const service = createTranslationService({ engine, detector });
    expect((await service.translate({ text: 'Hola amigo' })).detection).toEqual({ language: 'gl', confidence: 0.48, alternatives: ['es'] });
    expect(asked).toEqual([['es', 'gl']]);

    const decided = fakeEngine({ detectsSource: false, supportedSources: async () => ['es', 'gl'], knownWordShares: async () => new Map([['es', 1], ['gl', 0.5], ['en', 0]]) });
    expect((await createTranslationService({ engine: decided.engine, detector }).translate({ text: 'Hola amigo' })).detection).toEqual({ language: 'es', confidence: 1 });
    expect(asked).toHaveLength(1);
  });

  test('a script none of the engine\'s languages is read in is 422 naming it', async () => {
    const { engine, calls } = fakeEngine({
      detectsSource: false,
      supportedSources: async () => ['es'],
      languages: async () => [{ code: 'es', name: 'Spanish', scripts: ['Latn'] }],
    });
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector });

    const err = await appErrorFrom(service.translate({ text: 'Ο σκύλος τρώει.' }));
    expect(err.code).toBe('UNSUPPORTED_LANGUAGE');
    expect(err.message).toBe('The text is in Greek script, which no fake language pair reads; it reads Latin script');
    expect(calls).toEqual([]);
  });

  describe('words no dictionary knows', () => {
    const unknownToAll = fakeEngine({
      detectsSource: false,
      supportedSources: async () => ['is', 'hr', 'es'],
      knownWordShares: async (_text, codes) => new Map(codes.map((code) => [code, 0.25])),
      translateBatch: async (segments, source) => ({ texts: segments.map(() => 'translated'), sourceLanguage: source ?? null }),
    }).engine;
    const ngrams = (narrowed: LanguageGuess) => {
      const asked: Array<readonly string[] | undefined> = [];
      const detector: LanguageDetector = {
        detect: async (_text, candidates) => (asked.push(candidates), candidates ? narrowed : unsure),
        scores: async () => new Map(),
      };
      return { detector, asked };
    };

    test('are detected by n-grams among the engine\'s languages when those are sure', async () => {
      const { detector, asked } = ngrams({ language: 'is', reliable: true, score: 0.8 });
      const translation = await createTranslationService({ engine: unknownToAll, detector }).translate({ text: 'Viltu koma heim' });
      expect(translation).toEqual(expect.objectContaining({ sourceLanguage: 'is', detection: { language: 'is', confidence: 0.8 } }));
      expect(asked).toContainEqual(['is', 'hr', 'es', 'en']);
    });

    test('are 422 when n-grams are unsure too', async () => {
      const { detector } = ngrams({ language: 'hr', reliable: false, score: 0.3 });
      const err = await appErrorFrom(createTranslationService({ engine: unknownToAll, detector }).translate({ text: 'Xyzzy plugh' }));
      expect(err.code).toBe('UNSUPPORTED_LANGUAGE');
      expect(err.message).toMatch(/Could not tell/);
    });
  });

  describe('letters only one language writes', () => {
    // Dictionaries that favour the wrong neighbour, so only the letters can decide.
    const languages = [
      { code: 'sr', name: 'Serbian', scripts: ['Latn', 'Cyrl'] },
      { code: 'bs', name: 'Bosnian', scripts: ['Latn', 'Cyrl'] },
      { code: 'mk', name: 'Macedonian', scripts: ['Cyrl'] },
      { code: 'is', name: 'Icelandic', scripts: ['Latn'] },
      { code: 'da', name: 'Danish', scripts: ['Latn'] },
    ];
    const service = (shares: Record<string, number>) => {
      const { engine } = fakeEngine({
        detectsSource: false,
        supportedSources: async () => languages.map((l) => l.code),
        languages: async () => languages,
        knownWordShares: async (_text, codes) => new Map(codes.map((code) => [code, shares[code] ?? 0])),
        translateBatch: async (segments, source) => ({ texts: segments.map(() => 'translated'), sourceLanguage: source ?? null }),
      });
      return createTranslationService({ engine, detector: fakeDetector(unsure).detector });
    };

    test.each([
      ['Ќе се видиме во петок', { sr: 1, bs: 1 }, 'mk'],
      ['Þetta er bókin', { da: 1 }, 'is'],
      ['Góðan daginn', { da: 0.6, en: 0.6 }, 'is'],
    ])('%s is decided by its letters, whatever the dictionaries know', async (text, shares, language) => {
      expect((await service(shares).translate({ text })).detection).toEqual({ language, confidence: 1 });
    });

    test('ћ and ђ narrow the text to Serbian and Bosnian, which then go by known words', async () => {
      const detection = (await service({ mk: 1, sr: 0.75, bs: 0.5 }).translate({ text: 'Много ми се свиђа, ћао' })).detection;
      expect(detection).toEqual({ language: 'sr', confidence: 0.75 });
    });
  });
});

describe('long text', () => {
  test('is split at sentences within the segment limit, sent in batches, and joined with its whitespace', async () => {
    const { engine, calls } = fakeEngine({ maxBatchSegments: 2, maxBatchChars: 1_000 });
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector, maxSegmentChars: 20 });
    const text = 'Primera frase aquí.  Segunda frase.\n\nTercera frase larga.\tCuarta.';

    const result = await service.translate({ text, source: 'es' });

    expect(result.text).toBe(text.toUpperCase());
    expect(calls.map((c) => c.segments)).toEqual([['Primera frase aquí.', 'Segunda frase.'], ['Tercera frase larga.', 'Cuarta.']]);
    expect(calls.every((c) => c.source === 'es')).toBe(true);
  });

  test('the source reported is the first batch\'s detection', async () => {
    let call = 0;
    const { engine } = fakeEngine({
      maxBatchSegments: 1,
      translateBatch: async (segments) => ({ texts: segments.map((s) => s.toUpperCase()), sourceLanguage: call++ === 0 ? null : 'fr' }),
    });
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector, maxSegmentChars: 10 });

    expect((await service.translate({ text: 'Un deux. Trois quatre.' })).sourceLanguage).toBe('fr');
  });
});

describe('cache', () => {
  test('a repeated translation is served from the cache without calling the engine', async () => {
    const { engine, calls } = fakeEngine();
    const { cache, entries } = memoryCache();
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector, cache });

    const first = await service.translate({ text: 'hola' });
    const second = await service.translate({ text: 'hola' });

    expect(second).toEqual(first);
    expect(calls).toHaveLength(1);
    expect([...entries.keys()]).toEqual([JSON.stringify({ provider: 'fake', source: 'auto', target: 'en', textHash: sha256('hola') })]);
  });

  test('the key holds the source handed to the engine', async () => {
    const { engine } = fakeEngine();
    const { cache, entries } = memoryCache();
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector, cache });

    await service.translate({ text: 'hola', source: 'es' });
    await service.translate({ text: 'hola', source: 'pt' });

    expect([...entries.keys()].map((k) => JSON.parse(k).source)).toEqual(['es', 'pt']);
  });

  test('an engine failure caches nothing', async () => {
    const failure = new AppError('UPSTREAM_FAILED', 'down');
    const { engine } = fakeEngine({ translateBatch: () => Promise.reject(failure) });
    const { cache, entries } = memoryCache();
    const put = jest.spyOn(cache, 'put');
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector, cache });

    expect(await appErrorFrom(service.translate({ text: 'hola' }))).toBe(failure);
    expect(put).not.toHaveBeenCalled();
    expect(entries.size).toBe(0);
  });

  test('English returned as is is not cached', async () => {
    const { engine } = fakeEngine();
    const { cache, entries } = memoryCache();
    const service = createTranslationService({ engine, detector: fakeDetector(unsure).detector, cache });

    await service.translate({ text: 'Hello', source: 'en' });
    expect(entries.size).toBe(0);
  });
});
