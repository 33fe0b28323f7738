import { AppError } from '../errors.ts';
import type { HttpRequest } from './alb-event.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
// Inside a form field a BOM is content, as URLSearchParams keeps it.
const utf8KeepBom = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Fields of a POST body, JSON or an HTML form's, as untrusted values still to be validated. */
export function parseBodyFields(request: HttpRequest): Record<string, unknown> {
  const contentType = request.headers['content-type'] ?? '';
  const [mediaType = '', ...params] = contentType.split(';').map((part) => part.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  const isJson = mediaType === JSON_TYPE || /^application\/[\w.+-]+\+json$/.test(mediaType);
  if (!isJson && mediaType !== FORM_TYPE) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `send the body as ${JSON_TYPE} or ${FORM_TYPE}${mediaType ? `, not ${mediaType}` : ' (Content-Type is missing)'}`,
    );
  }
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `the body must be UTF-8, not ${charset}`);
  }
  if (request.malformed) throw new AppError('VALIDATION_FAILED', 'the body is not valid UTF-8');

  let text: string;
  try {
    text = request.body ? utf8.decode(request.body) : '';
  } catch {
    throw new AppError('VALIDATION_FAILED', 'the body is not valid UTF-8');
  }

  if (!isJson) return parseForm(text);

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_JSON', 'the body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('VALIDATION_FAILED', 'the body must be a JSON object such as {"text": "..."}');
  }
  return parsed as Record<string, unknown>;
}

/**
 * URLSearchParams, except that percent-encoded bytes which are not UTF-8 are refused rather than
 * silently stored as U+FFFD. A lone "%" that starts no escape stays literal, as curl -d sends it.
 */
function parseForm(text: string): Record<string, string> {
  const component = (raw: string) =>
    raw.replace(/\+/g, ' ').replace(/(?:%[0-9a-f]{2})+/gi, (run) => utf8KeepBom.decode(Buffer.from(run.replace(/%/g, ''), 'hex')));
  try {
    return Object.fromEntries(
      text
        .split('&')
        .filter(Boolean)
        .map((pair) => {
          const eq = pair.indexOf('=');
          return eq < 0 ? [component(pair), ''] : [component(pair.slice(0, eq)), component(pair.slice(eq + 1))];
        }),
    );
  } catch {
    throw new AppError('VALIDATION_FAILED', 'the form has percent-encoded bytes that are not UTF-8');
  }
}
