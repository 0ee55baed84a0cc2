// Screenshots of a built minutebook site: serves the folder on 127.0.0.1 and photographs each page
// kind (record, unit, topic, year, home, search with a query) in Debian's headless Chromium
// (playwright-core, never a downloaded browser) at 1280 px and at 390×844 (a phone), in the light
// and the dark colour scheme. Writes <name>-<width>-<scheme>.png into the output folder and prints
// one line per file. Used by scripts/screenshots.sh; the README shows two of them.
//
//   node screenshots.mjs <site folder> <output folder>
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync, mkdirSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const site = resolve(process.argv[2] || 'public');
const out = resolve(process.argv[3] || 'screenshots');
mkdirSync(out, { recursive: true });

const pages = [
  ['home', '/'],
  ['record', '/minutes/2024/executive-4/'],
  ['unit', '/units/strategy/'],
  ['topic', '/topics/digital-wallet/'],
  ['year', '/years/2024/'],
  ['search', '/search/?q=%E6%95%B8%E4%BD%8D%E7%9A%AE%E5%A4%BE'],
];
const viewports = [
  { width: 1280, height: 900, isMobile: false },
  { width: 390, height: 844, isMobile: true },
];
const schemes = ['light', 'dark'];

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.gz': 'application/gzip',
  '.bin': 'application/octet-stream',
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
  if (!f) { res.writeHead(404); res.end('not found'); return; }
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
let missing = 0;
for (const vp of viewports) {
  for (const scheme of schemes) {
    const context = await browser.newContext({
      viewport: { width: vp.width, height: vp.height }, isMobile: vp.isMobile,
      deviceScaleFactor: 1, colorScheme: scheme,
    });
    const page = await context.newPage();
    for (const [name, path] of pages) {
      const response = await page.goto(origin + path, { waitUntil: 'load' });
      if (!response || response.status() !== 200) {
        console.log(`MISSING ${path} (${response ? response.status() : 'no response'})`);
        missing++;
        continue;
      }
      if (name === 'search') {
        // The search page renders its hits with script: wait for them, not for a time.
        await page.waitForSelector('.search-hit', { timeout: 15000 });
      }
      const file = join(out, `${name}-${vp.width}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: false });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
server.close();
process.exit(missing ? 1 : 0);
