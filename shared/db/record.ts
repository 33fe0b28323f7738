import type { Operation } from '../operations/index.ts';

// The names come from the operations' descriptors; the store keeps any of them.
export type { Operation };

/** One stored result. `id` is the user's optional tag; `seq` is the store's own increasing number. */
export interface TextRecord {
  seq: number;
  id: string | null;
  operation: Operation;
  input: string;
  output: string;
  sourceLanguage: string | null;
  createdAt: string; // ISO 8601 UTC with milliseconds
  /** What the operation reported beside its output (corrections, provider…), as it answered them; null for none. */
  details: RecordDetails | null;
  /** The details in a few words ("3 corrections, 1 flag"), for the list; null for records stored before summaries. */
  summary: string | null;
}

/** A record as the list shows it: the texts' first PREVIEW_CHARS characters, no details. */
export interface RecordEntry extends Omit<TextRecord, 'details'> {
  /** Whether `input` (or `output`) is the beginning of a longer text. */
  inputTruncated: boolean;
  outputTruncated: boolean;
}

/** A JSON object: stored as JSON text, so new fields of an operation need no migration. */
export type RecordDetails = Record<string, unknown>;

export type NewRecord = Omit<TextRecord, 'seq' | 'createdAt' | 'details' | 'summary'> & { details?: RecordDetails | null; summary?: string | null };

export interface RecordFilter {
  id?: string;
  operation?: Operation;
}

export interface PageRequest extends RecordFilter {
  limit: number;
  /** Only records with a smaller seq: the keyset of the previous page. */
  beforeSeq?: number;
}

export interface Page {
  records: RecordEntry[];
  /** The keyset for the next page, or null on the last page. */
  nextBeforeSeq: number | null;
}

/** Identifies one cached translation: which engine, from which language (or 'auto'), into which, of which text. */
export interface TranslationCacheKey {
  provider: string;
  /** The source the engine was given, or 'auto' when it detected one itself. */
  source: string;
  target: string;
  /** SHA-256 of the input text, hex. */
  textHash: string;
}

export interface CachedTranslation {
  text: string;
  sourceLanguage: string | null;
  /** Words the engine could not translate, when it counts them (Apertium). */
  unknownWords?: number;
}

/** What every backend offers the functions; created once per cold start. */
export interface RecordStore {
  /** Refuses (TEXT_TOO_LONG) a record over MAX_STORED_BYTES (record-size.ts) before writing anything. */
  save(record: NewRecord): Promise<TextRecord>;
  list(request: PageRequest): Promise<Page>;
  /** One record in full, or null when no record has this seq. */
  get(seq: number): Promise<TextRecord | null>;
  findTranslation(key: TranslationCacheKey): Promise<CachedTranslation | null>;
  /** Stores or replaces the translation under its key; concurrent writers of one key do not fail. */
  saveTranslation(key: TranslationCacheKey, value: CachedTranslation): Promise<void>;
  /** Applies pending schema migrations; returns the versions applied now. */
  migrate(): Promise<number[]>;
  close(): Promise<void>;
}
