/**
 * Loopback stand-in for the Google Cloud Translation v2 REST API, so tests can run the real
 * @google-cloud/translate client (pointed here through GOOGLE_CLOUD_TRANSLATE_ENDPOINT) with no
 * network and no key.
 *
 * Wire format, as the v2 client sends it (checked by logging a request from the real client):
 *   POST /language/translate/v2?key=KEY
 *   Content-Type: application/json
 *   {"q":["..."],"format":"text","target":"en"}          (+ "source" when given)
 * Success: {"data":{"translations":[{"translatedText":"...","detectedSourceLanguage":"es"}]}}
 * Failure: HTTP 4xx/5xx with {"error":{"code":400,"message":"...","errors":[...]}}
 * A source Google does not list: 400 "Invalid Value".
 *
 *   GET /language/translate/v2/languages?key=KEY&target=en
 * Success: {"data":{"languages":[{"language":"zh-TW","name":"Chinese (Traditional)"}, …]}}
 */
import { listenOnLoopback } from '../support/listen.ts';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export const STUB_PATH = '/language/translate/v2';
export const LANGUAGES_PATH = `${STUB_PATH}/languages`;

/** Part of Google's own list (target=en), with the forms its codes take: 639-1, region, script, three letters. */
export const GOOGLE_LANGUAGES: ReadonlyArray<{ language: string; name: string }> = [
  { language: 'af', name: 'Afrikaans' }, { language: 'ar', name: 'Arabic' }, { language: 'ca', name: 'Catalan' },
  { language: 'ceb', name: 'Cebuano' }, { language: 'de', name: 'German' }, { language: 'el', name: 'Greek' },
  { language: 'en', name: 'English' }, { language: 'es', name: 'Spanish' }, { language: 'eu', name: 'Basque' },
  { language: 'fr', name: 'French' }, { language: 'gl', name: 'Galician' }, { language: 'haw', name: 'Hawaiian' },
  { language: 'he', name: 'Hebrew' }, { language: 'hmn', name: 'Hmong' }, { language: 'hr', name: 'Croatian' },
  { language: 'it', name: 'Italian' }, { language: 'iw', name: 'Hebrew' }, { language: 'ja', name: 'Japanese' },
  { language: 'mni-Mtei', name: 'Meiteilon (Manipuri)' }, { language: 'nl', name: 'Dutch' }, { language: 'pt', name: 'Portuguese' },
  { language: 'ru', name: 'Russian' }, { language: 'sr', name: 'Serbian' }, { language: 'zh', name: 'Chinese (Simplified)' },
  { language: 'zh-CN', name: 'Chinese (Simplified)' }, { language: 'zh-TW', name: 'Chinese (Traditional)' },
];
const LISTED = new Set(GOOGLE_LANGUAGES.map(({ language }) => language.toLowerCase()));

export interface StubRequest {
  method: string;
  path: string;
  key: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export type StubReply = { status: number; json: unknown };
export type StubAnswer = StubReply | 'hang';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StubHandler = (body: any) => StubAnswer;

export interface GoogleTranslateStub {
  /** Full URL ending in /language/translate/v2: the value for GOOGLE_CLOUD_TRANSLATE_ENDPOINT. */
  endpoint: string;
  /** Every request received, oldest first. */
  requests: StubRequest[];
  /** Replace how requests are answered; call with no argument to restore the default fake. */
  respondWith(handler?: StubHandler): void;
  /** Stops the server and drops open connections, including hanging ones. */
  close(): Promise<void>;
}

/** Deterministic fake translation: "[en] " + text; detects 'es' unless the caller gave a source, which must be one Google lists. */
export const fakeTranslation: StubHandler = (body) => {
  const q: unknown[] = Array.isArray(body?.q) ? body.q : [body?.q];
  if (typeof body?.source === 'string' && !LISTED.has(body.source.toLowerCase())) return googleError(400, 'Invalid Value', 'invalid');
  return {
    status: 200,
    json: {
      data: {
        translations: q.map((text) =>
          // Real Google omits detectedSourceLanguage when the source was given.
          body?.source ? { translatedText: `[en] ${text}` } : { translatedText: `[en] ${text}`, detectedSourceLanguage: 'es' },
        ),
      },
    },
  };
};

/** Google's error envelope, e.g. googleError(400, 'Bad language pair: xx|en'). */
export const googleError = (code: number, message: string, reason = 'badRequest'): StubReply => ({
  status: code,
  json: { error: { code, message, errors: [{ message, domain: 'global', reason }] } },
});

export async function startGoogleTranslateStub(options: { port?: number } = {}): Promise<GoogleTranslateStub> {
  const requests: StubRequest[] = [];
  let handler: StubHandler = fakeTranslation;

  const send = (res: ServerResponse, status: number, json: unknown) => {
    const payload = JSON.stringify(json);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', 'Content-Length': Buffer.byteLength(payload) });
    res.end(payload);
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');

    const listing = req.method === 'GET' && url.pathname === LANGUAGES_PATH;
    if (!listing && (req.method !== 'POST' || url.pathname !== STUB_PATH)) {
      const { status, json } = googleError(404, `stub serves only POST ${STUB_PATH} and GET ${LANGUAGES_PATH}, got ${req.method} ${url.pathname}`, 'notFound');
      send(res, status, json);
      return;
    }

    let body: unknown;
    try {
      body = listing ? Object.fromEntries(url.searchParams) : raw === '' ? undefined : JSON.parse(raw);
    } catch {
      const { status, json } = googleError(400, 'Invalid JSON payload received.');
      send(res, status, json);
      return;
    }
    const key = url.searchParams.get('key');
    requests.push({ method: req.method ?? '', path: url.pathname, key, body });

    if (key === null || key === '') {
      // What Google answers when no key is sent.
      const { status, json } = googleError(403, 'The request is missing a valid API key.', 'forbidden');
      send(res, status, json);
      return;
    }

    const answer = listing ? { status: 200, json: { data: { languages: GOOGLE_LANGUAGES } } } : handler(body);
    if (answer === 'hang') return; // never answer; close() drops the socket
    send(res, answer.status, answer.json);
  });

  const port = await listenOnLoopback(server, options.port);

  return {
    endpoint: `http://127.0.0.1:${port}${STUB_PATH}`,
    requests,
    respondWith(next?: StubHandler) {
      handler = next ?? fakeTranslation;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // The client keeps connections alive and 'hang' leaves requests open; drop them all
        // so close() returns and jest has no open handles.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
