/** The middy middlewares every function uses, one concern each. */
import type { MiddlewareObj, Request } from '@middy/core';
import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import { AppError, isAppError } from '../errors.ts';
import { describeError, log } from '../log.ts';
import { bodyBytes, foldHeaders, parseAlbEvent, servedAs, type HttpRequest } from './alb-event.ts';
import type { SafeHtml } from './html.ts';
import { prefersHtml } from './negotiate.ts';
import { errorPage, type RefusalNote } from './pages.ts';
import { addHeaders, toAlbResult, type Reply } from './responses.ts';

export interface HttpContext extends Context {
  /** The request's headers, folded once before anything else reads them (HttpRequest's form). */
  headers: Record<string, string>;
  http: HttpRequest;
  /** The id a user can quote: in X-Request-Id, error bodies and the access log. */
  requestId: string;
  /** A CORS preflight from a listed origin, which the route answers with 204 whatever its methods. */
  preflight?: boolean;
}

export const METRICS_NAMESPACE = 'TextService';

/**
 * Time kept between a request's deadline and the end of its invocation: a failure at the deadline
 * still becomes the contract's 503 and reaches the load balancer before Lambda stops the function
 * (whose timeout would show the client the load balancer's own error page). docs/deployment.md
 * gives the reasoning; test/stack checks every function's timeout leaves it.
 */
export const DEADLINE_HEADROOM_MS = 1_000;

/** When the request's work must be done: the invocation's remaining time less the headroom. */
export const requestDeadlineOf = (context: Pick<Context, 'getRemainingTimeInMillis'>, now = Date.now()): number =>
  now + context.getRemainingTimeInMillis() - DEADLINE_HEADROOM_MS;

type AlbRequest = Request<ALBEvent, ALBResult | Reply, Error, HttpContext>;
type AlbMiddleware = MiddlewareObj<ALBEvent, ALBResult | Reply, Error, HttpContext>;

/** The result as the chain has it so far, when it is already the ALB shape. */
const albResultOf = (request: AlbRequest): ALBResult | undefined => {
  const result = request.response as ALBResult | Reply | undefined;
  return result && 'statusCode' in result ? result : undefined;
};

// The Root field of the trace header the ALB adds (or keeps, when the client sent one).
const TRACE_ROOT = /(?:^|;)\s*Root=(1-[0-9a-f]{8}-[0-9a-f]{24})(?:;|$)/i;

/** The ALB's trace id when the request came through one, else Lambda's request id. */
export function requestIdOf(headers: Record<string, string>, context: Context): string {
  const trace = headers['x-amzn-trace-id'];
  return (trace && TRACE_ROOT.exec(trace)?.[1]) || context.awsRequestId;
}

/**
 * First in the chain: every other middleware, and every response, sees the same id. The headers are
 * folded here, since the id comes from one and parsing the rest of the event may still fail.
 */
export const requestIds = (): AlbMiddleware => {
  const add = (request: AlbRequest) => {
    const result = albResultOf(request);
    if (result) addHeaders(result, { 'X-Request-Id': request.context.requestId });
  };
  return {
    before: (request: AlbRequest) => {
      request.context.headers = foldHeaders(request.event);
      request.context.requestId = requestIdOf(request.context.headers, request.context);
    },
    after: add,
    onError: add,
  };
};

export const albEventParser = (maxBodyBytes: number): AlbMiddleware => ({
  before: (request: AlbRequest) => {
    request.context.http = parseAlbEvent(request.event, maxBodyBytes, request.context.headers);
  },
});

export const CORS_MAX_AGE_SECONDS = 600;
const CORS_ALLOWED_HEADERS = 'Accept, Content-Type';

/**
 * CORS for the listed origins only, the same offline and behind the ALB. A preflight from a listed
 * origin is answered 204 with what it may send; a response to a listed origin names it and lets the
 * page read X-Request-Id. Any other origin gets no Access-Control-* header at all, and its preflight
 * the route's usual answer to OPTIONS (405), which the browser treats as a refusal. Every response
 * varies by Origin (responses.ts), whoever asked.
 */
export const cors = (allowedOrigins: readonly string[], methods: readonly string[]): AlbMiddleware => {
  const listedOrigin = ({ headers }: HttpContext) => {
    const origin = headers.origin;
    return origin !== undefined && allowedOrigins.includes(origin) ? origin : undefined;
  };
  const add = (request: AlbRequest) => {
    const result = albResultOf(request);
    const origin = listedOrigin(request.context);
    if (!result || origin === undefined) return;
    addHeaders(result, {
      'Access-Control-Allow-Origin': origin,
      ...(request.context.preflight
        ? { 'Access-Control-Allow-Methods': methods.join(', '), 'Access-Control-Allow-Headers': CORS_ALLOWED_HEADERS, 'Access-Control-Max-Age': String(CORS_MAX_AGE_SECONDS) }
        : { 'Access-Control-Expose-Headers': 'X-Request-Id' }),
    });
  };
  return {
    before: (request: AlbRequest) => {
      const { event, context } = request;
      request.context.preflight =
        event.httpMethod?.toUpperCase() === 'OPTIONS' && listedOrigin(context) !== undefined && context.headers['access-control-request-method'] !== undefined;
    },
    after: add,
    onError: add,
  };
};

