/**
 * Google Cloud Translation (v2, API key) as a TranslationEngine.
 *
 * Facts about @google-cloud/translate 9.x this relies on (read in its build/src/v2/index.js and
 * @google-cloud/common's util.js):
 * - The constructor replaces the whole base URL with GOOGLE_CLOUD_TRANSLATE_ENDPOINT when set
 *   (trailing slashes stripped), so that value must be a full URL ending in /language/translate/v2.
 *   It is read once, when the client is constructed.
 * - The key travels as the query parameter ?key=..., so transport errors (node-fetch's message,
 *   ApiError.response.request.href) contain it; we scrub it before keeping them as `cause`.
 * - translate() reads resp.data.translations inside its own callback, unguarded: a 200 answer without
 *   them throws there, out of reach of any caller, and takes the process down. So we send the same
 *   request through the client's request() (which adds the key and endpoint) and read the body
 *   ourselves: POST with {q: [...], target, format, source?}; the detected language is only in the raw
 *   body, data.translations[i].detectedSourceLanguage.
 * - There is no working timeout: teeny-request passes `timeout` to node-fetch 3, which ignores it,
 *   and no AbortSignal can be handed through request(). We race our own timer instead, set to the
 *   engine's timeout or the request's deadline, whichever comes first.
 * - autoRetry: false makes one attempt per call (test/stack counts them).
 */
import { Translate } from '@google-cloud/translate/build/src/v2/index.js';
import { requestDeadline, type DeadlineSource } from '../deadline.ts';
import { AppError } from '../errors.ts';
import { DEFAULT_TIMEOUT_MS, outOfTime, TARGET_LANGUAGE, type EngineBatch, type EngineLanguage, type TranslationEngine } from './translator.ts';

export const GOOGLE_PROVIDER = 'google';
const SUPPORTED_LANGUAGES_URL = 'https://cloud.google.com/translate/docs/languages';

export interface GoogleTranslatorOptions {
  /** The API key, or a function that fetches it (e.g. from Secrets Manager) on first use. */
  apiKey: string | (() => Promise<string>);
  /** Upper bound for one request to Google, in ms; default 10000. */
  timeoutMs?: number;
  /** The request's deadline (shared/deadline.ts), which ends a call sooner than timeoutMs when it comes first. */
  deadline?: DeadlineSource;
}

/** Marks our own timer firing, as opposed to anything the client throws. */
class DeadlineExceeded extends Error {
  constructor(
    readonly timeoutMs: number,
    /** The request's deadline came before the engine's own timeout. */
    readonly requestDeadline: boolean,
  ) {
    super(`no answer from Google Translate within ${timeoutMs} ms`);
    this.name = 'DeadlineExceeded';
  }
}

export function createGoogleEngine({ apiKey, timeoutMs = DEFAULT_TIMEOUT_MS, deadline = requestDeadline }: GoogleTranslatorOptions): TranslationEngine {
  if (!apiKey) throw new Error('createGoogleEngine: apiKey is required');
  if (!(timeoutMs > 0)) throw new Error(`createGoogleEngine: timeoutMs must be positive, got ${timeoutMs}`);

  // No client retries: its backoff (about 2 s, 4 s, 8 s plus jitter) cannot fit in our deadline and
  // would turn a quick 502 into a 504; the caller can simply retry.
  const newClient = (key: string) => ({ key, client: new Translate({ key, autoRetry: false }) });
  // A given key makes the client now (it reads its endpoint when constructed); a fetched key on first
  // use. The fetcher caches its own result, so a failed fetch is tried again next time.
  const ready = typeof apiKey === 'string' ? Promise.resolve(newClient(apiKey)) : undefined;
  let fetched: { key: string; client: Translate } | undefined;
  const clientNow = async () => {
    if (ready) return ready;
    const key = await (apiKey as () => Promise<string>)();
    if (fetched?.key !== key) fetched = newClient(key);
    return fetched;
  };

  /** One request through the client (which adds the key and endpoint), within its timeout and the request's deadline. */
  const call = async (options: { method: string; uri: string; json?: unknown; qs?: Record<string, string> }, source?: string): Promise<unknown> => {
    const { key, client } = await clientNow();
    const untilDeadline = (deadline() ?? Infinity) - Date.now();
    // Nothing is sent (nor paid for) that could not be answered in time.
    if (untilDeadline <= 0) throw toAppError(new DeadlineExceeded(0, true), key, source);
    const request = new Promise<unknown>((resolve, reject) => client.request(options, (err, response) => (err ? reject(err) : resolve(response))));
    try {
      return await withinTime(request, Math.min(timeoutMs, untilDeadline), untilDeadline < timeoutMs);
    } catch (err) {
      throw toAppError(err, key, source);
    }
  };

  // Google's list, read once per container; a failed read is tried again next time.
  let languages: Promise<EngineLanguage[]> | undefined;
  const readLanguages = async (): Promise<EngineLanguage[]> => {
    const response = (await call({ method: 'GET', uri: '/languages', qs: { target: TARGET_LANGUAGE } })) as { data?: { languages?: unknown } } | undefined;
    const listed = response?.data?.languages;
    if (!Array.isArray(listed)) throw new AppError('UPSTREAM_FAILED', 'Google Translate answered its language list without languages; try again later', {}, response);
    return listed.flatMap((entry: { language?: unknown; name?: unknown }) =>
      typeof entry?.language === 'string' && entry.language !== TARGET_LANGUAGE
        ? [{ code: entry.language, name: typeof entry.name === 'string' ? entry.name : entry.language }]
        : [],
    );
  };

  return {
    provider: GOOGLE_PROVIDER,
    detectsSource: true,
    languages() {
      return (languages ??= readLanguages().catch((error: unknown) => {
        languages = undefined;
        throw error;
      }));
    },
    // Google's v2 limits: 128 strings per request; 30,000 characters keeps the body far below its size limit.
    maxBatchSegments: 128,
    maxBatchChars: 30_000,
    async translateBatch(segments: readonly string[], source: string | undefined): Promise<EngineBatch> {
      // format 'text' explicitly: HTML would be parsed and re-escaped by Google.
      const body = { q: [...segments], target: TARGET_LANGUAGE, format: 'text', ...(source ? { source } : {}) };
      const apiResponse = await call({ method: 'POST', uri: '', json: body }, source);
      const translated = (apiResponse as { data?: { translations?: Array<{ translatedText?: unknown }> } } | undefined)?.data?.translations?.map(
        (t) => t?.translatedText,
      );
      if (!Array.isArray(translated) || translated.length !== segments.length || !translated.every((t) => typeof t === 'string')) {
        throw new AppError('UPSTREAM_FAILED', 'Google Translate answered without a translation for every segment; try again later', {}, apiResponse);
      }
      return { texts: translated, sourceLanguage: source ?? detectedLanguage(apiResponse) };
    },
  };
}

