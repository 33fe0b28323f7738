import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OfflineServer {
  url: string;
  /** The process that leads the server's process group (npx), for measuring the tree. */
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `serverless offline` on the local stage, as `npm start` does, on its own ports and a
 * fresh SQLite file (or the DATABASE_URL given), with any further serverless-offline options, and
 * waits until the ALB port answers.
 */
export async function startOfflineServer(options: { albPort: number; env?: Record<string, string>; args?: string[] }): Promise<OfflineServer> {
  const dir = mkdtempSync(join(tmpdir(), 'text-service-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'records.db')}`, LOG_LEVEL: 'warn', ...options.env };
  delete env.NODE_OPTIONS; // jest's --experimental-vm-modules is not for the server
  const migrate = spawn('npx', ['tsx', 'scripts/migrate.ts', '--local-only'], { env, stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => migrate.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrate exited ${code}`)))));

  const ports = ['--albPort', String(options.albPort), '--httpPort', String(options.albPort + 1), '--lambdaPort', String(options.albPort + 2)];
  const child: ChildProcess = spawn('npx', ['serverless', 'offline', 'start', '--stage', 'local', ...ports, ...(options.args ?? [])], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  const url = `http://127.0.0.1:${options.albPort}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serverless offline exited ${child.exitCode}:\n${output}`);
    try {
      await fetch(`${url}/api/space`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`serverless offline did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.on('exit', resolve));
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
