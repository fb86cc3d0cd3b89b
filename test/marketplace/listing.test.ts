/**
 * The Marketplace listing (docs/marketplace/listing.md) against what ships: the name the seller
 * sees in the menu, sidebar, dialogs and consent screen is one name; the consent screen asks for
 * exactly the manifest's scopes, each with a reason; the pages it links exist and say what Help says.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundleInVm } from '../../emulator/sandbox';
import { Workbook } from '../../emulator/workbook';
import { EXPORT_GUIDE } from '../../src/core/help';
import { distCodeFile, ensureBuilt, repoRoot } from '../helpers/built-bundle';
// @ts-expect-error plain JavaScript module without types
import { ADDON_NAME } from '../../scripts/deploy.mjs';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');
const listing = read('docs/marketplace/listing.md');

/** The text under `## title` up to the next `## `. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`listing.md has no "## ${title}" section`);
  const body = markdown.slice(start + title.length + 5);
  const end = body.indexOf('\n## ');
  return (end < 0 ? body : body.slice(0, end)).trim();
}

const NAME = section(listing, 'Name');
const NOT_AFFILIATED = /not affiliated with[^.]*TikTok/i;

beforeAll(() => ensureBuilt());

describe('the name', () => {
  it('follows the listing rules: short, no Google, no TikTok', () => {
    expect(NAME).toBe('TTS Profit');
    expect(NAME.length).toBeLessThanOrEqual(30);
    expect(NAME).not.toMatch(/google|sheets|tiktok/i);
  });

  it('is the same in the consent screen, menu, sidebar, help dialog, deploy script, package and pages', () => {
    expect(section(listing, 'OAuth consent screen')).toContain(`- App name: ${NAME}\n`);
    const rt = loadBundleInVm({ file: distCodeFile, workbook: new Workbook({ addonName: NAME }) });
    rt.call('onOpen', { authMode: 'NONE' });
    rt.call('showSidebar');
    rt.call('showHelp');
    expect(rt.services.ui.sidebars.map((s) => s.title)).toEqual([NAME]);
    expect(rt.services.ui.dialogs.map((d) => d.dialogTitle)).toEqual([`${NAME} help`]);
    expect(read('dist/Sidebar.html')).toContain(`<title>${NAME}</title>`);
    expect(ADDON_NAME).toBe(NAME);
    expect(JSON.parse(read('package.json')).description).toMatch(new RegExp(`^${NAME}: `));
    for (const page of ['docs/privacy.md', 'docs/terms.md', 'docs/support.md']) expect(read(page).split('\n')[0]).toMatch(new RegExp(`^# ${NAME} `));
  });
});

describe('descriptions', () => {
  it('short under 200 characters, detailed under 16,000, not the same, both saying it is not TikTok\'s', () => {
    const short = section(listing, 'Short description');
    const detailed = section(listing, 'Detailed description');
    expect(short.length).toBeLessThanOrEqual(200);
    expect(short).not.toContain('\n');
    expect(detailed.length).toBeLessThan(16_000);
    expect(detailed.startsWith(short)).toBe(false);
    expect(detailed).toMatch(NOT_AFFILIATED);
    expect(detailed).toMatch(/does not connect to TikTok/);
  });
});

describe('the OAuth consent screen', () => {
  const manifest = JSON.parse(read('appsscript.json')) as { oauthScopes: string[] };
  const rows = [...section(listing, 'OAuth consent screen').matchAll(/^\| `(https:[^`]+)` \| (.+) \|$/gm)].map((m) => ({ scope: m[1], reason: m[2].trim() }));

  it('asks for exactly the manifest\'s scopes, each with a reason', () => {
    expect(rows.map((r) => r.scope).sort()).toEqual([...manifest.oauthScopes].sort());
    for (const r of rows) expect(r.reason.length).toBeGreaterThan(30);
  });

  it('the privacy policy names each scope and says nothing leaves the spreadsheet', () => {
    const privacy = read('docs/privacy.md');
    for (const scope of manifest.oauthScopes) expect(privacy).toContain(`\`${scope.split('/').pop()}\``);
    expect(privacy).toMatch(/makes no network calls/);
    expect(privacy).toMatch(/Limited Use/);
  });
});

describe('pages', () => {
  it('every linked page exists and says TTS Profit is not TikTok\'s', () => {
    const links = [...section(listing, 'Links').matchAll(/\| (docs\/[\w/.-]+\.md) \|/g)].map((m) => m[1]);
    expect(new Set(links)).toEqual(new Set(['docs/terms.md', 'docs/privacy.md', 'docs/support.md']));
    for (const link of links) {
      expect(existsSync(join(repoRoot, link))).toBe(true);
      expect(read(link)).toMatch(NOT_AFFILIATED);
    }
  });

  it('support says where every export lives, how to keep IDs as text and which arguments Sheets refuses', () => {
    const support = read('docs/support.md');
    for (const e of EXPORT_GUIDE) expect(support).toContain(`| ${e.name} |`);
    expect(support).toMatch(/untick \*Convert text to numbers, dates, and formulas\*/);
    expect(support).toMatch(/`NOW\(\)`, `TODAY\(\)` or `RAND\(\)`/);
  });
});

describe('volatile arguments', () => {
  it('every custom function\'s JSDoc says NOW(), TODAY() and RAND() are not allowed', () => {
    const code = read('dist/Code.js');
    const docs = [...code.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)@customfunction\s*\*\/\s*function\s+(\w+)/g)];
    expect(docs.length).toBeGreaterThanOrEqual(10);
    for (const [, jsdoc, name] of docs) expect(`${name}: ${jsdoc}`).toMatch(new RegExp(`^${name}: [\\s\\S]*NOW\\(\\), TODAY\\(\\) or RAND\\(\\)`));
  });

  it('no example in the docs passes one', () => {
    for (const page of ['README.md', 'docs/support.md', 'docs/live-checks.md', 'docs/marketplace/listing.md']) {
      expect(read(page)).not.toMatch(/=TTS_\w+\([^)\n]*\b(NOW|TODAY|RAND)\(/);
    }
  });
});
