/**
 * The output with each change marked inline: `<del>` the original, `<ins>` the replacement (its
 * alternatives in the title), and words left alone but flagged underlined; the space correction's
 * edits the same way (a space added as `<ins>`, a removed space or line-end hyphen as `<del>`). Built from the input and
 * the details' offsets; plain text whenever the marks would not spell the stored output exactly
 * (for details trimmed to fit the store, the marks up to there and the rest plain).
 */
import type { TextRecord } from '../model.ts';
import { html, SafeHtml } from './html.ts';

interface Span {
  offset: number;
  length: number;
  original: string;
}
interface Change extends Span {
  replacement: string;
  alternatives?: string[];
  /** `context`: a real word replaced (could of → could have); absent on older records. */
  kind?: string;
}
interface Flag extends Span {
  reason?: string;
  alternatives?: string[];
}

const isSpan = (value: unknown): value is Span => {
  const span = value as Partial<Span> | null;
  return typeof span === 'object' && span !== null && Number.isInteger(span.offset) && Number.isInteger(span.length) && typeof span.original === 'string';
};
const isChange = (value: unknown): value is Change => isSpan(value) && typeof (value as Partial<Change>).replacement === 'string';

/** A removed space or line break shown as a sign, so the mark takes no line of its own. */
const visible = (whitespace: string): string => whitespace.replace(/\r?\n/gu, '⏎').replace(/ /gu, '␣');
const spaceEditTitle = (original: string): string => (original.startsWith('-') ? 'line-end hyphen removed' : original === ' ' ? 'space removed' : 'line break removed');

const listOf = <T>(value: unknown, is: (item: unknown) => item is T): T[] => (Array.isArray(value) ? value.filter(is) : []);

export function markedOutput({ input, output, details }: Pick<TextRecord, 'input' | 'output' | 'details'>): SafeHtml | string {
  const changes = listOf(details?.corrections, isChange).map((c) => ({ ...c, mark: 'change' as const }));
  const flags = listOf(details?.flags, isSpan).map((f) => ({ ...(f as Flag), mark: 'flag' as const }));
  const edits = listOf(details?.edits, isChange).map((e) => ({ ...e, mark: 'space' as const }));
  if (changes.length + flags.length + edits.length === 0) return output;
  // Details cut to fit the store hold the text's first marks only: mark as far as they spell the output.
  const partial = details?.truncated === true;
  const spans = [...changes, ...flags, ...edits].sort((a, b) => a.offset - b.offset);
  const parts: SafeHtml[] = [];
  let plain = '';
  let at = 0;
  for (const span of spans) {
    // Overlapping or out-of-place spans: the marks cannot be trusted, show the output as stored.
    if (span.offset < at || input.slice(span.offset, span.offset + span.length) !== span.original) {
      if (partial) break;
      return output;
    }
    const before = input.slice(at, span.offset);
    const written = span.mark === 'flag' ? span.original : span.replacement;
    if (partial && !output.startsWith(before + written, plain.length)) break;
    parts.push(html`${before}`);
    if (span.mark === 'change') {
      const title = span.alternatives?.length ? `also: ${span.alternatives.join(', ')}` : 'no other suggestion';
      const why = span.kind === 'context' ? 'a real word in the wrong place; ' : '';
      parts.push(html`<del>${span.original}</del><ins title="${why + title}">${span.replacement}</ins>`);
    } else if (span.mark === 'space') {
      parts.push(span.original ? html`<del title="${spaceEditTitle(span.original)}">${visible(span.original)}</del>` : html`<ins title="space added">${span.replacement}</ins>`);
    } else {
      // A context flag is a real word that may be another: the title says which.
      const maybe = span.reason === 'context' && Array.isArray(span.alternatives) && span.alternatives.length ? `: a real word, perhaps ${span.alternatives.join(' or ')}` : '';
      parts.push(html`<u title="${`left as written: ${span.reason ?? 'unknown'}${maybe}`}">${span.original}</u>`);
    }
    plain += before + written;
    at = span.offset + span.length;
  }
  const rest = input.slice(at);
  if (plain + rest === output) return html`${parts}${rest}`;
  return partial ? html`${parts}${output.slice(plain.length)}` : output;
}
