/**
 * `npm start`'s second step: `serverless offline start --stage local` with the arguments given
 * (`npm start -- --albPort 3031 --lambdaPort 3033`), once its ports are known to be free. A port in
 * use is one line naming it and the option that moves it, where serverless-offline would print an
 * EADDRINUSE stack trace.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { parse } from 'yaml';

// The options whose ports serverless-offline binds for this service (it has no http events, so no httpPort).
const PORT_OPTIONS = ['albPort', 'lambdaPort'] as const;

const args = process.argv.slice(2);
const optionValue = (name: string): string | undefined => {
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return args[at]!.includes('=') ? args[at]!.slice(args[at]!.indexOf('=') + 1) : args[at + 1];
};

const defaults = (parse(readFileSync('serverless.yml', 'utf8')) as { custom: { 'serverless-offline': Record<string, unknown> } }).custom['serverless-offline'];
const host = optionValue('host') ?? 'localhost';

/** Why the port cannot be bound, or null when it is free (the probe closes at once). */
const bindError = (port: number): Promise<NodeJS.ErrnoException | null> =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error));
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });

for (const option of PORT_OPTIONS) {
  const port = Number(optionValue(option) ?? defaults[option]);
  const error = await bindError(port);
  if (error) {
    const why = error.code === 'EADDRINUSE' ? 'is in use' : `cannot be opened (${error.code ?? error.message})`;
    console.error(`npm start: port ${port} on ${host} (${option}) ${why}; stop what holds it or pick another: npm start -- --${option} <port>`);
    process.exit(1);
  }
}

const child = spawn('serverless', ['offline', 'start', '--stage', 'local', ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
