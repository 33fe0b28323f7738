import openApiDocument from '../../docs/openapi.yaml';
import { albRoute } from '../../shared/http/route.ts';
import { homePage } from '../../shared/http/pages.ts';
import { encodeCursor, validateListQuery } from '../../shared/http/validation.ts';
import { getStore } from '../../shared/runtime.ts';

/** The contract, served by the home function (its listener rule routes this path too). */
export const OPENAPI_PATH = '/openapi.json';

export const handler = albRoute({
  route: '/',
  methods: {
    GET: async ({ path, query }) => {
      if (path === OPENAPI_PATH) return { status: 200, json: openApiDocument };
      const request = validateListQuery(query);
      const page = await (await getStore()).list(request);
      const next = page.nextBeforeSeq === null ? null : encodeCursor(page.nextBeforeSeq);
      const filters = { id: request.id, operation: request.operation, limit: request.limit };
      return {
        status: 200,
        json: { records: page.records, next },
        page: () => homePage({ records: page.records, filters, nextHref: next && nextPageHref(filters, next) }),
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
