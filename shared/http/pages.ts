import type { RecordEntry } from '../db/record.ts';
import type { RecordDetails, TextRecord } from '../model.ts';
import { OPERATIONS, type Operation } from '../model.ts';
import { describeOperation } from '../operations/index.ts';
import { config } from '../runtime.ts';
import { html, SafeHtml } from './html.ts';
import { markedOutput } from './marks.ts';
import { FAVICON_PATH } from './site-files.ts';
import { SCRIPT_HTML } from './script.ts';
import { STYLE_HTML } from './style.ts';
import { viewOf } from './views/index.ts';

const SITE_DESCRIPTION = 'Spelling, space correction and translation into English, with every result stored and listed.';

const layout = (title: string, body: SafeHtml, description = SITE_DESCRIPTION): SafeHtml => html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml">
<style>${STYLE_HTML}</style>
</head>
<body>
<nav><a href="/">Records</a>${OPERATIONS.map(describeOperation).map(({ name, title }) => html`<a href="/api/${name}">${title}</a>`)}</nav>
<main>
<h1>${title}</h1>
${body}
</main>
<script>${SCRIPT_HTML}</script>
</body>
</html>`;

const time = (iso: string) => html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>`;

/** "<a>spelling</a>, <a>space</a> and <a>translation</a>": each operation's form, by its noun. */
const operationLinks = (): SafeHtml => {
  const links = OPERATIONS.map(describeOperation).map(({ name, noun }) => html`<a href="/api/${name}">${noun}</a>`);
  const last = links.pop();
  return links.length ? html`${links.map((link, i) => (i ? html`, ${link}` : link))} and ${last}` : html`${last}`;
};

export const recordHref = (seq: number) => `/?seq=${seq}`;

/** A preview, with an ellipsis (outside the text itself) when the text goes on. */
const previewText = (text: string, truncated: boolean) => html`${text}${truncated ? html`<span class="cut">…</span>` : ''}`;

/** One row of the records table; the handler measures these to keep a page under its byte limit. */
export const recordRow = (r: RecordEntry): SafeHtml =>
  html`
<tr><td data-label="Record"><a href="${recordHref(r.seq)}" aria-label="Record ${r.seq}">${r.seq}</a></td><td data-label="Id">${r.id ?? ''}</td><td data-label="Operation">${r.operation}</td><td class="text" data-label="Input">${previewText(r.input, r.inputTruncated)}</td><td class="text" data-label="Output">${previewText(r.output, r.outputTruncated)}</td><td data-label="Language">${r.sourceLanguage ?? ''}</td><td data-label="Details">${r.summary ?? ''}</td><td data-label="Time">${time(r.createdAt)}</td></tr>`;

export interface HomeView {
  /** The rows, as recordRow rendered them. */
  rows: SafeHtml[];
  filters: { id?: string; operation?: Operation; limit: number };
  nextHref: string | null;
}

export const homePage = ({ rows, filters, nextHref }: HomeView): SafeHtml =>
  layout(
    'Records',
    html`<p>Every result of ${operationLinks()} requests, newest first. Each number opens the whole record.</p>
<form class="filters" method="get" action="/">
<label>Id <input name="id" value="${filters.id ?? ''}" maxlength="64"></label>
<label>Operation <select name="operation"><option value="">any</option>${OPERATIONS.map(
      (op) => html`<option value="${op}"${filters.operation === op ? html` selected` : ''}>${op}</option>`,
    )}</select></label>
<label>Per page <input name="limit" type="number" min="1" max="200" value="${filters.limit}"></label>
<button type="submit">Filter</button>
</form>
${
  rows.length === 0
    ? html`<p class="muted">No records yet.</p>`
    : html`<div class="records" role="region" aria-label="Records" tabindex="0"><table>
<thead><tr><th>#</th><th>Id</th><th>Operation</th><th>Input</th><th>Output</th><th>Language</th><th>Details</th><th>Time</th></tr></thead>
<tbody>${rows}
</tbody>
</table></div>`
}
<p>${nextHref ? html`<a rel="next" href="${nextHref}">Next page</a>` : html`<span class="muted">End of records.</span>`}</p>`,
  );

