/**
 * Loopback server speaking the RDS Data API wire format (REST-JSON, as @aws-sdk/client-rds-data v3
 * sends it) and executing on MySQL/MariaDB through mysql2. Test and dev tooling only: SigV4 is
 * accepted unchecked, and secrets are not looked up: a secretArn signs in as mysqlUrl's user unless
 * the `credentials` option names its user.
 *
 *   tsx test/fakes/data-api/server.ts      # PORT (8080) and DATABASE_URL (mysql://root@127.0.0.1:3306/test)
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { listenOnLoopback } from '../../support/listen.ts';
import { AwsError, badRequest, INJECTED, mysqlErrorToAws, type InjectableError } from './errors.ts';
import { isObject, parseJson, requireString, toJson } from './json.ts';
import { dataApiOperations } from './operations.ts';
import { Sessions } from './sessions.ts';

export type { InjectableError };

export interface DataApiServer {
  endpoint: string;
  close(): Promise<void>;
  /** The next `count` requests (any Execute/BatchExecute/transaction call) fail with this AWS error, then normal service resumes. */
  failNext(count: number, error?: InjectableError): void;
  /** Drops failures still queued by failNext. */
  clearFailures(): void;
  /** Every request from now on waits this long before it is handled (0: at once), as an overloaded endpoint does. */
  slowDown(ms: number): void;
  /** How many requests were received per operation, for assertions. */
  readonly calls: Record<string, number>;
}

export interface DataApiServerOptions {
  mysqlUrl: string;
  /** 0 = random */
  port?: number;
  /** Idle time after which an open transaction is rolled back; AWS uses three minutes. */
  transactionTimeoutMs?: number;
  /**
   * Database credentials per secretArn, as the real Data API reads them from the secret: requests
   * with one of these secrets sign in as its user; any other secret signs in as mysqlUrl's user.
   */
  credentials?: Record<string, { username: string; password: string }>;
}

// AWS limits: 4 MiB a request, 1 MiB a response.
const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const MAX_RESPONSE_BYTES = 1024 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
  }
  if (size > MAX_REQUEST_BYTES) throw badRequest('Request size exceeds the 4 MiB limit');
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>) {
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-amzn-requestid': randomUUID(),
    ...headers,
  });
  res.end(body);
}

export async function startDataApiServer(options: DataApiServerOptions): Promise<DataApiServer> {
  const sessions = new Sessions({
    mysqlUrl: options.mysqlUrl,
    transactionTimeoutMs: options.transactionTimeoutMs ?? 3 * 60_000,
    credentials: options.credentials,
  });
  const routes = dataApiOperations(sessions);
  const calls: Record<string, number> = {
    ExecuteStatement: 0,
    BatchExecuteStatement: 0,
    BeginTransaction: 0,
    CommitTransaction: 0,
    RollbackTransaction: 0,
  };
  const failures: InjectableError[] = [];
  let latencyMs = 0;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const route = req.method === 'POST' ? routes[path] : undefined;
      const body = await readBody(req);
      if (!route) throw new AwsError('UnknownOperationException', 404, `No operation at ${req.method} ${path}`);
      const [operation, handler] = route;
      calls[operation] = (calls[operation] ?? 0) + 1;
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const injected = failures.shift();
      if (injected) throw new AwsError(injected, INJECTED[injected].status, INJECTED[injected].message);
      const input = parseJson(body === '' ? '{}' : body);
      if (!isObject(input)) throw new AwsError('SerializationException', 400, 'The request body must be a JSON object.');
      requireString(input, 'resourceArn');
      requireString(input, 'secretArn');
      const output = toJson(await handler(input));
      if (Buffer.byteLength(output) > MAX_RESPONSE_BYTES) {
        throw badRequest('Database returned more than the allowed response size limit');
      }
      send(res, 200, output, {});
    } catch (error) {
      const aws = mysqlErrorToAws(error);
      // AWS sends "Code:namespace-uri"; the SDK keeps the part before ':'.
      send(res, aws.status, toJson({ message: aws.message }), {
        'x-amzn-errortype': `${aws.code}:http://internal.amazon.com/coral/com.amazon.rdsdataservice/`,
      });
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  const port = await listenOnLoopback(server, options.port);

  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    failNext(count: number, error: InjectableError = 'DatabaseResumingException') {
      if (!(error in INJECTED)) throw new Error(`failNext: unsupported error ${String(error)}`);
      for (let i = 0; i < count; i++) failures.push(error);
    },
    clearFailures() {
      failures.length = 0;
    },
    slowDown(ms: number) {
      latencyMs = ms;
    },
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // The SDK keeps sockets alive; drop them so close() does not wait for their timeout.
        server.closeAllConnections();
        await sessions.rollBackAll();
        await closed;
        await sessions.endPools();
      })();
      return closing;
    },
  };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const mysqlUrl = process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/test';
  startDataApiServer({ mysqlUrl, port: Number(process.env.PORT ?? 8080) }).then(
    (server) => {
      console.log(server.endpoint);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
