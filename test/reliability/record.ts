/**
 * What the reliability run counts: every input tried and how it ended (imported correctly,
 * rejected with a clear message, or crashed), plus ledger rows lost or duplicated. Test files
 * run in separate workers, so each record is appended as one JSON line to a file in the folder
 * named by TTS_RELIABILITY_DIR; scripts/reliability.mjs adds them up. Without it, nothing is written.
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export type InputOutcome = 'imported' | 'rejected' | 'crash';

export interface InputRecord {
  suite: string;
  input: string;
  outcome: InputOutcome;
  lost: number;
  duplicated: number;
}

export function recordInput(record: InputRecord): void {
  const dir = process.env.TTS_RELIABILITY_DIR;
  if (!dir) return;
  appendFileSync(join(dir, `records-${process.pid}.jsonl`), JSON.stringify(record) + '\n');
}

const STACK_FRAME = /\bat \S.*[(\s]\S+:\d+(:\d+)?\)?/;

/**
 * Why `message` is not a clear message for the seller, or '' when it is: it must name the file
 * (when given), carry no stack trace, no `undefined`, `[object Object]` or `NaN` outside the quoted
 * cell value, and stay short enough to read.
 */
export function messageDefect(message: unknown, fileName?: string): string {
  if (typeof message !== 'string' || message.trim() === '') return 'no message';
  if (message.length > 800) return `message of ${message.length} characters`;
  if (fileName !== undefined && !message.includes(fileName)) return `does not name ${fileName}`;
  if (STACK_FRAME.test(message) || /\n\s+at /.test(message)) return 'holds a stack trace';
  const outsideQuotes = message.replace(/`[^`]*`/g, '``');
  for (const word of ['undefined', '[object Object]', 'NaN']) {
    if (outsideQuotes.includes(word)) return `contains ${word}`;
  }
  return '';
}
