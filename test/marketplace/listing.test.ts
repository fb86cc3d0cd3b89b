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
import { readPng } from '../helpers/png';
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
    for (const page of ['docs/privacy.md', 'docs/terms.md', 'docs/support.md'])
      expect(read(page).split('\n')[0]).toMatch(new RegExp(`^# ${NAME} `));
  });
});

describe('descriptions', () => {
  it("short under 200 characters, detailed under 16,000, not the same, both saying it is not TikTok's", () => {
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
  const rows = [
    ...section(listing, 'OAuth consent screen').matchAll(/^\| `(https:[^`]+)` \| (.+) \|$/gm),
  ].map((m) => ({ scope: m[1], reason: m[2].trim() }));

  it("asks for exactly the manifest's scopes, each with a reason", () => {
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
  it("every linked page exists and says TTS Profit is not TikTok's", () => {
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
  it("every custom function's JSDoc says NOW(), TODAY() and RAND() are not allowed", () => {
    const code = read('dist/Code.js');
    const docs = [...code.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)@customfunction\s*\*\/\s*function\s+(\w+)/g)];
    expect(docs.length).toBeGreaterThanOrEqual(10);
    for (const [, jsdoc, name] of docs)
      expect(`${name}: ${jsdoc}`).toMatch(
        new RegExp(`^${name}: [\\s\\S]*NOW\\(\\), TODAY\\(\\) or RAND\\(\\)`),
      );
  });

  it('no example in the docs passes one', () => {
    for (const page of [
      'README.md',
      'docs/support.md',
      'docs/live-checks.md',
      'docs/marketplace/listing.md',
    ]) {
      expect(read(page)).not.toMatch(/=TTS_\w+\([^)\n]*\b(NOW|TODAY|RAND)\(/);
    }
  });
});

describe('graphics', () => {
  const image = (file: string) => readPng(readFileSync(join(repoRoot, 'docs/marketplace', file)));
  const rows = [
    ...section(listing, 'Graphics').matchAll(
      /^\| [^|]+ \| docs\/marketplace\/([\w.-]+\.png) \| (\d+)×(\d+) \|$/gm,
    ),
  ];

  it('lists the two icons, the banner and five screenshots, each at its size', () => {
    expect(rows.map((r) => r[1])).toEqual([
      'icon-128.png',
      'icon-32.png',
      'banner-220x140.png',
      ...[1, 2, 3, 4, 5].map((n) => `screenshot-${n}.png`),
    ]);
    for (const [, file, width, height] of rows) {
      const png = image(file);
      expect([file, png.width, png.height]).toEqual([file, Number(width), Number(height)]);
    }
  });

  it('icons on a transparent background, in colour', () => {
    for (const file of ['icon-128.png', 'icon-32.png']) {
      const png = image(file);
      expect(png.colorType).toBe(6);
      const last = png.width - 1;
      for (const [x, y] of [
        [0, 0],
        [last, 0],
        [0, last],
        [last, last],
      ])
        expect(png.pixel(x, y)[3]).toBe(0);
      const [r, g, b, a] = png.pixel(Math.floor(png.width / 2), png.height - Math.ceil(png.height / 12));
      expect(a).toBe(255);
      expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeGreaterThan(40); // not grey
    }
  });

  it('the drawings are our own: no third-party mark named in them', () => {
    for (const file of ['icon.svg', 'banner.svg'])
      expect(read(`docs/marketplace/${file}`)).not.toMatch(/tiktok|google|<image|href=/i);
  });
});

describe('README, Install', () => {
  const readme = read('README.md');
  const install = section(readme, 'Install');

  it('comes first and tells a seller how to get a copy, what the authorization asks and why, and how to bring data in', () => {
    expect(readme.match(/\n## (.+)\n/)?.[1]).toBe('Install');
    expect(install).toMatch(/Make a copy/);
    expect(install).toMatch(/two permissions/);
    expect(install).toMatch(/only the specific Google Sheets spreadsheet/);
    expect(install).toMatch(/Nothing leaves the spreadsheet/);
    expect(install).toMatch(/untick\s+\*Convert text to numbers, dates, and formulas\*/);
    expect(install).toMatch(/docs\/support\.md#where-your-exports-are/);
    expect(read('docs/support.md')).toMatch(/\n## Where your exports are\n/);
  });

  it('shows the seller-path screenshots before Install, and they exist', () => {
    const intro = readme.slice(0, readme.indexOf('\n## Install\n'));
    const images = [...intro.matchAll(/\]\((docs\/marketplace\/screenshot-\d\.png)\)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const image of images) expect(existsSync(join(repoRoot, image))).toBe(true);
  });

  it('documents the template deploy step by step, the Apps Script API included', () => {
    const publishing = section(readme, 'Publishing TTS Profit');
    expect(publishing).toMatch(/script\.google\.com\/home\/usersettings/);
    expect(publishing).toMatch(/npm run deploy -- --template/);
    expect(publishing).toMatch(/clasp create-version/);
  });
});
