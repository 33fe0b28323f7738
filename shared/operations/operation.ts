import type { RecordDetails } from '../model.ts';

/**
 * One operation as the HTTP edge serves it; its HTML is its view (shared/http/views). `Fields` are
 * what `parse` adds to text and id, `Details` what the engine reports beside its output.
 */
export interface OperationDescriptor<Name extends string = string, Fields extends object = object, Details extends RecordDetails = RecordDetails> {
  name: Name;
  /** The page title and the navigation link's text. */
  title: string;
  /** The form's button, named for what it does: "Check spelling". */
  action: string;
  /** The form page's meta description, for search results and link previews. */
  description: string;
  /** What the home page calls its requests: "spelling requests". */
  noun: string;
  /** Request fields beyond text and id, in the order GET lists them. */
  fields: readonly string[];
  /** Validates those fields (VALIDATION_FAILED otherwise) into what the engine is given. */
  parse(fields: Record<string, unknown>): Fields;
  /** Whether POST's JSON answers the record's sourceLanguage (translate's detected language). */
  answersSourceLanguage: boolean;
  /** What the engine reported in a few words for the list ("3 corrections, 1 flag"), stored with the record. */
  summary(result: { input: string; output: string; details: Partial<Details> }): string;
}

/** Identity, for inference: the name stays a literal type and the generics are checked. */
export const defineOperation = <Name extends string, Fields extends object, Details extends RecordDetails>(descriptor: OperationDescriptor<Name, Fields, Details>) => descriptor;

/** "1 correction", "3 flags": a count and its noun, for the summaries. */
export const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
