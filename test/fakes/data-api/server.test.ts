import {
  BadRequestException,
  BatchExecuteStatementCommand,
  BeginTransactionCommand,
  CommitTransactionCommand,
  DatabaseResumingException,
  ExecuteStatementCommand,
  RDSDataClient,
  RollbackTransactionCommand,
  type ExecuteStatementCommandInput,
  type SqlParameter,
} from '@aws-sdk/client-rds-data';
import { startDataApiServer, type DataApiServer } from './server.ts';

// The SDK warns once per process that Node 20 support ends; not our concern here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const MYSQL_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
const DATABASE = new URL(MYSQL_URL).pathname.slice(1) || 'test';
const TABLE = `dapi_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
const ARNS = {
  resourceArn: 'arn:aws:rds:us-east-1:123456789012:cluster:loopback',
  secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:loopback',
};
// 2^53 + 1: the smallest integer a double cannot hold.
const BIG = '9007199254740993';

let server: DataApiServer;
let client: RDSDataClient;

const makeClient = (endpoint: string) =>
  new RDSDataClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'AKIDLOOPBACK', secretAccessKey: 'loopback' },
    maxAttempts: 1,
  });

const params = (values: Record<string, SqlParameter['value'] | [SqlParameter['value'], SqlParameter['typeHint']]>) =>
  Object.entries(values).map(([name, value]): SqlParameter =>
    Array.isArray(value) ? { name, value: value[0], typeHint: value[1] } : { name, value },
  );

const exec = (sql: string, extra: Partial<ExecuteStatementCommandInput> = {}, via = client) =>
  via.send(new ExecuteStatementCommand({ ...ARNS, database: DATABASE, sql, ...extra }));

/** POSTs to the server without the SDK, to see the bytes AWS's wire format puts there. */
async function raw(path: string, body: object): Promise<{ status: number; headers: Headers; text: string }> {
  const response = await fetch(`${server.endpoint}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

beforeAll(async () => {
  server = await startDataApiServer({ mysqlUrl: MYSQL_URL });
  client = makeClient(server.endpoint);
  await exec(`CREATE TABLE ${TABLE} (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(100) CHARACTER SET utf8mb4 NOT NULL,
    big BIGINT NULL,
    ratio DOUBLE NULL,
    amount DECIMAL(14,4) NULL,
    happened DATETIME(3) NULL,
    flag TINYINT(1) NULL,
    payload BLOB NULL
  )`);
});

afterAll(async () => {
  await exec(`DROP TABLE IF EXISTS ${TABLE}`).catch(() => {});
  client?.destroy();
  await server?.close();
});