/** `allowed` are the route's methods; HEAD is served wherever GET is. */
export const methodGuard = (allowed: readonly string[]): AlbMiddleware => ({
  before: (request: AlbRequest) => {
    if (request.context.preflight) return;
    const { method } = request.context.http;
    if (!allowed.includes(servedAs(method))) {
      throw new AppError('METHOD_NOT_ALLOWED', `${method} is not served here; use ${allowed.join(' or ')}`, {
        Allow: allowed.join(', '),
      });
    }
  },
});

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
const BARE_HOST = /^[^\s/?#@\\]+$/;

/**
 * The origin the request was addressed to: its Host, with the scheme the load balancer received it
 * on (X-Forwarded-Proto); the offline server, which adds none, serves plain HTTP.
 */
export function ownOriginOf(headers: Record<string, string>): string | undefined {
  const { host } = headers;
  if (!host || !BARE_HOST.test(host)) return undefined;
  const scheme = headers['x-forwarded-proto']?.split(',')[0]!.trim().toLowerCase() || 'http';
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/**
 * Refuses a POST a browser sent from another site, before anything runs or is stored: otherwise any
 * page could add records through its visitors' browsers (forms need no CORS). The service's own
 * pages and the origins in CORS_ALLOWED_ORIGINS may post; so may clients that send no Origin (curl,
 * servers), unless their Sec-Fetch-Site says cross-site.
 */
export const crossSiteGuard = (allowedOrigins: readonly string[]): AlbMiddleware => ({
  before: (request: AlbRequest) => {
    const { method, headers } = request.context.http;
    if (SAFE_METHODS.includes(method)) return;
    const { origin } = headers;
    if (origin !== undefined && allowedOrigins.includes(origin)) return;
    const site = headers['sec-fetch-site']?.toLowerCase();
    // A browser that says the post came from this origin is believed: under the pages' Referrer-Policy
    // (no-referrer) it sends `Origin: null` even for the service's own forms.
    if (site === 'same-origin') return;
    if ((origin !== undefined && origin !== ownOriginOf(headers)) || site === 'cross-site' || site === 'same-site') {
      throw new AppError(
        'CROSS_SITE',
        `this service takes posts only from its own pages and the origins listed in CORS_ALLOWED_ORIGINS, not from ${origin ?? 'another site'}; nothing was stored`,
      );
    }
  },
});

/** A browser's page for a body refused as too large, in place of the bare error page (route.ts). */
export type OversizedBodyPage = (request: HttpRequest, error: RefusalNote) => Promise<SafeHtml>;

/** Every error becomes a Reply in one place: AppErrors as the contract says, anything else a bare 500. */
export const errorReplies = (oversizedBodyPage?: OversizedBodyPage): AlbMiddleware => ({
  onError: async (request: AlbRequest) => {
    const { error, context: { requestId } } = request;
    const known = isAppError(error) ? error : new AppError('INTERNAL', 'something went wrong on our side; the request was not stored');
    if (!isAppError(error) || known.status >= 500) {
      log('error', 'request failed', { requestId, code: known.code, ...describeError(error) });
    }
    const note = { status: known.status, code: known.code, message: known.message, requestId };
    let page = () => errorPage(note);
    if (known.code === 'BODY_TOO_LARGE' && oversizedBodyPage) {
      // The parser refused the body unread; read in full here, it is only shown back to a browser.
      const http = parseAlbEvent(request.event, Infinity, request.context.headers);
      if (prefersHtml(http.headers.accept, http.query.format, false)) {
        const form = await oversizedBodyPage(http, note);
        page = () => form;
      }
    }
    request.response = {
      status: known.status,
      json: { error: { ...known.toJSON().error, requestId } },
      page,
      headers: known.headers,
    };
  },
});

/**
 * Turns the route's Reply into the ALB result, as JSON or HTML per the request. Without a
 * preference, GET gets the page a browser opens and POST the API's JSON; HEAD gets GET's headers.
 */
export const contentNegotiation = (): AlbMiddleware => {
  const finish = (request: AlbRequest) => {
    const reply = request.response as Reply | undefined;
    if (!reply || 'statusCode' in reply) return;
    const format = request.context.http?.query.format;
    const method = request.event.httpMethod?.toUpperCase() ?? 'GET';
    request.response = toAlbResult(reply, {
      html: prefersHtml(request.context.headers.accept, format, servedAs(method) === 'GET'),
      multiValue: Boolean(request.event.multiValueHeaders),
      head: method === 'HEAD',
    });
  };
  return { after: finish, onError: finish };
};

/**
 * One line per request: id, route, sizes, status and time; never the text itself. The line is also
 * in CloudWatch's embedded metric format, so Requests, Latency and 4XX/5XX per route become metrics
 * without an API call.
 */
export const accessLog = (route: string): AlbMiddleware => {
  const started = new WeakMap<object, number>();
  const write = (request: AlbRequest) => {
    const result = albResultOf(request);
    const status = result?.statusCode ?? 500;
    log('info', 'request', {
      requestId: request.context.requestId,
      route,
      method: request.event.httpMethod,
      status,
      requestBytes: bodyBytes(request.event),
      responseBytes: result ? bodyBytes(result) : 0,
      ms: Date.now() - (started.get(request) ?? Date.now()),
      Requests: 1,
      ClientErrors: status >= 400 && status < 500 ? 1 : 0,
      ServerErrors: status >= 500 ? 1 : 0,
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [
          {
            Namespace: METRICS_NAMESPACE,
            Dimensions: [['route']],
            Metrics: [
              { Name: 'Requests', Unit: 'Count' },
              { Name: 'ClientErrors', Unit: 'Count' },
              { Name: 'ServerErrors', Unit: 'Count' },
              { Name: 'ms', Unit: 'Milliseconds' },
            ],
          },
        ],
      },
    });
  };
  return {
    before: (request: AlbRequest) => {
      started.set(request, Date.now());
    },
    after: write,
    onError: write,
  };
};
