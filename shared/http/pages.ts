import { createHash } from 'node:crypto';
import type { Operation, TextRecord } from '../db/record.ts';
import { OPERATIONS } from '../db/record.ts';
import { html, SafeHtml } from './html.ts';
import { LANGUAGES } from '../text/spell/variants.ts';
import { markedOutput } from './marks.ts';

// The one stylesheet, inline and allowed by its hash: the CSP needs no 'unsafe-inline' and pages
// need no second request.
const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1d1d1f}
nav a{margin-right:1rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border-bottom:1px solid #ddd;padding:.4rem .5rem;text-align:left;vertical-align:top}
td.text{white-space:pre-wrap;word-break:break-word;max-width:24rem}
@media (max-width:40rem){table{display:block;overflow-x:auto}td.text{min-width:12rem}}
form.filters{display:flex;gap:.75rem;align-items:end;flex-wrap:wrap;margin:1rem 0}
label{display:flex;flex-direction:column;font-size:.85rem;gap:.2rem}
textarea{width:100%;min-height:10rem;font:inherit}
pre{white-space:pre-wrap;background:#f5f5f7;padding:.75rem;border-radius:.4rem}
.error{background:#fff0f0;border:1px solid #e0a0a0;padding:.75rem;border-radius:.4rem}
.muted{color:#666}
del{color:#a40000;background:#fde8e8}
ins{color:#0b5d1e;background:#e3f6e7;text-decoration:none;border-bottom:2px solid #0b5d1e}
u{text-decoration:underline wavy #b26a00}
ul.details{margin:0;padding-left:1rem}
`;

const STYLE_HTML = new SafeHtml(STYLE); // our own constant, the one unescaped insert
export const STYLE_CSP_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

const TITLES: Record<Operation, string> = {
  spell: 'Spelling correction',
  space: 'Space correction',
  translate: 'Translate into English',
};

const layout = (title: string, body: SafeHtml): SafeHtml => html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE_HTML}</style>
</head>
<body>
<nav><a href="/">Records</a>${OPERATIONS.map((op) => html`<a href="/api/${op}">${TITLES[op]}</a>`)}</nav>
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

export interface HomeView {
  records: TextRecord[];
  filters: { id?: string; operation?: Operation; limit: number };
  nextHref: string | null;
}

export const homePage = ({ records, filters, nextHref }: HomeView): SafeHtml =>
  layout(
    'Records',
    html`<p>Every result of <a href="/api/spell">spelling</a>, <a href="/api/space">space</a> and
<a href="/api/translate">translation</a> requests, newest first.</p>
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
    : html`<table>
<thead><tr><th>#</th><th>Id</th><th>Operation</th><th>Input</th><th>Output</th><th>Source language</th><th>Details</th><th>Time</th></tr></thead>
<tbody>${records.map(
        (r) => html`
<tr><td>${r.seq}</td><td>${r.id ?? ''}</td><td>${r.operation}</td><td class="text">${r.input}</td><td class="text">${markedOutput(r)}</td><td>${r.sourceLanguage ?? ''}</td><td>${detailsList(r.details)}</td><td>${time(r.createdAt)}</td></tr>`,
      )}
</tbody>
</table>`
}
<p>${nextHref ? html`<a rel="next" href="${nextHref}">Next page</a>` : html`<span class="muted">End of records.</span>`}</p>`,
  );

/** A language the translate form offers; `route` names the languages of a chain. */
export interface FormLanguage {
  code: string;
  name: string;
  route?: readonly string[];
}

const languageOption = ({ code, name, route }: FormLanguage) =>
  html`<option value="${code}">${name} (${code}${route ? ` via ${route.slice(1, -1).join(', ')}` : ''})</option>`;

export const formPage = (operation: Operation, values: { text?: string; id?: string } = {}, languages: readonly FormLanguage[] = []): SafeHtml =>
  layout(
    TITLES[operation],
    html`<form method="post" action="/api/${operation}">
<p><label>Text <textarea name="text" required>${values.text ?? ''}</textarea></label></p>
<p><label>Id (optional tag) <input name="id" maxlength="64" value="${values.id ?? ''}"></label></p>
${operation === 'translate' ? html`<p><label>Source language <select name="source"><option value="auto" selected>detect</option>${languages.map(languageOption)}</select></label></p>` : ''}
${
  operation === 'spell'
    ? html`<p><label>English <select name="language">${LANGUAGES.map((language) => html`<option value="${language}">${language === 'en' ? 'any variant (en)' : language}</option>`)}</select></label></p>
<p><label>Words to leave alone (separated by spaces or commas) <input name="ignore" maxlength="6500"></label></p>`
    : ''
}
<p><button type="submit">Run ${operation}</button></p>
</form>`,
  );

export interface ResultView {
  record: TextRecord;
  corrections?: Array<{ original: string; replacement: string }>;
  flags?: Array<{ original: string; reason: string }>;
  provider?: string;
}

export const resultPage = ({ record, corrections, flags, provider }: ResultView): SafeHtml =>
  layout(
    `${TITLES[record.operation]}: result`,
    html`<p>Stored as record ${record.seq}${record.id ? html` with id <strong>${record.id}</strong>` : ''} at ${time(record.createdAt)}.</p>
<h2>Output</h2>
<pre>${markedOutput(record)}</pre>
<h2>Input</h2>
<pre>${record.input}</pre>
${record.sourceLanguage ? html`<p>Source language: ${record.sourceLanguage}${provider ? html` (translated by ${provider})` : ''}</p>` : ''}
${corrections?.length ? html`<h2>Corrections</h2><ul>${corrections.map((c) => html`<li>${c.original} → ${c.replacement}</li>`)}</ul>` : ''}
${flags?.length ? html`<h2>Left as written</h2><ul>${flags.map((f) => html`<li>${f.original} <span class="muted">(${f.reason})</span></li>`)}</ul>` : ''}
<p><a href="/api/${record.operation}">Another ${record.operation} request</a> · <a href="/">All records</a></p>`,
  );

export const errorPage = (status: number, code: string, message: string, requestId: string): SafeHtml =>
  layout(
    `Error ${status}`,
    html`<div class="error"><p><strong>${code}</strong></p><p>${message}</p><p class="muted">Request id: ${requestId}</p></div>
<p><a href="/">Back to the records</a></p>`,
  );
