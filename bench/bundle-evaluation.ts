/**
 * What evaluating the bundle costs, as Apps Script pays it before every custom-function call: the
 * file compiled in a fresh V8 context (no code cache), then its top level run (tables built,
 * classes defined). Medians of 21 evaluations, after one untimed.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { median } from './rounds';

const EVALUATIONS = 21;

export function bundleEvaluation(file: string): { compile: number; total: number } {
  const code = readFileSync(file, 'utf8');
  const compile: number[] = [];
  const total: number[] = [];
  for (let i = -1; i < EVALUATIONS; i++) {
    const context = vm.createContext({});
    // A new file name each time: V8 would otherwise reuse the compiled script.
    const started = performance.now();
    const script = new vm.Script(code, { filename: `Code-${i}.js` });
    const compiled = performance.now();
    script.runInContext(context);
    const ran = performance.now();
    if (i < 0) continue;
    compile.push((compiled - started) / 1000);
    total.push((ran - started) / 1000);
  }
  return { compile: median(compile), total: median(total) };
}
