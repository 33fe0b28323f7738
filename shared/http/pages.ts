import type { RecordDetails, TextRecord } from '../db/record.ts';
import { describeOperation, OPERATION_DESCRIPTORS, OPERATIONS, type Operation } from '../operations/index.ts';
import { html, SafeHtml } from './html.ts';
import { markedOutput } from './marks.ts';
import { STYLE_HTML } from './style.ts';

const layout = (title: string, body: SafeHtml): SafeHtml => html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE_HTML}</style>
</head>
<body>
<nav><a href="/">Records</a>${OPERATION_DESCRIPTORS.map(({ name, title }) => html`<a href="/api/${name}">${title}</a>`)}</nav>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;

const time = (iso: string) => html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}</time>`;

/** A change the operation made: shown as "original → replacement". */
const isChange = (value: unknown): value is { original: unknown; replacement: unknown } =>
  typeof value === 'object' && value !== null && 'original' in value && 'replacement' in value;

/** Any details value as short text, whatever fields an operation adds. */
const detailText = (value: unknown): string => {
  if (isChange(value)) return `${String(value.original)} → ${String(value.replacement)}`;
  if (Array.isArray(value)) return value.map(detailText).join(', ');
  if (typeof value === 'object' && value !== null) return Object.entries(value).map(([k, v]) => `${k} ${detailText(v)}`).join(', ');
  return String(value);
};

/** A record's stored details, one line per field; empty fields are left out. */
const detailsList = (details: TextRecord['details']): SafeHtml | '' => {
  const shown = Object.entries(details ?? {}).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
  return shown.length ? html`<ul class="details">${shown.map(([k, v]) => html`<li>${k}: ${detailText(v)}</li>`)}</ul>` : '';
};

/** "<a>spelling</a>, <a>space</a> and <a>translation</a>": each operation's form, by its noun. */
const operationLinks = (): SafeHtml => {
  const links = OPERATION_DESCRIPTORS.map(({ name, noun }) => html`<a href="/api/${name}">${noun}</a>`);
  const last = links.pop();
  return links.length ? html`${links.map((link, i) => (i ? html`, ${link}` : link))} and ${last}` : html`${last}`;
};

export interface HomeView {
  records: TextRecord[];
  filters: { id?: string; operation?: Operation; limit: number };
  nextHref: string | null;
}

export const homePage = ({ records, filters, nextHref }: HomeView): SafeHtml =>
  layout(
    'Records',
    html`<p>Every result of ${operationLinks()} requests, newest first.</p>
<form class="filters" method="get" action="/">
<label>Id <input name="id" value="${filters.id ?? ''}" maxlength="64"></label>
<label>Operation <select name="operation"><option value="">any</option>${OPERATIONS.map(
      (op) => html`<option value="${op}"${filters.operation === op ? html` selected` : ''}>${op}</option>`,
    )}</select></label>
<label>Per page <input name="limit" type="number" min="1" max="200" value="${filters.limit}"></label>
<button type="submit">Filter</button>
</form>
${
  records.length === 0
    ? html`<p class="muted">No records yet.</p>`
    : html`<div class="records" role="region" aria-label="Records" tabindex="0"><table>
<thead><tr><th>#</th><th>Id</th><th>Operation</th><th>Input</th><th>Output</th><th>Source language</th><th>Details</th><th>Time</th></tr></thead>
<tbody>${records.map(
        (r) => html`
<tr><td>${r.seq}</td><td>${r.id ?? ''}</td><td>${r.operation}</td><td class="text">${r.input}</td><td class="text">${markedOutput(r)}</td><td>${r.sourceLanguage ?? ''}</td><td>${detailsList(r.details)}</td><td>${time(r.createdAt)}</td></tr>`,
      )}
</tbody>
</table></div>`
}
<p>${nextHref ? html`<a rel="next" href="${nextHref}">Next page</a>` : html`<span class="muted">End of records.</span>`}</p>`,
  );

export const formPage = (name: Operation, data: object = {}): SafeHtml => {
  const operation = describeOperation(name);
  return layout(
    operation.title,
    html`<form method="post" action="/api/${name}">
<p><label>Text <textarea name="text" required></textarea></label></p>
<p><label>Id (optional tag) <input name="id" maxlength="64" value=""></label></p>
${operation.formFields(data)}
<p><button type="submit">Run ${name}</button></p>
</form>`,
  );
};

export const resultPage = (record: TextRecord, details: RecordDetails): SafeHtml => {
  const operation = describeOperation(record.operation);
  return layout(
    `${operation.title}: result`,
    html`<p>Stored as record ${record.seq}${record.id ? html` with id <strong>${record.id}</strong>` : ''} at ${time(record.createdAt)}.</p>
<h2>Output</h2>
<pre>${markedOutput(record)}</pre>
<h2>Input</h2>
<pre>${record.input}</pre>
${record.sourceLanguage ? html`<p>Source language: ${record.sourceLanguage}${operation.sourceNote?.(details)}</p>` : ''}
${operation.resultDetails(details)}
<p><a href="/api/${record.operation}">Another ${record.operation} request</a> · <a href="/">All records</a></p>`,
  );
};

export const errorPage = (status: number, code: string, message: string, requestId: string): SafeHtml =>
  layout(
    `Error ${status}`,
    html`<div class="error"><p><strong>${code}</strong></p><p>${message}</p><p class="muted">Request id: ${requestId}</p></div>
<p><a href="/">Back to the records</a></p>`,
  );
