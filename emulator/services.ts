/**
 * The Apps Script global services over one Workbook: SpreadsheetApp (with Ui and menus),
 * LockService, PropertiesService, HtmlService, ScriptApp, Utilities, Session, Logger, Charts.
 * Every object is handed out through the strict proxy (strict.ts): calls are counted, unknown
 * members throw "Emulator: … is not implemented", and the auth mode decides what may be called.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format as nodeFormat } from 'node:util';
import { ChartHiddenDimensionStrategy, ChartMergeStrategy, ChartType } from './charts';
import { isDate } from './cell-values';
import { formatJavaDate } from './number-format';
import { ProtectionType, SpreadsheetApi, SpreadsheetContext } from './spreadsheet-api';
import { type ApiObject, type ApiType, Exposer } from './strict';
import { DataValidationBuilderApi } from './data-validation';
import { manifestTimeZone } from './manifest';
import { isValidTimeZone } from './time-zone';
import type { Workbook } from './workbook';

export const AuthMode = Object.freeze({
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
});
export type AuthModeName = keyof typeof AuthMode;

export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
});
export const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' });
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' });
export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' });

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

const type = (service: string, name = service): ApiType => ({ service, name });

// ---------------------------------------------------------------- auth modes

/**
 * What Sheets lets a custom function call: the read-only getters of SpreadsheetApp (`get*`, `is*`,
 * `has*`) but not `getUi`, and services that need no authorization (Utilities, Properties, Lock,
 * Session, Logger). Anything that changes the document or shows UI is refused.
 */
const READ_ONLY = /^(get|is|has)[A-Z]/;

function deny(type: ApiType, method: string): Error {
  const owner = type.name;
  return new Error(`You do not have permission to call ${owner}.${method}`);
}

/** Apps Script's per-mode restrictions, as far as this add-on can run into them. */
export function authGate(mode: () => AuthModeName) {
  return (t: ApiType, method: string): void => {
    const m = mode();
    if (m === 'NONE') {
      // onOpen before the add-on is enabled in the document: only menus may be built.
      const documentBound =
        t.service === 'SpreadsheetApp' || t.service === 'PropertiesService' || t.service === 'LockService';
      if (documentBound && !(t.name === 'SpreadsheetApp' && method === 'getUi')) throw deny(t, method);
    } else if (m === 'CUSTOM_FUNCTION') {
      if (t.service === 'Base' && (t.name === 'Ui' || t.name === 'Menu')) throw deny(t, method);
      if (t.service === 'SpreadsheetApp' || t.service === 'Charts') {
        if (method === 'getUi' || !READ_ONLY.test(method)) throw deny(t, method);
      }
    }
  };
}

// ---------------------------------------------------------------- HtmlService

export interface HtmlOutputState {
  content: string;
  title: string;
  width: number;
  height: number;
  /** File the output was created from (`Sidebar`), if any. */
  fileName?: string;
  xFrameOptionsMode: string;
  sandboxMode: string;
  metaTags: Record<string, string>;
}

export class HtmlOutputApi implements ApiObject {
  readonly _gasType = type('HtmlService', 'HtmlOutput');
  constructor(readonly _state: HtmlOutputState) {}
  getContent() {
    return this._state.content;
  }
  setContent(content: string) {
    this._state.content = String(content);
    return this;
  }
  append(addedContent: string) {
    this._state.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string) {
    const escaped = String(addedContent).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    this._state.content += escaped;
    return this;
  }
  setTitle(title: string) {
    this._state.title = String(title);
    return this;
  }
  getTitle() {
    return this._state.title;
  }
  setWidth(width: number) {
    this._state.width = width;
    return this;
  }
  getWidth() {
    return this._state.width;
  }
  setHeight(height: number) {
    this._state.height = height;
    return this;
  }
  getHeight() {
    return this._state.height;
  }
  setXFrameOptionsMode(mode: string) {
    this._state.xFrameOptionsMode = mode;
    return this;
  }
  setSandboxMode(mode: string) {
    this._state.sandboxMode = mode;
    return this;
  }
  getSandboxMode() {
    return this._state.sandboxMode;
  }
  addMetaTag(name: string, content: string) {
    this._state.metaTags[name] = content;
    return this;
  }
  toString() {
    return 'HtmlOutput';
  }
}

