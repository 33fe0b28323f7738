import type { CachedTranslation, Operation, RecordDetails, TextRecord, TranslationCacheKey } from '../model.ts';
import type { NewRecord, RecordEntry, Page, PageRequest, RecordStore } from './record.ts';
import { fromSqlTimestamp, type Row, type SqlExecutor } from './executor.ts';
import { assertStorable, preview } from './record-size.ts';
import {
  CREATE_MIGRATIONS_TABLE,
  INSERT_APPLIED_VERSION,
  INSERT_RECORD,
  MIGRATIONS,
  SELECT_APPLIED_VERSIONS,
  SELECT_CACHED_TRANSLATION,
  SELECT_RECORD,
  selectRecordsPage,
  UPSERT_CACHED_TRANSLATION,
} from './sql.ts';

const commonFields = (row: Row) => ({
  seq: Number(row.seq),
  id: (row.tag as string | null) ?? null,
  operation: row.operation as Operation,
  sourceLanguage: (row.source_language as string | null) ?? null,
  createdAt: fromSqlTimestamp(String(row.created_at)),
  summary: (row.summary as string | null) ?? null,
});

const toRecord = (row: Row): TextRecord => ({
  ...commonFields(row),
  input: String(row.input_text),
  output: String(row.output_text),
  details: row.details === null || row.details === undefined ? null : (JSON.parse(String(row.details)) as RecordDetails),
});

const toEntry = (row: Row): RecordEntry => {
  const input = preview(String(row.input_start));
  const output = preview(String(row.output_start));
  const { seq, id, operation, sourceLanguage, createdAt, summary } = commonFields(row);
  return { seq, id, operation, input: input.text, inputTruncated: input.truncated, output: output.text, outputTruncated: output.truncated, sourceLanguage, createdAt, summary };
};

/** The one store implementation; backends differ only in their executor. */
export function createSqlStore(executor: SqlExecutor, now: () => Date = () => new Date()): RecordStore {
  return {
    async save(record: NewRecord): Promise<TextRecord> {
      assertStorable(record);
      const createdAt = now();
      const result = await executor.execute(INSERT_RECORD, {
        tag: record.id,
        operation: record.operation,
        input: record.input,
        output: record.output,
        sourceLanguage: record.sourceLanguage,
        createdAt,
        details: record.details ? JSON.stringify(record.details) : null,
        summary: record.summary ?? null,
      });
      if (result.insertId === undefined) throw new Error('the database returned no id for the new record');
      // As it will read back: details through JSON, so a saved record equals the listed one.
      const details = record.details ? (JSON.parse(JSON.stringify(record.details)) as RecordDetails) : null;
      return { ...record, details, summary: record.summary ?? null, seq: result.insertId, createdAt: createdAt.toISOString() };
    },

    async list({ limit, beforeSeq, id, operation }: PageRequest): Promise<Page> {
      // One extra row tells whether a next page exists without a COUNT.
      const sql = selectRecordsPage(
        { tag: id !== undefined, operation: operation !== undefined, beforeSeq: beforeSeq !== undefined },
        limit + 1,
      );
      const params = {
        ...(id !== undefined && { tag: id }),
        ...(operation !== undefined && { operation }),
        ...(beforeSeq !== undefined && { beforeSeq }),
      };
      const { rows } = await executor.execute(sql, params);
      const records = rows.slice(0, limit).map(toEntry);
      const last = records.at(-1);
      return { records, nextBeforeSeq: rows.length > limit && last ? last.seq : null };
    },

    async get(seq: number): Promise<TextRecord | null> {
      const { rows } = await executor.execute(SELECT_RECORD, { seq });
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async findTranslation({ provider, source, target, textHash }: TranslationCacheKey): Promise<CachedTranslation | null> {
      const { rows } = await executor.execute(SELECT_CACHED_TRANSLATION, { provider, sourceKey: source, target, textHash });
      const row = rows[0];
      if (!row) return null;
      const unknownWords = row.unknown_words == null ? undefined : Number(row.unknown_words);
      return { text: String(row.output_text), sourceLanguage: (row.source_language as string | null) ?? null, ...(unknownWords !== undefined && { unknownWords }) };
    },

    async saveTranslation({ provider, source, target, textHash }: TranslationCacheKey, { text, sourceLanguage, unknownWords }: CachedTranslation): Promise<void> {
      await executor.execute(UPSERT_CACHED_TRANSLATION[executor.dialect], {
        provider,
        sourceKey: source,
        target,
        textHash,
        output: text,
        sourceLanguage,
        unknownWords: unknownWords ?? null,
        createdAt: now(),
      });
    },

    async migrate(): Promise<number[]> {
      await executor.execute(CREATE_MIGRATIONS_TABLE[executor.dialect]);
      const { rows } = await executor.execute(SELECT_APPLIED_VERSIONS);
      const applied = new Set(rows.map((row) => Number(row.version)));
      const done: number[] = [];
      for (const migration of MIGRATIONS) {
        if (applied.has(migration.version)) continue;
        for (const statement of migration.statements[executor.dialect]) await executor.execute(statement);
        await executor.execute(INSERT_APPLIED_VERSION, { version: migration.version, appliedAt: now() });
        done.push(migration.version);
      }
      return done;
    },

    close: () => executor.close(),
  };
}
