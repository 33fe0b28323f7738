/**
 * What a record keeps of a result. Everything, when its row fits the store (MAX_STORED_BYTES)
 * and its record page fits a page in HTML and JSON; otherwise the details trimmed as little as
 * needed (trimmedDetails: alternatives first, then the end of each list), marked `truncated`.
 * A result whose texts alone do not fit is refused with TEXT_TOO_LONG, and nothing is stored.
 */
import { AppError } from '../errors.ts';
import type { NewRecord } from '../db/record.ts';
import type { RecordDetails, TextRecord } from '../model.ts';
import { assertStorable, MAX_STORED_BYTES, storedBytes, trimmedDetails } from '../db/record-size.ts';
import { MAX_PAGE_BYTES, PAGE_FRAME_BYTES, utf8Bytes } from './page-size.ts';
import { recordPage } from './pages.ts';

// Halving the kept share this many times gets within 1/4096 of the most that fits.
const SEARCH_STEPS = 12;

export function storableRecord(record: NewRecord): NewRecord {
  const { details } = record;
  const fits = (candidate: RecordDetails | null | undefined) => {
    const trial = { ...record, details: candidate };
    if (storedBytes(trial) > MAX_STORED_BYTES) return false;
    // The longest seq and a time stand in for the ones the store gives.
    const stored: TextRecord = { ...trial, details: candidate ?? null, summary: record.summary ?? null, seq: Number.MAX_SAFE_INTEGER, createdAt: new Date().toISOString() };
    const budget = MAX_PAGE_BYTES - PAGE_FRAME_BYTES;
    return utf8Bytes(JSON.stringify(stored)) <= budget && utf8Bytes(recordPage(stored).value) <= budget;
  };
  if (fits(details)) return record;
  assertStorable({ ...record, details: null });
  if (!details || !fits(trimmedDetails(details, 0))) throw new AppError('TEXT_TOO_LONG', 'the text and its result are too large to store and show on one page: send a shorter text');
  if (fits(trimmedDetails(details, 1))) return { ...record, details: trimmedDetails(details, 1) };
  let [kept, over] = [0, 1];
  for (let step = 0; step < SEARCH_STEPS; step++) {
    const share = (kept + over) / 2;
    if (fits(trimmedDetails(details, share))) kept = share;
    else over = share;
  }
  return { ...record, details: trimmedDetails(details, kept) };
}
