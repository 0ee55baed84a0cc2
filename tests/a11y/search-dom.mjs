// Loads search URLs of a served minutebook site in Debian's headless Chromium (playwright-core,
// never a downloaded browser), one browser for all of them, and prints each page's DOM once its
// search is done, as JSON on stdout. It asserts nothing itself: tests/testsuite/search_e2e.rs
// checks the links and the status in each DOM.
//
//   node search-dom.mjs '<config JSON>'
//
// config: { origin: "http://127.0.0.1:PORT", paths: ["/search/?q=…", …] }
// output: { doms: ["<html…>", …] (in the order of paths), page_errors: ["…"] }
//
// A page is done when #search-results carries the state it rendered (data-state) and is no longer
// busy (aria-busy gone): search.js sets both when a search ends, also for no hits, a blank query
// and a failure. Each URL opens in a page of its own (one browser context: the index files the
// first pages fetched are cached for the later ones, as for a reader who searches again).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const { origin, paths = [] } = JSON.parse(process.argv[2] || '{}');
const TIMEOUT = 30000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const out = { doms: [], page_errors: [] };
try {
  const context = await browser.newContext();
  for (const path of paths) {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (e) => out.page_errors.push(`${path}: ${e}`));
    page.on('response', (r) => {
      const p = new URL(r.url()).pathname;
      if (r.status() >= 400 && p !== '/favicon.ico') out.page_errors.push(`${path}: HTTP ${r.status()}: ${p}`);
    });
    await page.goto(origin + path);
    await page.waitForFunction(() => {
      const r = document.getElementById('search-results');
      return r && r.hasAttribute('data-state') && !r.hasAttribute('aria-busy');
    });
    out.doms.push(await page.content());
    await page.close();
  }
  await context.close();
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
