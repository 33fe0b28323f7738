import type { ALBEvent, ALBResult, Context } from 'aws-lambda';

export type HeaderShape = 'single' | 'multi';

export interface EventOptions {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** Raw, as the client sent it: the ALB does not decode it. */
  query?: Record<string, string>;
  /** Already percent-encoded (or not at all), passed on as is: what no client library would send. */
  rawQuery?: Record<string, string>;
  body?: string | Buffer;
  base64?: boolean;
  shape?: HeaderShape;
}

/** An ALB event as a target group sends it, with or without multi-value headers. */
export function albEvent({ method = 'GET', path = '/', headers = {}, query = {}, rawQuery = {}, body, base64 = false, shape = 'single' }: EventOptions = {}): ALBEvent {
  const lowerHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const encodedQuery = { ...Object.fromEntries(Object.entries(query).map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)])), ...rawQuery };
  const raw = body === undefined ? null : Buffer.isBuffer(body) || base64 ? Buffer.from(body).toString('base64') : body;
  const event: ALBEvent = {
    requestContext: { elb: { targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/test/0123456789abcdef' } },
    httpMethod: method,
    path,
    body: raw,
    isBase64Encoded: Buffer.isBuffer(body) || base64,
  };
  if (shape === 'multi') {
    event.multiValueHeaders = Object.fromEntries(Object.entries(lowerHeaders).map(([k, v]) => [k, [v]]));
    event.multiValueQueryStringParameters = Object.fromEntries(Object.entries(encodedQuery).map(([k, v]) => [k, [v]]));
  } else {
    event.headers = lowerHeaders;
    event.queryStringParameters = encodedQuery;
  }
  return event;
}

/** A JSON POST as a client's API call sends it. */
export const jsonPostEvent = (path: string, body: unknown, options: Omit<EventOptions, 'method' | 'path' | 'body'> = {}): ALBEvent =>
  albEvent({ ...options, method: 'POST', path, headers: { 'content-type': 'application/json', ...options.headers }, body: JSON.stringify(body) });

/** A Lambda context whose invocation has `remainingMs` left when the handler starts; the request's deadline comes from it. */
export const lambdaContext = (remainingMs = 30_000): Context => {
  const ends = Date.now() + remainingMs;
  return {
    awsRequestId: `test-${Math.random().toString(36).slice(2)}`,
    functionName: 'test',
    getRemainingTimeInMillis: () => Math.max(0, ends - Date.now()),
  } as unknown as Context;
};

/** Header lookup over either response shape. */
export { responseHeader } from '../../shared/http/responses.ts';

export const jsonBody = (result: ALBResult) => JSON.parse(result.body ?? 'null');

export const SHAPES: HeaderShape[] = ['single', 'multi'];
