// Drives the search page of a served minutebook site in Debian's headless Chromium (playwright-core,
// never a downloaded browser) the way a person would, and prints what it saw as JSON on stdout.
// It asserts nothing itself: tests/testsuite/search_ui.rs checks the observations against the built site
// and the interface strings.
//
//   node search-ui.mjs '<config JSON>'
//
// config: { origin: "http://127.0.0.1:PORT", scenario: "history" | "strings" | "alias",
//           labels: { query, unit, year, more, also, only } }   (accessible names, from src/render/i18n.rs)
//
// Every step waits until #search-results shows the expected state (its data-state attribute is
// the rendered query string and aria-busy is gone), then records a snapshot: the URL, the form's
// values, the links inside #search-results per hit, the role=status text, and any element that
// content could have injected. A failed step is recorded with its error and the run goes on.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const config = JSON.parse(process.argv[2] || '{}');
const { origin, scenario = 'history', labels = {} } = config;
const STEP_TIMEOUT = 20000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const out = { scenario, steps: [], dialogs: [], page_errors: [] };

async function newPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on('dialog', async (d) => { out.dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss(); });
  page.on('pageerror', (e) => out.page_errors.push(String(e)));
  // Failed requests are reported by URL (below), not as the console's bare 404 line.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) out.page_errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.status() >= 400 && path !== '/favicon.ico') out.page_errors.push(`HTTP ${r.status()}: ${path}`);
  });
  return page;
}

const qs = (state) => new URLSearchParams(state).toString();

// Waits until the rendered state is `state` (an object such as {q, unit}) and the search is done.
async function settle(page, state) {
  const want = qs(state);
  await page.waitForFunction((w) => {
    const r = document.getElementById('search-results');
    return r && r.getAttribute('data-state') === w && !r.hasAttribute('aria-busy');
  }, want, { timeout: STEP_TIMEOUT });
}

async function snapshot(page, name, extra = {}) {
  const snap = await page.evaluate(() => {
    const r = document.getElementById('search-results');
    const status = document.getElementById('search-status');
    const form = document.getElementById('search-form');
    const values = {};
    for (const f of ['q', 'unit', 'topic', 'series', 'year', 'sort']) values[f] = form.elements[f] ? form.elements[f].value : null;
    const hits = Array.from(r.querySelectorAll('.search-hit')).map((art) => ({
      title: art.querySelector('h2') ? art.querySelector('h2').textContent : '',
      title_lang: art.querySelector('h2') ? art.querySelector('h2').getAttribute('lang') : null,
      title_href: art.querySelector('h2 a[href]') ? art.querySelector('h2 a[href]').getAttribute('href') : null,
      series: art.querySelector('.search-hit-series') ? art.querySelector('.search-hit-series').textContent : null,
      sections_lang: art.querySelector('ul') ? art.querySelector('ul').getAttribute('lang') : null,
      date: art.querySelector('time') ? art.querySelector('time').textContent : '',
      datetime: art.querySelector('time') ? art.querySelector('time').getAttribute('datetime') : '',
      links: Array.from(art.querySelectorAll('.search-hit-sections a[href]')).map((a) => {
        const u = new URL(a.href);
        return { href: a.getAttribute('href'), origin: u.origin, path: decodeURIComponent(u.pathname), hash: decodeURIComponent(u.hash) };
      }),
    }));
    const more = r.querySelector('button.search-more');
    const alias = document.getElementById('search-alias');
    return {
      url: decodeURIComponent(location.pathname + location.search),
      search: location.search,
      form: values,
      state: r.getAttribute('data-state'),
      count: r.getAttribute('data-count'),
      hits,
      links: Array.from(r.querySelectorAll('a[href]')).length,
      more: more ? more.textContent : null,
      alias: alias ? { hidden: alias.hidden, text: alias.textContent,
        links: Array.from(alias.querySelectorAll('a[href]')).map((a) => decodeURIComponent(a.getAttribute('href'))) } : null,
      status: status.textContent,
      status_role: status.getAttribute('role'),
      status_live: status.getAttribute('aria-live'),
      status_in_results: r.contains(status),
      injected: Array.from(r.querySelectorAll('script, img, iframe, object, embed, svg, style, [onerror], [onload], [onclick]')).map((e) => e.outerHTML),
      scripts_in_document: document.scripts.length,
      results_text: r.textContent,
      focus: document.activeElement ? (document.activeElement.id || document.activeElement.tagName.toLowerCase() + (document.activeElement.getAttribute('href') ? ' ' + document.activeElement.getAttribute('href') : '')) : null,
      history_length: history.length,
    };
  });
  out.steps.push({ name, ...snap, ...extra });
}

async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    out.steps.push({ name, error: String(e && e.message ? e.message : e).split('\n')[0] });
  }
}

const queryBox = (page) => page.getByLabel(labels.query, { exact: true });

