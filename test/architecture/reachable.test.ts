/**
 * Every module under src/ is part of the add-on: reachable over the import graph (type imports
 * included) from one of its entry points. A module only tests or the benchmark reach is code the
 * add-on does not run.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const ENTRY_POINTS = ['src/server/index.ts', 'src/sidebar/main.ts', 'src/sidebar/parsing/parse-worker.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) ? [relative(root, path)] : [];
  });
}

/** The src/ modules `file` imports or re-exports (bare package names are not modules of ours). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => {
      const base = join(dirname(file), name);
      const candidates = [`${base}.ts`, join(base, 'index.ts'), base];
      const found = candidates.find((candidate) => existsSync(join(root, candidate)));
      if (!found) throw new Error(`${file} imports ${name}, which is not there`);
      return found;
    })
    .filter((path) => path.endsWith('.ts'));
}

function reachableFrom(entries: readonly string[]): Set<string> {
  const seen = new Set<string>(entries);
  const queue = [...entries];
  while (queue.length > 0) {
    for (const next of importsOf(queue.pop()!)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe('the import graph of src/', () => {
  it('reaches every module from an entry point of the add-on', () => {
    const reachable = reachableFrom(ENTRY_POINTS);
    const unreachable = sourceFiles(join(root, 'src')).filter((file) => !reachable.has(file));
    expect(unreachable).toEqual([]);
  });

  it('finds a module that only a test imports', () => {
    // The check itself: the reader of CSV files is reached, a test file's own imports are not followed.
    const reachable = reachableFrom(['src/core/read/parse-export-file.ts']);
    expect(reachable.has('src/core/read/files/csv.ts')).toBe(true);
    expect(reachable.has('src/server/index.ts')).toBe(false);
  });
});

describe('the server bundle', () => {
  it('never loads the file readers: Apps Script evaluates every module on every call, and the server reads only ranges', () => {
    const reachable = reachableFrom(['src/server/index.ts']);
    expect([...reachable].filter((file) => file.startsWith('src/core/read/files/'))).toEqual([]);
  });
});
