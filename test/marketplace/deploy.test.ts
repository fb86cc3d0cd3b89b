/**
 * `npm run deploy` without a Google account: the clasp commands each mode runs, and the files
 * clasp would push (asked of clasp itself, offline: `show-file-status` reads only local files).
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot } from '../helpers/built-bundle';
// @ts-expect-error plain JavaScript module without types
import { claspPlan, copyLink, parseArgs, versionDescription } from '../../scripts/deploy.mjs';

const deploy = (...args: string[]) =>
  execFileSync(process.execPath, [join(repoRoot, 'scripts/deploy.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
const clasp = join(repoRoot, 'node_modules/@google/clasp/build/src/index.js');

describe('deploy modes', () => {
  it('reads its options and refuses unknown ones', () => {
    expect(parseArgs([])).toEqual({ template: false, dryRun: false, skipChecks: false });
    expect(parseArgs(['--template', '--dry-run'])).toEqual({
      template: true,
      dryRun: true,
      skipChecks: false,
    });
    expect(() => parseArgs(['--templat'])).toThrow(
      'deploy: unknown option --templat. Use --template, --dry-run or --skip-checks.',
    );
  });

  it('the default pushes dist/ to the project in .clasp.json', () => {
    expect(deploy('--dry-run').trim()).toBe('clasp -I .claspignore push --force');
  });

  it('the first template deploy creates a spreadsheet with a bound script, pushes and records a version', () => {
    const plan = claspPlan(
      { template: true },
      { templateExists: false, description: versionDescription('0.1.0', 'abc1234') },
    );
    expect(plan).toEqual([
      { args: ['create-script', '--type', 'sheets', '--title', 'TTS Profit', '--json'], inScratch: true },
      { args: ['-P', '.clasp-template.json', '-I', '.claspignore', 'push', '--force'] },
      {
        args: [
          '-P',
          '.clasp-template.json',
          '-I',
          '.claspignore',
          'create-version',
          'TTS Profit 0.1.0 (abc1234)',
          '--json',
        ],
      },
    ]);
  });

  it('a later template deploy reuses the spreadsheet', () => {
    const plan = claspPlan({ template: true }, { templateExists: true, description: 'TTS Profit 0.1.0' });
    expect(plan.map((s: { args: string[] }) => s.args.slice(4, 5)[0])).toEqual(['push', 'create-version']);
    expect(copyLink('1AbC')).toBe('https://docs.google.com/spreadsheets/d/1AbC/copy');
  });

  it('an unknown option stops the deploy with its message', () => {
    expect(() =>
      execFileSync(process.execPath, [join(repoRoot, 'scripts/deploy.mjs'), '--tempalte'], {
        cwd: repoRoot,
        stdio: 'pipe',
      }),
    ).toThrow(/unknown option --tempalte/);
  });
});

describe('files clasp pushes', () => {
  beforeAll(() => ensureBuilt());

  it.each([['.clasp.json'], ['template']])('exactly the three built files, for %s', (which) => {
    const project =
      which === 'template'
        ? join(repoRoot, `.clasp-test-${process.pid}.json`)
        : join(repoRoot, '.clasp.json');
    if (which === 'template')
      writeFileSync(
        project,
        JSON.stringify({ scriptId: 'test-script-id', rootDir: 'dist', parentId: ['test-sheet-id'] }),
      );
    try {
      const out = execFileSync(
        process.execPath,
        [clasp, '-P', project, '-I', '.claspignore', 'show-file-status', '--json'],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          env: { ...process.env, HOME: join(repoRoot, 'test-results'), NO_UPDATE_NOTIFIER: '1' },
        },
      );
      const status = JSON.parse(out.slice(out.indexOf('{'))) as { filesToPush: string[] };
      expect([...status.filesToPush].sort()).toEqual([
        'dist/Code.js',
        'dist/Sidebar.html',
        'dist/appsscript.json',
      ]);
    } finally {
      if (which === 'template') rmSync(project, { force: true });
    }
  });
});