describe('ExecuteStatement', () => {
  test('an INSERT reports the auto-increment id in generatedFields', async () => {
    const output = await exec(`INSERT INTO ${TABLE} (name) VALUES (:name)`, {
      parameters: params({ name: { stringValue: 'first' } }),
    });
    expect(output.numberOfRecordsUpdated).toBe(1);
    expect(output.generatedFields).toEqual([{ longValue: expect.any(Number) }]);
    expect(output.generatedFields![0]!.longValue).toBeGreaterThan(0);
  });

  test('includeResultMetadata returns records and JDBC-style column metadata', async () => {
    const output = await exec(`SELECT id, name AS label_name FROM ${TABLE} WHERE name = :name`, {
      parameters: params({ name: { stringValue: 'first' } }),
      includeResultMetadata: true,
    });
    expect(output.records).toEqual([[{ longValue: expect.any(Number) }, { stringValue: 'first' }]]);
    expect(output.formattedRecords).toBeUndefined();
    expect(output.columnMetadata).toEqual([
      expect.objectContaining({
        name: 'id', label: 'id', typeName: 'BIGINT', type: -5, tableName: TABLE,
        isAutoIncrement: true, isSigned: true, nullable: 0, precision: 20, scale: 0,
      }),
      expect.objectContaining({ name: 'name', label: 'label_name', typeName: 'VARCHAR', type: 12, nullable: 0, precision: 100 }),
    ]);
    const plain = await exec(`SELECT id FROM ${TABLE}`);
    expect(plain.columnMetadata).toBeUndefined();
  });

  test('formatRecordsAs JSON returns formattedRecords instead of records', async () => {
    const output = await exec(`SELECT name, NULL AS nothing FROM ${TABLE} WHERE name = :name`, {
      parameters: params({ name: { stringValue: 'first' } }),
      formatRecordsAs: 'JSON',
    });
    expect(output.records).toBeUndefined();
    expect(output.columnMetadata).toBeUndefined();
    expect(JSON.parse(output.formattedRecords!)).toEqual([{ name: 'first', nothing: null }]);
  });

  test('values round-trip with the Data API field mapping', async () => {
    const payload = new Uint8Array([0, 1, 2, 250, 255]);
    const inserted = await exec(
      `INSERT INTO ${TABLE} (name, big, ratio, amount, happened, flag, payload)
       VALUES (:name, :big, :ratio, :amount, :happened, :flag, :payload)`,
      {
        parameters: params({
          name: { stringValue: 'emoji 😀 and ünïcödé' },
          // The SDK writes a bigint as its exact digits; its type says number.
          big: { longValue: BigInt(BIG) as unknown as number },
          ratio: { doubleValue: 0.1 + 0.2 },
          amount: [{ stringValue: '12345678.9012' }, 'DECIMAL'],
          happened: [{ stringValue: '2024-02-29 13:45:59.123' }, 'TIMESTAMP'],
          flag: { booleanValue: true },
          payload: { blobValue: payload },
        }),
      },
    );
    const id = inserted.generatedFields![0]!.longValue!;
    const select = `SELECT name, big, ratio, amount, happened, flag, payload, NULL AS nothing FROM ${TABLE} WHERE id = :id`;
    const output = await exec(select, { parameters: params({ id: { longValue: id } }) });
    const [name, big, ratio, amount, happened, flag, blob, nothing] = output.records![0]!;
    expect(name).toEqual({ stringValue: 'emoji 😀 and ünïcödé' });
    // AWS sends the exact integer as a JSON number; the SDK reads it with JSON.parse, so it arrives rounded.
    expect(big).toEqual({ longValue: Number(BIG) });
    expect(ratio).toEqual({ doubleValue: 0.30000000000000004 });
    expect(amount).toEqual({ stringValue: '12345678.9012' });
    expect(happened).toEqual({ stringValue: '2024-02-29 13:45:59.123' });
    expect(flag).toEqual({ booleanValue: true });
    expect(blob!.blobValue).toEqual(payload);
    expect(nothing).toEqual({ isNull: true });

    // On the wire the digits are exact ...
    const wire = await raw('/Execute', { ...ARNS, database: DATABASE, sql: `SELECT big FROM ${TABLE} WHERE id = ${id}` });
    expect(wire.text).toContain(`{"longValue":${BIG}}`);
    // ... and longReturnType STRING (AWS's remedy) brings them through the SDK intact.
    const asString = await exec(`SELECT big FROM ${TABLE} WHERE id = :id`, {
      parameters: params({ id: { longValue: id } }),
      resultSetOptions: { longReturnType: 'STRING' },
    });
    expect(asString.records).toEqual([[{ stringValue: BIG }]]);
    const json = await exec(`SELECT big, amount, flag FROM ${TABLE} WHERE id = :id`, {
      parameters: params({ id: { longValue: id } }),
      formatRecordsAs: 'JSON',
    });
    expect(json.formattedRecords).toBe(`[{"big":${BIG},"amount":"12345678.9012","flag":true}]`);
  });

  test('a named parameter inside a string literal is left alone', async () => {
    const output = await exec(`SELECT ':value' AS literal, :value AS bound`, {
      parameters: params({ value: { longValue: 7 } }),
    });
    expect(output.records).toEqual([[{ stringValue: ':value' }, { longValue: 7 }]]);
  });

  test('an UPDATE reports numberOfRecordsUpdated', async () => {
    await exec(`INSERT INTO ${TABLE} (name) VALUES ('upd'), ('upd')`);
    const output = await exec(`UPDATE ${TABLE} SET ratio = :ratio WHERE name = :name`, {
      parameters: params({ ratio: { doubleValue: 2.5 }, name: { stringValue: 'upd' } }),
    });
    expect(output.numberOfRecordsUpdated).toBe(2);
    expect(output.generatedFields).toEqual([]);
  });
});

describe('errors', () => {
  test('a SQL error is a BadRequestException carrying the MySQL message', async () => {
    const error = await exec(`SELECT * FROM ${TABLE}_missing`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).message).toBe(`Table '${DATABASE}.${TABLE}_missing' doesn't exist`);
    expect((error as BadRequestException).$metadata.httpStatusCode).toBe(400);
  });

  test('a parameter used in the SQL but not supplied is a BadRequestException', async () => {
    await expect(
      exec(`SELECT :present, :absent`, { parameters: params({ present: { longValue: 1 } }) }),
    ).rejects.toThrow(BadRequestException);
  });

  test('a malformed TIMESTAMP typeHint value is a BadRequestException', async () => {
    await expect(
      exec(`SELECT :at`, { parameters: params({ at: [{ stringValue: '2024-02-30T10:00:00' }, 'TIMESTAMP'] }) }),
    ).rejects.toThrow(BadRequestException);
  });

  test('resourceArn and secretArn are required', async () => {
    await expect(exec('SELECT 1', { secretArn: undefined })).rejects.toThrow(BadRequestException);
    const wire = await raw('/Execute', { resourceArn: ARNS.resourceArn, sql: 'SELECT 1' });
    expect(wire.status).toBe(400);
    expect(wire.headers.get('x-amzn-errortype')).toMatch(/^BadRequestException:/);
    expect(JSON.parse(wire.text)).toEqual({ message: 'secretArn is required' });
  });

  test('a result row over 64 KB is a BadRequestException, as AWS answers it; one under passes', async () => {
    const error = await exec(`SELECT REPEAT('x', 40000) AS a, REPEAT('é', 13000) AS b`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    expect((error as BadRequestException).message).toMatch(/^Packet for query is too large \(66000 > 65536\)/);
    const fits = await exec(`SELECT REPEAT('x', 40000) AS a, REPEAT('é', 12000) AS b`);
    expect(fits.records![0]![1]!.stringValue).toHaveLength(12_000);
  });

  test('failNext makes the SDK throw DatabaseResumingException, then service resumes', async () => {
    const before = server.calls.ExecuteStatement!;
    server.failNext(2, 'DatabaseResumingException');
    for (let i = 0; i < 2; i++) {
      const error = await exec('SELECT 1').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseResumingException);
      expect((error as DatabaseResumingException).$metadata.httpStatusCode).toBe(400);
    }
    await expect(exec('SELECT 1')).resolves.toMatchObject({ records: [[{ longValue: 1 }]] });
    expect(server.calls.ExecuteStatement).toBe(before + 3);
  });
});

