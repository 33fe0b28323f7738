import openApiDocument from '../../docs/openapi.yaml';
import type { RecordEntry } from '../../shared/db/record.ts';
import { AppError } from '../../shared/errors.ts';
import type { SafeHtml } from '../../shared/http/html.ts';
import { albRoute } from '../../shared/http/route.ts';
import { homePage, recordPage, recordRow } from '../../shared/http/pages.ts';
import { fittingCount, MAX_PAGE_BYTES, PAGE_FRAME_BYTES, utf8Bytes } from '../../shared/http/page-size.ts';
import { encodeCursor, validateListQuery, validateRecordQuery } from '../../shared/http/validation.ts';
import { getStore } from '../../shared/runtime.ts';
import { SITE_FILES } from '../../shared/http/site-files.ts';

type Row = { entry: RecordEntry; html: SafeHtml };

/** The contract, served by the home function (its listener rule routes this path too). */
export const OPENAPI_PATH = '/openapi.json';

export const handler = albRoute({
  route: '/',
  methods: {
    GET: async ({ path, query }) => {
      if (path === OPENAPI_PATH) return { status: 200, json: openApiDocument };
      const file = SITE_FILES[path];
      // They never change between deploys of a version, so browsers may keep them a day.
      if (file) return { status: 200, json: null, file, headers: { 'Cache-Control': 'public, max-age=86400' } };
      const seq = validateRecordQuery(query);
      if (seq !== undefined) {
        const record = await (await getStore()).get(seq);
        if (!record) throw new AppError('NOT_FOUND', `there is no record ${seq}`);
        return { status: 200, json: record, page: () => recordPage(record) };
      }
      const request = validateListQuery(query);
      const page = await (await getStore()).list(request);
      // The page ends before the row that would take either format past its limit; a row of
      // previews is a few KB, so the first always fits.
      const rows = page.records.map((entry) => ({ entry, html: recordRow(entry) }));
      const measures = [(row: Row) => utf8Bytes(JSON.stringify(row.entry)) + 1, (row: Row) => utf8Bytes(row.html.value)];
      const shown = rows.slice(0, Math.max(1, fittingCount(rows, measures, MAX_PAGE_BYTES - PAGE_FRAME_BYTES)));
      const nextBeforeSeq = shown.length < rows.length ? shown.at(-1)!.entry.seq : page.nextBeforeSeq;
      const next = nextBeforeSeq === null ? null : encodeCursor(nextBeforeSeq);
      const filters = { id: request.id, operation: request.operation, limit: request.limit };
      return {
        status: 200,
        json: { records: shown.map((row) => row.entry), next },
        page: () => homePage({ rows: shown.map((row) => row.html), filters, nextHref: next && nextPageHref(filters, next) }),
      };
    },
  },
});

/** The next page keeps the filters and page size of this one. */
function nextPageHref(filters: { id?: string; operation?: string; limit: number }, cursor: string): string {
  const params = new URLSearchParams();
  if (filters.id !== undefined) params.set('id', filters.id);
  if (filters.operation !== undefined) params.set('operation', filters.operation);
  params.set('limit', String(filters.limit));
  params.set('cursor', cursor);
  return `/?${params}`;
}
