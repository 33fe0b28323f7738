/**
 * Resident memory of a process and all its descendants, read from /proc (Linux): what the offline
 * server costs the machine, worker threads and child processes (Apertium) included.
 */
import { readdirSync, readFileSync } from 'node:fs';

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
};

/** Bytes of RSS summed over `root` and every process below it. */
export function processTreeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    // The command name (field 2) may hold spaces and parentheses: fields after its last ')'.
    const ppid = stat && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  let bytes = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    const kib = read(`/proc/${pid}/status`)?.match(/^VmRSS:\s+(\d+) kB/m)?.[1];
    bytes += Number(kib ?? 0) * 1024;
    pending.push(...(children.get(pid) ?? []));
  }
  return bytes;
}
