import middy from '@middy/core';
import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import type { HttpRequest } from './alb-event.ts';
import type { Reply } from './responses.ts';
import {
  accessLog,
  albEventParser,
  contentNegotiation,
  errorReplies,
  methodGuard,
  securityHeaders,
  type HttpContext,
} from './middleware.ts';

export type RouteHandler = (request: HttpRequest) => Promise<Reply>;

export interface RouteSpec {
  /** For logs, e.g. "/api/spell". */
  route: string;
  methods: Partial<Record<'GET' | 'POST', RouteHandler>>;
}

export const MAX_BODY_BYTES = 256 * 1024;

/** The one middy chain behind every function: a route only supplies its method handlers. */
export function albRoute(spec: RouteSpec): (event: ALBEvent, context: Context) => Promise<ALBResult> {
  const allowed = Object.keys(spec.methods);
  return middy<ALBEvent, ALBResult | Reply, Error, HttpContext>()
    .use(accessLog(spec.route))
    .use(securityHeaders())
    .use(contentNegotiation())
    .use(errorReplies())
    .use(albEventParser(MAX_BODY_BYTES))
    .use(methodGuard(allowed))
    .handler(async (_event, context) => {
      const { http } = context;
      return spec.methods[http.method as 'GET' | 'POST']!(http);
    }) as unknown as (event: ALBEvent, context: Context) => Promise<ALBResult>;
}
