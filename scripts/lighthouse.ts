/**
 * npm run lighthouse — Lighthouse (pinned, 12.2.3) on the home page and every form, as a phone
 * (Lighthouse's default, throttled) and as a desktop, in headless Chromium (/usr/bin/chromium, or
 * CHROME_PATH), against the service started as `npm start` does (port 3603, a throwaway SQLite
 * store). Prints the four scores per page and every audit that cost points; exits 1 when best
 * practices, SEO or accessibility is under 100 anywhere (performance depends on the machine).
 */
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { OPERATIONS } from '../shared/operations/index.ts';
import { startOfflineServer } from '../test/support/offline-server.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const GATED: ReadonlyArray<(typeof CATEGORIES)[number]> = ['accessibility', 'best-practices', 'seo'];
const PAGES = ['/', ...OPERATIONS.map((operation) => `/api/${operation}`)];

const server = await startOfflineServer({ albPort: 3603 });
const chrome = await launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox'] });
const failures: string[] = [];
try {
  console.log(`Lighthouse 12.2.3 against ${server.url}\n`);
  console.log(`| page | device | ${CATEGORIES.join(' | ')} |`);
  console.log(`|---|---|${CATEGORIES.map(() => '---:').join('|')}|`);
  for (const path of PAGES) {
    // The function's cold start (the spelling engine loads in seconds) is not the page's to score.
    await fetch(`${server.url}${path}`);
    for (const [device, config] of [['phone', undefined], ['desktop', desktopConfig]] as const) {
      const result = await lighthouse(`${server.url}${path}`, { port: chrome.port, onlyCategories: [...CATEGORIES], logLevel: 'error' }, config);
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { categories, audits, runtimeError } = result.lhr;
      if (runtimeError) failures.push(`${path} (${device}): Lighthouse could not run: ${runtimeError.code} ${runtimeError.message}`);
      const score = (name: string) => Math.round((categories[name]?.score ?? 0) * 100);
      console.log(`| ${path} | ${device} | ${CATEGORIES.map(score).join(' | ')} |`);
      for (const name of GATED) {
        if (score(name) === 100) continue;
        const lost = categories[name]!.auditRefs.filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 0) < 1);
        failures.push(`${path} (${device}) ${name} ${score(name)}: ${lost.map((ref) => `${ref.id} (${audits[ref.id]!.title})`).join('; ')}`);
      }
    }
  }
} finally {
  await chrome.kill();
  await server.stop();
}
if (failures.length > 0) {
  console.error(`\nUnder 100:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
