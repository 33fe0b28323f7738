/**
 * A local stand-in for the pre-signed S3 URL a CloudFormation custom-resource event carries as its
 * ResponseURL: records every request as received and answers 200, or first the statuses queued in
 * `refusals`.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { listenOnLoopback } from './listen.ts';

export interface ResponseUrlServer {
  /** A URL with a signature-like query, as CloudFormation's are. */
  url: string;
  requests: Array<{ method?: string; headers: IncomingHttpHeaders; body: string }>;
  /** Statuses to answer the next requests with, first to last, before answering 200 again. */
  refusals: number[];
  close(): Promise<void>;
}

export async function startResponseUrlServer(): Promise<ResponseUrlServer> {
  const requests: ResponseUrlServer['requests'] = [];
  const refusals: number[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    requests.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(refusals.shift() ?? 200).end();
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}/cloudformation-custom-resource-response?X-Amz-Expires=7200&X-Amz-Signature=abc`,
    requests,
    refusals,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
