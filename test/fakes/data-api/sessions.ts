/**
 * The database side of the fake: a mysql2 pool per database user, each pooled session on the
 * request's schema, and the Data API's transactions, each holding one connection until it is
 * committed, rolled back or left idle too long.
 */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { Pool, PoolConnection } from 'mysql2/promise';
import { badRequest, mysqlErrorToAws } from './errors.ts';
import { requireString, type Json } from './json.ts';

export interface SessionOptions {
  mysqlUrl: string;
  /** Idle time after which an open transaction is rolled back. */
  transactionTimeoutMs: number;
  /** Database credentials per secretArn (see DataApiServerOptions). */
  credentials?: Record<string, { username: string; password: string }> | undefined;
}

interface Transaction {
  id: string;
  conn: PoolConnection;
  chain: Promise<unknown>;
  timer?: NodeJS.Timeout;
}

type Input = { [key: string]: Json };

const createPoolFor = (uri: string): Pool =>
  mysql.createPool({
    uri,
    charset: 'utf8mb4',
    // Exact BIGINT/DECIMAL and DATETIME text, as MySQL sends them.
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    dateStrings: true,
    jsonStrings: true,
    multipleStatements: false,
    connectionLimit: 10,
    typeCast: (field, next) => (field.type === 'GEOMETRY' ? field.buffer() : next()),
  });

const databaseOf = (input: Input) => (typeof input.database === 'string' && input.database !== '' ? input.database : undefined);

export class Sessions {
  private readonly defaultDatabase: string | undefined;
  private readonly pool: Pool;
  private readonly userPools = new Map<string, Pool>();
  private readonly transactions = new Map<string, Transaction>();
  // Which schema each pooled session is on, by thread id, so USE runs only on a change.
  private readonly sessionDatabase = new Map<number, string | null>();

  constructor(private readonly options: SessionOptions) {
    const url = new URL(options.mysqlUrl);
    this.defaultDatabase = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
    this.pool = createPoolFor(options.mysqlUrl);
  }

  /** The pool of the user the request's secret names. */
  private poolFor(input: Input): Pool {
    const secretArn = typeof input.secretArn === 'string' ? input.secretArn : '';
    const credentials = this.options.credentials?.[secretArn];
    if (!credentials) return this.pool;
    let userPool = this.userPools.get(secretArn);
    if (!userPool) {
      const uri = new URL(this.options.mysqlUrl);
      uri.username = encodeURIComponent(credentials.username);
      uri.password = encodeURIComponent(credentials.password);
      userPool = createPoolFor(uri.toString());
      this.userPools.set(secretArn, userPool);
    }
    return userPool;
  }

  private async prepareSession(conn: PoolConnection, database: string | undefined) {
    if (!this.sessionDatabase.has(conn.threadId)) {
      // Aurora's default time_zone is UTC; TIMESTAMP text depends on it.
      await conn.query("SET time_zone = '+00:00'");
      this.sessionDatabase.set(conn.threadId, this.defaultDatabase ?? null);
    }
    const target = database ?? this.defaultDatabase;
    if (target !== undefined && this.sessionDatabase.get(conn.threadId) !== target) {
      await conn.query(`USE ${mysql.escapeId(target)}`);
      this.sessionDatabase.set(conn.threadId, target);
    }
  }

  /** The statement may have switched schema itself: the next user of the session re-selects. */
  forgetSchema(conn: PoolConnection): void {
    this.sessionDatabase.set(conn.threadId, null);
  }

  private async withPooled<T>(from: Pool, database: string | undefined, fn: (conn: PoolConnection) => Promise<T>): Promise<T> {
    let conn: PoolConnection;
    try {
      conn = await from.getConnection();
    } catch (error) {
      throw mysqlErrorToAws(error);
    }
    try {
      await this.prepareSession(conn, database);
      return await fn(conn);
    } finally {
      conn.release();
    }
  }

  private findTransaction(id: string): Transaction {
    const tx = this.transactions.get(id);
    if (!tx) throw badRequest(`Transaction ${id} is not found`);
    return tx;
  }

  private armTimer(tx: Transaction) {
    clearTimeout(tx.timer);
    tx.timer = setTimeout(() => void this.finishTransaction(tx, 'rollback').catch(() => {}), this.options.transactionTimeoutMs);
    tx.timer.unref();
  }

  /** Statements of one transaction run one at a time, in arrival order, on its connection. */
  private inTransaction<T>(tx: Transaction, fn: (conn: PoolConnection) => Promise<T>): Promise<T> {
    clearTimeout(tx.timer);
    const run = tx.chain.then(() => fn(tx.conn));
    tx.chain = run.then(
      () => this.transactions.has(tx.id) && this.armTimer(tx),
      () => this.transactions.has(tx.id) && this.armTimer(tx),
    );
    return run;
  }

  private async finishTransaction(tx: Transaction, how: 'commit' | 'rollback'): Promise<void> {
    // Gone from the map at once: later calls with this id are "not found", queued ones still run first.
    this.transactions.delete(tx.id);
    clearTimeout(tx.timer);
    await tx.chain;
    try {
      if (how === 'commit') await tx.conn.commit();
      else await tx.conn.rollback();
      tx.conn.release();
    } catch (error) {
      tx.conn.destroy();
      throw mysqlErrorToAws(error);
    }
  }

  /** Runs on the transaction's connection when there is one, else on a pooled connection. */
  onConnection<T>(input: Input, fn: (conn: PoolConnection, inTx: boolean) => Promise<T>): Promise<T> {
    const transactionId = input.transactionId;
    if (typeof transactionId === 'string' && transactionId !== '') {
      return this.inTransaction(this.findTransaction(transactionId), (conn) => fn(conn, true));
    }
    return this.withPooled(this.poolFor(input), databaseOf(input), (conn) => fn(conn, false));
  }

  async beginTransaction(input: Input): Promise<Record<string, unknown>> {
    let conn: PoolConnection;
    try {
      conn = await this.poolFor(input).getConnection();
    } catch (error) {
      throw mysqlErrorToAws(error);
    }
    try {
      await this.prepareSession(conn, databaseOf(input));
      await conn.beginTransaction();
    } catch (error) {
      conn.release();
      throw mysqlErrorToAws(error);
    }
    const tx: Transaction = { id: randomBytes(48).toString('base64'), conn, chain: Promise.resolve() };
    this.transactions.set(tx.id, tx);
    this.armTimer(tx);
    return { transactionId: tx.id };
  }

  async endTransaction(input: Input, how: 'commit' | 'rollback') {
    const tx = this.findTransaction(requireString(input, 'transactionId'));
    await this.finishTransaction(tx, how);
    return { transactionStatus: how === 'commit' ? 'Transaction Committed' : 'Rollback Complete' };
  }

  /** Rolls back the open transactions. */
  async rollBackAll(): Promise<void> {
    await Promise.allSettled([...this.transactions.values()].map((tx) => this.finishTransaction(tx, 'rollback')));
  }

  /** Ends every pool: the last step of closing. */
  async endPools(): Promise<void> {
    await Promise.all([this.pool, ...this.userPools.values()].map((p) => p.end()));
  }
}
