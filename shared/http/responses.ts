import type { ALBResult } from 'aws-lambda';
import { STATUS_CODES } from 'node:http';
import type { SafeHtml } from './html.ts';
import { SCRIPT_CSP_SOURCE } from './script.ts';
import { STYLE_CSP_SOURCE } from './style.ts';

/** What a route answers, before content negotiation picks JSON or the HTML page. */
export interface Reply {
  status: number;
  json: unknown;
  /** The page for clients that prefer HTML; routes without one always answer JSON. */
  page?: () => SafeHtml;
  /** A fixed file answered as is to every client, in place of JSON or a page (robots.txt, the icon). */
  file?: { type: string; body: string };
  headers?: Record<string, string>;
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // connect-src 'self': the page's only script (allowed by its hash) makes no requests, but Lighthouse
  // reads /robots.txt from inside the page, which 'none' refused (its SEO audit then fails).
  'Content-Security-Policy': `default-src 'none'; script-src ${SCRIPT_CSP_SOURCE}; style-src ${STYLE_CSP_SOURCE}; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Cache-Control': 'no-store',
  // No page here needs these features; clipboard-write stays allowed for a copy button.
  'Permissions-Policy': 'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Adds (or replaces) headers of an ALB result in whichever shape it has. */
export function addHeaders(result: ALBResult, headers: Readonly<Record<string, string>>): void {
  if (result.multiValueHeaders) {
    for (const [k, v] of Object.entries(headers)) result.multiValueHeaders[k] = [v];
  } else {
    result.headers = { ...result.headers, ...headers };
  }
}

/** A header of an ALB result in either shape, by case-insensitive name. */
export function responseHeader(result: ALBResult, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(result.headers ?? {})) if (k.toLowerCase() === lower) return String(v);
  for (const [k, v] of Object.entries(result.multiValueHeaders ?? {})) if (k.toLowerCase() === lower) return v.join(', ');
  return undefined;
}

/**
 * The ALB wire shape. A target group with multi-value headers on expects `multiValueHeaders`
 * back, one without expects `headers`; header names are spelled canonically (serverless-offline
 * fails on a lower-case `content-type`). A HEAD answer has the headers of GET's and no body.
 */
export function toAlbResult(reply: Reply, options: { html: boolean; multiValue: boolean; head?: boolean }): ALBResult {
  const asHtml = options.html && reply.page !== undefined;
  const empty = reply.status === 204;
  // The security headers are defaults a route may tighten, so the reply's own come last.
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    ...(!empty && { 'Content-Type': reply.file?.type ?? (asHtml ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8') }),
    // Origin too, whether or not it is listed: the Access-Control headers and CROSS_SITE depend on it.
    Vary: 'Accept, Origin',
    ...reply.headers,
  };
  const result: ALBResult = {
    statusCode: reply.status,
    statusDescription: `${reply.status} ${STATUS_CODES[reply.status] ?? ''}`.trim(),
    body: empty || options.head ? '' : reply.file ? reply.file.body : asHtml ? reply.page!().value : JSON.stringify(reply.json),
    isBase64Encoded: false,
  };
  if (options.multiValue) {
    result.multiValueHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]]));
  } else {
    result.headers = headers;
  }
  return result;
}
