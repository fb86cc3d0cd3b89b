import * as esbuild from 'esbuild';
const r = await esbuild.build({
  entryPoints: ['src/server/index.ts'],
  bundle: true,
  target: 'es2019',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  minify: true,
  format: 'esm',
  write: false,
  metafile: true,
  outfile: 'x.js',
  logLevel: 'error',
});
const inputs = r.metafile.inputs;
const out = Object.values(r.metafile.outputs)[0].inputs;
const parents = {};
for (const [f, v] of Object.entries(inputs)) for (const imp of v.imports) (parents[imp.path] ??= []).push(f);
for (const t of process.argv.slice(2)) {
  console.log('==', t, out[t]?.bytesInOutput, '<-', (parents[t] ?? []).join(', '));
}
