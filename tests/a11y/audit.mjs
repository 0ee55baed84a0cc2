// Accessibility audit of a built minutebook site: serves the folder on 127.0.0.1, opens every page
// kind in Debian's headless Chromium (playwright-core, never a downloaded browser), runs axe-core
// with the WCAG 2.0/2.1 A and AA rules in the light and the dark colour scheme, and checks what axe
// does not: one h1, a skip link to <main> that is visible when focused, landmarks, a visible focus
// outline, and lang="en" on English names. Exits 1 on any violation.
//
//   node audit.mjs <site folder> [page path …] [-- <site folder> [page path …]] …
//
// Several sites are audited by one browser, each served on its own port. The pages are opened by a
// pool of $AUDIT_JOBS (default 3) concurrent browser contexts, one fresh context per check as before;
// the report is printed in the order of the checks, whatever order they finish in.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const here = dirname(fileURLToPath(import.meta.url));
const axeSource = readFileSync(join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');

// Every page kind of the bundled site; a missing optional page (search) is skipped with a note.
const defaultPages = [
  '/', '/minutes/2024/executive-4/',
  '/units/', '/units/strategy/', '/units/strategy/reports/2024/', '/units/adi/mentions/', '/topics/', '/topics/ai/',
  '/series/', '/series/executive/', '/years/', '/years/2024/',
  '/search/', '/search/?q=%E6%95%B8%E4%BD%8D%E7%9A%AE%E5%A4%BE', '/data/', '/404.html',
];
// The search page (with results for 數位皮夾) exists once the theme has search.html.
const optional = new Set(['/search/', '/search/?q=%E6%95%B8%E4%BD%8D%E7%9A%AE%E5%A4%BE']);
// The sites and their pages: the arguments split at `--`; a site without pages gets defaultPages.
const groups = [[]];
for (const a of process.argv.slice(2)) {
  if (a === '--') groups.push([]);
  else groups[groups.length - 1].push(a);
}
const sites = groups.filter((g) => g.length).map((g) => ({
  root: resolve(g[0]), pages: g.length > 1 ? g.slice(1) : defaultPages,
}));
if (!sites.length) sites.push({ root: resolve('public'), pages: defaultPages });
const jobs = Math.max(1, Number(process.env.AUDIT_JOBS) || 3);
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8',
  '.gz': 'application/gzip', '.wasm': 'application/wasm',
};

function fileFor(site, urlPath) {
  let p = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  if (p.includes('..')) return null;
  let f = join(site, p);
  if (existsSync(f) && statSync(f).isDirectory()) f = join(f, 'index.html');
  return existsSync(f) ? f : null;
}

