/**
 * The OpenAPI document (docs/openapi.yaml) as the tests' contract: every response a test sees is
 * checked against it, status, X-Request-Id and, for JSON, the body against the response's schema.
 * Handler tests wrap their handlers with `withContract`; the e2e tests call `expectFetchMatchesContract`.
 */
import { expect } from '@jest/globals';
import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import document from '../../docs/openapi.yaml';
import { responseHeader } from './alb.ts';

type Json = Record<string, any>; // the document's own structure, walked by JSON pointer
const DOCUMENT_ID = 'openapi.json';

// strict: false because the schemas sit among OpenAPI's own keys (and carry x-planned marks).
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
ajv.addSchema(document, DOCUMENT_ID);

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const at = (pointer: string): Json => pointer.split('/').slice(1).reduce((node: Json, segment) => node?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')], document as Json);
/** Follows a local `$ref` (responses are referenced from components), returning where it led. */
const resolve = (pointer: string): string => {
  const ref = at(pointer)?.$ref as string | undefined;
  return ref ? resolve(ref.slice(1)) : pointer;
};

export interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string | undefined;
  requestId: string | undefined;
  body: string;
}

/** What is wrong with a response by the contract; empty when nothing. */
export function contractViolations({ method, path, status, contentType, requestId, body }: Exchange): string[] {
  const pathPointer = `/paths/${escapePointer(path)}`;
  if (!at(pathPointer)) return [`${path} is not in the document`];
  // HEAD is answered wherever GET is, as GET's headers without the body.
  const head = method.toUpperCase() === 'HEAD' && !at(`${pathPointer}/head`);
  if (head && body !== '') return [`HEAD ${path} answered a body`];
  const operation = `${pathPointer}/${head ? 'get' : method.toLowerCase()}`;
  // A method the path does not serve has one documented answer: 405.
  const responsePointer = at(operation)
    ? resolve(`${operation}/responses/${status}`)
    : status === 405
      ? resolve('/components/responses/MethodNotAllowed')
      : undefined;
  const response = responsePointer === undefined ? undefined : at(responsePointer);
  if (!responsePointer || !response) return [`${method} ${path} answered ${status}, which the document does not list`];
  const problems: string[] = [];
  if (response.headers?.['X-Request-Id']?.$ref && !requestId) problems.push(`${status} from ${method} ${path} has no X-Request-Id`);
  if (status === 204) return problems;
  const mediaType = (contentType ?? '').split(';')[0]!.trim();
  if (!response.content?.[mediaType]) return [...problems, `${status} from ${method} ${path} is ${mediaType || 'untyped'}, which the document does not list`];
  if (mediaType !== 'application/json' || head) return problems;
  const validate = ajv.getSchema(`${DOCUMENT_ID}#${responsePointer}/content/application~1json/schema`)!;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [...problems, `${status} from ${method} ${path} is not JSON`];
  }
  if (!validate(value)) {
    problems.push(...(validate.errors as ErrorObject[]).map((e) => `${status} from ${method} ${path}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`));
  }
  const errorRequestId = (value as { error?: { requestId?: unknown } } | null)?.error?.requestId;
  if (errorRequestId !== undefined && errorRequestId !== requestId) problems.push(`error body's requestId ${String(errorRequestId)} is not X-Request-Id ${requestId}`);
  return problems;
}

export function expectResultMatchesContract(event: Pick<ALBEvent, 'httpMethod' | 'path'>, result: ALBResult): void {
  const body = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64').toString('utf8') : (result.body ?? '');
  const exchange: Exchange = {
    method: event.httpMethod || 'GET',
    path: event.path || '/',
    status: result.statusCode,
    contentType: responseHeader(result, 'content-type'),
    requestId: responseHeader(result, 'x-request-id'),
    body,
  };
  expect(contractViolations(exchange)).toEqual([]);
}

type Handler = (event: ALBEvent, context: Context) => Promise<ALBResult>;

/** The handler, with every answer checked against the contract before the test sees it. */
export const withContract =
  (handler: Handler): Handler =>
  async (event, context) => {
    const result = await handler(event, context);
    expectResultMatchesContract(event, result);
    return result;
  };

/** Checks a fetch response against the contract; reads a clone, so the test can still read the body. */
export async function expectFetchMatchesContract(method: string, url: string, response: Response): Promise<void> {
  const exchange: Exchange = {
    method,
    path: new URL(url).pathname,
    status: response.status,
    contentType: response.headers.get('content-type') ?? undefined,
    requestId: response.headers.get('x-request-id') ?? undefined,
    body: await response.clone().text(),
  };
  expect(contractViolations(exchange)).toEqual([]);
}
