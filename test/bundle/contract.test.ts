/**
 * The built bundle's contract with Apps Script: dist/Code.js is a classic script whose every
 * public name is a top-level function (custom functions with their JSDoc), onOpen builds the menu
 * without touching anything that needs authorization, and the manifest and sidebar stay within
 * the add-on's two scopes and load nothing from the network.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { distCodeFile, distDir, ensureBuilt, repoRoot } from '../helpers/built-bundle';
import {
  type GasRuntime,
  loadBundleInVm,
  loadBundleWithGasLocal,
  type LoadOptions,
} from '../../emulator/sandbox';

const root = repoRoot;
const dist = distDir;
const codeFile = distCodeFile;

/** Exported names of src/server/index.ts (`export { a, b as c } from './x'` → a, c). */
function serverExportNames(): string[] {
  const src = readFileSync(join(root, 'src/server/index.ts'), 'utf8');
  const names: string[] = [];
  for (const m of src.matchAll(/export\s*\{([^}]*)\}\s*from/g)) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

let code = '';
let exportNames: string[] = [];

beforeAll(() => {
  ensureBuilt();
  code = readFileSync(codeFile, 'utf8');
  exportNames = serverExportNames();
});

describe('dist/Code.js source', () => {
  it('has no import/export statements and compiles as a classic script', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s[^;]*[;{(]/m);
    expect(() => new vm.Script(code, { filename: 'Code.js' })).not.toThrow();
  });

  it('declares every export of src/server/index.ts as a top-level function', () => {
    expect(exportNames).toEqual(
      expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar', 'menuRefreshDashboard', 'showHelp']),
    );
    for (const name of exportNames)
      expect(code, `top-level function ${name}`).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('puts a JSDoc with @customfunction and every @param directly above each TTS_* function', () => {
    const custom = exportNames.filter((n) => n.startsWith('TTS_'));
    expect(custom.length).toBeGreaterThan(0);
    for (const name of custom) {
      const m = new RegExp(
        `(\\/\\*\\*(?:(?!\\*\\/)[\\s\\S])*\\*\\/)\\s*\\nfunction ${name}\\(([^)]*)\\)`,
      ).exec(code);
      expect(m, `JSDoc directly above function ${name}`).not.toBeNull();
      const [, jsdoc, paramList] = m!;
      expect(jsdoc, `${name} JSDoc`).toContain('@customfunction');
      const params = paramList
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      for (const p of params) {
        expect(jsdoc, `${name} documents parameter ${p}`).toMatch(
          new RegExp(`@param\\s+\\{[^}]*\\}\\s+\\[?${p}[\\]=\\s]`),
        );
      }
    }
  });
});

const loaders: [string, (opts?: LoadOptions) => GasRuntime][] = [
  ['node:vm', loadBundleInVm],
  ['gas-local', loadBundleWithGasLocal],
];

describe.each(loaders)('the bundle loaded with %s', (_label, load) => {
  it('exposes every export as a callable global', () => {
    const rt = load({ file: codeFile });
    for (const name of exportNames) expect(typeof rt.globals[name], name).toBe('function');
  });

  it('onOpen in AuthMode.NONE builds the TTS Profit add-on menu and touches nothing else', () => {
    const rt = load({ file: codeFile, authMode: 'NONE' });
    rt.call('onOpen', { authMode: rt.globals.ScriptApp.AuthMode.NONE });
    const [menu] = rt.services.ui.menus;
    expect(rt.services.ui.menus).toHaveLength(1);
    expect(menu.kind).toBe('addon');
    expect(menu.name).toBe('TTS Profit');
    const items = menu.entries.flatMap((e) => (e.kind === 'item' ? [[e.caption, e.functionName]] : []));
    expect(items.map(([caption]) => caption)).toEqual(['Open', 'Refresh dashboard', 'Help']);
    for (const [, fn] of items) expect(exportNames, `menu target ${fn}`).toContain(fn);
    expect(rt.workbook.calls.countMatching('PropertiesService.')).toBe(0);
    expect(rt.workbook.calls.countMatching('Spreadsheet.')).toBe(0);
  });

  it('onInstall builds the same menu', () => {
    const rt = load({ file: codeFile });
    rt.call('onInstall', { authMode: rt.globals.ScriptApp.AuthMode.FULL });
    expect(rt.services.ui.menus.map((m) => m.name)).toEqual(['TTS Profit']);
  });

  it('showSidebar shows Sidebar.html titled TTS Profit', () => {
    const rt = load({ file: codeFile });
    rt.call('showSidebar');
    expect(rt.services.ui.sidebars).toHaveLength(1);
    const [sidebar] = rt.services.ui.sidebars;
    expect(sidebar.fileName).toBe('Sidebar');
    expect(sidebar.title).toBe('TTS Profit');
    expect(sidebar.content).toBe(readFileSync(join(dist, 'Sidebar.html'), 'utf8'));
  });
});

describe('dist/appsscript.json and dist/Sidebar.html', () => {
  it('manifest: V8, Stackdriver, exactly the two narrow scopes, no advanced services', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(manifest.dependencies?.enabledAdvancedServices ?? []).toEqual([]);
  });

  it('sidebar loads no external script or stylesheet', () => {
    const html = readFileSync(join(dist, 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/src\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/href\s*=\s*["']?https?:/i);
    expect(html).not.toMatch(/@import\s+(url\()?["']?https?:/i);
  });
});