// One server per site, on its own port (a site's 404 page answers for what it lacks).
async function serve(site) {
  const server = createServer((req, res) => {
    const f = fileFor(site, req.url);
    if (!f) {
      const nf = join(site, '404.html');
      res.writeHead(404, { 'content-type': types['.html'] });
      res.end(existsSync(nf) ? readFileSync(nf) : 'not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(f)] || 'application/octet-stream' });
    res.end(readFileSync(f));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
for (const s of sites) Object.assign(s, await serve(s.root));

// playwright gives the browser a fresh temporary profile and removes it on close.
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Opens a page and waits until it is complete: the load event (style sheets and images), then, on
// the search page, until its script has run the query of the URL (#search-results carries the
// state it shows and is no longer busy). No other page has a script or fetches anything after load.
async function open(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => {
    if (document.readyState !== 'complete') return false;
    const r = document.getElementById('search-results');
    return !r || !document.querySelector('script[src]') || (r.hasAttribute('data-state') && !r.hasAttribute('aria-busy'));
  }, null, { polling: 20 });
}

// Checks axe leaves out (or marks best practice only).
async function structure(page) {
  return page.evaluate(() => {
    const problems = [];
    const h1 = document.querySelectorAll('h1');
    if (h1.length !== 1) problems.push(`${h1.length} h1 elements (want exactly 1)`);
    if (!document.documentElement.lang) problems.push('no lang on <html>');
    const main = document.querySelectorAll('main');
    if (main.length !== 1) problems.push(`${main.length} <main> elements`);
    if (!document.querySelector('header, [role=banner]')) problems.push('no banner landmark');
    if (!document.querySelector('footer, [role=contentinfo]')) problems.push('no contentinfo landmark');
    if (!document.querySelector('nav, [role=navigation]')) problems.push('no navigation landmark');
    const first = document.querySelector('body a[href], body button, body input');
    if (!first || !first.classList.contains('skip-link')) problems.push('the first focusable element is not the skip link');
    else {
      const target = document.getElementById(first.getAttribute('href').slice(1));
      if (!target || target.tagName !== 'MAIN') problems.push('the skip link does not lead to <main>');
    }
    for (const el of document.querySelectorAll('.en, .en-name')) {
      if (el.closest('[lang]').getAttribute('lang') !== 'en' && document.documentElement.lang !== 'en') {
        problems.push(`English text without lang="en": ${el.textContent.slice(0, 40)}`);
      }
    }
    for (const t of document.querySelectorAll('table')) {
      if (!t.querySelector('th')) problems.push('a table without header cells');
    }
    return problems;
  });
}

// Tab to the skip link and to the next control: each must show a focus outline and be on screen.
async function focusVisible(page) {
  const problems = [];
  for (let i = 1; i <= 2; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        what: `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''}`,
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
          && r.left < innerWidth && r.top < innerHeight,
      };
    });
    if (!info) { problems.push(`Tab ${i} focused nothing`); continue; }
    if (!info.outline) problems.push(`focused ${info.what} has no visible outline`);
    if (!info.onScreen) problems.push(`focused ${info.what} is off screen`);
  }
  return problems;
}

// One check: a page in a scheme (axe, structure, focus), a page on a phone, or a record in print.
// Each returns its report lines and its number of problems.
async function schemeCheck(site, path, scheme) {
  const out = { lines: [], failures: 0 };
  const fail = (where, msg) => { out.failures++; out.lines.push(`FAIL ${where}: ${msg}`); };
  const where = `${path} [${scheme}]`;
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await open(page, site.origin + path);
    const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
    if (dark !== (scheme === 'dark')) fail(where, 'colour scheme emulation did not take effect');
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      return axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      });
    });
    for (const v of result.violations) {
      for (const n of v.nodes) {
        fail(where, `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}\n    ${n.failureSummary.replace(/\n/g, '\n    ')}`);
      }
    }
    for (const p of await structure(page)) fail(where, p);
    for (const p of await focusVisible(page)) fail(where, p);
    for (const e of errors) fail(where, `script error: ${e}`);
    out.lines.push(`${result.violations.length ? 'FAIL' : 'ok  '} ${where}: axe: ${result.violations.length} rules violated`);
  } finally {
    await context.close();
  }
  return out;
}

// Phone (issue 19): at 390×844 the header is at most 64 px tall, one search box is shown, the
// menu folds into a <details> that opens without script, nothing but a table's own box scrolls
// sideways, no table cell is squeezed to a few characters a line, and every filter's label sits
// above its control.
async function phoneCheck(site, path) {
  const out = { lines: [], failures: 0 };
  const where = `${path} [390 px]`;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: path.startsWith('/search/') });
  try {
    const page = await context.newPage();
    await open(page, site.origin + path);
    const problems = await page.evaluate(() => {
      const out = [];
      const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const header = document.querySelector('.site-header');
      const h = header ? header.getBoundingClientRect().height : 0;
      if (!header) out.push('no .site-header');
      else if (h > 64) out.push(`the header is ${Math.round(h)} px tall (at most 64)`);
      const boxes = [...document.querySelectorAll('input[type=search]')].filter(shown);
      if (boxes.length > 1) out.push(`${boxes.length} search boxes are shown`);
      const menu = document.querySelector('.site-header details');
      if (!menu) out.push('the navigation does not fold into a <details>');
      else if (menu.open) out.push('the folded menu starts open');
      if (document.documentElement.scrollWidth > innerWidth + 1) {
        out.push(`the page is ${document.documentElement.scrollWidth} px wide (the screen is ${innerWidth})`);
      }
      const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
      for (const t of document.querySelectorAll('main table')) {
        // The box that scrolls the table: the table itself or a wrapper around it.
        let boxEl = t;
        while (boxEl && boxEl !== document.body && !scrolls(boxEl)) boxEl = boxEl.parentElement;
        const box = (boxEl && boxEl !== document.body ? boxEl : t).getBoundingClientRect();
        if (box.right > innerWidth + 1) out.push(`a table's box reaches ${Math.round(box.right)} px, past the screen`);
        const em = parseFloat(getComputedStyle(t).fontSize);
        for (const c of t.querySelectorAll('td, th')) {
          const text = c.textContent.trim();
          if (text.length >= 6 && c.clientWidth < 4 * em) {
            out.push(`a table cell is ${c.clientWidth} px wide, under four characters a line: ${text.slice(0, 20)}`);
            break;
          }
        }
      }
      for (const label of document.querySelectorAll('label[for]')) {
        const control = document.getElementById(label.htmlFor);
        if (!control || !shown(label) || !shown(control) || control.type === 'search') continue;
        if (control.type === 'checkbox' || control.type === 'radio') continue;
        const l = label.getBoundingClientRect();
        const c = control.getBoundingClientRect();
        if (l.bottom > c.top + 1) out.push(`the label "${label.textContent.trim()}" is not above its control`);
      }
      return out;
    });
    // The folded menu opens with the keyboard, without script.
    if (await page.$('.site-header details summary')) {
      await page.focus('.site-header details summary');
      await page.keyboard.press('Enter');
      const open = await page.evaluate(() => {
        const d = document.querySelector('.site-header details');
        return d.open && [...d.querySelectorAll('a')].some((a) => a.getClientRects().length > 0);
      });
      if (!open) problems.push('Enter on the menu button does not show the menu links');
    }
    for (const p of problems) { out.failures++; out.lines.push(`FAIL ${where}: ${p}`); }
    out.lines.push(`${problems.length ? 'FAIL' : 'ok  '} ${where}: phone layout`);
  } finally {
    await context.close();
  }
  return out;
}

