// Browser end-to-end test: real Chromium (see scripts/browser.ts for which one) drives the playground (the built sidebar + the built
// server bundle over the emulated workbook). Imports the sample statement, imports it again,
// then a broken file, checking what the seller sees and what lands in the workbook.
// Screenshots of each step go to test-results/e2e/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE = join(root, 'samples', 'statement-2026-05.csv');
const shots = join(root, 'test-results', 'e2e');

if (!existsSync(join(root, 'dist', 'Code.js')) || !existsSync(join(root, 'dist', 'Sidebar.html'))) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
}

const { register } = await import('tsx/esm/api');
register();
const { launchChromium } = await import('../../scripts/browser.ts');

// No browser is a failure with the reason, never a skip: the test must run wherever `npm test` does.
const { browser, choice } = await launchChromium().catch((error) => {
  console.error(`e2e: failed: ${error.message}`);
  process.exit(1);
});
const { startPlayground } = await import('../../playground/server.ts');
rmSync(shots, { recursive: true, force: true }); // screenshots of this run only
mkdirSync(shots, { recursive: true });
const scratch = mkdtempSync(join(tmpdir(), 'tts-e2e-'));
const playground = await startPlayground({ port: 0, root, workbookFile: join(scratch, 'workbook.json') });
const problems = [];
let step = 0;

async function ledgerView() {
  const res = await fetch(new URL('/api/workbook?sheet=TTS%20Ledger&rows=1000', playground.url));
  return res.status === 404 ? null : res.json();
}

/** A statement of `rows` rows, the sample's rows over and over, written to the scratch folder: its path. */
function bigStatement(name, rows) {
  const lines = readFileSync(SAMPLE, 'utf8').trim().split('\n');
  const body = lines.slice(1);
  const big = [lines[0]];
  for (let i = 0; big.length <= rows; i++) big.push(body[i % body.length]);
  const path = join(scratch, name);
  writeFileSync(path, big.join('\n'));
  return path;
}

