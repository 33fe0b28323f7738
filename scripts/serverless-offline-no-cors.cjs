/**
 * Turns serverless-offline's own CORS handling off, so `npm start` answers cross-origin requests
 * exactly as the deployed functions do (shared/http/middleware.ts `cors`, CORS_ALLOWED_ORIGINS).
 *
 * serverless-offline 14's ALB server adds `Access-Control-Allow-Origin: <any origin>` with
 * credentials to every response of a request with an Origin header, and answers every OPTIONS
 * request 200 itself; none of its cors* options reaches that code. Its hook is a hapi
 * `onPreResponse` extension: this plugin, loaded before it starts, wraps that one extension so
 * that whatever status and Access-Control-* headers the function answered are kept as they were,
 * and its Vary is not lost.
 */
'use strict';

const hapi = require('@hapi/hapi');

const serverPrototype = Object.getPrototypeOf(hapi.server());
const originalExt = serverPrototype.ext;
const ADDS_CORS = /access-control-allow-origin/;

serverPrototype.ext = function ext(event, method, options) {
  if (event !== 'onPreResponse' || typeof method !== 'function' || !ADDS_CORS.test(String(method))) {
    return originalExt.call(this, event, method, options);
  }
  return originalExt.call(
    this,
    event,
    function keepTheFunctionsAnswer(request, h) {
      const response = request.response.isBoom ? request.response.output : request.response;
      const statusCode = response.statusCode;
      const before = { ...response.headers };
      const result = method.call(this, request, h);
      for (const name of Object.keys(response.headers)) {
        if (/^access-control-/i.test(name) && !(name in before)) delete response.headers[name];
      }
      Object.assign(response.headers, before);
      response.statusCode = statusCode;
      // hapi adds its own `vary: accept-encoding` under the lower-case name, which would replace
      // the function's `Vary` instead of joining it.
      if ('Vary' in response.headers) {
        response.headers.vary = [].concat(response.headers.Vary).join(', ');
        delete response.headers.Vary;
      }
      return result;
    },
    options,
  );
};

/**
 * The offline server decodes a text body as UTF-8 before the function sees it (isBase64Encoded is
 * always false), so invalid bytes would arrive as U+FFFD and be stored. Before its handler runs, a
 * body that is not UTF-8 gets each replacement as a lone surrogate instead, which the function
 * refuses with 400 (shared/http/alb-event.ts), as it refuses such bytes in a base64 body.
 */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const originalStart = serverPrototype.start;
serverPrototype.start = function start(...args) {
  originalExt.call(this, 'onPreHandler', (request, h) => {
    const payload = request.payload;
    if (Buffer.isBuffer(payload) && payload.length > 0) {
      try {
        strictUtf8.decode(payload);
      } catch {
        const marked = payload.toString('utf8').replace(/\uFFFD/g, '\uDCFD');
        request.payload = { toString: (encoding) => (encoding === 'utf8' ? marked : payload.toString(encoding)) };
      }
    }
    return h.continue;
  });
  return originalStart.apply(this, args);
};

module.exports = class ServerlessOfflineNoCors {};
