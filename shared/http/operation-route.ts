import type { ALBEvent, ALBResult, Context } from 'aws-lambda';
import type { Operation } from '../db/record.ts';
import { config, getStore } from '../runtime.ts';
import { parseBodyFields } from './body.ts';
import { formPage, resultPage, type FormLanguage } from './pages.ts';
import { albRoute } from './route.ts';
import { validateOperationInput, type OperationInput } from './validation.ts';

export interface OperationOutcome {
  output: string;
  sourceLanguage?: string | null;
  /** Fields the response adds for this operation, e.g. corrections or provider. */
  details?: { corrections?: Array<{ original: string; replacement: string }>; flags?: Array<{ original: string; reason: string }>; provider?: string; [key: string]: unknown };
}

export type Processor = (input: OperationInput) => Promise<OperationOutcome> | OperationOutcome;

export interface OperationRouteOptions {
  /** The languages GET lists (JSON `languages`, the form's select): translate's engine's. */
  languages?: () => Promise<readonly FormLanguage[]>;
}

/**
 * The handler shared by spell, space and translate: GET shows the form; POST validates, runs the
 * domain function, then stores one record. Nothing is stored unless processing succeeded.
 */
export function operationRoute(operation: Operation, process: Processor, options: OperationRouteOptions = {}): (event: ALBEvent, context: Context) => Promise<ALBResult> {
  return albRoute({
    route: `/api/${operation}`,
    methods: {
      GET: async () => {
        const languages = await options.languages?.();
        const fields = ['text', 'id', ...(operation === 'translate' ? ['source', 'target'] : []), ...(operation === 'spell' ? ['language', 'ignore'] : [])];
        return { status: 200, json: { operation, fields, ...(languages && { languages }) }, page: () => formPage(operation, {}, languages) };
      },
      POST: async (request) => {
        const input = validateOperationInput(parseBodyFields(request), operation, config.maxTextChars);
        const outcome = await process(input);
        const store = await getStore();
        const record = await store.save({
          id: input.id,
          operation,
          input: input.text,
          output: outcome.output,
          sourceLanguage: outcome.sourceLanguage ?? null,
          details: outcome.details ?? null,
        });
        const { seq, id, input: text, output, sourceLanguage, createdAt } = record;
        return {
          status: 201,
          json: { seq, id, operation, input: text, output, ...(operation === 'translate' && { sourceLanguage }), createdAt, ...outcome.details },
          page: () => resultPage({ record, corrections: outcome.details?.corrections, flags: outcome.details?.flags, provider: outcome.details?.provider }),
        };
      },
    },
  });
}
