import { createHash } from 'node:crypto';
import { SafeHtml } from './html.ts';

// The one script, inline and allowed by its hash like the stylesheet. Every page works without it:
// it only adds what needs script, the live character count, the copy button and choosing an
// alternative into the "check again" text.
const SCRIPT = `
const area = document.querySelector('textarea[name=text]');
const count = document.getElementById('count');
if (area && count) {
  const show = () => { count.textContent = [...area.value].length + ' of ' + area.dataset.limit + ' characters'; };
  area.addEventListener('input', show);
  show();
}
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', () => navigator.clipboard.writeText(area.value).then(() => { button.textContent = 'Copied'; }, () => { button.textContent = 'Select the text to copy it'; }));
}
const positions = (item) => item.dataset.at.split(' ').map(Number);
for (const choice of document.querySelectorAll('[data-to]')) {
  if (!area) break;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'choice';
  button.textContent = choice.textContent;
  button.setAttribute('aria-pressed', String(choice.closest('li').dataset.from === choice.dataset.to));
  choice.replaceWith(button);
  button.addEventListener('click', () => {
    const item = button.closest('li');
    const from = item.dataset.from;
    const to = choice.dataset.to;
    const at = positions(item);
    let text = area.value;
    if (at.some((p) => text.slice(p, p + from.length) !== from)) return;
    for (const p of [...at].reverse()) text = text.slice(0, p) + to + text.slice(p + from.length);
    area.value = text;
    area.dispatchEvent(new Event('input'));
    for (const other of document.querySelectorAll('li[data-at]')) other.dataset.at = positions(other).map((p) => p + (to.length - from.length) * at.filter((a) => a < p).length).join(' ');
    item.dataset.from = to;
    for (const sibling of item.querySelectorAll('button.choice')) sibling.setAttribute('aria-pressed', String(sibling === button));
  });
}
`;

export const SCRIPT_HTML = new SafeHtml(SCRIPT); // our own constant, like STYLE_HTML
export const SCRIPT_CSP_SOURCE = `'sha256-${createHash('sha256').update(SCRIPT).digest('base64')}'`;
