import middy from '@middy/core';
import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import { servedAs, type HttpRequest } from './alb-event.ts';
import type { Reply } from './responses.ts';
import { config } from '../runtime.ts';
import { withinDeadline } from '../deadline.ts';
import {
  accessLog,
  albEventParser,
  contentNegotiation,
  cors,
  crossSiteGuard,
  errorReplies,
  methodGuard,
  requestDeadlineOf,
  requestIds,
  type HttpContext,
  type OversizedBodyPage,
} from './middleware.ts';

/** `requestId` is the one the response carries, for replies that quote it themselves. */
export type RouteHandler = (request: HttpRequest, context: { requestId: string }) => Promise<Reply>;

export interface RouteSpec {
  /** For logs, e.g. "/api/spell". */
  route: string;
  methods: Partial<Record<'GET' | 'POST', RouteHandler>>;
  /**
   * A browser's page for a body refused as too large (413) before any method handler runs, in place
   * of the bare error page: an operation's form again, so what was typed is not lost.
   */
  oversizedBodyPage?: OversizedBodyPage;
}

export const MAX_BODY_BYTES = 256 * 1024;

/**
 * The ALB target groups' health check path. The load balancer sends it straight to the function,
 * past the listener rules (a client's request reaches the home function by its rule); answering it
 * touches neither the store nor an engine, so it costs one short invocation.
 */
export const HEALTH_CHECK_PATH = '/health';
const HEALTHY: Reply = { status: 200, json: { status: 'ok' } };
const PREFLIGHT_ANSWER: Reply = { status: 204, json: null };

/**
 * The one middy chain behind every function: a route only supplies its method handlers. The whole
 * chain runs under the request's deadline, so every call out of it stops in time for the answer.
 */
export function albRoute(spec: RouteSpec): (event: ALBEvent, context: Context) => Promise<ALBResult> {
  const allowed = Object.keys(spec.methods);
  const chain = middy<ALBEvent, ALBResult | Reply, Error, HttpContext>()
    .use(requestIds())
    .use(accessLog(spec.route))
    .use(cors(config.corsAllowedOrigins, allowed))
    .use(contentNegotiation())
    .use(errorReplies(spec.oversizedBodyPage))
    .use(albEventParser(MAX_BODY_BYTES))
    .use(methodGuard(allowed))
    .use(crossSiteGuard(config.corsAllowedOrigins))
    .handler(async (_event, { http, preflight, requestId }) => {
      const method = servedAs(http.method) as 'GET' | 'POST';
      return preflight ? PREFLIGHT_ANSWER : http.path === HEALTH_CHECK_PATH && method === 'GET' ? HEALTHY : spec.methods[method]!(http, { requestId });
    }) as unknown as (event: ALBEvent, context: Context) => Promise<ALBResult>;
  return (event, context) => withinDeadline(requestDeadlineOf(context), () => chain(event, context));
}
