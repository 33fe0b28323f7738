import type { RecordDetails } from '../../model.ts';
import type { SafeHtml } from '../html.ts';

/**
 * An operation's HTML: its form's own inputs and what its result page shows of the details.
 * `FormData` is what the handler supplies for the form (and GET's JSON), e.g. the engine's languages.
 */
export interface OperationView<Details extends RecordDetails = RecordDetails, FormData extends object = object> {
  /** The form's inputs for the descriptor's fields. */
  formFields(data: Partial<FormData>): SafeHtml | '';
  /** The result page's line on the language: the one translated from and how it was found, the variant checked against. */
  sourceNote?(details: Partial<Details>, sourceLanguage: string | null): SafeHtml | '';
  /** The result page's part after the source language: what the engine reported. */
  resultDetails(details: Partial<Details>): SafeHtml | '';
}

/** Identity, for inference: the generics are checked. */
export const defineView = <Details extends RecordDetails, FormData extends object = object>(view: OperationView<Details, FormData>) => view;
