/**
 * The request's deadline: the instant (epoch ms) by which its answer must be ready. The HTTP edge
 * sets it once per request (shared/http/route.ts, from the Lambda's remaining time); the clients
 * that call out (Data API, Google, Apertium APy, Secrets Manager) read it through a DeadlineSource,
 * so a test can hand them its own. The domain code never sees it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The current deadline, or undefined outside a request (migrations, scripts). */
export type DeadlineSource = () => number | undefined;

const scope = new AsyncLocalStorage<number>();

/** The deadline of the request whose work is running now. */
export const requestDeadline: DeadlineSource = () => scope.getStore();

/** Runs one request's work under its deadline; everything it awaits sees the same one. */
export const withinDeadline = <T>(deadline: number, work: () => Promise<T>): Promise<T> => scope.run(deadline, work);

/** A signal that aborts when the deadline passes, none without one. */
export const deadlineSignal = (deadline: number | undefined): AbortSignal | undefined =>
  deadline === undefined ? undefined : AbortSignal.timeout(Math.max(0, deadline - Date.now()));

/**
 * Retry-After, in seconds, when a request ran out of time: what used it up (a cluster resuming, an
 * engine slow to answer) is usually over by then; the same as the Data API's longest backoff.
 */
export const OUT_OF_TIME_RETRY_AFTER_S = 5;
