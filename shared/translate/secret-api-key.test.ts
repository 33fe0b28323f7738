/** The real Secrets Manager client against a loopback stand-in of its JSON protocol. */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { AppError } from '../errors.ts';
import { startSecretsManagerStub, type SecretsManagerStub } from '../../test/fakes/secrets-manager-stub.ts';
import { secretApiKey } from './secret-api-key.ts';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:google-translate-key';
let stub: SecretsManagerStub;

beforeAll(async () => {
  stub = await startSecretsManagerStub();
  stub.secrets.set(ARN, '  AIzaFromSecret\n');
});
afterEach(() => {
  stub.requests.length = 0;
});
afterAll(() => stub.close());

const keyFor = () => secretApiKey({ secretArn: ARN, endpoint: stub.endpoint, purpose: 'the Google Translate API key' });

test('reads the secret once, trimmed, however many callers ask', async () => {
  const key = keyFor();
  expect(stub.requests).toEqual([]);

  const keys = await Promise.all([key(), key(), key()]);
  expect(await key()).toBe('AIzaFromSecret');

  expect(keys).toEqual(['AIzaFromSecret', 'AIzaFromSecret', 'AIzaFromSecret']);
  expect(stub.requests).toEqual([ARN]);
});

test('a failed read is TRANSLATION_UNAVAILABLE and is tried again on the next call', async () => {
  const key = keyFor();
  stub.failNext(1);

  const err = await key().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('TRANSLATION_UNAVAILABLE');
  expect((err as AppError).message).toBe('Could not read the Google Translate API key from AWS Secrets Manager; try again later');
  expect(((err as AppError).cause as Error).name).toBe('InternalServiceError');

  expect(await key()).toBe('AIzaFromSecret');
  expect(stub.requests).toEqual([ARN, ARN]);
});

test('a missing secret names no internals to the client and keeps the reason for the log', async () => {
  const err = (await secretApiKey({ secretArn: `${ARN}-gone`, endpoint: stub.endpoint, purpose: 'the key' })().catch((e: unknown) => e)) as AppError;
  expect(err.code).toBe('TRANSLATION_UNAVAILABLE');
  expect(err.message).not.toContain(ARN);
  expect((err.cause as Error).name).toBe('ResourceNotFoundException');
});

test('an empty secret is refused', async () => {
  stub.secrets.set(`${ARN}-empty`, '   ');
  const err = (await secretApiKey({ secretArn: `${ARN}-empty`, endpoint: stub.endpoint, purpose: 'the key' })().catch((e: unknown) => e)) as AppError;
  expect(err.code).toBe('TRANSLATION_UNAVAILABLE');
  expect((err.cause as Error).message).toMatch(/no SecretString/);
});

test("a read still unanswered at the request's deadline ends then, 503 with Retry-After, after one request", async () => {
  let requests = 0;
  const sockets: Socket[] = [];
  const silent = createServer((socket) => {
    sockets.push(socket);
    socket.once('data', () => requests++);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  const deadline = Date.now() + 200;
  try {
    const err = (await secretApiKey({ secretArn: ARN, endpoint, purpose: 'the key', deadline: () => deadline })().catch((e: unknown) => e)) as AppError;
    expect(Date.now() - deadline).toBeLessThan(50);
    expect(err.code).toBe('TRANSLATION_UNAVAILABLE');
    expect(err.status).toBe(503);
    expect(err.headers['Retry-After']).toMatch(/^[1-9]\d*$/);
    expect(requests).toBe(1);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
});
