/** What the engine reports (routes, unknown words, failures, detection readings) and how the translation service passes it on. */
import { fakeDetector, fakeEngine, memoryCache, unsure } from '../../test/fakes/translation-ports.ts';
import { appErrorFrom } from '../../test/support/expectations.ts';
import { AppError } from '../errors.ts';
import type { LanguageGuess } from '../model.ts';
import type { LanguageDetector } from './language-detector.ts';
import { createTranslationService } from './translation-service.ts';

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