if (scenario === 'history') {
  const page = await newPage();
  await step('open', async () => {
    await page.goto(`${origin}/search/`);
    await settle(page, {});
    await snapshot(page, 'open');
  });
  await step('typed', async () => {
    await queryBox(page).click();
    await page.keyboard.type('皮夾');
    await settle(page, { q: '皮夾' });
    await snapshot(page, 'typed');
  });
  await step('filtered', async () => {
    await page.getByLabel(labels.unit, { exact: true }).selectOption('secretariat');
    await settle(page, { q: '皮夾', unit: 'secretariat' });
    await snapshot(page, 'filtered');
  });
  await step('retyped', async () => {
    await queryBox(page).fill('');
    await queryBox(page).pressSequentially('錢包');
    await settle(page, { q: '錢包', unit: 'secretariat' });
    await snapshot(page, 'retyped');
  });
  await step('back1', async () => {
    await page.goBack();
    await settle(page, { q: '皮夾', unit: 'secretariat' });
    await snapshot(page, 'back1');
  });
  await step('back2', async () => {
    await page.goBack();
    await settle(page, { q: '皮夾' });
    await snapshot(page, 'back2');
  });
  await step('forward', async () => {
    await page.goForward();
    await settle(page, { q: '皮夾', unit: 'secretariat' });
    await snapshot(page, 'forward');
  });
  await step('reloaded', async () => {
    await page.reload();
    await settle(page, { q: '皮夾', unit: 'secretariat' });
    await snapshot(page, 'reloaded');
  });
  await step('back_to_empty', async () => {
    // Back past the first query: the empty page the typing started from.
    await page.goBack();
    await page.goBack();
    await settle(page, {});
    await snapshot(page, 'back_to_empty');
  });

  // A shared URL opened in a fresh browser context.
  const shared = await newPage();
  await step('shared', async () => {
    await shared.goto(`${origin}/search/?${qs({ q: '皮夾', unit: 'secretariat', year: '2023' })}`);
    await settle(shared, { q: '皮夾', unit: 'secretariat', year: '2023' });
    await snapshot(shared, 'shared');
  });

  // Keyboard only: Tab to the labelled input, type, Enter.
  const kb = await newPage();
  await step('keyboard', async () => {
    await kb.goto(`${origin}/search/`);
    await settle(kb, {});
    const target = await queryBox(kb).evaluate((e) => e.id);
    let tabs = 0;
    while (tabs < 40) {
      await kb.keyboard.press('Tab');
      tabs++;
      if (await kb.evaluate((id) => document.activeElement && document.activeElement.id === id, target)) break;
    }
    const reached = await kb.evaluate((id) => document.activeElement && document.activeElement.id === id, target);
    await kb.keyboard.type('數位皮夾試辦');
    await kb.keyboard.press('Enter');
    await settle(kb, { q: '數位皮夾試辦' });
    await snapshot(kb, 'keyboard', { tabs, reached_input: reached, input_id: target });
  });
  // "Show more" with the keyboard: focus moves to the first newly shown hit.
  await step('more', async () => {
    await queryBox(kb).fill('電子公文');
    await kb.keyboard.press('Enter');
    await settle(kb, { q: '電子公文' });
    await snapshot(kb, 'more_before');
    await kb.getByRole('button', { name: labels.more, exact: true }).focus();
    await kb.keyboard.press('Enter');
    await settle(kb, { q: '電子公文', page: '2' });
    await snapshot(kb, 'more_after');
  });

  // Records whose text holds markup: shown as text, never run.
  const x = await newPage();
  await step('xss_onerror', async () => {
    await x.goto(`${origin}/search/`);
    await settle(x, {});
    await queryBox(x).click();
    await x.keyboard.type('onerror');
    await settle(x, { q: 'onerror' });
    await x.waitForTimeout(300); // time for an injected handler to fire
    await snapshot(x, 'xss_onerror');
  });
  await step('xss_script', async () => {
    await queryBox(x).fill('script alert');
    await x.keyboard.press('Enter');
    await settle(x, { q: 'script alert' });
    await x.waitForTimeout(300);
    await snapshot(x, 'xss_script');
  });
  await step('xss_query', async () => {
    const q = '<img src=x onerror=alert(2)>';
    await x.goto(`${origin}/search/?${qs({ q })}`);
    await settle(x, { q });
    await x.waitForTimeout(300);
    await snapshot(x, 'xss_query');
  });
} else if (scenario === 'strings') {
  // The status and hit texts in the site's language: one hit, several hits, none.
  const page = await newPage();
  await page.goto(`${origin}/search/`).catch((e) => out.page_errors.push(String(e)));
  for (const [name, q] of [['one', '數位皮夾試辦'], ['several', '皮夾'], ['none', '量子糾纏']]) {
    await step(name, async () => {
      await queryBox(page).fill(q);
      await settle(page, { q });
      await snapshot(page, name);
    });
  }
} else if (scenario === 'alias') {
  // A query that is a registered alias: the offer, taken with one click, and the way back.
  const page = await newPage();
  await step('alias_typed', async () => {
    await page.goto(`${origin}/search/`);
    await settle(page, {});
    await queryBox(page).click();
    await page.keyboard.type('資安院');
    await settle(page, { q: '資安院' });
    await snapshot(page, 'alias_typed');
  });
  await step('alias_taken', async () => {
    await page.getByRole('link', { name: labels.also, exact: true }).click();
    await settle(page, { q: '資安院', also: '1' });
    await snapshot(page, 'alias_taken');
  });
  await step('alias_filtered', async () => {
    await page.getByLabel(labels.year, { exact: true }).selectOption('2024');
    await settle(page, { q: '資安院', year: '2024', also: '1' });
    await snapshot(page, 'alias_filtered');
  });
  await step('alias_only', async () => {
    await page.getByRole('link', { name: labels.only, exact: true }).click();
    await settle(page, { q: '資安院', year: '2024' });
    await snapshot(page, 'alias_only');
  });
  await step('alias_none', async () => {
    await queryBox(page).fill('資安院協助');
    await settle(page, { q: '資安院協助', year: '2024' });
    await snapshot(page, 'alias_none');
  });
} else {
  out.page_errors.push(`unknown scenario ${scenario}`);
}

await browser.close();
process.stdout.write(JSON.stringify(out) + '\n');
