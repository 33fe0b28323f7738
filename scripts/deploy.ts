/**
 * `npm run deploy -- --stage prod [--param=...]`: deploys the stack, then runs the migrate function
 * once, so schema changes and the functions' database users (their passwords from the stack's
 * secrets) land before the first request that needs them and never during one. Packaging stops
 * first, before anything reaches AWS, if a parameter is missing or wrong (resources/parameters.cjs).
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const serverless = (...command: string[]) => {
  const run = spawnSync('npx', ['serverless', ...command, ...args], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
};

serverless('deploy');
serverless('invoke', '--function', 'migrate', '--log');
