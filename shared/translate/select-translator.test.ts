import { AppError } from '../errors.ts';
import { startGoogleTranslateStub, type GoogleTranslateStub } from '../../test/google-translate-stub.ts';
import { selectTranslator, TranslatorConfigError } from './select-translator.ts';

const ENDPOINT_VAR = 'GOOGLE_CLOUD_TRANSLATE_ENDPOINT';

let stub: GoogleTranslateStub;
let savedEndpoint: string | undefined;

// Keeps the selected Google client off the network.
beforeAll(async () => {
  stub = await startGoogleTranslateStub();
  savedEndpoint = process.env[ENDPOINT_VAR];
  process.env[ENDPOINT_VAR] = stub.endpoint;
});

afterAll(async () => {
  if (savedEndpoint === undefined) delete process.env[ENDPOINT_VAR];
  else process.env[ENDPOINT_VAR] = savedEndpoint;
  await stub.close();
});

async function unavailableError(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const appError = err as AppError;
  expect(appError.code).toBe('TRANSLATION_UNAVAILABLE');
  expect(appError.status).toBe(503);
  return appError;
}

describe('selectTranslator', () => {
  test('a Google key selects Google, which translates', async () => {
    const translator = selectTranslator({ GOOGLE_TRANSLATE_API_KEY: 'k1' });

    expect(translator.provider).toBe('google');
    expect(await translator.translate({ text: 'hola' })).toEqual({ text: '[en] hola', sourceLanguage: 'es', provider: 'google' });
    expect(stub.requests.at(-1)?.key).toBe('k1');
  });

  test('TRANSLATE_PROVIDER=google with a key selects Google (case and spaces ignored)', () => {
    expect(selectTranslator({ TRANSLATE_PROVIDER: 'google', GOOGLE_TRANSLATE_API_KEY: 'k' }).provider).toBe('google');
    expect(selectTranslator({ TRANSLATE_PROVIDER: ' Google ', GOOGLE_TRANSLATE_API_KEY: 'k' }).provider).toBe('google');
  });

  test('nothing configured: selection succeeds, translating is a 503 saying how to configure', async () => {
    const translator = selectTranslator({});

    expect(translator.provider).toBe('none');
    const err = await unavailableError(translator.translate({ text: 'hola' }));
    expect(err.message).toMatch(/No translation engine is configured/);
    expect(err.message).toContain('GOOGLE_TRANSLATE_API_KEY');
  });

  test('blank values count as unset', async () => {
    const translator = selectTranslator({ TRANSLATE_PROVIDER: '', GOOGLE_TRANSLATE_API_KEY: '  ' });

    expect(translator.provider).toBe('none');
    await unavailableError(translator.translate({ text: 'hola' }));
  });

  test('TRANSLATE_PROVIDER=google without a key is a 503 naming what is missing', async () => {
    const translator = selectTranslator({ TRANSLATE_PROVIDER: 'google' });

    const err = await unavailableError(translator.translate({ text: 'hola' }));
    expect(err.message).toMatch(/TRANSLATE_PROVIDER is google/);
    expect(err.message).toContain('GOOGLE_TRANSLATE_API_KEY');
  });

  test('an unknown TRANSLATE_PROVIDER fails at selection', () => {
    expect(() => selectTranslator({ TRANSLATE_PROVIDER: 'deepl', GOOGLE_TRANSLATE_API_KEY: 'k' })).toThrow(TranslatorConfigError);
    expect(() => selectTranslator({ TRANSLATE_PROVIDER: 'deepl' })).toThrow(/Unknown TRANSLATE_PROVIDER "deepl"; use one of: google/);
  });
});
