/**
 * The real handlers and their store, imported when called: handlers read the environment when
 * they load, so a test sets it first (and calls jest.resetModules() for a second cold start).
 */
import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import type { Operation, RecordStore, TextRecord } from '../../shared/db/record.ts';
import { OPERATIONS } from '../../shared/operations/index.ts';
import { withContract } from './contract.ts';

export type Handler = (event: ALBEvent, context: Context) => Promise<ALBResult>;
export type RouteName = 'home' | Operation;
/** Every routed function: the home page and one per operation. */
export const ROUTE_NAMES: readonly RouteName[] = ['home', ...OPERATIONS];

export async function loadService<Name extends RouteName>(names: readonly Name[]): Promise<{ handlers: Record<Name, Handler>; store: RecordStore }> {
  const handlers = {} as Record<Name, Handler>;
  // Every answer a test gets through these handlers is checked against docs/openapi.yaml.
  for (const name of names) handlers[name] = withContract(((await import(`../../functions/${name}/handler.ts`)) as { handler: Handler }).handler);
  const store = await (await import('../../shared/runtime.ts')).getStore();
  await store.migrate();
  return { handlers, store };
}

/** Every record in the store in full, newest first, paging through it however many there are. */
export async function allRecords(store: RecordStore): Promise<TextRecord[]> {
  const records: TextRecord[] = [];
  for (let beforeSeq: number | null | undefined; beforeSeq !== null; ) {
    const page = await store.list({ limit: 200, ...(beforeSeq !== undefined && { beforeSeq }) });
    for (const entry of page.records) records.push((await store.get(entry.seq))!);
    beforeSeq = page.nextBeforeSeq;
  }
  return records;
}
