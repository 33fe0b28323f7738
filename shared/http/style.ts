import { createHash } from 'node:crypto';
import { SafeHtml } from './html.ts';

// The one stylesheet, inline and allowed by its hash: the CSP needs no 'unsafe-inline' and pages
// need no second request.
const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1d1d1f}
nav a{margin-right:1rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border-bottom:1px solid #ddd;padding:.4rem .5rem;text-align:left;vertical-align:top}
td{overflow-wrap:break-word}
td.text{white-space:pre-wrap;width:30%;min-width:12rem}
td.text,td:nth-child(2){overflow-wrap:anywhere}
td:nth-child(2),td:last-child{min-width:7rem}
td:first-child,td:nth-child(3){white-space:nowrap}
.cut{color:#666}
div.records{overflow-x:auto}
@media (max-width:40rem){
table,tbody,tr,td{display:block;width:auto}
thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
tr{border-bottom:1px solid #ddd;padding:.5rem 0}
td{border:0;padding:.1rem 0}
td:empty{display:none}
td.text{min-width:0;width:auto}
td::before{content:attr(data-label) ": ";font-weight:600;color:#555}
td.text::before{display:block}
}
form.filters{display:flex;gap:.75rem;align-items:end;flex-wrap:wrap;margin:1rem 0}
label{display:flex;flex-direction:column;font-size:.85rem;gap:.2rem}
textarea{width:100%;min-height:10rem;font:inherit}
pre{font:inherit;white-space:pre-wrap;overflow-wrap:anywhere;word-break:break-word;background:#f5f5f7;padding:.75rem;border-radius:.4rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}
main{min-width:0}
main p,main li,main h1,.error{overflow-wrap:anywhere}
textarea{box-sizing:border-box;overflow-wrap:anywhere}
ul.findings li{margin:.25rem 0}
.count{color:#555}
.ok{color:#0b5d1e;font-weight:600}
button.choice{font:inherit;padding:.1rem .45rem;margin:.1rem;border:1px solid #888;border-radius:.3rem;background:#fff;color:#1d1d1f;cursor:pointer}
button.choice[aria-pressed=true]{background:#e3f6e7;border-color:#0b5d1e}
.error{background:#fff0f0;border:1px solid #e0a0a0;padding:.75rem;border-radius:.4rem}
.muted{color:#666}
del{color:#a40000;background:#fde8e8}
ins{color:#0b5d1e;background:#e3f6e7;text-decoration:none;border-bottom:2px solid #0b5d1e}
u{text-decoration:underline wavy #b26a00}
ul.details{margin:0;padding-left:1rem}
`;

export const STYLE_HTML = new SafeHtml(STYLE); // our own constant, the one unescaped insert
export const STYLE_CSP_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;
