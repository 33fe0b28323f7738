/** End to end: a misspelled text through POST /api/spell on the offline server, against nspell alone. */
import { baselineNspell } from './correctors.ts';
import { runningText } from './running-text.ts';
import type { Case } from './suggestion-sets.ts';

export async function endToEnd(sets: Record<string, Case[]>): Promise<string[]> {
  const spell = await baselineNspell();
  const { text, misspelled, intended } = runningText(sets, (word) => !spell.correct(word));
  const { startOfflineServer } = await import('../../../test/support/offline-server.ts');
  const server = await startOfflineServer({ albPort: 3203 });
  try {
    const post = async (body: string) => {
      const t = performance.now();
      const response = await fetch(`${server.url}/api/spell`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: body }) });
      const result = (await response.json()) as { output: string; corrections: { replacement: string }[] };
      if (response.status !== 201) throw new Error(`POST /api/spell answered ${response.status}: ${JSON.stringify(result)}`);
      return { ms: performance.now() - t, result };
    };
    await post('Warm teh function up.');
    const runs: number[] = [];
    let result!: { output: string; corrections: { replacement: string }[] };
    for (let i = 0; i < 5; i++) ({ ms: runs[i], result } = await post(text));
    runs.sort((a, b) => a - b);
    const t = performance.now();
    for (const word of misspelled) spell.suggest(word);
    const nspellMs = performance.now() - t;
    const fixed = result.corrections.filter((c) => intended.includes(c.replacement.toLowerCase())).length;
    return [
      `End to end: ${text.split(/\s+/).length} words (${text.length} characters) with ${misspelled.length} misspellings, POST /api/spell on the offline server (HTTP, engine, SQLite store): median ${runs[2]!.toFixed(0)} ms of 5 (${fixed} of ${misspelled.length} set right);`,
      `nspell.suggest alone on the same ${misspelled.length} words: ${nspellMs.toFixed(0)} ms. Ratio ${(nspellMs / runs[2]!).toFixed(1)}× (goal ≥ 20×).`,
    ];
  } finally {
    await server.stop();
  }
}
