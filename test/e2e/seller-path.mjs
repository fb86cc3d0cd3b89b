/* global window, document, getComputedStyle -- page functions run inside Chromium */
// A new seller's first ten minutes, in real Chromium over the playground (the built sidebar and
// server bundle on the emulated workbook): open → load a sample → import → the way to the ledger →
// unit costs → refresh → dashboard with net profit and forecast → forecast panel → Insert formula →
// Help. Along the way: axe-core finds no serious or critical problem in the sidebar or the Help
// dialog, every control is reachable with the keyboard, and the sidebar fits 300 px with classic,
// always-visible scrollbars. The five Marketplace screenshots (1280×800) are taken on this path:
// test-results/e2e/marketplace-N.png (`npm run marketplace:images` copies them to docs/marketplace/).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = join(root, 'test-results', 'e2e');
const MARKETPLACE = { width: 1280, height: 800 };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

if (!existsSync(join(root, 'dist', 'Code.js')) || !existsSync(join(root, 'dist', 'Sidebar.html'))) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
}

const { register } = await import('tsx/esm/api');
register();
const { startPlayground } = await import('../../playground/server.ts');
const { findChromium, launchChromium } = await import('../../scripts/browser.ts');
const { chromium } = await import('playwright-core');

const { browser, choice } = await launchChromium().catch((error) => {
  console.error(`e2e seller path: failed: ${error.message}`);
  process.exit(1);
});
mkdirSync(shots, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'tts-seller-'));
const playground = await startPlayground({ port: 0, root, workbookFile: join(scratch, 'workbook.json') });
const problems = [];
let passed = 0;

const money = (cents) =>
  `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    console.log(
      `  ✗ ${name}\n    ${String(error?.stack ?? error)
        .split('\n')
        .join('\n    ')}`,
    );
    problems.push(name);
  }
}

/** Serious and critical axe-core violations in a frame, as `rule: target` lines. */
async function axeProblems(frame, context = 'document') {
  await frame.addScriptTag({ content: AXE });
  const violations = await frame.evaluate(async (ctx) => {
    const result = await window.axe.run(ctx === 'document' ? document : ctx, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, context);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 3).join(', ')}`);
}

