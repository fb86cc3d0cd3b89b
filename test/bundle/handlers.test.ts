/**
 * The sidebar ↔ server contract holds in the built files too: every handler of the contract is a
 * top-level function of dist/Code.js and is called by the sidebar, and the sidebar calls nothing
 * else. (src/server/handlers.ts checks the handler table against the contract at compile time, and
 * src/server/index.ts exports the handlers from that table.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ServerHandlerName } from '../../src/core/contract';
import { loadBundleInVm } from '../../emulator/sandbox';
import { distCodeFile, distDir, ensureBuilt, repoRoot } from '../helpers/built-bundle';

/** The contract's handler names at run time; the type makes this exactly the contract's list. */
const CONTRACT: Record<ServerHandlerName, true> = {
  getSettings: true,
  saveSettings: true,
  refreshDashboard: true,
  getForecastStatus: true,
  beginImport: true,
  importChunk: true,
  finishImport: true,
  importAds: true,
  getAdsClock: true,
  countInLedger: true,
  previewUnitCosts: true,
  saveUnitCosts: true,
  getMissingUnitCosts: true,
  openTab: true,
  getDashboardFreshness: true,
  listFormulaSources: true,
  insertFormula: true,
};
const handlerNames = Object.keys(CONTRACT).sort();

/** Names the sidebar's code passes to `callServer` / an injected `call`, from its sources. */
function sidebarCalls(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/\bcall(?:Server)?\(\s*['"](\w+)['"]/g))
          names.add(m[1]);
      }
    }
  };
  walk(join(repoRoot, 'src', 'sidebar'));
  return [...names].sort();
}

beforeAll(() => ensureBuilt());

describe('sidebar handlers', () => {
  it('the sidebar calls every handler of the contract and no other', () => {
    expect(handlerNames).toContain('importChunk');
    expect(sidebarCalls()).toEqual(handlerNames);
  });

  it('the built Code.js declares each handler as a top-level function google.script.run can reach', () => {
    const code = readFileSync(distCodeFile, 'utf8');
    const rt = loadBundleInVm({ file: distCodeFile });
    for (const name of handlerNames) {
      expect(code, name).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
      expect(typeof rt.globals[name], name).toBe('function');
    }
    expect(rt.call('getSettings', null)).toEqual(DEFAULT_SETTINGS);
  });

  it('the built Sidebar.html names each handler it calls', () => {
    const html = readFileSync(join(distDir, 'Sidebar.html'), 'utf8');
    for (const name of handlerNames) expect(html, name).toMatch(new RegExp(`["'\`]${name}["'\`]`));
  });
});
