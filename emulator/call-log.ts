/**
 * Counts every Apps Script API call made through the emulator, per method name
 * (`Range.setValues`, `SpreadsheetApp.getActiveSpreadsheet`), so tests can assert batching.
 * Also holds failure injection: "make the Nth call of X throw this message".
 */
export interface InjectedFailure {
  method: string;
  /** 1-based call number (counted since the last reset) that throws. */
  nth: number;
  message: string;
  /** When true, every call from the Nth on throws, not only the Nth. */
  sticky: boolean;
}

export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly failures: InjectedFailure[] = [];
  private order: string[] = [];
  /** Keep the ordered list of calls only when asked: it grows with every call. */
  recordOrder = false;

  /** Counts one call and throws if a failure was injected for it. */
  record(method: string): void {
    const n = (this.counts.get(method) ?? 0) + 1;
    this.counts.set(method, n);
    if (this.recordOrder) this.order.push(method);
    for (const f of this.failures) {
      if (f.method === method && (n === f.nth || (f.sticky && n > f.nth))) throw new Error(f.message);
    }
  }

  count(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  /** Total calls whose name starts with `prefix` (e.g. `Range.` or `Range.set`). */
  countMatching(prefix: string): number {
    let total = 0;
    for (const [name, n] of this.counts) if (name.startsWith(prefix)) total += n;
    return total;
  }

  /** Counts as a plain object sorted by name, convenient for `toEqual` and snapshots. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const name of [...this.counts.keys()].sort()) out[name] = this.counts.get(name)!;
    return out;
  }

  /** Calls in the order made (only while `recordOrder` is true). */
  sequence(): string[] {
    return [...this.order];
  }

  /** Forgets counts and order; injected failures stay until `clearFailures`. */
  reset(): void {
    this.counts.clear();
    this.order = [];
  }

  /** Makes the `nth` call (1-based, counted from now on) of `method` throw `message`. */
  failOnCall(method: string, nth: number, message: string, opts: { sticky?: boolean } = {}): void {
    this.failures.push({ method, nth: this.count(method) + nth, message, sticky: opts.sticky ?? false });
  }

  clearFailures(): void {
    this.failures.length = 0;
  }
}

/** Messages Apps Script really throws, for failure injection. */
export const GAS_FAILURES = {
  timedOut: (documentId: string) =>
    `Service Spreadsheets timed out while accessing document with id ${documentId}.`,
  maxExecutionTime: 'Exceeded maximum execution time',
  serviceError: 'Service error: Spreadsheets',
} as const;
