// `npm run test:reliability`: runs test/reliability/** (corpus, faults, properties) and prints one
// line a reviewer can check: inputs tried, imported correctly, rejected with a clear message,
// crashes, rows lost or duplicated. Exits non-zero when a test fails, anything crashed, or any row
// was lost or duplicated.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'tts-reliability-'));
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'vitest.reliability.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, TTS_RELIABILITY_DIR: dir },
  },
);

const records = [];
for (const name of readdirSync(dir)) {
  for (const line of readFileSync(join(dir, name), 'utf8').split('\n'))
    if (line.trim()) records.push(JSON.parse(line));
}
rmSync(dir, { recursive: true, force: true });

const count = (outcome) => records.filter((r) => r.outcome === outcome).length;
const crashes = count('crash');
const lostOrDuplicated = records.reduce((n, r) => n + r.lost + r.duplicated, 0);
console.log(
  `reliability: ${records.length} inputs tried, ${count('imported')} imported correctly, ` +
    `${count('rejected')} rejected with a clear message, ${crashes} crashes, ${lostOrDuplicated} rows lost or duplicated`,
);
for (const r of records.filter((x) => x.outcome === 'crash' || x.lost + x.duplicated > 0)) {
  console.log(`  ${r.suite}: ${r.input}: ${r.outcome}, ${r.lost} lost, ${r.duplicated} duplicated`);
}
const failed = run.status !== 0 || crashes > 0 || lostOrDuplicated > 0 || records.length === 0;
process.exit(failed ? 1 : 0);
