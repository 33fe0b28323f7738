import type { CachedTranslation, NewRecord, RecordDetails, Operation, Page, PageRequest, RecordStore, TextRecord, TranslationCacheKey } from './record.ts';
import { fromSqlTimestamp, type Row, type SqlExecutor } from './executor.ts';
import {
  CREATE_MIGRATIONS_TABLE,
  INSERT_APPLIED_VERSION,
  INSERT_RECORD,
  MIGRATIONS,
  SELECT_APPLIED_VERSIONS,
  SELECT_CACHED_TRANSLATION,
  selectRecordsPage,
  UPSERT_CACHED_TRANSLATION,
} from './sql.ts';

const toRecord = (row: Row): TextRecord => ({
  seq: Number(row.seq),
  id: (row.tag as string | null) ?? null,
  operation: row.operation as Operation,
  input: String(row.input_text),
  output: String(row.output_text),
  sourceLanguage: (row.source_language as string | null) ?? null,
  createdAt: fromSqlTimestamp(String(row.created_at)),
  details: row.details === null || row.details === undefined ? null : (JSON.parse(String(row.details)) as RecordDetails),
});

/** The one store implementation; backends differ only in their executor. */
export function createSqlStore(executor: SqlExecutor, now: () => Date = () => new Date()): RecordStore {
  return {
    async save(record: NewRecord): Promise<TextRecord> {
      const createdAt = now();
      const result = await executor.execute(INSERT_RECORD, {
        tag: record.id,
        operation: record.operation,
        input: record.input,
        output: record.output,
        sourceLanguage: record.sourceLanguage,
        createdAt,
        details: record.details ? JSON.stringify(record.details) : null,
      });
      if (result.insertId === undefined) throw new Error('the database returned no id for the new record');
      // As it will read back: details through JSON, so a saved record equals the listed one.
      const details = record.details ? (JSON.parse(JSON.stringify(record.details)) as RecordDetails) : null;
      return { ...record, details, seq: result.insertId, createdAt: createdAt.toISOString() };
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
      const records = rows.slice(0, limit).map(toRecord);
      const last = records.at(-1);
      return { records, nextBeforeSeq: rows.length > limit && last ? last.seq : null };
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
