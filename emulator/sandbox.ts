/**
 * Loaders that run the built `dist/Code.js` the way Apps Script does: as one classic script in a
 * global scope holding the emulated services.
 *
 * Cross-realm rule: arrays and dates created in the test realm are not `instanceof Array/Date`
 * inside the sandbox (and the emulator's values come from the test realm too, as Sheets' values
 * do not share the script's prototypes). Server code must test with `Array.isArray(v)` and
 * `Object.prototype.toString.call(d) === '[object Date]'`; tests build sandbox-native values with
 * `runtime.inRealm('[[1, 2]]')` and compare with `toEqual` (not `toStrictEqual`).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import vm from 'node:vm';
import gas from 'gas-local';
import { inTimeZone, manifestTimeZone } from './manifest';
import { type AuthModeName, createServices, type Services } from './services';
import { Workbook } from './workbook';

export const DEFAULT_BUNDLE = 'dist/Code.js';

export interface LoadOptions {
  /** The bundle; default `dist/Code.js` (relative to the working directory). */
  file?: string;
  /** The workbook the bundle works on; default a new one with `Sheet1`. */
  workbook?: Workbook;
  /** Auth mode the code starts in; default FULL. Change later with `services.setAuthMode`. */
  authMode?: AuthModeName;
  /** Folder for `HtmlService.createHtmlOutputFromFile`; default the bundle's folder. */
  htmlDir?: string;
  /** `console` inside the sandbox; default Node's. */
  console?: Console;
  /** The script's zone; default the manifest's (`appsscript.json` beside the bundle, else the repo's). */
  scriptTimeZone?: string;
}

export interface GasRuntime {
  /** The sandbox's global object: top-level functions and `var`s of the bundle, plus the services. */
  globals: Record<string, any>;
  workbook: Workbook;
  services: Services;
  /**
   * Calls a top-level function of the bundle by name, as a menu item, `google.script.run` or a
   * formula does: with local time in the script's zone, and a function marked `@customfunction`
   * in the authorization Sheets gives formulas (read-only spreadsheet getters, no UI).
   */
  call(name: string, ...args: unknown[]): unknown;
  /** Names of the bundle's `@customfunction` functions. */
  customFunctions: ReadonlySet<string>;
  /** Evaluates an expression inside the sandbox (values native to its realm). */
  inRealm<T>(expr: string): T;
}

interface Compiled {
  mtimeMs: number;
  script: vm.Script;
  customFunctions: ReadonlySet<string>;
}

const compiled = new Map<string, Compiled>();

/** Top-level functions whose JSDoc carries `@customfunction`, as Sheets finds them. */
export function customFunctionNames(code: string): Set<string> {
  return new Set(
    [...code.matchAll(/@customfunction\s*\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g)].map((m) => m[1]),
  );
}

/** Compiles once per file version; `vm.Script` rejects `import`/`export` with a SyntaxError. */
function compile(file: string): Compiled {
  const path = resolve(file);
  const mtimeMs = statSync(path).mtimeMs;
  const hit = compiled.get(path);
  if (hit && hit.mtimeMs === mtimeMs) return hit;
  const code = readFileSync(path, 'utf8');
  const entry = {
    mtimeMs,
    script: new vm.Script(code, { filename: path }),
    customFunctions: customFunctionNames(code),
  };
  compiled.set(path, entry);
  return entry;
}

function prepare(opts: LoadOptions) {
  const file = resolve(opts.file ?? DEFAULT_BUNDLE);
  const workbook = opts.workbook ?? new Workbook();
  const services = createServices({
    workbook,
    authMode: opts.authMode,
    htmlDir: opts.htmlDir ?? dirname(file),
    console: opts.console,
    scriptTimeZone: opts.scriptTimeZone ?? manifestTimeZone(dirname(file)),
  });
  return { file, workbook, services };
}

function runtime(
  context: Record<string, any>,
  workbook: Workbook,
  services: Services,
  customFunctions: ReadonlySet<string>,
): GasRuntime {
  return {
    globals: context,
    workbook,
    services,
    customFunctions,
    call(name, ...args) {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      if (!customFunctions.has(name)) return inTimeZone(services.scriptTimeZone, () => fn(...args));
      const mode = services.authMode;
      services.setAuthMode('CUSTOM_FUNCTION');
      try {
        return inTimeZone(services.scriptTimeZone, () => fn(...args));
      } finally {
        services.setAuthMode(mode);
      }
    },
    inRealm<T>(expr: string) {
      return inTimeZone(services.scriptTimeZone, () => vm.runInContext(`(${expr})`, context) as T);
    },
  };
}

/** Runs the bundle in a fresh `node:vm` context per call. */
export function loadBundleInVm(opts: LoadOptions = {}): GasRuntime {
  const { file, workbook, services } = prepare(opts);
  const context = vm.createContext({ ...services.globals });
  const { script, customFunctions } = compile(file);
  inTimeZone(services.scriptTimeZone, () => script.runInContext(context));
  return runtime(context, workbook, services, customFunctions);
}

/**
 * Runs the bundle through gas-local's `require`, over a temporary folder holding only Code.js
 * (gas-local loads every `.js` it finds) and a fresh mock object chained to its default mock
 * (its shared default would re-run the bundle in one context).
 */
export function loadBundleWithGasLocal(opts: LoadOptions = {}): GasRuntime {
  const { file, workbook, services } = prepare(opts);
  const folder = mkdtempSync(join(tmpdir(), 'tts-gas-local-'));
  try {
    copyFileSync(file, join(folder, 'Code.js'));
    const mock = { __proto__: gas.globalMockDefault, ...services.globals };
    const context = inTimeZone(services.scriptTimeZone, () => gas.require(folder, mock));
    return runtime(context, workbook, services, customFunctionNames(readFileSync(file, 'utf8')));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Copies a value the way `google.script.run` carries arguments and results between the sidebar
 * and the server: plain data survives; `undefined` inside arrays becomes `null`; `undefined`
 * properties vanish. A `Date` anywhere makes an argument fail ("illegal value") and a result
 * arrive as `null`, as HtmlService does; functions fail as arguments and vanish from results.
 */
export function jsonRoundTrip<T>(value: T, direction: 'argument' | 'result' = 'result'): T {
  const illegal = findIllegal(value, '', new Set());
  if (illegal) {
    if (direction === 'argument' || illegal.kind === 'circular') {
      throw new Error(`Failed due to illegal value in property: ${illegal.path || '0'}`);
    }
    if (illegal.kind === 'date') return null as T;
  }
  const text = JSON.stringify(value);
  return (text === undefined ? null : JSON.parse(text)) as T;
}

interface Illegal {
  path: string;
  kind: 'date' | 'function' | 'circular';
}

function findIllegal(v: unknown, path: string, seen: Set<object>): Illegal | undefined {
  if (Object.prototype.toString.call(v) === '[object Date]') return { path, kind: 'date' };
  if (typeof v === 'function') return { path, kind: 'function' };
  if (typeof v !== 'object' || v === null) return undefined;
  if (seen.has(v)) return { path, kind: 'circular' };
  seen.add(v);
  for (const [k, child] of Object.entries(v)) {
    const found = findIllegal(child, path ? `${path}.${k}` : k, seen);
    if (found) return found;
  }
  seen.delete(v);
  return undefined;
}