function newHtmlOutput(content: string, fileName?: string): HtmlOutputApi {
  return new HtmlOutputApi({
    content,
    title: '',
    width: 300,
    height: 400,
    fileName,
    xFrameOptionsMode: XFrameOptionsMode.DEFAULT,
    sandboxMode: SandboxMode.IFRAME,
    metaTags: {},
  });
}

function htmlService(htmlDir: string) {
  return {
    _gasType: type('HtmlService'),
    XFrameOptionsMode,
    SandboxMode,
    createHtmlOutput(html?: string) {
      return newHtmlOutput(html === undefined ? '' : String(html));
    },
    createHtmlOutputFromFile(filename: string) {
      const base = String(filename).replace(/\.html$/, '');
      const file = join(htmlDir, `${base}.html`);
      if (!existsSync(file)) throw new Error(`No HTML file named ${base} was found.`);
      return newHtmlOutput(readFileSync(file, 'utf8'), base);
    },
    toString() {
      return 'HtmlService';
    },
  };
}

// ---------------------------------------------------------------- Ui and menus

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  /** `addon` for createAddonMenu (shown under Extensions → add-on name), else `custom`. */
  kind: 'addon' | 'custom';
  name: string;
  entries: MenuEntry[];
}

export interface UiRecord {
  menus: MenuRecord[];
  sidebars: HtmlOutputState[];
  dialogs: (HtmlOutputState & { modal: boolean; dialogTitle: string })[];
  alerts: { title: string; prompt: string; buttons: string }[];
  /** What the next `alert()` answers (the user's click); default OK. */
  alertResponse: string;
}

export class MenuApi implements ApiObject {
  readonly _gasType = type('Base', 'Menu');
  constructor(
    readonly _record: MenuRecord,
    private readonly _ui: UiRecord,
  ) {}
  addItem(caption: string, functionName: string) {
    if (typeof functionName !== 'string' || functionName.endsWith('_')) {
      throw new Error(
        `Menu item "${caption}" must name a public top-level function, got ${String(functionName)}.`,
      );
    }
    this._record.entries.push({ kind: 'item', caption: String(caption), functionName });
    return this;
  }
  addSeparator() {
    this._record.entries.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: unknown) {
    if (!(menu instanceof MenuApi))
      throw new Error("The parameters don't match the method signature for Ui.Menu.addSubMenu.");
    this._record.entries.push({ kind: 'submenu', menu: menu._record });
    return this;
  }
  addToUi() {
    const i = this._ui.menus.findIndex((m) => m.kind === this._record.kind && m.name === this._record.name);
    if (i >= 0) this._ui.menus[i] = this._record;
    else this._ui.menus.push(this._record);
  }
  toString() {
    return 'Menu';
  }
}

export class UiApi implements ApiObject {
  readonly _gasType = type('Base', 'Ui');
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;
  constructor(
    private readonly _record: UiRecord,
    private readonly _addonName: () => string,
  ) {}
  createAddonMenu() {
    return new MenuApi({ kind: 'addon', name: this._addonName(), entries: [] }, this._record);
  }
  createMenu(caption: string) {
    return new MenuApi({ kind: 'custom', name: String(caption), entries: [] }, this._record);
  }
  showSidebar(userInterface: unknown) {
    this._record.sidebars.push({ ...htmlState(userInterface, 'Ui.showSidebar') });
  }
  showModalDialog(userInterface: unknown, title: string) {
    this._record.dialogs.push({
      ...htmlState(userInterface, 'Ui.showModalDialog'),
      modal: true,
      dialogTitle: String(title),
    });
  }
  showModelessDialog(userInterface: unknown, title: string) {
    this._record.dialogs.push({
      ...htmlState(userInterface, 'Ui.showModelessDialog'),
      modal: false,
      dialogTitle: String(title),
    });
  }
  alert(titleOrPrompt: string, prompt?: string, buttons?: string) {
    const title = prompt === undefined ? '' : String(titleOrPrompt);
    const text = prompt === undefined ? String(titleOrPrompt) : String(prompt);
    this._record.alerts.push({ title, prompt: text, buttons: buttons ?? ButtonSet.OK });
    return this._record.alertResponse;
  }
  toString() {
    return 'Ui';
  }
}

