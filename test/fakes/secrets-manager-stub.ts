/**
 * Loopback stand-in for the one Secrets Manager call the service makes, in the AWS JSON 1.1
 * protocol the SDK speaks: POST / with `X-Amz-Target: secretsmanager.GetSecretValue` and
 * `{"SecretId":"arn:…"}`, answered `{"ARN":…,"Name":…,"SecretString":…}`, or on failure a 400 with
 * `{"__type":"ResourceNotFoundException","message":…}`.
 */
import { listenOnLoopback } from '../support/listen.ts';
import { createServer } from 'node:http';

export interface SecretsManagerStub {
  endpoint: string;
  /** SecretId of every GetSecretValue received, oldest first. */
  requests: string[];
  secrets: Map<string, string>;
  /** Answers the next `count` requests with this error type. */
  failNext(count: number, type?: string): void;
  close(): Promise<void>;
}

export async function startSecretsManagerStub(): Promise<SecretsManagerStub> {
  const requests: string[] = [];
  const secrets = new Map<string, string>();
  let failures: { count: number; type: string } = { count: 0, type: '' };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown, errorType?: string) => {
      res.writeHead(status, { 'Content-Type': 'application/x-amz-json-1.1', ...(errorType && { 'x-amzn-ErrorType': errorType }) });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue') {
      send(400, { __type: 'UnknownOperationException', message: `stub serves only GetSecretValue, got ${String(req.headers['x-amz-target'])}` }, 'UnknownOperationException');
      return;
    }
    const { SecretId } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { SecretId: string };
    requests.push(SecretId);
    if (failures.count > 0) {
      failures.count--;
      send(400, { __type: failures.type, message: 'injected failure' }, failures.type);
      return;
    }
    const value = secrets.get(SecretId);
    if (value === undefined) {
      send(400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." }, 'ResourceNotFoundException');
      return;
    }
    send(200, { ARN: SecretId, Name: SecretId.split(':').at(-1), SecretString: value, VersionId: 'v1', CreatedDate: 1_700_000_000 });
  });
  const port = await listenOnLoopback(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    secrets,
    failNext(count, type = 'InternalServiceError') {
      failures = { count, type };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
