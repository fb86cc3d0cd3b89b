/**
 * The local playground: the real dist/Sidebar.html in a 300 px frame beside the workbook it edits,
 * with `google.script.run` bridged to the real dist/Code.js running in the emulator. The workbook
 * is saved to playground/.workbook.json after every call, so it survives restarts.
 *
 * Start with `npm start` (builds first). Listens on 127.0.0.1 only; PORT picks the port (default 8080).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { loadWorkbook, saveWorkbook } from '../emulator/persist';
import { jsonRoundTrip, loadBundleInVm } from '../emulator/sandbox';
import { Workbook } from '../emulator/workbook';
import { withShim } from './sidebar-shim';
import { READ_ONLY_TABS, sheetView, workbookView, type FormulaEvaluator } from './workbook-view';
import { evaluateFormula } from './formulas';
import { violates } from '../emulator/data-validation';
import { writeCell } from '../emulator/cell-values';

const here = dirname(fileURLToPath(import.meta.url));
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface PlaygroundOptions {
  port?: number;
  /** Repository root (holds dist/ and samples/); default the playground's parent folder. */
  root?: string;
  /** Where the workbook is kept; default playground/.workbook.json. */
  workbookFile?: string;
}

export interface Playground {
  url: string;
  close(): Promise<void>;
}

interface RunResponse {
  result?: unknown;
  error?: string;
  /** Sidebars and dialogs the call opened, for the page to show. */
  ui: {
    sidebars: { title: string }[];
    dialogs: { title: string; html: string; width: number; height: number }[];
  };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`Request larger than ${MAX_BODY_BYTES} bytes.`));
        req.destroy();
        return;
      }
      parts.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

