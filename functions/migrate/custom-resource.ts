/**
 * CloudFormation's custom-resource protocol, for the migrate function behind the stack's
 * DatabaseUsers resource (resources/database-users.cjs). CloudFormation invokes the function with a
 * Create, Update or Delete event and waits for the answer at the event's pre-signed ResponseURL:
 * SUCCESS lets the stack go on to the resources that depend on this one, FAILED rolls it back. An
 * answer is sent before the function's own timeout whatever happens; without one the stack would
 * wait for the resource's ServiceTimeout.
 */
import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceEvent,
  CloudFormationCustomResourceResponse,
  CloudFormationCustomResourceUpdateEvent,
  Context,
} from 'aws-lambda';
import { withinDeadline } from '../../shared/deadline.ts';
import { describeError, log } from '../../shared/log.ts';

/** Kept back from the work for sending the answer, every attempt included. */
export const RESPONSE_RESERVE_MS = 10_000;
const RESPONSE_ATTEMPTS = 3;
// CloudFormation refuses a response body over 4,096 bytes; the reason is what gets cut.
const MAX_RESPONSE_BYTES = 4_096;

export const isCustomResourceEvent = (event: unknown): event is CloudFormationCustomResourceEvent => {
  const { RequestType, ResponseURL } = (event ?? {}) as { RequestType?: unknown; ResponseURL?: unknown };
  return typeof RequestType === 'string' && typeof ResponseURL === 'string';
};

/** Creates or updates what the resource stands for, from the event's properties; resolves its physical id. */
export type Provision = (event: CloudFormationCustomResourceCreateEvent | CloudFormationCustomResourceUpdateEvent) => Promise<string>;

/**
 * Answers one event and resolves the answer sent: Create and Update run `provision` within the
 * function's remaining time less RESPONSE_RESERVE_MS; Delete runs nothing, so deleting the stack or
 * replacing the resource never removes what it made. Rejects only when the answer could not be
 * sent, so that Lambda invokes the function again.
 */
export async function answerCustomResource(
  event: CloudFormationCustomResourceEvent,
  context: Pick<Context, 'getRemainingTimeInMillis' | 'logStreamName'>,
  provision: Provision,
): Promise<CloudFormationCustomResourceResponse> {
  const sendBy = Date.now() + context.getRemainingTimeInMillis();
  const { StackId, RequestId, LogicalResourceId, RequestType } = event;
  const answer = { StackId, RequestId, LogicalResourceId };
  let response: CloudFormationCustomResourceResponse;
  try {
    const physicalId = RequestType === 'Delete' ? event.PhysicalResourceId : await beforeDeadline(sendBy - RESPONSE_RESERVE_MS, () => provision(event));
    response = { ...answer, Status: 'SUCCESS', PhysicalResourceId: physicalId };
  } catch (error) {
    log('error', 'custom resource failed', { requestType: RequestType, logicalResourceId: LogicalResourceId, ...describeError(error) });
    // A Create that failed has no id yet; CloudFormation's Delete of it then carries this one.
    const physicalId = RequestType === 'Create' ? LogicalResourceId : event.PhysicalResourceId;
    response = failed({ ...answer, PhysicalResourceId: physicalId }, reasonOf(error), ` (log stream ${context.logStreamName})`);
  }
  await sendResponse(event.ResponseURL, response, sendBy);
  log('info', 'custom resource answered', { requestType: RequestType, logicalResourceId: LogicalResourceId, status: response.Status });
  return response;
}

async function beforeDeadline<T>(deadline: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not done ${RESPONSE_RESERVE_MS / 1000} s before the function's timeout`)), Math.max(0, deadline - Date.now()));
  });
  try {
    // Under the deadline, the Data API and Secrets Manager calls end by it too (shared/deadline.ts).
    return await Promise.race([withinDeadline(deadline, work), late]);
  } finally {
    clearTimeout(timer);
  }
}

const reasonOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** The FAILED response with `reason`, cut so that the body stays within CloudFormation's limit, then `suffix`. */
function failed(answer: Omit<CloudFormationCustomResourceResponse, 'Status' | 'Reason'>, reason: string, suffix: string): CloudFormationCustomResourceResponse {
  let keep = reason.length;
  const cut = (): CloudFormationCustomResourceResponse => ({ ...answer, Status: 'FAILED', Reason: `${keep < reason.length ? `${reason.slice(0, keep)} […]` : reason}${suffix}` });
  // Every character is at least one byte of the body, so cutting by the excess ends.
  for (let over = 0; keep > 0 && (over = Buffer.byteLength(JSON.stringify(cut())) - MAX_RESPONSE_BYTES) > 0; ) keep = Math.max(0, keep - over);
  return cut();
}

/** PUTs the answer to the pre-signed URL, whose signature covers no Content-Type, so the body is bytes that carry none. */
async function sendResponse(url: string, response: CloudFormationCustomResourceResponse, sendBy: number): Promise<void> {
  const body = Buffer.from(JSON.stringify(response));
  for (let attempt = 1; ; attempt++) {
    const timeoutMs = Math.max(1_000, Math.floor((sendBy - Date.now()) / (RESPONSE_ATTEMPTS - attempt + 1)));
    try {
      const answer = await fetch(url, { method: 'PUT', body, signal: AbortSignal.timeout(timeoutMs) });
      await answer.arrayBuffer();
      if (answer.ok) return;
      throw new Error(`the response URL answered ${answer.status}`);
    } catch (error) {
      // The URL is not logged: it is signed, and lets anyone answer for this resource.
      log('warn', 'custom resource answer not sent', { attempt, status: response.Status, ...describeError(error) });
      if (attempt === RESPONSE_ATTEMPTS) throw new Error(`could not send the ${response.Status} answer to CloudFormation`, { cause: error });
    }
  }
}
