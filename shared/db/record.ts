import type { CachedTranslation, Operation, RecordDetails, TextRecord, TranslationCacheKey } from '../model.ts';

// The store keeps the model's records and cache entries.
export type { CachedTranslation, Operation, RecordDetails, TextRecord, TranslationCacheKey };

/** A record as the list shows it: the texts' first PREVIEW_CHARS characters, no details. */
export interface RecordEntry extends Omit<TextRecord, 'details'> {
  /** Whether `input` (or `output`) is the beginning of a longer text. */
  inputTruncated: boolean;
  outputTruncated: boolean;
}

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