async function check(name, fn) {
  step++;
  const started = Date.now();
  try {
    await fn();
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

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  const shot = (name) =>
    page.screenshot({ path: join(shots, `${String(step).padStart(2, '0')}-${name}.png`) });

  await page.goto(playground.url);
  const frame = page.frameLocator('#sidebar-frame');
  const sidebar = () => page.frames().find((f) => f.url().endsWith('/sidebar'));
  const status = frame.locator('.progress-status');
  const importButton = frame.getByRole('button', { name: 'Import', exact: true });
  const expectedRows = readFileSync(SAMPLE, 'utf8').trim().split('\n').length - 1;

  console.log(`e2e: ${playground.url} with ${choice.executablePath} (${choice.source})`);

  await check('the playground loads the sample statement into the sidebar, which previews it', async () => {
    await frame.locator('#import-files').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Load sample statement' }).click();
    await frame.locator('.file-card').first().waitFor();
    await status.filter({ hasText: `Ready to import ${expectedRows} rows.` }).waitFor({ timeout: 30_000 });
    const card = await frame.locator('.file-card').first().innerText();
    assert.match(card, /US Statement export/);
    assert.match(card, /Apr 1 – May 28, 2026/);
    assert.match(card, /Reconciled: 195 rows add up to the cent\./);
    assert.match(card, /Settlement\s+\$4,613\.85/);
    await shot('preview');
  });

  await check('Import writes every row to TTS Ledger and reports it', async () => {
    await importButton.click();
    await frame.locator('.result.complete').waitFor({ timeout: 30_000 });
    assert.match(
      await frame.locator('.result').first().innerText(),
      new RegExp(`Imported: ${expectedRows} new rows, 0 duplicates skipped, 0 rejected`),
    );
    assert.match(
      await status.innerText(),
      new RegExp(`Import finished: ${expectedRows} new rows, 0 duplicates skipped\\.`),
    );
    const ledger = await ledgerView();
    assert.ok(ledger, 'the TTS Ledger tab exists');
    assert.equal(ledger.lastRow, expectedRows + 1);
    const header = ledger.rows[0];
    const orderId = header.indexOf('Order/adjustment ID');
    assert.equal(ledger.values[1][orderId], '577389150020122257');
    assert.equal(ledger.rows[1][header.indexOf('Order date')], '2026-04-20');
    assert.equal(ledger.values[1][header.indexOf('Total settlement amount')], 8.18);
    await page.locator('#tabs button', { hasText: 'TTS Ledger' }).click();
    await page.locator('table.sheet[data-sheet="TTS Ledger"]').waitFor();
    await shot('imported');
  });

  await check('Refresh dashboard draws the charts beside the tables', async () => {
    await page.getByRole('button', { name: 'Refresh dashboard' }).click();
    const tab = page.locator('#tabs button', { hasText: 'TTS Dashboard' });
    await tab.waitFor({ timeout: 30_000 });
    await tab.click();
    await page.locator('svg.chart').first().waitFor({ timeout: 10_000 });
    assert.ok((await page.locator('svg.chart').count()) >= 1);
    await shot('dashboard');
  });

  await check('importing the same file again adds no row', async () => {
    await frame.getByRole('button', { name: 'Clear' }).click();
    await frame.locator('#import-files').setInputFiles(SAMPLE);
    await status.filter({ hasText: 'Ready to import' }).waitFor({ timeout: 30_000 });
    await importButton.click();
    await frame.locator('.result.complete').waitFor({ timeout: 30_000 });
    assert.match(
      await frame.locator('.result').first().innerText(),
      new RegExp(`Imported: 0 new rows, ${expectedRows} duplicates skipped`),
    );
    assert.equal((await ledgerView()).lastRow, expectedRows + 1);
    await shot('reimported');
  });

  await check('a broken file shows its message on its own card', async () => {
    await frame.getByRole('button', { name: 'Clear' }).click();
    await frame
      .locator('#import-files')
      .setInputFiles([
        { name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('Shopping list,Qty\nEggs,12\n') },
      ]);
    const card = frame.locator('.file-card.error');
    await card.waitFor({ timeout: 30_000 });
    const text = await card.innerText();
    assert.match(text, /notes\.csv: no TikTok Shop export header found/);
    assert.ok(text.length > 'notes.csv'.length + 20, `the card explains the problem: ${text}`);
    assert.equal(await importButton.isDisabled(), true);
    assert.equal((await ledgerView()).lastRow, expectedRows + 1);
    await shot('broken-file');
  });

  await check('Cancel stops reading a 100,000-row file while the page stays responsive', async () => {
    await frame.getByRole('button', { name: 'Clear' }).click();
    const bigFile = bigStatement('big.csv', 100_000);
    await frame.locator('#import-files').setInputFiles(bigFile);
    await status.filter({ hasText: 'Parsing big.csv' }).waitFor({ timeout: 30_000 });
    // The sidebar's main thread answers while the worker parses: Cancel is clickable at once.
    await frame.getByRole('button', { name: 'Cancel' }).click({ timeout: 10_000 });
    await status.filter({ hasText: 'Reading cancelled.' }).waitFor({ timeout: 10_000 });
    assert.equal(await frame.locator('.file-card').count(), 0);
    await shot('cancelled');
  });

  await check('Build charts draws the TTS Dashboard tab with its five charts', async () => {
    await frame.getByRole('button', { name: 'Build charts' }).click();
    const built = frame.locator('.build-result.complete');
    await built.waitFor({ timeout: 30_000 });
    assert.match(await built.innerText(), /TTS Dashboard refreshed: 2 months of sales, 5 charts\./);
    assert.match(await frame.locator('.status-card').innerText(), /Month to date/);
    await page.locator('#tabs button', { hasText: 'TTS Dashboard' }).click();
    await page.locator('table.sheet[data-sheet="TTS Dashboard"]').waitFor();
    await page.locator('svg.chart').nth(4).waitFor();
    assert.equal(await page.locator('svg.chart').count(), 5);
    await shot('dashboard');
  });

  await check(
    'a statement, a unit cost table and a GMV Max report put profit after ads, TACoS and the money-losing product on the dashboard',
    async () => {
      const ads = (name) => join(root, 'test', 'fixtures', 'ads', name);
      // A new workbook, so every figure below is the one worked out by hand in test/server/ads-import.test.ts.
      await fetch(new URL('/api/reset', playground.url), { method: 'POST' });
      await page.reload();
      await frame.locator('#import-files').waitFor({ state: 'attached' });
      await frame
        .locator('#import-files')
        .setInputFiles([ads('statement-with-gmv-pay.csv'), ads('gmv-max-by-product.csv')]);
      const card = frame.locator('.file-card.ads-card');
      await card.waitFor({ timeout: 30_000 });
      assert.match(
        await card.innerText(),
        /GMV Max report[\s\S]*Spend\s+\$75\.00[\s\S]*Attributed revenue\s+\$145\.00/,
      );
      await status.filter({ hasText: 'Ready to import' }).waitFor({ timeout: 30_000 });
      // Import is the one primary button while files wait.
      assert.equal(await frame.locator('button.action:not([hidden])').count(), 1);
      await card.getByLabel('Ad account time zone').selectOption('UTC-07:00');
      await importButton.click();
      await card.locator('.result').filter({ hasText: 'Imported: 4 new rows' }).waitFor({ timeout: 30_000 });
      assert.match(
        await frame.locator('.next-summary').innerText(),
        /5 new rows in TTS Ledger\. 4 new rows in TTS Ads\./,
      );

      await frame.locator('#import-files').setInputFiles(ads('cogs.csv'));
      const costs = frame.locator('.file-card.cost-card');
      await status
        .filter({ hasText: '1 unit cost table read: add the costs on its card.' })
        .waitFor({ timeout: 30_000 });
      await costs.getByRole('button', { name: 'Add unit costs' }).click({ timeout: 30_000 });
      await costs.locator('.result.complete').waitFor({ timeout: 30_000 });

      await frame.locator('.next-steps').getByRole('button', { name: 'Refresh dashboard' }).click();
      const done = frame.locator('.next-result.complete');
      await done.waitFor({ timeout: 30_000 });
      // Net profit 46.90 + 30.00 GMV Pay transfer (not a cost) − (75.00 − 5.00 already in the settlement) = 6.90; TACoS 75.00 ÷ 135.00.
      assert.match(
        await done.innerText(),
        /Ads 2026-05: \$75\.00 spent \(TACoS 55\.56%\), profit after ads \$6\.90\. 1 product loses money on ads\./,
      );
      await page.locator('#tabs button', { hasText: 'TTS Dashboard' }).click();
      const dashboard = page.locator('table.sheet[data-sheet="TTS Dashboard"]');
      await dashboard.waitFor();
      const text = await dashboard.innerText();
      for (const label of [
        'Profit after ads',
        'TACoS',
        'Blended ROAS',
        'Break-even ROAS',
        'GMV Pay transfers',
      ])
        assert.ok(text.includes(label), `the dashboard shows ${label}`);
      assert.match(text, /Products losing money on ads\s+1: High-Waist Leggings\./);
      assert.match(
        text,
        /2026-05\s+\$75\.00\s+\$145\.00\s+\$46\.90\s+\$30\.00\s+\$5\.00\s+\$6\.90\s+55\.56%\s+1\.80\s+1\.93/,
      );
      await page.locator('svg.chart').nth(6).waitFor();
      assert.equal(await page.locator('svg.chart').count(), 7);
      await shot('ads-dashboard');
    },
  );

  await check(
    'with workers blocked, the page reads a file itself, and Cancel still stops a long one',
    async () => {
      const blocked = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      blocked.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      // A browser policy that forbids workers: constructing one throws, in every frame.
      await blocked.addInitScript(() => {
        globalThis.Worker = function Worker() {
          throw new Error('Workers are blocked by policy');
        };
      });
      await fetch(new URL('/api/reset', playground.url), { method: 'POST' });
      await blocked.goto(playground.url);
      const inPage = blocked.frameLocator('#sidebar-frame');
      const pageStatus = inPage.locator('.progress-status');
      await inPage.locator('#import-files').setInputFiles(SAMPLE);
      await pageStatus
        .filter({ hasText: `Ready to import ${expectedRows} rows.` })
        .waitFor({ timeout: 30_000 });
      assert.match(await inPage.locator('.file-card').first().innerText(), /Settlement\s+\$4,613\.85/);

      await inPage.getByRole('button', { name: 'Clear' }).click();
      const bigFile = bigStatement('big-in-page.csv', 150_000);
      await inPage.locator('#import-files').setInputFiles(bigFile);
      await pageStatus.filter({ hasText: 'Parsing big-in-page.csv' }).waitFor({ timeout: 30_000 });
      // The page parses a piece at a time: its bar moves past reading (40 %) while it parses, and a
      // click is answered between pieces.
      const bar = inPage.locator('.progress-bar');
      for (const started = Date.now(); Number(await bar.getAttribute('aria-valuenow')) <= 40;) {
        assert.ok(Date.now() - started < 20_000, 'the bar shows the parse going on');
        await blocked.waitForTimeout(20);
      }
      await inPage.getByRole('button', { name: 'Cancel' }).click({ timeout: 10_000 });
      await pageStatus.filter({ hasText: 'Reading cancelled.' }).waitFor({ timeout: 10_000 });
      assert.equal(await inPage.locator('.file-card').count(), 0);
      await blocked.screenshot({
        path: join(shots, `${String(step).padStart(2, '0')}-no-worker-cancelled.png`),
      });
      await blocked.close();
    },
  );

  await check('the page renders the sidebar at 300 px', async () => {
    const box = await page.locator('#sidebar-frame').boundingBox();
    assert.equal(Math.round(box.width), 300);
    assert.ok(sidebar(), 'the sidebar frame is loaded');
  });
} finally {
  await browser.close();
  await playground.close();
  rmSync(scratch, { recursive: true, force: true });
}

const unexpected = problems.filter((p) => p.startsWith('page error') || p.startsWith('console error'));
if (unexpected.length > 0) console.log(`  ✗ browser reported errors:\n    ${unexpected.join('\n    ')}`);
if (problems.length > 0) {
  console.log(`e2e: ${problems.length} problem(s); screenshots in ${shots}`);
  process.exit(1);
}
console.log(`Screenshots in ${shots}`);
console.log(`e2e: ${step} passed, 0 failed`);
