/**
 * How large a stored record and a listed preview may be. The Data API answers at most 64 KB per
 * row of a result set, so a record's texts must fit one row with room for its other columns;
 * the list reads only the texts' beginnings, so a page of them stays far below the 1 MiB a
 * response may carry (docs/deployment.md has the arithmetic).
 */
import { AppError } from '../errors.ts';
import type { RecordDetails } from '../model.ts';
import type { NewRecord } from './record.ts';

/** input + output + details (as JSON) + tag + summary, in UTF-8 bytes as utf8mb4 stores them. */
export const MAX_STORED_BYTES = 60 * 1024;

/** Characters (code points) of input and output the list shows. */
export const PREVIEW_CHARS = 300;

const utf8 = (text: string | null | undefined) => (text ? Buffer.byteLength(text) : 0);

export const storedBytes = ({ id, input, output, details, summary }: Pick<NewRecord, 'id' | 'input' | 'output' | 'details' | 'summary'>): number =>
  utf8(id) + utf8(input) + utf8(output) + utf8(details ? JSON.stringify(details) : null) + utf8(summary);

export function assertStorable(record: Pick<NewRecord, 'id' | 'input' | 'output' | 'details' | 'summary'>): void {
  const bytes = storedBytes(record);
  if (bytes > MAX_STORED_BYTES) {
    throw new AppError('TEXT_TOO_LONG', `the text and its result take ${bytes} bytes in UTF-8; a record holds at most ${MAX_STORED_BYTES}: send a shorter text`);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The details, smaller, marked `truncated: true`: every list item loses its `alternatives`, then
 * each top-level list keeps only its first `share` (0–1) of items. Items stay in their order, so
 * what is kept of corrections or flags is the beginning of the text's.
 */
export function trimmedDetails(details: RecordDetails, share: number): RecordDetails {
  const trimmed: RecordDetails = {};
  for (const [key, value] of Object.entries(details)) {
    if (!Array.isArray(value)) {
      trimmed[key] = value;
      continue;
    }
    const items = value.map((item: unknown) => {
      if (!isPlainObject(item) || !('alternatives' in item)) return item;
      const { alternatives: _dropped, ...rest } = item;
      return rest;
    });
    trimmed[key] = share >= 1 ? items : items.slice(0, Math.floor(items.length * share));
  }
  return { ...trimmed, truncated: true };
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A text's beginning as the list shows it, from the first PREVIEW_CHARS + 1 code points the SQL
 * read: cut before the user-perceived character that holds code point PREVIEW_CHARS + 1, so no
 * emoji, flag or accent is split.
 */
export function preview(beginning: string): { text: string; truncated: boolean } {
  let end = 0;
  let points = 0;
  for (const point of beginning) {
    if (points++ === PREVIEW_CHARS) break;
    end += point.length;
  }
  if (end === beginning.length) return { text: beginning, truncated: false };
  return { text: beginning.slice(0, GRAPHEMES.segment(beginning).containing(end)!.index), truncated: true };
}