/** What a form shows beyond its defaults: the text to check again, or a refused request's text and why. */
/** What a page says of a refused request. */
export interface RefusalNote {
  status: number;
  code: string;
  message: string;
  requestId: string;
}

export interface FormDraft {
  text?: string;
  id?: string;
  error?: RefusalNote;
}

/**
 * An operation's form. The limit is said in words, so it reads without script; the script turns
 * the note into a live count.
 */
const operationForm = (name: Operation, data: object, { text = '', id = '' }: FormDraft): SafeHtml => {
  const operation = describeOperation(name);
  const { maxTextChars } = config;
  return html`<form method="post" action="/api/${name}">
<p><label>Text <textarea name="text" id="text" required data-limit="${maxTextChars}" aria-describedby="count">${text}</textarea></label></p>
<p class="muted" id="count">Up to ${maxTextChars} characters.</p>
<p><label>Id (optional tag) <input name="id" maxlength="64" value="${id}"></label></p>
${viewOf(name).formFields(data)}
<p><button type="submit">${operation.action}</button></p>
</form>`;
};

const errorNote = ({ status, code, message, requestId }: RefusalNote) =>
  html`<div class="error" role="alert"><p>Error ${status}: <strong>${code}</strong></p><p>${message}</p><p class="muted">Request id: ${requestId}</p></div>`;

/** GET /api/{name}, and a refused POST's answer: the form again, with the text as sent and the reason above it. */
export const formPage = (name: Operation, data: object = {}, draft: FormDraft = {}): SafeHtml =>
  layout(
    describeOperation(name).title,
    html`${draft.error ? errorNote(draft.error) : ''}
${operationForm(name, data, draft)}`,
    describeOperation(name).description,
  );

/** A record in full: the output with its marks, the input, the language and what the engine reported. */
const recordBody = (record: TextRecord, details: RecordDetails): SafeHtml => {
  const operation = describeOperation(record.operation);
  const view = viewOf(record.operation);
  return html`<p>${operation.title}, stored as record ${record.seq}${record.id ? html` with id <strong>${record.id}</strong>` : ''} at ${time(record.createdAt)}.</p>
<h2>Output</h2>
<pre>${markedOutput({ ...record, details })}</pre>
<h2>Input</h2>
<pre>${record.input}</pre>
${view.sourceNote?.(details, record.sourceLanguage) ?? ''}
${details.truncated === true ? html`<p class="muted">This record keeps the first of the engine's findings only, without alternatives: all of them did not fit the store's limit.</p>` : ''}
${view.resultDetails(details)}`;
};

/** The output again, editable, in the operation's form: choosing an alternative or copying works on it. */
const checkAgain = (record: TextRecord, data: object): SafeHtml =>
  html`<section aria-labelledby="again"><h2 id="again">Check again</h2>
<p class="muted">The output, to edit and send again.</p>
<p><button type="button" data-copy hidden>Copy the text</button></p>
${operationForm(record.operation, data, { text: record.output })}
</section>`;

/** The page a POST answers: the result as the engine gave it (details in full), just stored. */
export const resultPage = (record: TextRecord, details: RecordDetails, data: object = {}): SafeHtml =>
  layout(
    `${describeOperation(record.operation).title}: result`,
    html`${recordBody(record, details)}
${checkAgain(record, data)}
<p><a href="${recordHref(record.seq)}">This record</a> · <a href="/">All records</a></p>`,
  );

/** GET /?seq=N: one stored record, as stored. */
export const recordPage = (record: TextRecord): SafeHtml =>
  layout(
    `Record ${record.seq}`,
    html`${recordBody(record, record.details ?? {})}
${checkAgain(record, {})}
<p><a href="/">All records</a></p>`,
  );

export const errorPage = (note: RefusalNote): SafeHtml =>
  layout(
    `Error ${note.status}`,
    html`${errorNote(note)}
<p><a href="/">Back to the records</a></p>`,
  );