/** Tabs through the page and returns the controls focus reached, in order. */
async function tabOrder(frame, presses) {
  const reached = [];
  for (let i = 0; i < presses; i++) {
    await frame.page().keyboard.press('Tab');
    reached.push(
      await frame.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return '';
        return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}`;
      }),
    );
  }
  return reached;
}

try {
  const page = await browser.newPage({ viewport: MARKETPLACE });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  // The listing shows the add-on, not the playground's own controls: its header is hidden for the shot.
  const market = async (n) => {
    const file = join(shots, `marketplace-${n}.png`);
    const style = await page.addStyleTag({ content: 'body > header { display: none !important; }' });
    await page.screenshot({ path: file });
    await style.evaluate((el) => el.remove());
    return file;
  };
  const frame = page.frameLocator('#sidebar-frame');
  const sidebarFrame = () => page.frames().find((f) => f.url().endsWith('/sidebar'));
  const enabledPrimaries = () =>
    sidebarFrame().evaluate(() =>
      [...document.querySelectorAll('button.action')]
        .filter((b) => !b.disabled && !b.closest('[hidden]'))
        .map((b) => b.textContent),
    );

  console.log(`e2e seller path: ${playground.url} with ${choice.executablePath} (${choice.source})`);
  await page.goto(playground.url);

  await check(
    'open: Extensions → TTS Profit → Open shows the sidebar, with no primary action before a file is chosen',
    async () => {
      await page.getByRole('button', { name: 'Open sidebar' }).click();
      await frame.locator('#import-files').waitFor({ state: 'attached' });
      await frame.getByRole('heading', { name: 'Import exports' }).waitFor();
      assert.deepEqual(await enabledPrimaries(), []);
    },
  );

  let rows = 0;
  await check('load a sample: the preview checks every row before anything is written', async () => {
    await page.getByRole('button', { name: 'Load 17-month history' }).click();
    const ready = frame.locator('.progress-status', { hasText: /Ready to import [\d,]+ rows\./ });
    await ready.waitFor({ timeout: 60_000 });
    rows = Number((await ready.innerText()).replace(/[^\d]/g, ''));
    assert.ok(rows > 1000, `a 17-month history has many rows (${rows})`);
    assert.match(
      await frame.locator('.file-card').first().innerText(),
      /Reconciled: [\d,]+ rows add up to the cent\./,
    );
    assert.deepEqual(await enabledPrimaries(), ['Import']);
    await market(1);
  });

  await check(
    'import: the result offers Refresh dashboard (primary), Open ledger and Fill unit costs',
    async () => {
      await frame.getByRole('button', { name: 'Import', exact: true }).click();
      await frame.locator('.result.complete').waitFor({ timeout: 120_000 });
      const next = frame.locator('.next-steps');
      await next.waitFor();
      const summary = await next.locator('.next-summary').innerText();
      assert.match(
        summary,
        new RegExp(
          `^${rows.toLocaleString('en-US')} new rows in TTS Ledger\\. \\d+ new SKUs? in TTS COGS need a unit cost\\.`,
        ),
      );
      assert.deepEqual(await enabledPrimaries(), ['Refresh dashboard']);
      await next.getByRole('button', { name: 'Open ledger' }).click();
      await frame.locator('.next-result', { hasText: 'TTS Ledger is open.' }).waitFor();
      await page.locator('#tabs button[aria-selected="true"]', { hasText: 'TTS Ledger' }).waitFor();
      await page.locator('table.sheet[data-sheet="TTS Ledger"]').waitFor();
      await market(2);
    },
  );

  await check('unit costs: Fill unit costs shows the TTS COGS tab with the SKUs sold', async () => {
    await frame.getByRole('button', { name: 'Fill unit costs' }).click();
    await page.locator('#tabs button[aria-selected="true"]', { hasText: 'TTS COGS' }).waitFor();
    const cogs = await (await fetch(new URL('/api/workbook?sheet=TTS%20COGS', playground.url))).json();
    assert.deepEqual(cogs.rows[0].slice(0, 6), [
      'SKU ID',
      'Seller SKU',
      'Product name',
      'SKU name',
      'Product cost',
      'Inbound freight',
    ]);
    assert.ok(cogs.lastRow >= 2, 'the SKUs sold are listed');
    await market(3);
  });

  /** The dashboard's monthly table: each month's net profit, in cents. */
  const netProfitByMonth = async () => {
    const dash = await (await fetch(new URL('/api/workbook?sheet=TTS%20Dashboard', playground.url))).json();
    const at = dash.rows[0].indexOf('Net profit');
    // The table at the top, down to its first blank row (the profit blocks below have months too).
    const end = dash.values.findIndex((r, i) => i > 0 && r[0] === '');
    const months = dash.values
      .slice(1, end)
      .filter((r) => /^\d{4}-\d\d$/.test(String(r[0])) && typeof r[at] === 'number');
    return new Map(months.map((r) => [r[0], Math.round(r[at] * 100)]));
  };
  let before = new Map();
  await check('refresh: the dashboard comes to the front with net profit and the forecast', async () => {
    await frame.locator('.next-steps').getByRole('button', { name: 'Refresh dashboard' }).click();
    await frame.locator('.next-result.complete').waitFor({ timeout: 120_000 });
    assert.match(
      await frame.locator('.next-result').innerText(),
      /^TTS Dashboard refreshed: 17 months of sales, 5 charts\./,
    );
    await page
      .locator('#tabs button[aria-selected="true"]', { hasText: 'TTS Dashboard' })
      .waitFor({ timeout: 10_000 });
    await page.locator('svg.chart').nth(3).waitFor();
    const dash = await (await fetch(new URL('/api/workbook?sheet=TTS%20Dashboard', playground.url))).json();
    const header = dash.rows[0];
    const profit = header.indexOf('Net profit');
    const forecast = header.indexOf('Forecast');
    assert.ok(profit >= 0 && forecast >= 0);
    assert.ok(
      dash.values.slice(1).some((r) => typeof r[profit] === 'number' && r[profit] !== 0),
      'net profit by month',
    );
    assert.ok(
      dash.values.slice(1).some((r) => typeof r[forecast] === 'number' && r[forecast] > 0),
      'a forecast',
    );
    const line = dash.rows.find((r) => r.includes('Dashboard'));
    assert.match(line[line.indexOf('Dashboard') + 1], /^Up to date with TTS Ledger/);
    assert.match(await frame.locator('.next-summary').innerText(), /^Up to date with TTS Ledger/);
    // No unit cost yet: the profit is before product cost for every SKU, and says so.
    const costs = dash.rows.find((r) => r.includes('Unit costs'));
    assert.match(
      costs[costs.indexOf('Unit costs') + 1],
      /^Net profit is before product cost for 13 sold SKUs/,
    );
    before = await netProfitByMonth();
    assert.equal(before.size, 17);
    // With no cost at all, net profit is the settlement: the history's Total settlement amount column, $64,712.35.
    assert.equal(
      [...before.values()].reduce((a, b) => a + b, 0),
      6_471_235,
    );
  });

  // One unit cost typed as a seller types it: the TTS COGS tab, the SKU's Product cost cell, 4.25, Enter.
  const SKU = '1732440158394101177';
  const COST_CENTS = 425;
  await check(
    `unit cost: click SKU …${SKU.slice(-4)}'s Product cost in TTS COGS, type 4.25, Enter; the total shows $4.25`,
    async () => {
      await page.locator('#tabs button', { hasText: 'TTS COGS' }).click();
      const cogs = await (await fetch(new URL('/api/workbook?sheet=TTS%20COGS', playground.url))).json();
      const row = cogs.rows.findIndex((r) => r[cogs.rows[0].indexOf('SKU ID')] === SKU);
      const column = cogs.rows[0].indexOf('Product cost');
      assert.ok(row > 0 && column >= 0, `SKU ${SKU} is listed in TTS COGS`);
      const cell = page
        .locator('table.sheet[data-sheet="TTS COGS"] tbody tr')
        .nth(row)
        .locator('td')
        .nth(column);
      await cell.click();
      const input = page.getByRole('textbox', { name: `TTS COGS E${row + 1}` });
      await input.waitFor();
      await page.keyboard.type('4.25');
      await page.keyboard.press('Enter');
      await page
        .locator('table.sheet[data-sheet="TTS COGS"] tbody tr')
        .nth(row)
        .locator('td', { hasText: '$4.25' })
        .first()
        .waitFor();
      const after = await (await fetch(new URL('/api/workbook?sheet=TTS%20COGS', playground.url))).json();
      assert.equal(after.rows[row][after.rows[0].indexOf('Unit cost')], '$4.25');
      assert.equal(after.rows[row][column], '$4.25');
    },
  );

  await check(
    "refresh again: each month's net profit drops by exactly that SKU's units × $4.25",
    async () => {
      // The SKU's units by month, from the ledger the seller imported (no refund or free sample among them).
      const ledger = await (
        await fetch(new URL('/api/workbook?sheet=TTS%20Ledger&rows=5000', playground.url))
      ).json();
      const col = (name) => ledger.rows[0].indexOf(name);
      const units = new Map();
      for (const r of ledger.values.slice(1)) {
        if (r[col('SKU ID')] !== SKU) continue;
        assert.ok(
          !r[col('Gross sales refund')] && r[col('Net sales')] > 0,
          'a plain sale: every unit counts',
        );
        const month = String(r[col('Order date')]).slice(0, 7);
        units.set(month, (units.get(month) ?? 0) + r[col('Quantity')]);
      }
      assert.deepEqual([...units.entries()].sort(), [
        ['2026-04', 29],
        ['2026-05', 6],
      ]);
      await frame.locator('.next-steps').getByRole('button', { name: 'Refresh dashboard' }).click();
      await frame
        .locator('.next-result.complete', { hasText: 'before product cost for 12 sold SKUs' })
        .waitFor({ timeout: 120_000 });
      await page
        .locator('#tabs button[aria-selected="true"]', { hasText: 'TTS Dashboard' })
        .waitFor({ timeout: 10_000 });
      const after = await netProfitByMonth();
      // The sidebar's list of missing unit costs follows the sheet: the SKU typed in is off it.
      await frame
        .locator('.costs-panel', { hasText: '12 sold SKUs have no unit cost' })
        .first()
        .waitFor({ timeout: 10_000 });
      for (const [month, cents] of before) {
        assert.equal(
          after.get(month),
          cents - (units.get(month) ?? 0) * COST_CENTS,
          `net profit of ${month}`,
        );
      }
      const total = (m) => [...m.values()].reduce((a, b) => a + b, 0);
      assert.equal(total(before) - total(after), 35 * COST_CENTS); // 35 units × $4.25 = $148.75
      const dash = await (await fetch(new URL('/api/workbook?sheet=TTS%20Dashboard', playground.url))).json();
      const costs = dash.rows.find((r) => r.includes('Unit costs'));
      assert.match(
        costs[costs.indexOf('Unit costs') + 1],
        /^Net profit is before product cost for 12 sold SKUs/,
      );
      console.log(
        `    net profit ` +
          (`${money(total(before))} → ${money(total(after))}; April ` +
            `${money(before.get('2026-04'))} → ${money(after.get('2026-04'))}, May ` +
            `${money(before.get('2026-05'))} → ${money(after.get('2026-05'))}`),
      );
      // The screenshot: net profit and margin by month, after the product cost typed above.
      const chart = page.locator('svg.chart', {
        has: page.locator('title', { hasText: /^Net profit and margin by month/ }),
      });
      await chart.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await market(4);
      await page.locator('#grid').evaluate((el) => el.scrollTo(0, 0));
    },
  );

  await check('forecast panel: where this month stands and where the year is heading', async () => {
    const panel = frame.locator('.forecast-panel');
    await panel.scrollIntoViewIfNeeded();
    await panel.locator('.status-card', { hasText: 'Month to date' }).waitFor({ timeout: 30_000 });
    await frame.locator('#forecast-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await market(5);
  });

  await check(
    "Insert formula: picks the ledger, writes into the selected cell with the tab's real columns",
    async () => {
      await page.locator('#tabs button', { hasText: 'Sheet1' }).click();
      await page
        .locator('table.sheet[data-sheet="Sheet1"]')
        .waitFor()
        .catch(() => {});
      await fetch(new URL('/api/select', playground.url), {
        method: 'POST',
        body: JSON.stringify({ sheet: 'Sheet1', row: 2, col: 2 }),
      });
      const panel = frame.locator('.formula-panel');
      await panel.getByRole('button', { name: 'Reload tabs' }).click();
      await panel.locator('.note', { hasText: 'now Sheet1!B2' }).waitFor();
      await panel.getByLabel('Function').selectOption('TTS_NET_PROFIT');
      await panel.getByLabel('Reads the tab').selectOption('TTS Ledger');
      await panel.getByRole('button', { name: 'Insert' }).click();
      const done = panel.locator('.formula-message.complete');
      await done.waitFor();
      const ledger = await (
        await fetch(new URL('/api/workbook?sheet=TTS%20Ledger&rows=1', playground.url))
      ).json();
      const letters = (n) => {
        let s = '';
        for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
        return s;
      };
      // With the TTS Costs tab (made by the refresh), so the cell's net profit is the dashboard's.
      const formula = `=TTS_NET_PROFIT('TTS Ledger'!A:${letters(ledger.lastColumn)}, 'TTS COGS'!A:K, , 'TTS Costs'!A:G)`;
      assert.equal(await done.innerText(), `Inserted in Sheet1!B2: ${formula}`);
      const sheet1 = await (await fetch(new URL('/api/workbook?sheet=Sheet1', playground.url))).json();
      // The playground evaluates formula cells through the built bundle: the cell keeps the formula itself.
      assert.equal(sheet1.formulas['2,2'], formula);
      // A second insert into the same cell asks first.
      await panel.getByRole('button', { name: 'Insert' }).click();
      await panel.locator('.formula-message.warn', { hasText: 'Sheet1!B2 holds' }).waitFor();
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await panel.locator('.formula-message', { hasText: 'Nothing was changed.' }).waitFor();
    },
  );

  await check('axe-core: no serious or critical problem in the sidebar', async () => {
    const found = await axeProblems(sidebarFrame());
    assert.deepEqual(found, []);
  });

  await check('keyboard: Tab reaches every control of the sidebar, in order', async () => {
    const f = sidebarFrame();
    await f.locator('#import-title').click();
    const reached = (await tabOrder(f, 40)).filter(Boolean);
    for (const needed of [
      'input#import-files',
      'button:Refresh dashboard',
      'button:Open ledger',
      'select#forecast-metric',
      'button:Build charts',
      'select#formula-function',
      'button:Insert',
      'summary:Help: where to find',
    ]) {
      assert.ok(
        reached.some((r) => r.startsWith(needed)),
        `Tab reaches ${needed}; reached: ${reached.join(' | ')}`,
      );
    }
  });

  await check(
    'the sidebar fits 300 px with classic, always-visible scrollbars: nothing cut off, no sideways scroll',
    async () => {
      // Playwright hides scrollbars in headless runs; this browser shows them, as Sheets' sidebar does.
      const found = await findChromium();
      const withScrollbars = await chromium.launch({
        executablePath: found.executablePath,
        headless: true,
        args: found.args,
        ignoreDefaultArgs: ['--hide-scrollbars'],
      });
      const narrow = await withScrollbars.newPage({ viewport: { width: 300, height: 700 } });
      await narrow.goto(new URL('/sidebar', playground.url).href);
      await narrow.addStyleTag({
        content:
          'html { overflow-y: scroll; } ::-webkit-scrollbar { width: 15px; ' +
          'height: 15px; background: #f1f1f1; } ::-webkit-scrollbar-thumb { background: #c1c1c1; }',
      });
      await narrow
        .locator('.forecast-panel .status-card', { hasText: 'Month to date' })
        .waitFor({ timeout: 30_000 });
      await narrow.locator('.help-fold > summary').click();
      // The cost tabs' columns too: every fold of Help open.
      for (const summary of await narrow.locator('.help-fold details > summary').all()) await summary.click();
      const layout = await narrow.evaluate(() => {
        const doc = document.documentElement;
        const width = doc.clientWidth;
        const outside = [];
        for (const el of document.querySelectorAll('body *')) {
          if (
            el.closest('[hidden]') ||
            el.getClientRects().length === 0 ||
            el.classList.contains('visually-hidden')
          )
            continue;
          const box = el.getBoundingClientRect();
          if (box.right > width + 0.5)
            outside.push(
              `${el.tagName.toLowerCase()}.${el.className}: right edge ${Math.round(box.right)} > ${width}`,
            );
          const style = getComputedStyle(el);
          if (
            (style.overflowX === 'hidden' || style.textOverflow === 'ellipsis') &&
            el.scrollWidth > el.clientWidth + 1
          )
            outside.push(`${el.tagName.toLowerCase()}.${el.className}: text cut off`);
        }
        return { width, scrollWidth: doc.scrollWidth, outside: outside.slice(0, 10) };
      });
      await narrow.screenshot({ path: join(shots, 'sidebar-300px.png'), fullPage: true });
      await withScrollbars.close();
      assert.equal(layout.width, 285, 'a 15 px scrollbar is showing');
      assert.deepEqual(layout.outside, []);
      assert.ok(
        layout.scrollWidth <= layout.width,
        `no sideways scroll (${layout.scrollWidth} > ${layout.width})`,
      );
    },
  );

  await check('Help: the dialog says where each export lives, passes axe, and closes', async () => {
    await page.getByRole('button', { name: 'Help' }).click();
    const dialogFrame = page.frameLocator('#dialog-frame');
    await dialogFrame.getByRole('heading', { name: 'Where your exports are' }).waitFor();
    const text = await dialogFrame.locator('main').innerText();
    for (const name of ['Statements', 'On hold', 'Income', 'P&L report', 'Order export', 'Ad reports'])
      assert.ok(text.includes(name), `Help names ${name}`);
    assert.match(text, /NOW\(\), TODAY\(\) or RAND\(\)/);
    assert.match(text, /Your costs: TTS COGS and TTS Costs/);
    assert.match(text, /1,000 × \$0\.125 = \$125\.00/);
    const helpFrame = page.frames().find((f) => f.url() === 'about:srcdoc');
    assert.deepEqual(await axeProblems(helpFrame), []);
    await dialogFrame.getByRole('button', { name: 'Close' }).click();
    await page
      .locator('#dialog[open]')
      .waitFor({ state: 'detached', timeout: 5000 })
      .catch(async () => {
        assert.equal(await page.locator('#dialog').evaluate((d) => d.open), false);
      });
  });

  await check('the five Marketplace screenshots are 1280×800', async () => {
    for (let n = 1; n <= 5; n++) {
      const png = readFileSync(join(shots, `marketplace-${n}.png`));
      assert.deepEqual(
        [png.readUInt32BE(16), png.readUInt32BE(20)],
        [MARKETPLACE.width, MARKETPLACE.height],
        `marketplace-${n}.png`,
      );
    }
  });
} finally {
  await browser.close();
  await playground.close();
  rmSync(scratch, { recursive: true, force: true });
}

const unexpected = problems.filter((p) => p.startsWith('page error') || p.startsWith('console error'));
if (unexpected.length > 0) console.log(`  ✗ browser reported errors:\n    ${unexpected.join('\n    ')}`);
if (problems.length > 0) {
  console.log(`e2e seller path: ${problems.length} problem(s); screenshots in ${shots}`);
  process.exit(1);
}
console.log(`e2e seller path: ${passed} passed, 0 failed; screenshots in ${shots}`);
