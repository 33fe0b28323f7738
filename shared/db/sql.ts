/**
 * Every statement the store runs, written once with `:name` parameters. MySQL (through mysql2 and
 * the Data API) and SQLite run the same DML; only the DDL differs per dialect.
 */
import type { Dialect } from './executor.ts';

export interface Migration {
  version: number;
  description: string;
  statements: Record<Dialect, string[]>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'records table with the indexes the home page filters use',
    statements: {
      mysql: [
        `CREATE TABLE IF NOT EXISTS records (
          seq BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
          tag VARCHAR(64) COLLATE utf8mb4_bin NULL,
          operation VARCHAR(16) NOT NULL,
          input_text MEDIUMTEXT NOT NULL,
          output_text MEDIUMTEXT NOT NULL,
          source_language VARCHAR(8) NULL,
          created_at DATETIME(3) NOT NULL,
          KEY records_tag_seq (tag, seq),
          KEY records_operation_seq (operation, seq)
        ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      ],
      sqlite: [
        `CREATE TABLE IF NOT EXISTS records (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          tag TEXT NULL,
          operation TEXT NOT NULL,
          input_text TEXT NOT NULL,
          output_text TEXT NOT NULL,
          source_language TEXT NULL,
          created_at TEXT NOT NULL
        )`,
        'CREATE INDEX IF NOT EXISTS records_tag_seq ON records (tag, seq)',
        'CREATE INDEX IF NOT EXISTS records_operation_seq ON records (operation, seq)',
      ],
    },
  },
];

export const CREATE_MIGRATIONS_TABLE: Record<Dialect, string> = {
  mysql: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INT NOT NULL PRIMARY KEY,
    applied_at DATETIME(3) NOT NULL
  ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`,
  sqlite: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER NOT NULL PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`,
};

export const SELECT_APPLIED_VERSIONS = 'SELECT version FROM schema_migrations ORDER BY version';
export const INSERT_APPLIED_VERSION = 'INSERT INTO schema_migrations (version, applied_at) VALUES (:version, :appliedAt)';

export const INSERT_RECORD = `INSERT INTO records (tag, operation, input_text, output_text, source_language, created_at)
  VALUES (:tag, :operation, :input, :output, :sourceLanguage, :createdAt)`;

const RECORD_COLUMNS = 'seq, tag, operation, input_text, output_text, source_language, created_at';

/**
 * Keyset page, newest first: `seq < :beforeSeq` instead of OFFSET so that deep pages cost
 * the same as the first. Only the conditions in use are added, so each filter can use its index.
 * `limit` is a validated integer, inlined because LIMIT placeholders are not portable.
 */
export function selectRecordsPage(filter: { tag: boolean; operation: boolean; beforeSeq: boolean }, limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`bad limit ${limit}`);
  const conditions = [
    filter.tag && 'tag = :tag',
    filter.operation && 'operation = :operation',
    filter.beforeSeq && 'seq < :beforeSeq',
  ].filter(Boolean);
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  return `SELECT ${RECORD_COLUMNS} FROM records${where} ORDER BY seq DESC LIMIT ${limit}`;
}
