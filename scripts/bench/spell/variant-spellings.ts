/** bench:spell's check that the spellings only other variants have are left alone in `en`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Every lower-case spelling of en-GB, en-CA or en-AU that en-US lacks, from the built variants.txt, each checked alone in `en` (--quick: the first 500). */
export async function variantSpellingsLine(quick: boolean): Promise<string> {
  const { createSpellChecker } = await import('../../../shared/text/spell/spell-checker.ts');
  const { parseVariantMasks } = await import('../../../shared/text/spell/variants.ts');
  const checker = createSpellChecker();
  const variantWords = [...parseVariantMasks(readFileSync(join(ROOT, 'shared', 'text', 'spell', 'generated', 'variants.txt'), 'utf8')).entries()]
    .filter(([form, mask]) => mask !== 0 && (mask & 1) === 0 && /^\p{Ll}+$/u.test(form))
    .map(([form]) => form);
  const sample = quick ? variantWords.slice(0, 500) : variantWords;
  const changed = sample.filter((word) => checker.correct(word).corrections.length > 0);
  return `Spellings of en-GB, en-CA or en-AU that en-US lacks (${sample.length} lower-case forms from the built variants.txt), each checked alone in en: ${changed.length} changed (goal 0)${changed.length ? `: ${changed.slice(0, 20).join(', ')}` : ''}.`;
}
