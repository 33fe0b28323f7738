/**
 * The Google stand-in for jest test files: starts it per file and resets it between tests. The
 * server itself is in google-translate-server.ts, which has no jest import, so benches use it too.
 */
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { startGoogleTranslateStub, type GoogleTranslateStub } from './google-translate-server.ts';

export * from './google-translate-server.ts';

/**
 * Starts the stand-in for the calling test file and points the Google client at it (the client
 * reads GOOGLE_CLOUD_TRANSLATE_ENDPOINT in its constructor, so this runs before any is created);
 * resets its answers between tests and restores the variable at the end.
 */
export function useGoogleTranslateStub(): () => GoogleTranslateStub {
  const ENDPOINT_VAR = 'GOOGLE_CLOUD_TRANSLATE_ENDPOINT';
  let stub: GoogleTranslateStub;
  let saved: string | undefined;
  beforeAll(async () => {
    stub = await startGoogleTranslateStub();
    saved = process.env[ENDPOINT_VAR];
    process.env[ENDPOINT_VAR] = stub.endpoint;
  });
  afterEach(() => {
    stub.respondWith();
    stub.requests.length = 0;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env[ENDPOINT_VAR];
    else process.env[ENDPOINT_VAR] = saved;
    await stub.close();
  });
  return () => stub;
}
