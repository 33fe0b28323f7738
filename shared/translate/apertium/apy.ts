/** Apertium through an APy server's HTTP API, which names pairs "spa|eng". */
import { requestDeadline, type DeadlineSource } from '../../deadline.ts';
import { AppError } from '../../errors.ts';
import { DEFAULT_TIMEOUT_MS, outOfTime } from '../translator.ts';
import { apertiumEngine, type ApertiumEngine } from './engine.ts';

export interface ApertiumApyOptions {
  /** Base URL of an APy server, e.g. http://localhost:2737 */
  url: string;
  timeoutMs?: number;
  /** The request's deadline (shared/deadline.ts), which ends a call sooner than timeoutMs when it comes first. */
  deadline?: DeadlineSource;
}

export function createApertiumApyEngine({ url, timeoutMs = DEFAULT_TIMEOUT_MS, deadline = requestDeadline }: ApertiumApyOptions): ApertiumEngine {
  const base = url.replace(/\/+$/, '');
  const call = async (path: string, init?: RequestInit): Promise<unknown> => {
    const untilDeadline = (deadline() ?? Infinity) - Date.now();
    if (untilDeadline <= 0) throw outOfTime('the Apertium server');
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(Math.min(timeoutMs, untilDeadline)) });
    } catch (error) {
      // By name: the DOMException may come from another realm (as under jest), so instanceof is unreliable.
      if ((error as { name?: unknown }).name === 'TimeoutError') {
        if (untilDeadline < timeoutMs) throw outOfTime('the Apertium server', error);
        throw new AppError('UPSTREAM_TIMEOUT', `the Apertium server did not answer within ${timeoutMs} ms; try again later`, {}, error);
      }
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      throw new AppError('UPSTREAM_FAILED', `Could not reach the Apertium server${typeof code === 'string' ? ` (${code})` : ''}; try again later`, {}, error);
    }
    const body = await response.json().catch(() => undefined);
    const status = (body as { responseStatus?: unknown } | undefined)?.responseStatus;
    if (!response.ok || (typeof status === 'number' && status !== 200)) {
      const details = (body as { message?: unknown; explanation?: unknown } | undefined) ?? {};
      throw new AppError(
        'UPSTREAM_FAILED',
        `the Apertium server answered with an error (HTTP ${response.status}); try again later`,
        {},
        new Error(`APy ${path.split('?')[0]}: ${String(details.explanation ?? details.message ?? response.statusText)}`),
      );
    }
    return body;
  };

  return apertiumEngine({
    async listPairs() {
      const body = (await call('/listPairs')) as { responseData?: Array<{ sourceLanguage?: unknown; targetLanguage?: unknown }> };
      return (body.responseData ?? []).map(({ sourceLanguage, targetLanguage }) => `${String(sourceLanguage)}-${String(targetLanguage)}`);
    },
    async translate(text, pairs, markUnknown) {
      let current = text;
      for (const pair of pairs) {
        const form = new URLSearchParams({ langpair: pair.replace('-', '|'), q: current, markUnknown: markUnknown ? 'yes' : 'no' });
        const body = (await call('/translate', { method: 'POST', body: form })) as { responseData?: { translatedText?: unknown } };
        const translated = body.responseData?.translatedText;
        if (typeof translated !== 'string') throw new AppError('UPSTREAM_FAILED', 'the Apertium server answered without a translation; try again later');
        current = translated;
      }
      return current;
    },
    async knownWordShare(text, pair) {
      // APy's coverage of the pair's source language; an older server without it leaves detection to n-grams.
      const form = new URLSearchParams({ lang: pair.split('-')[0]!, q: text });
      const body = await call('/calcCoverage', { method: 'POST', body: form }).catch(() => undefined);
      const share = Array.isArray(body) ? body[0] : undefined;
      return typeof share === 'number' && share >= 0 && share <= 1 ? share : undefined;
    },
  });
}