describe('BatchExecuteStatement', () => {
  test('runs every parameter set and reports generatedFields per set', async () => {
    const output = await client.send(
      new BatchExecuteStatementCommand({
        ...ARNS,
        database: DATABASE,
        sql: `INSERT INTO ${TABLE} (name, big) VALUES (:name, :big)`,
        parameterSets: ['a', 'b', 'c'].map((name, i) => params({ name: { stringValue: `batch-${name}` }, big: { longValue: i } })),
      }),
    );
    const ids = output.updateResults!.map((result) => result.generatedFields![0]!.longValue!);
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(ids[0]! + 1);
    expect(ids[2]).toBe(ids[0]! + 2);
    const count = await exec(`SELECT COUNT(*) FROM ${TABLE} WHERE name LIKE 'batch-%'`);
    expect(count.records).toEqual([[{ longValue: 3 }]]);
  });
});

describe('transactions', () => {
  const begin = async (via = client) =>
    (await via.send(new BeginTransactionCommand({ ...ARNS, database: DATABASE }))).transactionId!;
  const countNamed = async (name: string, via = client) =>
    (await exec(`SELECT COUNT(*) FROM ${TABLE} WHERE name = :name`, { parameters: params({ name: { stringValue: name } }) }, via))
      .records![0]![0]!.longValue;

  test('a committed transaction is visible afterwards', async () => {
    const transactionId = await begin();
    await exec(`INSERT INTO ${TABLE} (name) VALUES (:name)`, { transactionId, parameters: params({ name: { stringValue: 'tx-commit' } }) });
    await client.send(
      new BatchExecuteStatementCommand({
        ...ARNS,
        transactionId,
        sql: `INSERT INTO ${TABLE} (name) VALUES (:name)`,
        parameterSets: [params({ name: { stringValue: 'tx-commit' } })],
      }),
    );
    expect(await countNamed('tx-commit')).toBe(0);
    const committed = await client.send(new CommitTransactionCommand({ ...ARNS, transactionId }));
    expect(committed.transactionStatus).toBe('Transaction Committed');
    expect(await countNamed('tx-commit')).toBe(2);
  });

  test('a rolled-back transaction leaves no row, and its id is gone', async () => {
    const transactionId = await begin();
    await exec(`INSERT INTO ${TABLE} (name) VALUES (:name)`, { transactionId, parameters: params({ name: { stringValue: 'tx-rollback' } }) });
    const inside = await exec(`SELECT COUNT(*) FROM ${TABLE} WHERE name = 'tx-rollback'`, { transactionId });
    expect(inside.records).toEqual([[{ longValue: 1 }]]);
    const rolledBack = await client.send(new RollbackTransactionCommand({ ...ARNS, transactionId }));
    expect(rolledBack.transactionStatus).toBe('Rollback Complete');
    expect(await countNamed('tx-rollback')).toBe(0);
    await expect(client.send(new CommitTransactionCommand({ ...ARNS, transactionId }))).rejects.toThrow(BadRequestException);
    await expect(exec('SELECT 1', { transactionId: 'no-such-transaction' })).rejects.toThrow(BadRequestException);
  });

  test('an idle transaction is rolled back after the timeout', async () => {
    const quick = await startDataApiServer({ mysqlUrl: MYSQL_URL, transactionTimeoutMs: 150 });
    const quickClient = makeClient(quick.endpoint);
    try {
      const transactionId = await begin(quickClient);
      await exec(`INSERT INTO ${TABLE} (name) VALUES ('tx-idle')`, { transactionId }, quickClient);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await expect(exec('SELECT 1', { transactionId }, quickClient)).rejects.toThrow(/is not found/);
      expect(await countNamed('tx-idle')).toBe(0);
    } finally {
      quickClient.destroy();
      await quick.close();
    }
  });

  test('close() rolls back open transactions', async () => {
    const other = await startDataApiServer({ mysqlUrl: MYSQL_URL });
    const otherClient = makeClient(other.endpoint);
    const transactionId = await begin(otherClient);
    await exec(`INSERT INTO ${TABLE} (name) VALUES ('tx-closed')`, { transactionId }, otherClient);
    otherClient.destroy();
    await other.close();
    expect(await countNamed('tx-closed')).toBe(0);
  });
});