async function bundlePage(): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [join(here, 'playground.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const root = resolve(options.root ?? join(here, '..'));
  const dist = join(root, 'dist');
  const bundle = join(dist, 'Code.js');
  const workbookFile = options.workbookFile ?? join(here, '.workbook.json');
  if (!existsSync(bundle))
    throw new Error(`${bundle} is missing: run \`npm run build\` first (\`npm start\` does).`);

  const pageScript = await bundlePage();
  const pageHtml = readFileSync(join(here, 'index.html'), 'utf8').replace(
    '<!--PLAYGROUND_SCRIPT-->',
    () => `<script>${pageScript.replace(/<\/script/gi, '<\\/script')}</script>`,
  );

  function freshWorkbook(): Workbook {
    const wb = new Workbook({ name: 'TTS Profit playground' });
    run(wb, 'onOpen', [{ authMode: 'NONE' }]);
    return wb;
  }

  let workbook: Workbook;
  try {
    workbook = existsSync(workbookFile) ? loadWorkbook(workbookFile) : freshWorkbook();
  } catch (error) {
    console.warn(
      `Could not load ${workbookFile} (${(error as Error).message}); starting with an empty workbook.`,
    );
    workbook = freshWorkbook();
  }

  /** One execution, as Apps Script runs it: a fresh global scope over the same spreadsheet. */
  function run(wb: Workbook, name: string, args: unknown[]): RunResponse {
    const runtime = loadBundleInVm({ file: bundle, workbook: wb, htmlDir: dist });
    const ui: RunResponse['ui'] = { sidebars: [], dialogs: [] };
    try {
      const result = runtime.call(name, ...jsonRoundTrip(args, 'argument'));
      return { result: jsonRoundTrip(result ?? null, 'result'), ui: collectUi() };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error), ui: collectUi() };
    }
    function collectUi(): RunResponse['ui'] {
      ui.sidebars = runtime.services.ui.sidebars.map((s) => ({ title: s.title }));
      ui.dialogs = runtime.services.ui.dialogs.map((d) => ({
        title: d.dialogTitle,
        html: d.content,
        width: d.width,
        height: d.height,
      }));
      return ui;
    }
  }

  /**
   * Formula cells worked out for one view: TTS_ functions run in the built bundle as Sheets runs a
   * custom function (read-only, its range arguments passed as values).
   */
  function formulaEvaluator(wb: Workbook): FormulaEvaluator {
    let runtime: ReturnType<typeof loadBundleInVm> | undefined;
    return (formula, sheet) =>
      evaluateFormula(formula, wb, sheet, (name, args) => {
        runtime ??= loadBundleInVm({
          file: bundle,
          workbook: wb,
          htmlDir: dist,
          authMode: 'CUSTOM_FUNCTION',
        });
        const toRealm = runtime.inRealm<(v: unknown) => unknown>(`function convert(v) {
        if (Array.isArray(v)) return Array.from(v, convert);
        if (Object.prototype.toString.call(v) === '[object Date]') return new Date(v.getTime());
        return v;
      }`);
        return runtime.call(name, ...args.map((a) => (a === undefined ? undefined : toRealm(a))));
      });
  }

  /** A seller typing into a cell of one of their tabs: as typed input, checked against the cell's validation. */
  function typeIntoCell(body: { sheet?: unknown; row?: unknown; column?: unknown; input?: unknown }): {
    error?: string;
  } {
    const { sheet: name, row, column, input } = body;
    if (
      typeof name !== 'string' ||
      typeof input !== 'string' ||
      !Number.isInteger(row) ||
      !Number.isInteger(column)
    )
      return { error: 'Expected { sheet, row, column, input }.' };
    const sheet = workbook.sheet(name);
    if (!sheet) return { error: `No tab named ${name}.` };
    if (READ_ONLY_TABS.includes(name))
      return { error: `${name} is written by TTS Profit; type your costs in TTS COGS or TTS Costs.` };
    const r = row as number;
    const c = column as number;
    if (r < 1 || c < 1 || r > 100_000 || c > 200) return { error: 'That cell is outside the tab.' };
    const rule = sheet.validation(r, c);
    if (
      rule &&
      !rule.allowInvalid &&
      violates(rule, writeCell(input, sheet.numberFormat(r, c), workbook.timeZone).value)
    ) {
      return {
        error: `There was a problem: ${rule.helpText || 'the data you entered violates the data validation rules set on this cell.'}`,
      };
    }
    if (r > sheet.maxRows) sheet.maxRows = r;
    if (c > sheet.maxColumns) sheet.maxColumns = c;
    sheet.write(r, c, input, workbook.timeZone);
    return {};
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return send(res, 200, 'text/html; charset=utf-8', pageHtml);
      case 'GET /favicon.ico':
        res.writeHead(204).end();
        return;
      case 'GET /sidebar': {
        const sidebar = join(dist, 'Sidebar.html');
        if (!existsSync(sidebar))
          return send(res, 404, 'text/plain', 'dist/Sidebar.html is missing: run npm run build.');
        return send(res, 200, 'text/html; charset=utf-8', withShim(readFileSync(sidebar, 'utf8')));
      }
      case 'POST /api/run': {
        const body = JSON.parse(await readBody(req)) as { name?: unknown; args?: unknown };
        if (
          typeof body.name !== 'string' ||
          !/^[A-Za-z_$][\w$]*$/.test(body.name) ||
          !Array.isArray(body.args)
        ) {
          return sendJson(res, 400, { error: 'Expected { "name": "functionName", "args": [ … ] }.' });
        }
        const response = run(workbook, body.name, body.args);
        saveWorkbook(workbook, workbookFile);
        return sendJson(res, 200, response);
      }
      case 'GET /api/workbook': {
        const limit = Number(url.searchParams.get('rows') ?? '500');
        const sheet = url.searchParams.get('sheet');
        const rowLimit = Number.isFinite(limit) && limit > 0 ? limit : 500;
        const evaluate = formulaEvaluator(workbook);
        if (sheet) {
          const view = sheetView(workbook, sheet, rowLimit, evaluate);
          return view ? sendJson(res, 200, view) : sendJson(res, 404, { error: `No tab named ${sheet}.` });
        }
        return sendJson(res, 200, workbookView(workbook, rowLimit, evaluate));
      }
      case 'POST /api/cell': {
        const result = typeIntoCell(JSON.parse(await readBody(req)) as Record<string, unknown>);
        if (result.error) return sendJson(res, 400, result);
        saveWorkbook(workbook, workbookFile);
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /api/select': {
        // A click on a tab or a cell, as in Sheets: it becomes the active tab and its current cell.
        const body = JSON.parse(await readBody(req)) as { sheet?: unknown; row?: unknown; col?: unknown };
        const sheet = typeof body.sheet === 'string' ? workbook.sheet(body.sheet) : undefined;
        if (!sheet) return sendJson(res, 404, { error: `No tab named ${String(body.sheet)}.` });
        workbook.activeSheetId = sheet.sheetId;
        const row = Number(body.row);
        const col = Number(body.col);
        if (
          Number.isInteger(row) &&
          Number.isInteger(col) &&
          row >= 1 &&
          col >= 1 &&
          row <= sheet.maxRows &&
          col <= sheet.maxColumns
        )
          sheet.currentCell = { row, col };
        saveWorkbook(workbook, workbookFile);
        return sendJson(res, 200, { ok: true });
      }
      case 'POST /api/reset':
        rmSync(workbookFile, { force: true });
        workbook = freshWorkbook();
        saveWorkbook(workbook, workbookFile);
        return sendJson(res, 200, { ok: true });
      default:
        if (req.method === 'GET' && url.pathname.startsWith('/samples/')) {
          const file = join(
            root,
            'samples',
            basename(decodeURIComponent(url.pathname.slice('/samples/'.length))),
          );
          if (existsSync(file)) {
            const type = file.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/octet-stream';
            return send(res, 200, type, readFileSync(file));
          }
        }
        return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8080, '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

// Run directly (`tsx playground/server.ts`); `npm start` goes through server.mjs, which imports this file.
const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
  startPlayground({ port })
    .then((pg) => console.log(`TTS Profit playground: ${pg.url}`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