// Print: a record prints without navigation, with its tables whole and its links readable.
async function printCheck(site, record) {
  const out = { lines: [], failures: 0 };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await open(page, site.origin + record);
    await page.emulateMedia({ media: 'print' });
    const problems = await page.evaluate(() => {
      const out = [];
      const shown = (el) => el.getClientRects().length > 0;
      for (const sel of ['.site-header', '.site-footer', '.skip-link', '.breadcrumb', '.toc', 'nav[aria-label]']) {
        for (const el of document.querySelectorAll(sel)) if (shown(el)) out.push(`${sel} is printed`);
      }
      for (const t of document.querySelectorAll('.body table')) {
        const s = getComputedStyle(t);
        if (s.display !== 'table') out.push(`table prints as display:${s.display}`);
        if (s.breakInside !== 'avoid') out.push('a table may break across pages');
      }
      for (const r of document.querySelectorAll('.body tr')) {
        if (getComputedStyle(r).breakInside !== 'avoid') { out.push('a table row may break across pages'); break; }
      }
      const fg = getComputedStyle(document.body).color;
      if (fg !== 'rgb(0, 0, 0)') out.push(`body text prints in ${fg}, not black`);
      return out;
    });
    for (const p of problems) { out.failures++; out.lines.push(`FAIL ${record} [print]: ${p}`); }
    const pdf = await page.pdf({ format: 'A4' });
    out.lines.push(`${problems.length ? 'FAIL' : 'ok  '} ${record} [print]: ${pdf.length} bytes of PDF`);
  } finally {
    await context.close();
  }
  return out;
}

// The checks of every site, in report order: per site, each page in the light and the dark
// scheme, then each page on a phone, then the record in print, then the site's summary.
const tasks = [];
const note = (line) => tasks.push(async () => ({ lines: [line], failures: 0 }));
for (const site of sites) {
  const first = tasks.length;
  note(`== ${site.root}`);
  for (const path of site.pages) {
    if (!fileFor(site.root, path)) {
      if (optional.has(path)) { note(`skip ${path} (not built)`); continue; }
      tasks.push(async () => ({ lines: [`FAIL ${path}: page not found in the built site`], failures: 1 }));
      continue;
    }
    for (const scheme of ['light', 'dark']) tasks.push(() => schemeCheck(site, path, scheme));
  }
  for (const path of site.pages) {
    if (fileFor(site.root, path)) tasks.push(() => phoneCheck(site, path));
  }
  const record = '/minutes/2024/executive-4/';
  if (site.pages.includes(record)) tasks.push(() => printCheck(site, record));
  site.tasks = [first, tasks.length];
}

const results = new Array(tasks.length);
let printed = 0;
let next = 0;
// Prints every finished result that no unfinished one precedes, and each site's summary after its
// last check.
function flush() {
  while (printed < tasks.length && results[printed]) {
    for (const line of results[printed].lines) console.log(line);
    printed++;
    for (const site of sites) {
      if (site.tasks[1] !== printed) continue;
      const n = results.slice(site.tasks[0], site.tasks[1]).reduce((a, r) => a + r.failures, 0);
      console.log(n ? `\n${n} accessibility problems in ${site.root}\n` : `\n${site.root}: no violations\n`);
    }
  }
}
async function worker() {
  while (next < tasks.length) {
    const i = next++;
    try {
      results[i] = await tasks[i]();
    } catch (e) {
      results[i] = { lines: [`FAIL check ${i}: ${e && e.stack ? e.stack : e}`], failures: 1 };
    }
    flush();
  }
}

let failures = 0;
try {
  await Promise.all(Array.from({ length: jobs }, worker));
  failures = results.reduce((a, r) => a + r.failures, 0);
} finally {
  await browser.close();
  for (const s of sites) s.server.close();
}

if (failures) {
  console.log(`\n${failures} accessibility problems`);
  process.exit(1);
}
console.log('\naccessibility audit: no violations');
