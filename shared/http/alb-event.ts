import type { ALBEvent } from 'aws-lambda';
import { AppError } from '../errors.ts';
import { LONE_SURROGATE } from '../operations/field-checks.ts';

/** The parts of an ALB event the routes use, with both header shapes folded into one. */
export interface HttpRequest {
  method: string;
  path: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decoded; the first value of a repeated parameter. */
  query: Record<string, string>;
  /** The body as raw bytes (base64 already decoded), or null when there is none. */
  body: Buffer | null;
  /** A text body that held bytes no UTF-8 decoder accepts: refused when the body is read. */
  malformed?: boolean;
  /** Whether the ALB target group has multi-value headers on: the response must use the same shape. */
  multiValue: boolean;
}

// ALB passes query strings as the client sent them, still percent-encoded (serverless-offline
// decodes them first, so a failed decode keeps the raw value).
const decodeQueryComponent = (value: string): string => {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
};

/** The request's headers in either shape, as HttpRequest has them; read before the body is parsed. */
export function foldHeaders(event: ALBEvent): Record<string, string> {
  const headers: Record<string, string> = {};
  if (event.multiValueHeaders) {
    for (const [name, values] of Object.entries(event.multiValueHeaders)) {
      if (values?.length) headers[name.toLowerCase()] = values.join(', ');
    }
  } else {
    for (const [name, value] of Object.entries(event.headers ?? {})) {
      if (value !== undefined) headers[name.toLowerCase()] = value;
    }
  }
  return headers;
}

/** `headers` are the event's, folded once by the first middleware. */
export function parseAlbEvent(event: ALBEvent, maxBodyBytes: number, headers: Record<string, string> = foldHeaders(event)): HttpRequest {

  const query: Record<string, string> = {};
  const multiQuery = event.multiValueQueryStringParameters;
  const pairs: Array<[string, string | undefined]> = multiQuery
    ? Object.entries(multiQuery).map(([k, v]) => [k, v?.[0]])
    : Object.entries(event.queryStringParameters ?? {});
  for (const [name, value] of pairs) {
    if (value !== undefined) query[decodeQueryComponent(name)] = decodeQueryComponent(value);
  }

  let body: Buffer | null = null;
  let malformed = false;
  if (event.body) {
    // Measured before decoding, so an oversized body is refused without being copied.
    const bytes = bodyBytes(event);
    if (bytes > maxBodyBytes) throw bodyTooLarge(bytes, maxBodyBytes);
    // A text body with a lone surrogate cannot have been UTF-8 on the wire (the offline server marks
    // invalid bytes so, scripts/serverless-offline-no-cors.cjs); encoding it would hide them as U+FFFD.
    // Marked here, refused where a body is read (parseBodyFields), so a GET's body stays ignored.
    malformed = !event.isBase64Encoded && LONE_SURROGATE.test(event.body);
    body = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  }

  return {
    method: (event.httpMethod || 'GET').toUpperCase(),
    path: event.path || '/',
    headers,
    query,
    body,
    ...(malformed && { malformed }),
    multiValue: Boolean(event.multiValueHeaders),
  };
}

/** The method whose handler answers: HEAD is GET without the body (toAlbResult drops it). */
export const servedAs = (method: string): string => (method === 'HEAD' ? 'GET' : method);

/** The size in bytes of a request's or response's body as sent (decoded when base64). */
export const bodyBytes = ({ body, isBase64Encoded }: { body?: string | null; isBase64Encoded?: boolean }): number =>
  body ? Buffer.byteLength(body, isBase64Encoded ? 'base64' : 'utf8') : 0;

const bodyTooLarge = (bytes: number, limit: number) =>
  new AppError('BODY_TOO_LARGE', `the body has ${bytes} bytes; the limit is ${limit} bytes`);
