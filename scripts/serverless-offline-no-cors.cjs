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

module.exports = class ServerlessOfflineNoCors {};
