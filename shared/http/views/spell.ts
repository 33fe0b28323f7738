import type { Finding, SpellDetails } from '../../operations/spell.ts';
import { languageName } from '../../text/language-name.ts';
import { LANGUAGES } from '../../text/spell/variants.ts';
import { html, type SafeHtml } from '../html.ts';
import { defineView } from './view.ts';

/** Why a word was left as written, in the reader's words. */
const FLAG_REASONS: Record<string, string> = {
  unknown: 'not in the dictionary, and no word is close',
  uncertain: 'not in the dictionary; no suggestion was sure enough to replace it',
  name: 'a name',
  acronym: 'an acronym',
  ignored: 'looks like code (mixed case, digits or symbols), so not checked',
  'other-language': 'in another language or script, so not checked',
  context: 'a real word, but perhaps not the one meant here',
};
export const flagReason = (reason: string | undefined): string => (reason && FLAG_REASONS[reason]) || reason || 'not checked';

/** One word's findings: where each occurrence sits in the output, for the script to replace them. */
interface Group<F> {
  finding: F;
  at: number[];
}

/** Findings grouped by what they say (the same word, the same change), in order of first occurrence. */
function grouped<F extends Finding>(findings: readonly F[], key: (finding: F) => string, outputOffset: (finding: F) => number | undefined): Group<F>[] {
  const groups = new Map<string, Group<F>>();
  for (const finding of findings) {
    const group = groups.get(key(finding)) ?? { finding, at: [] };
    const at = outputOffset(finding);
    if (at !== undefined) group.at.push(at);
    groups.set(key(finding), group);
  }
  return [...groups.values()];
}

/**
 * The choices for a group: the word now in the output first, then the other suggestions. Plain text
 * that the script turns into buttons which write the choice into the "check again" text.
 */
function choices(current: string, alternatives: readonly string[] = []): SafeHtml | '' {
  const others = alternatives.filter((alternative) => alternative !== current);
  if (others.length === 0) return '';
  return html`; also ${others.map((alternative, i) => html`${i ? ', ' : ''}<span class="choice" data-to="${alternative}">${alternative}</span>`)}`;
}

const times = (count: number) => (count > 1 ? html` <span class="count">×${count}</span>` : '');
const at = ({ at: offsets }: Group<unknown>, from: string) => (offsets.length ? html` data-at="${offsets.join(' ')}" data-from="${from}"` : '');

function findingLists({ corrections = [], flags = [] }: Partial<SpellDetails>): SafeHtml {
  // Output offsets: the input's, moved by every correction before them (flags change nothing).
  const shifts = corrections.filter((c) => Number.isInteger(c.offset) && Number.isInteger(c.length)).map((c) => ({ offset: c.offset!, by: c.replacement.length - c.length! }));
  const outputOffset = ({ offset }: Finding) => (offset === undefined ? undefined : offset + shifts.filter((shift) => shift.offset < offset).reduce((sum, shift) => sum + shift.by, 0));
  const changes = grouped(corrections, (c) => `${c.original}\u0000${c.replacement}`, outputOffset);
  const words = grouped(flags, (f) => `${f.original}\u0000${f.reason}`, outputOffset);
  const word = (text: string, reason: string) => (reason === 'ignored' ? html`<code>${text}</code>` : html`${text}`);
  return html`${
    changes.length
      ? html`<h2>Corrections (${corrections.length})</h2><ul class="findings">${changes.map(
          (group) =>
            html`<li${at(group, group.finding.replacement)}><del>${group.finding.original}</del> → ${group.finding.alternatives?.length ? html`<span class="choice" data-to="${group.finding.replacement}">${group.finding.replacement}</span>` : group.finding.replacement}${times(group.at.length || 1)}${choices(group.finding.replacement, group.finding.alternatives)}</li>`,
        )}</ul>`
      : ''
  }
${
  words.length
    ? html`<h2>Left as written (${flags.length})</h2><ul class="findings">${words.map(
        (group) =>
          html`<li${at(group, group.finding.original)}>${group.finding.alternatives?.length ? html`<span class="choice" data-to="${group.finding.original}">${word(group.finding.original, group.finding.reason)}</span>` : word(group.finding.original, group.finding.reason)}${times(group.at.length || 1)} <span class="muted">${flagReason(group.finding.reason)}</span>${choices(group.finding.original, group.finding.alternatives)}</li>`,
      )}</ul>`
    : ''
}`;
}

export const spellView = defineView<SpellDetails>({
  formFields: () => html`<p><label>English <select name="language">${LANGUAGES.map((language) => html`<option value="${language}">${language === 'en' ? 'any variant (en)' : language}</option>`)}</select></label></p>
<p><label>Words to leave alone (separated by spaces or commas) <input name="ignore" maxlength="6500"></label></p>`,
  sourceNote: ({ variant, language }, sourceLanguage) => {
    const checked = typeof variant === 'string' ? variant : sourceLanguage;
    if (!checked) return '';
    const anyVariant = (language ?? sourceLanguage) === 'en';
    return html`<p>Checked as ${languageName(checked)} (${checked})${anyVariant && checked !== 'en' ? html`, the variant the text reads as; every variant's spellings count as correct` : ''}.</p>`;
  },
  resultDetails: (details) =>
    Array.isArray(details.corrections) && details.corrections.length + (details.flags?.length ?? 0) === 0 ? html`<p class="ok">No mistakes found.</p>` : findingLists(details),
});
