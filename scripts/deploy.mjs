// `npm run deploy` — checks, builds, and pushes dist/ to Apps Script with clasp 3.
//
//   npm run deploy                      push to the project in .clasp.json (your own copy, for testing)
//   npm run deploy -- --template        the seller template: a spreadsheet with TTS Profit bound to it.
//                                       The first run creates the spreadsheet and its script and keeps
//                                       their ids in .clasp-template.json; every run pushes dist/ there
//                                       and records a numbered version. Prints the link sellers use to
//                                       make their own copy.
//   --dry-run                           print the clasp commands instead of running them (no checks)
//   --skip-checks                       push without typecheck, lint and tests (build still runs)
//
// clasp needs `npx clasp login` once and the Apps Script API switched on for the account
// (https://script.google.com/home/usersettings). README, "Publishing TTS Profit", walks through it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ADDON_NAME = 'TTS Profit';
export const TEMPLATE_PROJECT = '.clasp-template.json';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `--template`, `--dry-run`, `--skip-checks`; anything else is a mistake worth stopping on. */
export function parseArgs(argv) {
  const known = { '--template': 'template', '--dry-run': 'dryRun', '--skip-checks': 'skipChecks' };
  const options = { template: false, dryRun: false, skipChecks: false };
  for (const arg of argv) {
    if (!(arg in known))
      throw new Error(`deploy: unknown option ${arg}. Use --template, --dry-run or --skip-checks.`);
    options[known[arg]] = true;
  }
  return options;
}

/** The version's description: the package version and the commit, so a version can be traced to its code. */
export function versionDescription(packageVersion, commit) {
  return `${ADDON_NAME} ${packageVersion}${commit ? ` (${commit})` : ''}`;
}

/**
 * The clasp commands of a deploy, in order. `templateExists`: whether .clasp-template.json is
 * there already (else the spreadsheet and its bound script are created first, in a scratch folder,
 * so the files clasp pulls from the new project never land in dist/).
 */
export function claspPlan(options, { templateExists, description }) {
  const ignore = ['-I', '.claspignore'];
  if (!options.template) return [{ args: [...ignore, 'push', '--force'] }];
  const project = ['-P', TEMPLATE_PROJECT, ...ignore];
  const steps = [];
  if (!templateExists)
    steps.push({
      args: ['create-script', '--type', 'sheets', '--title', ADDON_NAME, '--json'],
      inScratch: true,
    });
  steps.push({ args: [...project, 'push', '--force'] });
  steps.push({ args: [...project, 'create-version', description, '--json'] });
  return steps;
}

/** The link that asks a seller to make their own copy of the template spreadsheet. */
export function copyLink(spreadsheetId) {
  return `https://docs.google.com/spreadsheets/d/${spreadsheetId}/copy`;
}

function run(command, args, opts = {}) {
  return execFileSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: opts.capture ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    ...opts,
  });
}

function clasp(args, opts = {}) {
  return run(process.execPath, [join(root, 'node_modules/@google/clasp/build/src/index.js'), ...args], opts);
}

/** The last JSON object clasp printed with --json. */
function jsonOutput(text) {
  const start = text.indexOf('{');
  if (start < 0) throw new Error(`deploy: clasp printed no JSON:\n${text}`);
  return JSON.parse(text.slice(start));
}

function currentCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const templateFile = join(root, TEMPLATE_PROJECT);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const plan = claspPlan(options, {
    templateExists: existsSync(templateFile),
    description: versionDescription(pkg.version, currentCommit()),
  });
  if (options.dryRun) {
    for (const step of plan)
      console.log(
        `clasp ${step.args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}${step.inScratch ? '   (in a scratch folder)' : ''}`,
      );
    return;
  }
  if (!options.skipChecks) {
    for (const script of ['typecheck', 'lint', 'test:unit']) run('npm', ['run', script]);
  }
  run('npm', ['run', 'build']);
  for (const step of plan) {
    if (step.inScratch) {
      const scratch = mkdtempSync(join(tmpdir(), 'tts-template-'));
      try {
        const created = jsonOutput(clasp(step.args, { cwd: scratch, capture: true }));
        writeFileSync(
          templateFile,
          `${JSON.stringify({ scriptId: created.scriptId, rootDir: 'dist', parentId: [created.parentId] }, null, 2)}\n`,
        );
        console.log(`Created the template spreadsheet and its script; ids kept in ${TEMPLATE_PROJECT}.`);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    } else if (step.args.includes('create-version')) {
      const { versionNumber } = jsonOutput(clasp(step.args, { capture: true }));
      console.log(`Version ${versionNumber} recorded.`);
    } else {
      clasp(step.args);
    }
  }
  if (options.template) {
    const { parentId } = JSON.parse(readFileSync(templateFile, 'utf8'));
    const spreadsheetId = Array.isArray(parentId) ? parentId[0] : parentId;
    console.log(`Template spreadsheet: https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`);
    console.log(
      `Link for sellers (makes their own copy, with TTS Profit bound to it): ${copyLink(spreadsheetId)}`,
    );
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