function htmlState(output: unknown, method: string): HtmlOutputState {
  if (!(output instanceof HtmlOutputApi))
    throw new Error(`The parameters don't match the method signature for ${method}.`);
  return { ...output._state, metaTags: { ...output._state.metaTags } };
}

// ---------------------------------------------------------------- LockService

export type LockKind = 'document' | 'script' | 'user';

interface LockState {
  heldByUs: boolean;
  /** Attempts left while another user holds the lock (Infinity = until released). */
  otherHolderAttempts: number;
}

export class LockControl {
  readonly states: Record<LockKind, LockState> = {
    document: { heldByUs: false, otherHolderAttempts: 0 },
    script: { heldByUs: false, otherHolderAttempts: 0 },
    user: { heldByUs: false, otherHolderAttempts: 0 },
  };
  /** Makes the lock unavailable, as if another user's execution held it; optionally only for N attempts. */
  holdByAnotherUser(kind: LockKind = 'document', opts: { forAttempts?: number } = {}): void {
    this.states[kind].otherHolderAttempts = opts.forAttempts ?? Infinity;
  }
  releaseByAnotherUser(kind: LockKind = 'document'): void {
    this.states[kind].otherHolderAttempts = 0;
  }
  /** Whether the code under test still holds the lock (it should release it in `finally`). */
  isHeld(kind: LockKind = 'document'): boolean {
    return this.states[kind].heldByUs;
  }
}

