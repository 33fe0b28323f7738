import { createHash } from 'node:crypto';
import { jest } from '@jest/globals';
import { fakeDetector, fakeEngine, memoryCache, unsure } from '../../test/fakes/translation-ports.ts';
import { appErrorFrom } from '../../test/support/expectations.ts';
import { AppError } from '../errors.ts';
import { createTranslationService } from './translation-service.ts';

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
