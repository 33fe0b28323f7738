import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appErrorFrom } from '../../../test/support/expectations.ts';
import { createApertiumApyEngine } from './apy.ts';

/**
 * An APy server's two calls, as APy answers them: GET /listPairs gives
 * {"responseData":[{"sourceLanguage":"spa","targetLanguage":"eng"}],"responseStatus":200};
 * POST /translate (form: langpair=spa|eng, q, markUnknown) gives
 * {"responseData":{"translatedText":"…"},"responseStatus":200}, errors {"status":"error","code":400,"message":…,"explanation":…}.
 */
describe('an APy server', () => {
  let server: Server;
  let url: string;
  const received: Array<Record<string, string>> = [];
  let answer: 'ok' | 'error' | 'hang' = 'ok';

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/listPairs') {
        json(200, { responseData: [{ sourceLanguage: 'spa', targetLanguage: 'eng' }, { sourceLanguage: 'eng', targetLanguage: 'spa' }, { sourceLanguage: 'cat', targetLanguage: 'eng' }], responseStatus: 200 });
        return;
      }
      const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
      received.push(form);
      if (answer === 'hang') return;
      if (answer === 'error') {
        json(400, { status: 'error', code: 400, message: 'Bad Request', explanation: 'That pair is not installed' });
        return;
      }
      json(200, { responseData: { translatedText: `EN(${form.q})` }, responseStatus: 200 });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterEach(() => {
    answer = 'ok';
    received.length = 0;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  test('lists its pairs into English and translates each segment with the 639-3 pair', async () => {
    const engine = createApertiumApyEngine({ url });
    expect(await engine.supportedSources()).toEqual(['ca', 'es']);
    expect(await engine.translateBatch(['hola', 'adiós'], 'es')).toEqual({ texts: ['EN(hola)', 'EN(adiós)'], sourceLanguage: 'es', unknownWords: 0 });
    expect(received).toEqual([
      { langpair: 'spa|eng', q: 'hola', markUnknown: 'yes' },
      { langpair: 'spa|eng', q: 'adiós', markUnknown: 'yes' },
    ]);
  });

  test('an error answer is UPSTREAM_FAILED with the explanation kept for the log', async () => {
    answer = 'error';
    const err = await appErrorFrom(createApertiumApyEngine({ url }).translateBatch(['hola'], 'es'));
    expect(err.code).toBe('UPSTREAM_FAILED');
    expect(err.message).toMatch(/HTTP 400/);
    expect((err.cause as Error).message).toContain('That pair is not installed');
  });

  test('no answer within the timeout is UPSTREAM_TIMEOUT', async () => {
    answer = 'hang';
    const err = await appErrorFrom(createApertiumApyEngine({ url, timeoutMs: 200 }).translateBatch(['hola'], 'es'));
    expect(err.code).toBe('UPSTREAM_TIMEOUT');
  });

  test("the request's deadline, when it comes first, ends the call with 503 and Retry-After; once passed, nothing is sent", async () => {
    answer = 'hang';
    const deadline = Date.now() + 100;
    const err = await appErrorFrom(createApertiumApyEngine({ url, timeoutMs: 5_000, deadline: () => deadline }).translateBatch(['hola'], 'es'));
    expect(Date.now() - deadline).toBeLessThan(50);
    expect(err).toMatchObject({ code: 'TRANSLATION_UNAVAILABLE', status: 503, headers: { 'Retry-After': expect.stringMatching(/^[1-9]\d*$/) } });
    expect(received).toHaveLength(1);
    const late = await appErrorFrom(createApertiumApyEngine({ url, deadline: () => Date.now() - 1 }).translateBatch(['hola'], 'es'));
    expect(late.code).toBe('TRANSLATION_UNAVAILABLE');
    expect(received).toHaveLength(1);
  });

  test('a server that is down is UPSTREAM_FAILED', async () => {
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const { port } = gone.address() as AddressInfo;
    await new Promise((resolve) => gone.close(resolve));
    const err = await appErrorFrom(createApertiumApyEngine({ url: `http://127.0.0.1:${port}` }).supportedSources());
    expect(err.code).toBe('UPSTREAM_FAILED');
    expect(err.message).toMatch(/ECONNREFUSED/);
  });
});
