// Time to first results of the search page, in Debian's headless Chromium (playwright-core, never a
// downloaded browser) against a built minutebook site served on 127.0.0.1 by this script.
//
//   node search-latency.mjs <built site folder> <queries: JSON array, or @file.json>
//
// For each query: a new browser context (empty cache: a cold visitor), open /search/, wait for the
// page to load, fill the labelled query input at once (one input event, as when an input method
// commits a word), and measure inside the page from that input event's timestamp to the first DOM
// change after which #search-results holds a hit link or reports zero hits (data-count="0"), with
// performance.now() in a MutationObserver. The time includes search.js's 80 ms typing pause, the
// fetches of the index files over loopback HTTP, decompression, the search and the rendering.
// `frame_ms` is the same up to the next animation frame (when the result can first be painted).
//
// Prints JSON: { queries: [{q, ms, frame_ms, count}], errors, median, p90, max } (milliseconds);
// with SEARCH_LATENCY_DETAIL=1 each query also lists the files it fetched and when.
// Used by `minutebook bench` (src/bench_search.rs), which finds playwright-core through NODE_PATH.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const site = resolve(process.argv[2] || 'public');
const arg = process.argv[3] || '[]';
const queries = JSON.parse(arg.startsWith('@') ? readFileSync(arg.slice(1), 'utf8') : arg);
const TIMEOUT = 30000;

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
};

function fileFor(urlPath) {
  const p = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  if (p.includes('..')) return null;
  let f = join(site, p);
  if (existsSync(f) && statSync(f).isDirectory()) f = join(f, 'index.html');
  return existsSync(f) ? f : null;
}

const server = createServer((req, res) => {
  const f = fileFor(req.url);
  if (!f) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(f)] || 'application/octet-stream' });
  res.end(readFileSync(f));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const results = [];
const errors = [];
for (const q of queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${q}: ${e}`));
  try {
    await page.goto(`${origin}/search/`, { waitUntil: 'load' });
    await page.evaluate(() => {
      const r = document.getElementById('search-results');
      const input = document.getElementById('search-q');
      const lat = (window.__latency = { start: null, end: null, frame: null, count: null });
      input.addEventListener('input', (e) => { if (lat.start === null) lat.start = e.timeStamp; });
      new MutationObserver(() => {
        if (lat.start === null || lat.end !== null) return;
        if (r.querySelector('a[href]') || r.getAttribute('data-count') === '0') {
          lat.end = performance.now();
          requestAnimationFrame(() => { lat.frame = performance.now(); });
        }
      }).observe(r, { childList: true, subtree: true, attributes: true });
    });
    await page.fill('#search-q', q);
    await page.waitForFunction(() => window.__latency.frame !== null, null, { timeout: TIMEOUT });
    // The number of hits, once every shown hit is drawn.
    await page.waitForFunction(() => {
      const r = document.getElementById('search-results');
      return r.hasAttribute('data-count') && !r.hasAttribute('aria-busy');
    }, null, { timeout: TIMEOUT });
    const lat = await page.evaluate(() => window.__latency);
    lat.count = await page.evaluate(() => Number(document.getElementById('search-results').getAttribute('data-count')));
    const row = { q, ms: lat.end - lat.start, frame_ms: lat.frame - lat.start, count: lat.count };
    if (process.env.SEARCH_LATENCY_DETAIL === '1') {
      // Every file fetched after the input event: [name, start ms, end ms, bytes], from Resource Timing.
      row.files = await page.evaluate((t0) => performance.getEntriesByType('resource')
        .filter((e) => e.startTime >= t0)
        .map((e) => [e.name.replace(/^.*\/search\//, ''), Math.round(e.startTime - t0), Math.round(e.responseEnd - t0), e.encodedBodySize]), lat.start);
    }
    results.push(row);
  } catch (e) {
    errors.push(`${q}: ${String(e.message || e).split('\n')[0]}`);
  }
  await context.close();
}
await browser.close();
server.close();

const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
const at = (p) => (sorted.length ? sorted[Math.round((sorted.length - 1) * p)] : null);
process.stdout.write(JSON.stringify({ queries: results, errors, median: at(0.5), p90: at(0.9), max: at(1) }) + '\n');
process.exit(errors.length ? 1 : 0);
