/**
 * How a long import reports itself and is stopped. The engine calls `onProgress`
 * now and then (never more often than every `PROGRESS_INTERVAL_MS`), and checks
 * `signal` between batches: an aborted import throws the signal's reason from
 * inside its transaction, so nothing it did is kept.
 */
export interface ImportProgress {
  /** Data rows read so far (headers and blank lines not counted). */
  readonly rowsRead: number;
  readonly bytesRead: number;
  /** The size of the input in bytes (all files of a folder), when known. */
  readonly totalBytes: number | null;
  readonly elapsedMs: number;
  /** Rows a second since the start. */
  readonly rowsPerSecond: number;
  /** Estimated from bytes read against total bytes; null until there is something to go on. */
  readonly remainingMs: number | null;
  /** What the import is doing: reading, then writing. */
  readonly stage: 'reading' | 'writing';
}

export interface ImportControl {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Clock for tests. */
  readonly now?: () => number;
}

export const PROGRESS_INTERVAL_MS = 200;

/** Keeps the counters of one import and reports them through its control, throttled. */
export class ProgressTracker {
  rowsRead = 0;
  bytesRead = 0;
  private readonly started: number;
  private lastReport = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(
    private readonly control: ImportControl,
    private readonly totalBytes: number | null,
  ) {
    this.now = control.now ?? (() => performance.now());
    this.started = this.now();
  }

  /** Throws the abort reason when the import has been cancelled. */
  checkCancelled(): void {
    this.control.signal?.throwIfAborted();
  }

  /** Reports when enough time has passed since the last report (or always, when `force`). */
  report(stage: ImportProgress['stage'], force = false): void {
    if (!this.control.onProgress) return;
    const now = this.now();
    if (!force && now - this.lastReport < PROGRESS_INTERVAL_MS) return;
    this.lastReport = now;
    this.control.onProgress(this.snapshot(stage, now));
  }

  snapshot(stage: ImportProgress['stage'], now = this.now()): ImportProgress {
    const elapsedMs = now - this.started;
    const fraction = this.totalBytes && this.totalBytes > 0 ? this.bytesRead / this.totalBytes : 0;
    return {
      rowsRead: this.rowsRead,
      bytesRead: this.bytesRead,
      totalBytes: this.totalBytes,
      elapsedMs,
      rowsPerSecond: elapsedMs > 0 ? (this.rowsRead * 1000) / elapsedMs : 0,
      remainingMs: fraction > 0 && fraction <= 1 ? (elapsedMs * (1 - fraction)) / fraction : null,
      stage,
    };
  }
}