export class LockApi implements ApiObject {
  readonly _gasType = type('LockService', 'Lock');
  constructor(private readonly _state: LockState) {}
  tryLock(timeoutInMillis: number) {
    void timeoutInMillis; // no real waiting: the answer is decided by the test's lock control
    if (this._state.heldByUs) return true;
    if (this._state.otherHolderAttempts > 0) {
      this._state.otherHolderAttempts--;
      return false;
    }
    this._state.heldByUs = true;
    return true;
  }
  waitLock(timeoutInMillis: number) {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock() {
    this._state.heldByUs = false;
  }
  hasLock() {
    return this._state.heldByUs;
  }
  toString() {
    return 'Lock';
  }
}

// ---------------------------------------------------------------- PropertiesService

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export class PropertiesApi implements ApiObject {
  readonly _gasType = type('PropertiesService', 'Properties');
  constructor(private readonly _store: Record<string, string>) {}
  private _check(key: string, value: string, replacing: Record<string, string>) {
    if (bytes(value) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error('Argument too large: value');
    let total = 0;
    const next = { ...this._store, ...replacing, [key]: value };
    for (const [k, v] of Object.entries(next)) total += bytes(k) + bytes(v);
    if (total > PROPERTY_STORE_LIMIT_BYTES) {
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
  }
  getProperty(key: string) {
    const v = this._store[key];
    return v === undefined ? null : v;
  }
  setProperty(key: string, value: unknown) {
    const text = String(value);
    this._check(String(key), text, {});
    this._store[String(key)] = text;
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean) {
    const entries = Object.entries(properties).map(([k, v]) => [k, String(v)] as const);
    const incoming: Record<string, string> = Object.fromEntries(entries);
    for (const [k, v] of entries) this._check(k, v, incoming);
    if (deleteAllOthers) for (const k of Object.keys(this._store)) delete this._store[k];
    Object.assign(this._store, incoming);
    return this;
  }
  getProperties() {
    return { ...this._store };
  }
  getKeys() {
    return Object.keys(this._store);
  }
  deleteProperty(key: string) {
    delete this._store[key];
    return this;
  }
  deleteAllProperties() {
    for (const k of Object.keys(this._store)) delete this._store[k];
    return this;
  }
  toString() {
    return 'Properties';
  }
}

// ---------------------------------------------------------------- Utilities

/** RFC 4180 CSV, as `Utilities.parseCsv` returns it: every field a string. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Java-style `%s`, `%d`, `%.2f`, `%%`, as `Utilities.formatString` accepts them. */
export function formatString(template: string, ...args: unknown[]): string {
  let i = 0;
  return String(template).replace(
    /%(-?\d*)(?:\.(\d+))?([sdif%])/g,
    (_m, width: string, precision: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      const arg = args[i++];
      let out: string;
      if (conv === 'f') out = Number(arg).toFixed(precision === undefined ? 6 : Number(precision));
      else if (conv === 'd' || conv === 'i') out = String(Math.trunc(Number(arg)));
      else out = String(arg);
      const w = Number(width || 0);
      return w < 0 ? out.padEnd(-w) : out.padStart(w);
    },
  );
}

function utilities() {
  return {
    _gasType: type('Utilities'),
    formatDate(date: Date, timeZone: string, format: string) {
      if (!isDate(date))
        throw new Error("The parameters don't match the method signature for Utilities.formatDate.");
      if (!isValidTimeZone(timeZone)) throw new Error(`Invalid argument: timeZone (${timeZone})`);
      return formatJavaDate(date, timeZone, format);
    },
    parseCsv(csv: string, delimiter?: string) {
      return parseCsv(String(csv), delimiter ?? ',');
    },
    sleep(milliseconds: number) {
      void milliseconds;
    }, // a test never waits for real
    getUuid() {
      return randomUUID();
    },
    formatString,
    base64Encode(data: string) {
      return Buffer.from(String(data), 'utf8').toString('base64');
    },
    base64Decode(encoded: string) {
      return [...Buffer.from(String(encoded), 'base64')].map((b) => (b > 127 ? b - 256 : b));
    },
    toString() {
      return 'Utilities';
    },
  };
}

// ---------------------------------------------------------------- everything together

export interface ServicesOptions {
  workbook: Workbook;
  authMode?: AuthModeName;
  /** Folder `createHtmlOutputFromFile(name)` reads `<name>.html` from; default `dist`. */
  htmlDir?: string;
  /** `Session.getScriptTimeZone()`; default the manifest's zone (appsscript.json `timeZone`). */
  scriptTimeZone?: string;
  /** Where the bundle's `console` writes; default Node's console. */
  console?: Console;
  /** `Session.getActiveUser().getEmail()`; consumer accounts often give ''. */
  userEmail?: string;
}

export interface Services {
  /** The globals the bundle sees: SpreadsheetApp, LockService, …, console. */
  globals: Record<string, unknown>;
  workbook: Workbook;
  authMode: AuthModeName;
  setAuthMode(mode: AuthModeName): void;
  ui: UiRecord;
  locks: LockControl;
  /** Lines written with `Logger.log`. */
  logs: string[];
  exposer: Exposer;
  /** `Session.getScriptTimeZone()`: the zone the script's own `Date` getters read in. */
  scriptTimeZone: string;
}

export function createServices(opts: ServicesOptions): Services {
  const { workbook } = opts;
  let mode: AuthModeName = opts.authMode ?? 'FULL';
  const exposer = new Exposer(
    workbook.calls,
    authGate(() => mode),
  );
  const ctx = new SpreadsheetContext(workbook);
  const ui: UiRecord = { menus: [], sidebars: [], dialogs: [], alerts: [], alertResponse: Button.OK };
  const locks = new LockControl();
  const logs: string[] = [];
  const scriptTimeZone = opts.scriptTimeZone ?? manifestTimeZone();
  const htmlDir = resolve(opts.htmlDir ?? 'dist');

  const SpreadsheetApp = {
    _gasType: type('SpreadsheetApp'),
    ProtectionType,
    getActiveSpreadsheet() {
      return new SpreadsheetApi(ctx);
    },
    getActive() {
      return new SpreadsheetApi(ctx);
    },
    getActiveSheet() {
      return new SpreadsheetApi(ctx).getActiveSheet();
    },
    getUi() {
      return new UiApi(ui, () => workbook.addonName);
    },
    newDataValidation() {
      return new DataValidationBuilderApi();
    },
    flush() {},
    openById(id: string) {
      void id;
      throw new Error(
        'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
      );
    },
    toString() {
      return 'SpreadsheetApp';
    },
  };
  const LockService = {
    _gasType: type('LockService'),
    getDocumentLock() {
      return new LockApi(locks.states.document);
    },
    getScriptLock() {
      return new LockApi(locks.states.script);
    },
    getUserLock() {
      return new LockApi(locks.states.user);
    },
    toString() {
      return 'LockService';
    },
  };
  const PropertiesService = {
    _gasType: type('PropertiesService'),
    getDocumentProperties() {
      return new PropertiesApi(workbook.properties.document);
    },
    getUserProperties() {
      return new PropertiesApi(workbook.properties.user);
    },
    getScriptProperties() {
      return new PropertiesApi(workbook.properties.script);
    },
    toString() {
      return 'PropertiesService';
    },
  };
  const ScriptApp = {
    _gasType: type('ScriptApp'),
    AuthMode,
    getScriptId() {
      return 'emulated-script';
    },
    toString() {
      return 'ScriptApp';
    },
  };
  const user = (email: string) => ({
    _gasType: type('Base', 'User'),
    getEmail: () => email,
    toString: () => email,
  });
  const Session = {
    _gasType: type('Session'),
    getScriptTimeZone() {
      return scriptTimeZone;
    },
    getActiveUser() {
      return user(opts.userEmail ?? '');
    },
    getEffectiveUser() {
      return user(opts.userEmail ?? '');
    },
    getTemporaryActiveUserKey() {
      return 'emulated-user-key';
    },
    getActiveUserLocale() {
      return 'en';
    },
    toString() {
      return 'Session';
    },
  };
  const Logger = {
    _gasType: type('Logger'),
    log(data: unknown, ...values: unknown[]) {
      logs.push(
        values.length > 0
          ? formatString(String(data), ...values)
          : typeof data === 'string'
            ? data
            : nodeFormat(data),
      );
      return this;
    },
    getLog() {
      return logs.join('\n');
    },
    clear() {
      logs.length = 0;
    },
    toString() {
      return 'Logger';
    },
  };
  const Charts = {
    _gasType: type('Charts'),
    ChartType,
    ChartMergeStrategy,
    ChartHiddenDimensionStrategy,
    toString() {
      return 'Charts';
    },
  };

  const globals: Record<string, unknown> = {
    SpreadsheetApp: exposer.expose(SpreadsheetApp),
    LockService: exposer.expose(LockService),
    PropertiesService: exposer.expose(PropertiesService),
    HtmlService: exposer.expose(htmlService(htmlDir)),
    ScriptApp: exposer.expose(ScriptApp),
    Utilities: exposer.expose(utilities()),
    Session: exposer.expose(Session),
    Logger: exposer.expose(Logger),
    Charts: exposer.expose(Charts),
    console: opts.console ?? console,
  };
  return {
    globals,
    workbook,
    get authMode() {
      return mode;
    },
    set authMode(m: AuthModeName) {
      mode = m;
    },
    setAuthMode(m: AuthModeName) {
      mode = m;
    },
    ui,
    locks,
    logs,
    exposer,
    scriptTimeZone,
  };
}
