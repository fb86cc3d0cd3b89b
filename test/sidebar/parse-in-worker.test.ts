// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseBytes } from '../../src/sidebar/parsing/parse-file';
import { createFileParser } from '../../src/sidebar/parsing/parse-in-worker';
import {
  ParseCancelled,
  type ParseRequest,
  type WorkerMessage,
} from '../../src/sidebar/parsing/parse-protocol';

const SAMPLE = readFileSync('samples/statement-2026-05.csv');
const sampleFile = () => new File([SAMPLE], 'statement-2026-05.csv', { type: 'text/csv' });

type Listener = (event: { data?: WorkerMessage; message?: string; preventDefault(): void }) => void;

/** Stands in for a Web Worker: answers like parse-worker.ts, or stays busy, or dies. */
class FakeWorker {
  listeners: Record<string, Listener[]> = { message: [], error: [] };
  terminated = false;
  constructor(private readonly behaviour: 'answer' | 'busy' | 'die') {}
  addEventListener(type: string, fn: Listener) {
    this.listeners[type].push(fn);
  }
  removeEventListener(type: string, fn: Listener) {
    this.listeners[type] = this.listeners[type].filter((l) => l !== fn);
  }
  terminate() {
    this.terminated = true;
  }
  postMessage(request: ParseRequest) {
    const emit = (type: string, event: Parameters<Listener>[0]) =>
      setTimeout(() => this.listeners[type].forEach((l) => l(event)), 0);
    if (this.behaviour === 'die') return emit('error', { message: 'blocked', preventDefault() {} });
    if (this.behaviour === 'busy') return;
    emit('message', { data: { id: request.id, type: 'progress', stage: 'parsing' }, preventDefault() {} });
    void request.file.arrayBuffer().then((bytes) => {
      const outcome = parseBytes(new Uint8Array(bytes), request.fileName);
      emit('message', { data: { id: request.id, type: 'done', outcome }, preventDefault() {} });
    });
  }
}

describe('createFileParser', () => {
  it('parses in the worker and reports its stages', async () => {
    const workers: FakeWorker[] = [];
    const parser = createFileParser(() => {
      const w = new FakeWorker('answer');
      workers.push(w);
      return w as unknown as Worker;
    });
    const stages: string[] = [];
    const outcome = await parser.parse(sampleFile(), (stage) => stages.push(stage));
    expect(outcome.errors).toEqual([]);
    expect(outcome.files[0].rows).toHaveLength(195);
    expect(stages[0]).toBe('reading');
    expect(stages).toContain('parsing');
    expect(parser.usesWorker).toBe(true);
    await parser.parse(sampleFile());
    expect(workers).toHaveLength(1); // one worker serves every file
  });

  it('falls back to parsing in the page when no worker can be created', async () => {
    const parser = createFileParser(() => {
      throw new Error('Workers are not allowed here');
    });
    const outcome = await parser.parse(sampleFile());
    expect(outcome.files[0].rows).toHaveLength(195);
    expect(parser.usesWorker).toBe(false);
  });

  it('falls back to the page when the worker dies before answering', async () => {
    const parser = createFileParser(() => new FakeWorker('die') as unknown as Worker);
    const outcome = await parser.parse(sampleFile());
    expect(outcome.files[0].rows).toHaveLength(195);
    expect(parser.usesWorker).toBe(false);
  });

  it('Cancel ends a busy worker at once, and the next file gets a new one', async () => {
    const workers: FakeWorker[] = [];
    let behaviour: 'busy' | 'answer' = 'busy';
    const parser = createFileParser(() => {
      const w = new FakeWorker(behaviour);
      workers.push(w);
      return w as unknown as Worker;
    });
    const pending = parser.parse(sampleFile(), (stage) => {
      if (stage === 'reading') return;
    });
    await vi.waitFor(() => expect(workers).toHaveLength(1));
    parser.cancel();
    await expect(pending).rejects.toBeInstanceOf(ParseCancelled);
    expect(workers[0].terminated).toBe(true);
    behaviour = 'answer';
    const outcome = await parser.parse(sampleFile());
    expect(outcome.files[0].rows).toHaveLength(195);
    expect(workers).toHaveLength(2);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const parser = createFileParser(() => new FakeWorker('answer') as unknown as Worker);
    const huge = sampleFile();
    Object.defineProperty(huge, 'size', { value: 300 * 1024 * 1024 });
    const outcome = await parser.parse(huge);
    expect(outcome.files).toEqual([]);
    expect(outcome.errors[0].message).toBe(
      'statement-2026-05.csv is 300 MB; the largest file TTS Profit reads is 100 MB. Export a shorter date range.',
    );
  });

  it("turns a file the core cannot read into that file's error", async () => {
    const parser = createFileParser(() => new FakeWorker('answer') as unknown as Worker);
    const outcome = await parser.parse(new File(['Shopping list,Qty\nEggs,12\n'], 'notes.csv'));
    expect(outcome.files).toEqual([]);
    expect(outcome.errors[0].message).toMatch(/^notes\.csv: no TikTok Shop export header found/);
  });
});
