import { GOALS, type Timings } from './options.ts';

/**
 * The timing goals against this run: as measured, and at the speed of the machine they were
 * set on (this run's figures divided by how much slower nspell loads or suggests here).
 */
export function goalsTable(timings: Timings, load: number, suggest: number): string[] {
  // "under" for the texts, "≤" for the rest, as the issue writes them.
  type Row = { name: string; ms: number | undefined; goal: number; factor: number; under?: boolean };
  const rows: Row[] = [
    { name: 'per misspelled word, p50', ms: timings.p50, goal: GOALS.p50Ms, factor: suggest },
    { name: 'per misspelled word, p95', ms: timings.p95, goal: GOALS.p95Ms, factor: suggest },
    { name: 'bundled cold start', ms: timings.coldStartMs, goal: GOALS.coldStartMs, factor: load },
    ...[20, 4].flatMap((every): Row[] => [
      { name: `10,000 characters, every ${every}th word misspelled, after one request`, ms: timings.text[every]?.median, goal: GOALS.textMs, factor: suggest, under: true },
      { name: `10,000 characters, every ${every}th word misspelled, long-running`, ms: timings.text[every]?.steady, goal: GOALS.textMs, factor: suggest, under: true },
    ]),
  ];
  return [
    `| timing goal | goal | here | met here | at the goals' machine speed (÷ ${suggest.toFixed(2)}, cold start ÷ ${load.toFixed(2)}) | met there |`,
    '|---|---|---|---|---|---|',
    ...rows.map(({ name, ms, goal, factor, under }) => {
      const shown = (value: number) => `${value.toFixed(goal < 1 ? 3 : 1)} ms`;
      const met = (value: number) => ((under ? value < goal : value <= goal) ? 'yes' : 'no');
      const limit = `${under ? '<' : '≤'} ${goal} ms`;
      if (ms === undefined || Number.isNaN(ms)) return `| ${name} | ${limit} | – | – | – | – |`;
      return `| ${name} | ${limit} | ${shown(ms)} | ${met(ms)} | ${shown(ms / factor)} | ${met(ms / factor)} |`;
    }),
  ];
}
