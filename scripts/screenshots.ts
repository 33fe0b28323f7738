/**
 * npm run screenshots — the pages as a person sees them, for the README: the service started as
 * `npm start` does (port 3503, a throwaway SQLite store), a spelling and a space request sent from
 * their forms in headless Chromium (/usr/bin/chromium), beside a long spelling record and a
 * translation sent as JSON, then the result page and the home page saved at 1280 and 390 pixels
 * wide into docs/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startOfflineServer } from '../test/support/offline-server.ts';

const DOCS = join(import.meta.dirname, '..', 'docs');
const store = mkdtempSync(join(tmpdir(), 'screenshots-'));
const server = await startOfflineServer({ albPort: 3503, env: { DATABASE_URL: `sqlite:${join(store, 'records.db')}` } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
/** A record the home page shows cut, and a translation, sent as an API client would. */
async function seed() {
  const long = 'Wen I was yung, I lived in a smal town by the see. Evry morning I woke up erly to wach the fishermen bring in there boats, and my grandmother wuld make bred for the hole family. '.repeat(3);
  for (const [operation, text] of [['spell', long.trim()], ['translate', 'El perro come una manzana roja en la cocina.']]) {
    const response = await fetch(`${server.url}/api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    if (response.status !== 201) throw new Error(`POST /api/${operation} answered ${response.status}: ${await response.text()}`);
  }
}
try {
  await seed();
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.url}/api/space`);
    await page.fill('textarea[name=text]', 'Theygotmarriedinthe1980s andmovedto221B Baker Street.');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await page.goto(`${server.url}/api/spell`);
    await page.fill('textarea[name=text]', 'The labour party’s favourite plough was mouldy. Aoife said the OECD recieved alot of YAML, and I beleive teh wether is nice.');
    await page.fill('input[name=id]', `essay-${width}`);
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await page.screenshot({ path: join(DOCS, `spell-result-${width}.png`), fullPage: true });
    await page.goto(`${server.url}/`);
    await page.screenshot({ path: join(DOCS, `home-${width}.png`), fullPage: true });
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(store, { recursive: true, force: true });
}
