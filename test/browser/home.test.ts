/**
 * The pages in a real browser (headless Chromium, Debian's package, driven by playwright-core)
 * against the offline server as `npm start` runs it: every form submits under the Content Security
 * Policy, new rows appear on the home page, the table pages and filters, a bad submission shows an
 * error page, a long text fits a phone's width, and hostile text renders as text: no dialog, no
 * script, no policy violation.
 *
 * UPDATE_SCREENSHOT=1 also saves the home page with data as docs/home.png for the README.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { startGoogleTranslateStub, type GoogleTranslateStub } from '../fakes/google-translate-stub.ts';
import { OPERATIONS } from '../../shared/model.ts';
import { SCRIPT_HTML } from '../../shared/http/script.ts';
import { expectSecurityHeaders } from '../support/expectations.ts';
import { HOSTILE_IDS, HOSTILE_TEXTS } from '../support/hostile-strings.ts';
import { startOfflineServer, type OfflineServer } from '../support/offline-server.ts';

// Each test is a handful of page loads; on a busy 2-core runner that can pass jest's 30 s default.
jest.setTimeout(90_000);

let server: OfflineServer;
let google: GoogleTranslateStub;
let browser: Browser;
let page: Page;
/** Everything the page did that it must not: dialogs, console errors, uncaught errors, CSP violations. */
let incidents: string[];

beforeAll(async () => {
  google = await startGoogleTranslateStub();
  [server, browser] = await Promise.all([
    // translate through the Google stand-in, whatever engines this machine has installed.
    startOfflineServer({
      albPort: 3333,
      env: { TRANSLATE_PROVIDER: 'google', GOOGLE_TRANSLATE_API_KEY: 'browser-test-key', GOOGLE_CLOUD_TRANSLATE_ENDPOINT: google.endpoint },
    }),
    chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }),
  ]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await google?.close();
});

beforeEach(async () => {
  incidents = [];
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('dialog', (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => incidents.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Failed requests too, the page's icon among them: Lighthouse's best practices count them.
    if (message.type() === 'error' || message.type() === 'warning') incidents.push(`console ${message.type()}: ${message.text()}`);
  });
  // Runs before any page script, outside the page's CSP: records every policy violation.
  await page.addInitScript(`
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
  `);
});

afterEach(async () => {
  // window.__pwned is what the payloads in HOSTILE_TEXTS would set, had any of them run.
  const state = (await page.evaluate('({ violations: window.__violations ?? [], pwned: window.__pwned ?? null })')) as { violations: string[]; pwned: unknown };
  await page.close();
  expect({ incidents, ...state }).toEqual({ incidents: [], violations: [], pwned: null });
});

/** Clicks something that navigates; resolves with the main-frame response once the new page has loaded. */
async function navigateBy(action: () => Promise<void>): Promise<Response> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame()), action()]);
  await page.waitForLoadState('load');
  return response;
}

async function open(path: string): Promise<Response> {
  const response = await page.goto(server.url + path);
  expect(response).not.toBeNull();
  return response!;
}

type Row = { seq: number; id: string; operation: string; input: string; output: string };
/** The little of the DOM these page functions use (the project compiles without the DOM library). */
interface Node {
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<Node>;
  cloneNode(deep: boolean): Node;
  querySelectorAll(selector: string): ArrayLike<Node & { remove(): void }>;
}
const tableRows = (): Promise<Row[]> =>
  page.$$eval('tbody tr', (rows) =>
    rows.map((row) => {
      // What the text reads without the marks' deleted originals.
      const [seq, id, operation, input, output] = Array.from(row.querySelectorAll('td'), (cell) => {
        const copy = (cell as unknown as Node).cloneNode(true);
        Array.from(copy.querySelectorAll('del'), (deleted) => deleted.remove());
        return copy.textContent ?? '';
      });
      return { seq: Number(seq), id: id!, operation: operation!, input: input!, output: output! };
    }),
  );

// The HTML parser turns CR LF into LF in text; what a reader sees is otherwise exactly the input.
const asRendered = (text: string) => text.replace(/\r\n?/g, '\n');

/** Every record, newest first, as the JSON API lists them. */
const listed = async (): Promise<Row[]> => ((await (await fetch(`${server.url}/?format=json&limit=200`)).json()) as { records: Row[] }).records;

