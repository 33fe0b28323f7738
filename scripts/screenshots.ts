/**
 * npm run screenshots — the pages as a person sees them, for the README: the service started as
 * `npm start` does (port 3503, a throwaway SQLite store), a spelling and a space request sent from
 * their forms in headless Chromium (/usr/bin/chromium), then the result page and the home page
 * saved at 1280 and 390 pixels wide into docs/.
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
try {
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
