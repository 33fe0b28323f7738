import { AppError } from '../errors.ts';
import { useGoogleTranslateStub, type GoogleTranslateStub } from '../../test/fakes/google-translate-stub.ts';
import { appErrorFrom } from '../../test/support/expectations.ts';
import { startSecretsManagerStub } from '../../test/fakes/secrets-manager-stub.ts';
import type { CachedTranslation } from '../model.ts';
import { translatorSettingsFrom } from '../config.ts';
import { selectTranslator, TranslatorConfigError } from './select-translator.ts';

// Keeps the selected Google client off the network.
const stubNow = useGoogleTranslateStub();
let stub: GoogleTranslateStub;
beforeEach(() => {
  stub = stubNow();
});

async function unavailableError(promise: Promise<unknown>): Promise<AppError> {
  const appError = await appErrorFrom(promise);
  expect(appError.code).toBe('TRANSLATION_UNAVAILABLE');
  expect(appError.status).toBe(503);
  return appError;
}

describe('selectTranslator', () => {
  test('a Google key selects Google, which translates', async () => {
    const translator = selectTranslator(translatorSettingsFrom({ GOOGLE_TRANSLATE_API_KEY: 'k1' }));

    expect(translator.provider).toBe('google');
    expect(await translator.translate({ text: 'hola' })).toEqual({ text: '[en] hola', sourceLanguage: 'es', provider: 'google', detection: { language: 'es', confidence: null } });
    expect(stub.requests.at(-1)?.key).toBe('k1');
  });

  test('TRANSLATE_PROVIDER=google with a key selects Google (case and spaces ignored)', () => {
    expect(selectTranslator(translatorSettingsFrom({ TRANSLATE_PROVIDER: 'google', GOOGLE_TRANSLATE_API_KEY: 'k' })).provider).toBe('google');
    expect(selectTranslator(translatorSettingsFrom({ TRANSLATE_PROVIDER: ' Google ', GOOGLE_TRANSLATE_API_KEY: 'k' })).provider).toBe('google');
  });

  test('nothing configured: selection succeeds, translating is a 503 saying how to configure', async () => {
    const translator = selectTranslator(translatorSettingsFrom({}));

    expect(translator.provider).toBe('none');
    const err = await unavailableError(translator.translate({ text: 'hola' }));
    expect(err.message).toMatch(/No translation engine is configured/);
    expect(err.message).toContain('GOOGLE_TRANSLATE_API_KEY');
    expect(err.message).toContain('GOOGLE_TRANSLATE_SECRET_ARN');
    expect(err.message).toContain('apt-get install apertium');
    expect(err.message).toContain('APERTIUM_URL');
  });

  test('blank values count as unset', async () => {
    const translator = selectTranslator(translatorSettingsFrom({ TRANSLATE_PROVIDER: '', GOOGLE_TRANSLATE_API_KEY: '  ' }));

    expect(translator.provider).toBe('none');
    await unavailableError(translator.translate({ text: 'hola' }));
  });

  test('TRANSLATE_PROVIDER=google without a key is a 503 naming what is missing', async () => {
    const translator = selectTranslator(translatorSettingsFrom({ TRANSLATE_PROVIDER: 'google' }));

    const err = await unavailableError(translator.translate({ text: 'hola' }));
    expect(err.message).toMatch(/TRANSLATE_PROVIDER is google/);
    expect(err.message).toContain('GOOGLE_TRANSLATE_API_KEY');
  });

  test('an unknown TRANSLATE_PROVIDER fails at selection', () => {
    expect(() => selectTranslator(translatorSettingsFrom({ TRANSLATE_PROVIDER: 'deepl', GOOGLE_TRANSLATE_API_KEY: 'k' }))).toThrow(TranslatorConfigError);
    expect(() => selectTranslator(translatorSettingsFrom({ TRANSLATE_PROVIDER: 'deepl' }))).toThrow(/Unknown TRANSLATE_PROVIDER "deepl"; use one of: google, apertium/);
  });

  test('an installed apertium command is chosen when no Google key is set, and translates', async () => {
    const translator = selectTranslator(translatorSettingsFrom({ PATH: process.env.PATH }));

    expect(translator.provider).toBe('apertium');
    expect(await translator.translate({ text: 'El perro come una manzana roja en la cocina.' })).toEqual({
      text: expect.stringMatching(/^The dog eats a red apple/),
      sourceLanguage: 'es',
      provider: 'apertium',
      detection: { language: 'es', confidence: 1 },
      unknownWords: 0,
    });
  });

  test('a Google key wins over an installed Apertium; TRANSLATE_PROVIDER=apertium overrides it', () => {
    expect(selectTranslator(translatorSettingsFrom({ PATH: process.env.PATH, GOOGLE_TRANSLATE_API_KEY: 'k' })).provider).toBe('google');
    expect(selectTranslator(translatorSettingsFrom({ PATH: process.env.PATH, GOOGLE_TRANSLATE_API_KEY: 'k', TRANSLATE_PROVIDER: 'apertium' })).provider).toBe('apertium');
  });

  test('APERTIUM_URL selects Apertium through an APy server', () => {
    expect(selectTranslator(translatorSettingsFrom({ APERTIUM_URL: 'http://127.0.0.1:2737' })).provider).toBe('apertium');
  });

  test('TRANSLATE_PROVIDER=apertium with neither a server nor the command is a 503 naming what is missing', async () => {
    const err = await unavailableError(selectTranslator(translatorSettingsFrom({ TRANSLATE_PROVIDER: 'apertium', PATH: '/nonexistent' })).translate({ text: 'hola' }));
    expect(err.message).toMatch(/TRANSLATE_PROVIDER is apertium but APERTIUM_URL is not set and the apertium command is not installed/);
  });

  test('GOOGLE_TRANSLATE_SECRET_ARN selects Google with the key read from Secrets Manager once', async () => {
    const secrets = await startSecretsManagerStub();
    const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:google-key';
    secrets.secrets.set(arn, 'key-from-secret');
    try {
      const translator = selectTranslator(translatorSettingsFrom({ GOOGLE_TRANSLATE_SECRET_ARN: arn, SECRETS_MANAGER_ENDPOINT: secrets.endpoint }));
      expect(translator.provider).toBe('google');

      await translator.translate({ text: 'hola' });
      await translator.translate({ text: 'adiós' });

      expect(stub.requests.map((r) => r.key)).toEqual(['key-from-secret', 'key-from-secret']);
      expect(secrets.requests).toEqual([arn]);
    } finally {
      await secrets.close();
    }
  });

  test('TRANSLATE_TIMEOUT_MS bounds each engine call', async () => {
    stub.respondWith(() => 'hang');
    const err = await selectTranslator(translatorSettingsFrom({ GOOGLE_TRANSLATE_API_KEY: 'k', TRANSLATE_TIMEOUT_MS: '150' }))
      .translate({ text: 'hola' })
      .catch((e: unknown) => e as AppError);
    expect(err).toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: 504 });
    expect(() => selectTranslator(translatorSettingsFrom({ GOOGLE_TRANSLATE_API_KEY: 'k', TRANSLATE_TIMEOUT_MS: 'soon' }))).toThrow(/TRANSLATE_TIMEOUT_MS must be a positive whole number/);
  });

  test('uses the cache it is given', async () => {
    const stored = new Map<string, CachedTranslation>();
    const cache = {
      get: async (key: object) => stored.get(JSON.stringify(key)) ?? null,
      put: async (key: object, value: CachedTranslation) => void stored.set(JSON.stringify(key), value),
    };
    const translator = selectTranslator(translatorSettingsFrom({ GOOGLE_TRANSLATE_API_KEY: 'k' }), { cache });

    const first = await translator.translate({ text: 'hola amigos' });
    expect(await translator.translate({ text: 'hola amigos' })).toEqual(first);
    expect(stub.requests).toHaveLength(1);
  });
});

