/**
 * One JSON object per line, so CloudWatch Logs Insights can query fields. Callers pass ids,
 * sizes and timings, never the user's text.
 */
import { LOG_LEVEL, type LogLevel } from './config.ts';

type Level = Exclude<LogLevel, 'silent'>;
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const threshold = ORDER[LOG_LEVEL];

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < threshold) return;
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...fields });
  if (ORDER[level] >= ORDER.warn) console.error(line);
  else console.log(line);
}

/** Name, message and cause chain of an error, for logs only. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  return {
    error: error.name,
    errorMessage: error.message,
    stack: error.stack,
    ...(error.cause !== undefined && { cause: describeError(error.cause) }),
  };
}
