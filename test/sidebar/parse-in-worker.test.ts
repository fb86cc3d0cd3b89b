// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parsedBySidebar } from '../helpers/sidebar-reader';
import { PIECE_BYTES } from '../../src/core/read/files/read-file';
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
  /** `rows`: answer as the worker does, streaming this many rows (the sample's, over and over) in batches. */
  constructor(
    private readonly behaviour: 'answer' | 'busy' | 'die',
    private readonly rows?: number,
  ) {}
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
    void request.file.arrayBuffer().then(async (bytes) => {
      const outcome = await parsedBySidebar(new Uint8Array(bytes), request.fileName);
      if (this.rows === undefined) {
        emit('message', { data: { id: request.id, type: 'done', outcome }, preventDefault() {} });
        return;
      }
      const sample = outcome.files[0].rows;
      for (let sent = 0; sent < this.rows; sent += 10_000) {
        const rows = Array.from(
          { length: Math.min(10_000, this.rows - sent) },
          (_, i) => sample[i % sample.length],
        );
        emit('message', { data: { id: request.id, type: 'rows', rows }, preventDefault() {} });
      }
      const streamed = { ...outcome, files: outcome.files.map((file) => ({ ...file, rows: [] })) };
      emit('message', {
        data: { id: request.id, type: 'done', outcome: streamed, rowsStreamed: true },
        preventDefault() {},
      });
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

  it('reads a CSV file whatever its size: its bytes alone refuse nothing', async () => {
    const parser = createFileParser(() => new FakeWorker('answer') as unknown as Worker);
    const huge = sampleFile();
    Object.defineProperty(huge, 'size', { value: 300 * 1024 * 1024 });
    const outcome = await parser.parse(huge);
    expect(outcome.errors).toEqual([]);
    expect(outcome.files[0].rows).toHaveLength(195);
  });

  it('keeps every row of a file a spreadsheet can hold, to the last cell of the 10,000,000', async () => {
    // The sample's rows take 40 cells each in TTS Ledger: 250,000 of them fill 10,000,000 cells.
    const parser = createFileParser(() => new FakeWorker('answer', 250_000) as unknown as Worker);
    const outcome = await parser.parse(sampleFile());
    expect(outcome.errors).toEqual([]);
    expect(outcome.files[0].rows).toHaveLength(250_000);
  });

  it('refuses a file whose rows no spreadsheet can hold, with its rows, the cells they need and what to do', async () => {
    const parser = createFileParser(() => new FakeWorker('answer', 260_000) as unknown as Worker);
    const outcome = await parser.parse(sampleFile());
    expect(outcome.files).toEqual([]);
    expect(outcome.errors).toEqual([
      {
        fileName: 'statement-2026-05.csv',
        message:
          'statement-2026-05.csv holds 260,000 rows dated 2026-04-01 to 2026-05-28: importing them needs about 10,400,000 cells ' +
          '(40 a row in TTS Ledger), more than the 10,000,000 cells a Google spreadsheet holds in all, so nothing from it can ' +
          'be imported. Export a shorter date range from Seller Center (fewer than 250,000 rows a file, e.g. one month at a ' +
          'time) and import each file.',
      },
    ]);
  });

  it("turns a file the core cannot read into that file's error", async () => {
    const parser = createFileParser(() => new FakeWorker('answer') as unknown as Worker);
    const outcome = await parser.parse(new File(['Shopping list,Qty\nEggs,12\n'], 'notes.csv'));
    expect(outcome.files).toEqual([]);
    expect(outcome.errors[0].message).toMatch(/^notes\.csv: no TikTok Shop export header found/);
  });

  describe('in the page, when no worker can start', () => {
    const noWorker = () =>
      createFileParser(() => {
        throw new Error('Workers are not allowed here');
      });
    /** The sample's rows again and again, each copy with its own order IDs: about `mb` MB of one statement. */
    const bigStatement = (mb: number): File => {
      const [header, ...rows] = SAMPLE.toString('utf8').trimEnd().split('\n');
      const lines = [header];
      let size = header.length;
      for (let copy = 1; size < mb * 1024 * 1024; copy++)
        for (const row of rows) {
          const line = row.replace(
            /\b(\d{18})\b/g,
            (id) => `${id.slice(0, 12)}${String(copy).padStart(6, '0')}`,
          );
          lines.push(line);
          size += line.length + 1;
        }
      return new File([lines.join('\n')], 'statement-big.csv', { type: 'text/csv' });
    };
    /** A File whose pieces are counted as the reader asks for them. */
    const counted = (file: File): { file: File; pieces: () => number } => {
      let pieces = 0;
      const slice = file.slice.bind(file);
      Object.defineProperty(file, 'slice', {
        value: (start?: number, end?: number) => {
          pieces++;
          return slice(start, end);
        },
      });
      return { file, pieces: () => pieces };
    };

    /**
     * A File whose byte stream answers every read at once from memory (a browser's pipe already
     * full), counting the bytes it hands over.
     */
    const eager = (file: File): { file: File; handed: () => number } => {
      let handed = 0;
      const slice = file.slice.bind(file);
      Object.defineProperty(file, 'slice', {
        value: (start?: number, end?: number) => {
          const part = slice(start, end);
          return {
            size: part.size,
            arrayBuffer: () => part.arrayBuffer(),
            stream: () => {
              let bytes: Uint8Array | null = null;
              let at = 0;
              return new ReadableStream({
                type: 'bytes',
                async pull(controller) {
                  bytes ??= new Uint8Array(await part.arrayBuffer());
                  const request = controller.byobRequest!;
                  const view = request.view!;
                  const n = Math.min(view.byteLength, 65536, bytes.length - at);
                  if (n <= 0) {
                    controller.close();
                    request.respond(0);
                    return;
                  }
                  new Uint8Array(view.buffer, view.byteOffset, n).set(bytes.subarray(at, at + n));
                  at += n;
                  handed += n;
                  request.respond(n);
                },
              });
            },
          };
        },
      });
      return { file, handed: () => handed };
    };

    it('lets the page paint and answer clicks between pieces, even when the browser has the next bytes ready', async () => {
      const { file } = eager(bigStatement(8));
      let turns = 0;
      let parsing = true;
      const turn = (): void => {
        turns++;
        if (parsing) setTimeout(turn, 0);
      };
      setTimeout(turn, 0);
      const outcome = await noWorker().parse(file);
      parsing = false;
      expect(outcome.errors).toEqual([]);
      expect(outcome.files[0].rows.length).toBeGreaterThan(20000);
      expect(turns).toBeGreaterThanOrEqual(Math.floor(file.size / PIECE_BYTES) - 1);
    });

    it("Cancel stops a file's byte stream at the next piece, not at the end of the file", async () => {
      const parser = noWorker();
      const { file, handed } = eager(bigStatement(8));
      let handedAtCancel = -1;
      const pending = parser.parse(file, (stage, fraction) => {
        if (stage === 'parsing' && fraction !== undefined && fraction > 0 && handedAtCancel < 0) {
          handedAtCancel = handed();
          parser.cancel();
        }
      });
      await expect(pending).rejects.toBeInstanceOf(ParseCancelled);
      expect(handedAtCancel).toBeGreaterThan(0);
      expect(handed()).toBeLessThanOrEqual(handedAtCancel + PIECE_BYTES);
      expect(handed()).toBeLessThan(file.size / 2);
    });

    it('reads the file a piece at a time with progress, as the worker does', async () => {
      const stages: [string, number | undefined][] = [];
      const outcome = await noWorker().parse(bigStatement(3), (stage, fraction) =>
        stages.push([stage, fraction]),
      );
      expect(outcome.errors).toEqual([]);
      expect(outcome.files[0].rows.length).toBeGreaterThan(5000);
      const fractions = stages.filter(([s, f]) => s === 'parsing' && f !== undefined && f > 0 && f < 1);
      expect(fractions.length).toBeGreaterThanOrEqual(2);
      expect(stages.at(-1)).toEqual(['checking', undefined]);
    });

    it('Cancel stops the read at the next piece, not at the end of the file', async () => {
      const parser = noWorker();
      const { file, pieces } = counted(bigStatement(8));
      let cancelledAt = -1;
      const pending = parser.parse(file, (stage, fraction) => {
        if (stage === 'parsing' && fraction !== undefined && fraction > 0 && cancelledAt < 0) {
          cancelledAt = pieces();
          parser.cancel();
        }
      });
      await expect(pending).rejects.toBeInstanceOf(ParseCancelled);
      expect(cancelledAt).toBeGreaterThan(0);
      expect(pieces()).toBeLessThanOrEqual(cancelledAt + 2);
      // The next file is read whole, by a parser that is not left cancelled.
      const outcome = await parser.parse(sampleFile());
      expect(outcome.files[0].rows).toHaveLength(195);
    });

    it('a file started while a cancelled one winds down keeps its own Cancel', async () => {
      const parser = noWorker();
      let second: Promise<unknown> | undefined;
      const first = parser.parse(bigStatement(3), (_stage, fraction) => {
        if (second || !fraction) return;
        parser.cancel();
        second = parser.parse(bigStatement(6), (_s, f) => {
          if (f !== undefined && f > 0.2) parser.cancel();
        });
        second.catch(() => undefined);
      });
      await expect(first).rejects.toBeInstanceOf(ParseCancelled);
      await expect(second).rejects.toBeInstanceOf(ParseCancelled);
    });

    it('Cancel while the rows are checked still cancels, as with a worker', async () => {
      const parser = noWorker();
      const pending = parser.parse(sampleFile(), (stage) => {
        if (stage === 'checking') parser.cancel();
      });
      await expect(pending).rejects.toBeInstanceOf(ParseCancelled);
    });

    it('names the file the browser could not read', async () => {
      const file = sampleFile();
      Object.defineProperty(file, 'slice', {
        value: () => ({
          size: 0,
          arrayBuffer: () => Promise.reject(new Error('The file was moved or deleted')),
          stream: () => {
            throw new Error('no stream');
          },
        }),
      });
      const outcome = await noWorker().parse(file);
      expect(outcome.files).toEqual([]);
      expect(outcome.errors).toEqual([
        {
          fileName: 'statement-2026-05.csv',
          message:
            'statement-2026-05.csv: the browser could not read this file (The file was moved or deleted). Choose it again.',
        },
      ]);
    });
  });
});
