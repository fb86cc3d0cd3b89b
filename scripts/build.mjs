// Builds the three files Apps Script runs: dist/Code.js, dist/Sidebar.html, dist/appsscript.json.
// Code.js is one esbuild IIFE (global TTS) plus a top-level function declaration per export of
// src/server/index.ts: Apps Script only finds entry points declared at the top level, and Sheets
// only offers autocomplete for custom functions whose JSDoc sits on that declaration.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const GLOBAL = 'TTS';
const BUILTINS = 'Math, Number, String, Object, Array, Map, Set, Date, JSON, Error, RegExp, isFinite, isNaN';

const serverOptions = {
  entryPoints: [join(root, 'src/server/index.ts')],
  bundle: true,
  target: 'es2019', // Apps Script V8 rejects class fields and private members
  // V8 has parsed `?.` and `??` since 8.0 (Chrome 80), older than Apps Script's V8 runtime, and
  // plain Apps Script files use them. Lowered, each costs a temporary and a test: 2.5 KB of Code.js.
  supported: { 'optional-chain': true, 'nullish-coalescing': true },
  platform: 'neutral',
  mainFields: ['module', 'main'],
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  // Apps Script evaluates the whole file on every custom-function call: keep it small.
  minify: true,
  // Class fields as plain assignments in the constructor, as tsc compiles them for our ES2020 target
  // (tsconfig.base.json), instead of a defineProperty helper call per field.
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
};

/** Export names of the server entry, in source order (an IIFE build's metafile lists none). */
async function serverExports() {
  const probe = await esbuild.build({
    ...serverOptions,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'probe.js',
  });
  return {
    names: Object.values(probe.metafile.outputs)[0].exports,
    inputs: Object.keys(probe.metafile.inputs),
  };
}

/** JSDoc and parameter names of every `/** … *\/ export function NAME(…)` in the given sources. */
function collectJsDoc(files) {
  const docs = new Map();
  for (const file of files) {
    if (!file.endsWith('.ts') || file.includes('node_modules')) continue;
    const src = readFileSync(join(root, file), 'utf8');
    for (const m of src.matchAll(
      /(\/\*\*(?:(?!\*\/)[\s\S])*?\*\/)\s*export\s+function\s+(\w+)\s*\(([^)]*)\)/g,
    )) {
      const params = m[3]
        .split(',')
        .map((p) => p.trim().split(/[?:=\s]/)[0])
        .filter(Boolean);
      // Sheets' formula help shows a custom function's description and its parameters' names and
      // descriptions, never their types nor the @return: those stay in the source for developers,
      // shortened or left out of Code.js (evaluated on every call).
      const jsdoc = m[1]
        .replace(/ \* @return[\s\S]*?(?= \* @)/, '')
        .replaceAll('{Array<Array<string|number|Date>>}', '{Array}')
        .replace(/\n \*\n \* @param/, '\n * @param');
      docs.set(m[2], { jsdoc, params });
    }
  }
  return docs;
}

async function buildServer() {
  const { names, inputs } = await serverExports();
  const docs = collectJsDoc(inputs);
  const stubs = names.map((name) => {
    const doc = docs.get(name);
    // Only Sheets reads a JSDoc and parameter names (a custom function's help). Any other entry
    // point takes one argument at most (a trigger's event, a sidebar request): no more bytes for it.
    const custom = doc !== undefined && doc.jsdoc.includes('@customfunction');
    if (!custom) return `function ${name}(a){return ${GLOBAL}.${name}(a)}`;
    return `${doc.jsdoc}\nfunction ${name}(${doc.params.join(',')}){return ${GLOBAL}.${name}.apply(this,arguments)}`;
  });
  // The bundle runs inside a function that receives the builtins it uses as parameters: under
  // node:vm (tests, playground, bench) each free global lookup goes through the context's
  // interceptors and costs ~15 times a local read; in Apps Script the values are the same.
  const iife = await esbuild.build({
    ...serverOptions,
    format: 'iife',
    globalName: 'lib',
    write: false,
    outfile: 'Code.js',
    banner: { js: `var ${GLOBAL} = (function (${BUILTINS}) {` },
    footer: { js: `return lib;\n})(${BUILTINS});` },
  });
  // Minified once more with the wrapper: its parameters (Math, Number, …) become one-letter locals.
  const wrapped = await esbuild.transform(iife.outputFiles[0].text, {
    minify: true,
    target: serverOptions.target,
    supported: serverOptions.supported,
    charset: 'utf8',
    legalComments: 'none',
  });
  const code = `${wrapped.code}\n${stubs.join('\n')}\n`;
  writeFileSync(join(out, 'Code.js'), code);
  return { exports: names.length, bytes: Buffer.byteLength(code) };
}

/** The parse worker is bundled first and handed to the sidebar as text, so it can start from a Blob URL. */
async function buildWorkerSource() {
  const worker = await esbuild.build({
    entryPoints: [join(root, 'src/sidebar/parsing/parse-worker.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  return worker.outputFiles[0].text;
}

async function buildSidebar() {
  const workerSource = await buildWorkerSource();
  const inlineWorker = {
    name: 'parse-worker-source',
    setup(build) {
      build.onResolve({ filter: /^parse-worker-source$/ }, () => ({
        path: 'parse-worker-source',
        namespace: 'inline',
      }));
      build.onLoad({ filter: /.*/, namespace: 'inline' }, () => ({
        contents: `export default ${JSON.stringify(workerSource)};`,
        loader: 'js',
      }));
    },
  };
  const ui = await esbuild.build({
    entryPoints: [join(root, 'src/sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    minify: true,
    write: false,
    outdir: 'sidebar-out',
    logLevel: 'warning',
    plugins: [inlineWorker],
  });
  const js = ui.outputFiles.find((f) => f.path.endsWith('.js')).text;
  const css = ui.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  // Function replacers: a bundle may contain `$&` or `$1`, which a string replacement would expand.
  const html = readFileSync(join(root, 'src/sidebar/index.html'), 'utf8')
    .replace('/*__CSS__*/', () => css)
    .replace('/*__JS__*/', () => js.replace(/<\/script/gi, '<\\/script'));
  writeFileSync(join(out, 'Sidebar.html'), html);
  return { bytes: Buffer.byteLength(html) };
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const [server, sidebar] = await Promise.all([buildServer(), buildSidebar()]);
copyFileSync(join(root, 'appsscript.json'), join(out, 'appsscript.json'));
console.log(
  `dist/Code.js ${(server.bytes / 1024).toFixed(1)} KB (${server.exports} entry points), dist/Sidebar.html ${(sidebar.bytes / 1024).toFixed(1)} KB`,
);