// Google still answers some legacy codes for the same languages.
const LEGACY_CODES: Record<string, string> = { iw: 'he', jw: 'jv', in: 'id', ji: 'yi' };

/** The first segment's detection as Google names it ("zh-CN" stays "zh-CN"), legacy codes renamed. */
function detectedLanguage(apiResponse: unknown): string | null {
  const body = apiResponse as { data?: { translations?: Array<{ detectedSourceLanguage?: unknown }> } } | undefined;
  const detected = body?.data?.translations?.[0]?.detectedSourceLanguage;
  if (typeof detected !== 'string' || detected === '') return null;
  return LEGACY_CODES[detected.toLowerCase()] ?? detected;
}

function withinTime<T>(work: Promise<T>, timeoutMs: number, requestDeadline: boolean): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(timeoutMs, requestDeadline)), timeoutMs);
  });
  // The abandoned request keeps running until its socket fails; race() already handles its
  // eventual rejection, so it cannot surface as an unhandled rejection.
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

interface ClientError {
  code?: unknown;
  message?: unknown;
  errors?: Array<{ message?: unknown; reason?: unknown }>;
  response?: { statusCode?: unknown; request?: { href?: unknown } };
}

function toAppError(err: unknown, apiKey: string, source: string | undefined): AppError {
  scrubKey(err, apiKey);

  if (err instanceof DeadlineExceeded) {
    if (err.requestDeadline) return outOfTime('Google Translate', err);
    return new AppError('UPSTREAM_TIMEOUT', `Google Translate did not answer within ${err.timeoutMs} ms; try again later`, {}, err);
  }

  const e = (typeof err === 'object' && err !== null ? err : {}) as ClientError;
  const status = httpStatus(e);
  if (status !== undefined) {
    if (isUnsupportedLanguage(status, e, source)) {
      const what = source ? `"${source}"` : 'the detected language';
      return new AppError(
        'UNSUPPORTED_LANGUAGE',
        `Google Translate cannot translate from ${what} into English; supported languages are listed at ${SUPPORTED_LANGUAGES_URL}`,
        {},
        err,
      );
    }
    // Google's own message stays in `cause` (logged): it can name the project or its billing.
    return new AppError('UPSTREAM_FAILED', `Google Translate answered with an error (HTTP ${status}); try again later`, {}, err);
  }

  // No HTTP answer at all: refused, reset, DNS, TLS...
  const reason = typeof e.code === 'string' ? ` (${e.code})` : '';
  return new AppError('UPSTREAM_FAILED', `Could not reach Google Translate${reason}; try again later`, {}, err);
}

/** HTTP status of an answer from Google, or undefined when there was no answer. */
function httpStatus(e: ClientError): number | undefined {
  // ApiError: response.statusCode is the HTTP status; code is error.code from the body (the same
  // for Google), or the HTTP status when the body was not Google's JSON. Transport errors have a
  // string code such as 'ECONNREFUSED'.
  const candidate = typeof e.response?.statusCode === 'number' ? e.response.statusCode : e.code;
  return typeof candidate === 'number' && candidate >= 400 && candidate <= 599 ? candidate : undefined;
}

/**
 * Google answers 400 "Bad language pair: xx|en" for a pair it cannot translate and 400 "Invalid
 * Value" for an unknown source code. Our request has no other caller-controlled field, so a 400
 * "Invalid Value" while a source was given means that source.
 */
function isUnsupportedLanguage(status: number, e: ClientError, source: string | undefined): boolean {
  if (status !== 400) return false;
  const messages = [e.message, ...(e.errors ?? []).map((inner) => inner.message)].filter((m): m is string => typeof m === 'string');
  return messages.some((m) => /language pair|source language|unsupported language/i.test(m) || (source !== undefined && /invalid value/i.test(m)));
}

/** The key is a query parameter, so it is in node-fetch's message and the response's href. */
function scrubKey(err: unknown, apiKey: string): void {
  if (!(err instanceof Error)) return;
  const forms = [...new Set([apiKey, encodeURIComponent(apiKey)])];
  const clean = (s: string) => forms.reduce((acc, form) => acc.split(form).join('[REDACTED]'), s);
  err.message = clean(err.message);
  if (err.stack) err.stack = clean(err.stack);
  const request = (err as ClientError).response?.request;
  if (request && typeof request.href === 'string') request.href = clean(request.href);
}
