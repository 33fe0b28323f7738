import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import type { Operation } from '../model.ts';
import { descriptorOf, type DetailsOf, type FieldsOf } from '../operations/index.ts';
import type { OperationDescriptor } from '../operations/operation.ts';
import { isAppError } from '../errors.ts';
import { config, getStore } from '../runtime.ts';
import { parseBodyFields } from './body.ts';
import { prefersHtml } from './negotiate.ts';
import { assertStorable } from '../db/record-size.ts';
import { escapeHtml } from './html.ts';
import type { HttpRequest } from './alb-event.ts';
import { MAX_PAGE_BYTES, PAGE_FRAME_BYTES, utf8Bytes } from './page-size.ts';
import { formPage, resultPage } from './pages.ts';
import type { Reply } from './responses.ts';
import { albRoute } from './route.ts';
import { storableRecord } from './storable-record.ts';
import { validateOperationInput, type OperationInput } from './validation.ts';
import type { FormDataOf } from './views/index.ts';

const kept = (value: unknown) => (typeof value === 'string' ? value : undefined);

export interface OperationOutcome<Details = Record<string, unknown>> {
  output: string;
  sourceLanguage?: string | null;
  /** Fields the response adds for this operation, e.g. corrections or provider. */
  details?: Details;
}

export type Processor<N extends Operation> = (input: OperationInput & FieldsOf<N>) => Promise<OperationOutcome<DetailsOf<N>>> | OperationOutcome<DetailsOf<N>>;

export interface OperationRouteOptions<N extends Operation> {
  /** What GET adds to its JSON and the form shows, from the engine (translate's languages). */
  formData?: () => Promise<FormDataOf<N>>;
}

/**
 * The handler shared by every operation: GET shows the form; POST validates, runs the domain
 * function, then stores one record (storable-record.ts: details trimmed to the store's limits).
 * Nothing is stored unless processing succeeded. What differs
 * between operations comes from its descriptor (shared/operations) and its view (views/).
 */
export function operationRoute<N extends Operation>(
  name: N,
  process: Processor<N>,
  options: OperationRouteOptions<N> = {},
): (event: ALBEvent, context: Context) => Promise<ALBResult> {
  const operation = descriptorOf(name) as unknown as OperationDescriptor<N, FieldsOf<N>>;
  return albRoute({
    route: `/api/${name}`,
    methods: {
      GET: async () => {
        const data = await options.formData?.();
        const fields = ['text', 'id', ...operation.fields];
        return { status: 200, json: { operation: name, fields, ...data }, page: () => formPage(name, data) };
      },
      POST: async (request, { requestId }) => {
        // The form beside a result or an error is built only for a page: for translate it lists the
        // engine's languages, which a JSON client should not wait for (nor Google be asked for).
        const forPage = prefersHtml(request.headers.accept, request.query.format, false);
        let fields: Record<string, unknown> = {};
        try {
          fields = parseBodyFields(request);
          return await run(validateOperationInput(fields, operation.parse, config.maxTextChars), forPage);
        } catch (error) {
          // A refused request returns to the form with its text, so nothing typed is lost.
          if (!isAppError(error) || error.status >= 500) throw error;
          const data = forPage ? await formDataOrNone() : {};
          return {
            status: error.status,
            json: { error: { ...error.toJSON().error, requestId } },
            page: () => formPage(name, data, { text: kept(fields.text), id: kept(fields.id), error: { status: error.status, code: error.code, message: error.message, requestId } }),
            headers: error.headers,
          };
        }
      },
    },
    oversizedBodyPage: async (request, error) => {
      const { text, id } = keptFields(request);
      const fits = text !== undefined && utf8Bytes(escapeHtml(text)) <= MAX_PAGE_BYTES - PAGE_FRAME_BYTES;
      const note = fits ? error : { ...error, message: `${error.message}. The text is too long to show here again; your browser's Back button still has it.` };
      return formPage(name, await formDataOrNone(), { text: fits ? text : undefined, id, error: note });
    },
  });

  /** The form's data for a page that shows the form beside something else: without it when the engine cannot list it. */
  async function formDataOrNone(): Promise<object> {
    return (await options.formData?.().catch(() => undefined)) ?? {};
  }

  /** The text and id of a body the route refused, as sent, when it is a form or JSON that reads. */
  function keptFields(request: HttpRequest): { text?: string; id?: string } {
    try {
      const fields = parseBodyFields(request);
      return { text: kept(fields.text), id: kept(fields.id) };
    } catch {
      return {};
    }
  }

  async function run(input: OperationInput & FieldsOf<N>, forPage: boolean): Promise<Reply> {
    // A text the store could not keep even without a result is refused before the engine runs.
    assertStorable({ id: input.id, input: input.text, output: '' });
    const outcome = await process(input);
    const store = await getStore();
    const details = outcome.details ?? null;
    const record = await store.save(
      storableRecord({
        id: input.id,
        operation: name,
        input: input.text,
        output: outcome.output,
        sourceLanguage: outcome.sourceLanguage ?? null,
        details,
        // From the details in full, so the counts stay true when the stored ones are trimmed.
        summary: operation.summary({ input: input.text, output: outcome.output, details: details ?? {} }),
      }),
    );
    const { seq, id, input: text, output, sourceLanguage, createdAt } = record;
    const data = forPage ? await formDataOrNone() : {};
    return {
      status: 201,
      json: { seq, id, operation: name, input: text, output, ...(operation.answersSourceLanguage && { sourceLanguage }), createdAt, ...outcome.details },
      page: () => resultPage(record, outcome.details ?? {}, data),
    };
  }
}