const postJson = (operation: string, body: unknown) =>
  fetch(`${server.url}/api/${operation}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('in Chromium', () => {
  it('opens the empty home page with the security headers and its stylesheet applied under the CSP', async () => {
    const response = await open('/');
    expect(response.status()).toBe(200);
    expectSecurityHeaders((name) => response.headers()[name]);
    expect(await page.locator('main').textContent()).toContain('No records yet.');
    expect(await page.evaluate('getComputedStyle(document.body).maxWidth')).toBe('1152px');
  });

  it.each([
    ['Spelling correction', 'spell', 'Teh wrold is big. <b onmouseover="alert(1)">x</b>', 'The world is big.'],
    ['Space correction', 'space', `Thequickbrownfox jumped,overthelazydog. <script>alert('x')</script>`, 'The quick brown fox jumped, over the lazy dog.'],
    ['Translate into English', 'translate', `hola mundo "<img src=x onerror=alert(1)>"`, '[en] hola mundo'],
  ])('submits the %s form from the navigation and sees the new row on the home page', async (link, operation, text, expected) => {
    await open('/');
    await navigateBy(() => page.click(`nav a:text-is("${link}")`));
    expect(new URL(page.url()).pathname).toBe(`/api/${operation}`);
    const id = `${operation} "form" <i>`;
    await page.fill('textarea[name=text]', text);
    await page.fill('input[name=id]', id);

    const response = await navigateBy(() => page.click('button[type=submit]'));
    expect(response.status()).toBe(201);
    expect(await page.locator('h1').textContent()).toContain('result');
    expect(await page.locator('pre').nth(0).evaluate((pre) => Array.from((pre as unknown as Node).childNodes, (n) => (n.nodeName === 'DEL' ? '' : n.textContent)).join(''))).toContain(expected);
    expect(await page.locator('pre').nth(1).textContent()).toBe(text);
    expect(await page.locator('main strong').textContent()).toBe(id);

    await navigateBy(() => page.click('a:text-is("All records")'));
    const [newest] = await tableRows();
    expect(newest).toEqual(expect.objectContaining({ id, operation, input: text }));
    expect(newest!.output).toContain(expected);
  });

  it('returns a bad submission to its form with the text kept and the reason above it, and stores nothing', async () => {
    const before = (await listed()).length;
    await open('/api/space');
    // Spaces pass the textarea's `required` but not the server's rule.
    await page.fill('textarea[name=text]', '   ');
    const response = await navigateBy(() => page.click('button[type=submit]'));
    expect(response.status()).toBe(400);
    expectSecurityHeaders((name) => response.headers()[name]);
    expect(await page.locator('h1').textContent()).toBe('Space correction');
    expect(await page.locator('.error').textContent()).toContain('VALIDATION_FAILED');
    expect(await page.inputValue('textarea[name=text]')).toBe('   ');
    expect((await listed()).length).toBe(before);
    // Chromium reports any 4xx page load on the console; that one is this test's point.
    incidents = incidents.filter((incident) => !incident.includes('status of 400 (Bad Request)'));
  });

  it('keeps a text over the limit through the 413, in the form, with the count saying how far over it is', async () => {
    const before = (await listed()).length;
    await open('/api/spell');
    expect(await page.locator('#count').textContent()).toBe('0 of 10000 characters');
    const long = 'a'.repeat(10_001);
    await page.fill('textarea[name=text]', long);
    expect(await page.locator('#count').textContent()).toBe('10001 of 10000 characters');
    const response = await navigateBy(() => page.click('button:text-is("Check spelling")'));
    expect(response.status()).toBe(413);
    expect(await page.locator('.error').textContent()).toContain('TEXT_TOO_LONG');
    expect(await page.inputValue('textarea[name=text]')).toBe(long);
    expect((await listed()).length).toBe(before);
    incidents = incidents.filter((incident) => !incident.includes('status of 413 (Payload Too Large)'));
  });

  it('shows the alternatives as text, lets the keyboard choose them into the "check again" text, and sends that text again', async () => {
    await open('/api/spell');
    await page.fill('textarea[name=text]', 'Teh wrold is big.');
    await navigateBy(() => page.click('button:text-is("Check spelling")'));
    expect(await page.locator('main').textContent()).toContain('Checked as American English (en-US)');
    const corrections = page.locator('ul.findings').first();
    expect(await corrections.locator('li').first().textContent()).toBe('Teh → The; also Tech, Ten, Tea, Tee, Tel');
    expect(await page.inputValue('textarea[name=text]')).toBe('The world is big.');
    expect(await page.locator('button[data-copy]').isVisible()).toBe(true);
    // A longer word first, so the second choice must land where the first moved it.
    await corrections.locator('button.choice:text-is("Tech")').focus();
    await page.keyboard.press('Enter');
    await corrections.locator('button.choice:text-is("word")').focus();
    await page.keyboard.press('Space');
    expect(await page.inputValue('textarea[name=text]')).toBe('Tech word is big.');
    expect(await corrections.locator('button.choice[aria-pressed=true]').allTextContents()).toEqual(['Tech', 'word']);
    const again = await navigateBy(() => page.click('button:text-is("Check spelling")'));
    expect(again.status()).toBe(201);
    expect(await page.locator('pre').nth(1).textContent()).toBe('Tech word is big.');
    expect(await page.locator('p.ok').textContent()).toBe('No mistakes found.');
  });

  it('works without script: the alternatives read as text and "check again" holds the output', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 } });
    const plain = await context.newPage();
    await plain.goto(`${server.url}/api/spell`);
    expect(await plain.locator('#count').textContent()).toBe('Up to 10000 characters.');
    await plain.fill('textarea[name=text]', 'Teh wrold is big.');
    await Promise.all([plain.waitForNavigation(), plain.click('button:text-is("Check spelling")')]);
    expect(await plain.locator('ul.findings li').first().textContent()).toBe('Teh → The; also Tech, Ten, Tea, Tee, Tel');
    expect(await plain.inputValue('textarea[name=text]')).toBe('The world is big.');
    expect(await plain.locator('button[data-copy]').isVisible()).toBe(false);
    await context.close();
  });

  it('renders hostile text and ids as text on the home page: byte for byte, inert', async () => {
    for (const [i, text] of HOSTILE_TEXTS.entries()) {
      expect((await postJson(i % 2 ? 'space' : 'translate', { text, id: HOSTILE_IDS[i % HOSTILE_IDS.length] })).status).toBe(201);
    }
    await open(`/?limit=${HOSTILE_TEXTS.length}`);
    const rows = await tableRows();
    expect(rows.map((r) => r.input)).toEqual(HOSTILE_TEXTS.map(asRendered).reverse());
    expect(rows.map((r) => r.id)).toEqual(HOSTILE_TEXTS.map((_, i) => HOSTILE_IDS[i % HOSTILE_IDS.length]).reverse());
    // Nothing a payload could have become: every element is one our templates make.
    const tags = await page.$$eval('body *', (elements) => [...new Set(elements.map((e) => e.tagName.toLowerCase()))]);
    for (const tag of ['img', 'svg', 'iframe', 'i', 'b']) expect(tags).not.toContain(tag);
    // The one script is the service's own, as its CSP hash allows it.
    expect(await page.$$eval('script', (scripts) => scripts.map((script) => script.textContent))).toEqual([SCRIPT_HTML.value]);

    // The filter form keeps a hostile id as the value of its input, not as markup.
    await open(`/?id=${encodeURIComponent(HOSTILE_IDS[1]!)}`);
    expect(await page.inputValue('input[name=id]')).toBe(HOSTILE_IDS[1]);
    expect((await tableRows()).every((r) => r.id === HOSTILE_IDS[1])).toBe(true);

    const screenshot = await page.goto(`${server.url}/?limit=12`).then(() => page.screenshot({ fullPage: true }));
    expect(screenshot.subarray(1, 4).toString()).toBe('PNG');
    if (process.env.UPDATE_SCREENSHOT) writeFileSync(new URL('../../docs/home.png', import.meta.url), screenshot);
  });

  it('pages through the table with the filter form and the next link, and filters by operation and id', async () => {
    const everything = await listed();
    expect(everything.length).toBeGreaterThan(10);

    await open('/');
    await page.fill('input[name=limit]', '4');
    await navigateBy(() => page.click('button:text-is("Filter")'));
    const seen: Row[] = [];
    for (;;) {
      const rows = await tableRows();
      expect(rows.length).toBeLessThanOrEqual(4);
      seen.push(...rows);
      const next = page.locator('a[rel=next]');
      if ((await next.count()) === 0) break;
      await navigateBy(() => next.click());
    }
    expect(await page.locator('main').textContent()).toContain('End of records.');
    expect(seen.map((r) => r.seq)).toEqual(everything.map((r) => r.seq));

    await page.selectOption('select[name=operation]', 'translate');
    await page.fill('input[name=limit]', '50');
    await navigateBy(() => page.click('button:text-is("Filter")'));
    const translated = await tableRows();
    expect(translated.length).toBe(everything.filter((r) => r.operation === 'translate').length);
    expect(translated.every((r) => r.operation === 'translate')).toBe(true);

    await page.selectOption('select[name=operation]', '');
    await page.fill('input[name=id]', 'space "form" <i>');
    await navigateBy(() => page.click('button:text-is("Filter")'));
    expect((await tableRows()).map((r) => r.id)).toEqual(['space "form" <i>']);
  });

  it('marks each correction inline on the result page and on the record page the table links, styled under the CSP', async () => {
    await open('/api/spell');
    await page.fill('textarea[name=text]', 'Teh wrold is big.');
    await navigateBy(() => page.click('button[type=submit]'));
    const output = page.locator('pre').nth(0);
    expect(await output.locator('del').allTextContents()).toEqual(['Teh', 'wrold']);
    expect(await output.locator('ins').allTextContents()).toEqual(['The', 'world']);
    expect(await output.locator('ins').first().getAttribute('title')).toMatch(/^(also: |no other suggestion)/);
    expect(await page.evaluate(`getComputedStyle(document.querySelector('pre del')).textDecorationLine`)).toBe('line-through');
    await navigateBy(() => page.click('a:text-is("All records")'));
    const row = page.locator('tbody tr').first();
    expect(await row.locator('td.text').nth(1).textContent()).toBe('The world is big.');
    expect(await row.locator('td[data-label=Details]').textContent()).toBe('2 corrections');
    await navigateBy(() => row.locator('td').first().locator('a').click());
    expect(await page.locator('h1').textContent()).toMatch(/^Record \d+$/);
    const marked = page.locator('pre').nth(0);
    expect(await marked.locator('del').allTextContents()).toEqual(['Teh', 'wrold']);
    expect(await marked.locator('ins').allTextContents()).toEqual(['The', 'world']);
  });

  it('shows a long text cut in the table and whole on its record page, neither wider than a 390 px screen', async () => {
    const unbroken = `${'Supercalifragilistic'.repeat(40)} and then ${'word '.repeat(80)}`;
    const created = (await (await postJson('space', { text: unbroken, id: 'x'.repeat(64) })).json()) as { seq: number };
    await page.setViewportSize({ width: 390, height: 900 });
    for (const path of ['/?limit=5', `/?seq=${created.seq}`]) {
      await open(path);
      const widths = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
      expect({ path, widths }).toEqual({ path, widths: [widths[1], widths[1]] });
    }
    expect(await page.locator('pre').nth(1).textContent()).toBe(unbroken);
    await open('/?limit=5');
    const [newest] = await tableRows();
    expect(newest!.input).toBe(`${[...unbroken].slice(0, 300).join('')}…`);
  });

  it.each([
    ['a 10,000-character text without spaces', 'x'.repeat(10_000)],
    ['a run-together sentence with a URL', 'Readthedocsathttps://example.com/averyveryverylongpathwithoutanyspaces/andmoreandmore?query=value&other=thing,thenreplyquickly.'],
  ])('never scrolls sideways at 1280 or 390 px with %s: the forms, result pages and record page', async (_name, text) => {
    for (const operation of OPERATIONS) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await open(`/api/${operation}`);
        await page.fill('textarea[name=text]', text);
        const response = await navigateBy(() => page.click('button[type=submit]'));
        expect(response.status()).toBe(201);
        const seq = Number(new URL((await page.locator('a:text-is("This record")').getAttribute('href'))!, server.url).searchParams.get('seq'));
        for (const where of ['result', 'record']) {
          if (where === 'record') await open(`/?seq=${seq}`);
          const widths = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
          expect({ operation, width, where, widths }).toEqual({ operation, width, where, widths: [widths[1], widths[1]] });
        }
      }
    }
  });

  // axe-core's own script, evaluated through the DevTools protocol: the pages' CSP allows only their own.
  const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  it.each([
    ['the home page with records', '/?limit=20'],
    ['the spelling form', '/api/spell'],
    ['the space form', '/api/space'],
    ['the translation form', '/api/translate'],
    ['an error page', '/?limit=0'],
    ['a record page', '/?seq=1'],
    ['a result page', 'result'],
    ['a refused submission', 'refused'],
  ])('has no serious or critical accessibility violations (axe-core) on %s, 1280 and 390 px wide', async (_name, path) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      if (path === 'result' || path === 'refused') {
        await open('/api/spell');
        await page.fill('textarea[name=text]', path === 'result' ? 'Teh wrold is big. Pittsburg and McKinsey met Pittsburg.' : '   ');
        await navigateBy(() => page.click('button[type=submit]'));
      } else {
        await open(path);
      }
      await page.evaluate(AXE);
      const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })))`)) as Array<{ id: string; impact: string; nodes: string[] }>;
      expect({ width, violations: violations.filter((v) => v.impact === 'serious' || v.impact === 'critical') }).toEqual({ width, violations: [] });
    }
    incidents = incidents.filter((incident) => !incident.includes('status of 400 (Bad Request)'));
  });
});
