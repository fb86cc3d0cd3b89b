// Apps Script evaluates all of dist/Code.js on every custom-function call, so its size is a cost a
// seller pays on every recalculation. The ceiling is the size last reached plus a small margin, so
// that adding much back fails here; issue #16 asks for 150 KB and `npm run bench` reports the gap.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { privateBundleCopy, repoRoot } from '../helpers/built-bundle';

const CEILING_KB = 236;

/** The biggest inputs of the server bundle, as `12.3 KB src/core/read/catalog.ts` lines. */
async function biggestInputs(count: number): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [join(repoRoot, 'src/server/index.ts')],
    bundle: true,
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    format: 'iife',
    write: false,
    metafile: true,
    outfile: 'Code.js',
    logLevel: 'silent',
    absWorkingDir: repoRoot,
  });
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  return Object.entries(inputs)
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, count)
    .map(([file, { bytesInOutput }]) => `${(bytesInOutput / 1024).toFixed(1).padStart(6)} KB ${file}`)
    .join('\n');
}

describe('dist/Code.js', () => {
  it(`stays under ${CEILING_KB} KB and bundles no decimal or schema library`, async () => {
    const kb = statSync(privateBundleCopy()).size / 1024;
    const inputs = await biggestInputs(15);
    if (kb > CEILING_KB) console.log(`dist/Code.js is ${kb.toFixed(1)} KB; biggest inputs:\n${inputs}`);
    expect(
      kb,
      `dist/Code.js is ${kb.toFixed(1)} KB (ceiling ${CEILING_KB} KB); biggest inputs:\n${inputs}`,
    ).toBeLessThanOrEqual(CEILING_KB);
    expect(inputs).not.toMatch(/node_modules\/(decimal\.js|zod)\//);
  });
});
