/**
 * GNU Aspell and Hunspell as peers, through their ispell pipe mode (Debian packages aspell-en,
 * hunspell-en-us, hunspell-en-gb): what they flag in a text, and what they suggest for a word.
 */
import { spawnSync } from 'node:child_process';

export interface Peer {
  name: string;
  command: string;
  args: string[];
}

export const PEERS: Peer[] = [
  { name: 'Aspell en_US', command: 'aspell', args: ['-a', '--lang=en_US'] },
  { name: 'Hunspell en_US', command: 'hunspell', args: ['-a', '-d', 'en_US'] },
  { name: 'Hunspell en_GB', command: 'hunspell', args: ['-a', '-d', 'en_GB'] },
];

/** Why the peer cannot run here, or undefined when it can. */
export function peerMissing(peer: Peer): string | undefined {
  const probe = spawnSync(peer.command, peer.args, { input: '^hello\n', encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return `${peer.command} with ${peer.args.at(-1)} not installed (apt-get install aspell-en hunspell-en-us hunspell-en-gb)`;
  return undefined;
}

/** One answer line per word of the input, in order: '*' or '+' or '-' correct, '&' or '#' flagged. */
function pipe(peer: Peer, lines: string[]): string[] {
  // "^" makes every line text, never a pipe-mode command.
  const run = spawnSync(peer.command, peer.args, { input: lines.map((line) => `^${line}\n`).join(''), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`${peer.name} failed: ${run.stderr}`);
  return run.stdout.split('\n').slice(1);
}

/** The first suggestion for every word of the text the peer flags and can suggest for ('&' answers), as edits of the text. */
export function peerEdits(peer: Peer, text: string): Array<{ offset: number; length: number; replacement: string }> {
  const lines = text.split('\n');
  const starts: number[] = [];
  lines.reduce((at, line) => (starts.push(at), at + line.length + 1), 0);
  const edits: Array<{ offset: number; length: number; replacement: string }> = [];
  let line = 0;
  for (const answer of pipe(peer, lines)) {
    if (answer === '') line++;
    const flagged = /^& (\S+) \d+ (\d+): ([^,]+)/.exec(answer);
    // The offset counts the '^' that starts each line sent.
    if (flagged) edits.push({ offset: starts[line]! + Number(flagged[2]) - 1, length: flagged[1]!.length, replacement: flagged[3]! });
  }
  return edits;
}

/** The peer's suggestions for each word, best first (empty for a word it accepts or cannot help with). */
export function suggestions(peer: Peer, words: string[]): string[][] {
  const out = pipe(peer, words);
  const result: string[][] = [];
  let current: string[] | undefined;
  for (const line of out) {
    if (line === '') {
      result.push(current ?? []);
      current = undefined;
    } else if (line.startsWith('&')) current = line.slice(line.indexOf(':') + 2).split(', ');
    else current ??= [];
  }
  return result.slice(0, words.length);
}