describe('Google through the translation service (stub speaking the v2 wire format)', () => {
  const google = () => selectTranslator(translatorSettingsFrom({ GOOGLE_TRANSLATE_API_KEY: 'k' }));

  test('long text goes in sentence-bounded segments of at most 5,000 characters, in one batch, and comes back in order', async () => {
    const paragraph = Array.from({ length: 60 }, (_, i) => `Esta es la frase número ${i} del párrafo, escrita para llenar espacio.`).join(' ');
    const text = [paragraph, paragraph, paragraph].join('\n\n');

    const result = await google().translate({ text });

    expect(stub.requests).toHaveLength(1);
    const q: string[] = stub.requests[0]!.body.q;
    expect(q.length).toBeGreaterThan(1);
    for (const segment of q) {
      expect(segment.length).toBeLessThanOrEqual(5_000);
      expect(segment).toMatch(/espacio\.$/);
    }
    expect(result.text).toBe(expectedJoin(text, q));
    expect(result.text.replaceAll('[en] ', '')).toBe(text);
    expect(result.sourceLanguage).toBe('es');
  });

  test('text confidently English is returned as is and Google is not called', async () => {
    const text = 'The weather is lovely today, and we are going for a long walk in the park.';
    expect(await google().translate({ text })).toEqual({ text, sourceLanguage: 'en', provider: 'none', detection: { language: 'en', confidence: expect.any(Number) } });
    expect(stub.requests).toHaveLength(0);
  });

  test('an error answer is 502 UPSTREAM_FAILED', async () => {
    stub.respondWith(() => ({ status: 500, json: { error: { code: 500, message: 'backend' } } }));
    expect(await google().translate({ text: 'hola' }).catch((e: unknown) => e)).toMatchObject({ code: 'UPSTREAM_FAILED', status: 502 });
  });
});

/** What the stub's fake translation of each segment, joined with the original whitespace, gives. */
function expectedJoin(text: string, segments: string[]): string {
  let rest = text;
  let out = '';
  for (const segment of segments) {
    const at = rest.indexOf(segment);
    out += rest.slice(0, at) + `[en] ${segment}`;
    rest = rest.slice(at + segment.length);
  }
  return out + rest;
}
