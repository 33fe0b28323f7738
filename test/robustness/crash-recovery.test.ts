/**
 * A process killed in the middle of requests on the embedded store: SIGKILL, no chance to close.
 * The store must open cleanly afterwards (the write-ahead log is replayed), pass SQLite's integrity
 * check, keep every record it acknowledged, and hold no torn record.
 */
import { afterAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteExecutor } from '../../shared/db/executors/sqlite.ts';
import { createSqlStore } from '../../shared/db/sql-store.ts';
import { allRecords } from '../support/service.ts';
import { recordInput, recordOutput } from '../fixtures/crash-records.ts';

const dir = mkdtempSync(join(tmpdir(), 'text-service-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until it has acknowledged `count` records, then kills it; resolves with the last id it acknowledged. */
function writeThenKill(path: string, count: number): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent' };
  delete env.NODE_OPTIONS; // jest's VM-modules flag is not for the child
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../fixtures/killed-writer.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let acknowledged = 0;
    let stderr = '';
    let pending = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) acknowledged = Number(line);
      if (acknowledged >= count && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    // 'close', not 'exit': every line the writer printed has been read by then.
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`the writer exited by itself (${code}):\n${stderr}`));
    });
  });
}

it('opens cleanly after a SIGKILL mid-write, keeps every acknowledged record, and holds no partial one', async () => {
  const path = join(dir, 'records.db');
  const acknowledged = await writeThenKill(path, 150);
  // The kill left committed pages in the write-ahead log, not yet checkpointed into the database.
  expect(existsSync(`${path}-wal`)).toBe(true);

  const store = createSqlStore(createSqliteExecutor(path));
  const records = await allRecords(store);
  await store.close();

  const ids = records.map((r) => Number(r.id!.replace('crash-', ''))).reverse();
  // Everything acknowledged is there, in order; at most the one request in flight got further.
  expect(ids.slice(0, acknowledged)).toEqual(Array.from({ length: acknowledged }, (_, i) => i + 1));
  expect(ids.length - acknowledged).toBeLessThanOrEqual(1);
  for (const record of records) {
    const n = Number(record.id!.replace('crash-', ''));
    expect(record.input === recordInput(n) && record.output === recordOutput(record.input)).toBe(true);
  }

  const db = new Database(path, { readonly: true });
  expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  db.close();
}, 60_000);
