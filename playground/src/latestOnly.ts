/** The timers a LatestOnly uses (the page's own; tests pass fake ones). */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs a task for the latest input only. A change after a quiet spell (no change for
 * `delayMs`) runs at once, so one keystroke is answered as fast as the server can; changes
 * in quick succession are debounced (the task runs `delayMs` after the last of them).
 * Starting a run aborts the one before it (its AbortSignal fires: the fetch is cancelled),
 * and a run whose signal has fired must not show what it got: the last response wins.
 */
export class LatestOnly<I> {
  private timer: unknown = null;
  private lastChange = Number.NEGATIVE_INFINITY;
  private pending: { input: I } | null = null;
  private controller: AbortController | null = null;

  constructor(
    private readonly task: (input: I, signal: AbortSignal) => Promise<void>,
    private readonly delayMs = 300,
    private readonly clock: Clock = realClock,
  ) {}

  /** A new input: run now after a quiet spell, else once the changes pause. */
  schedule(input: I): void {
    const now = this.clock.now();
    const quiet = this.timer === null && now - this.lastChange >= this.delayMs;
    this.lastChange = now;
    this.pending = { input };
    if (quiet) {
      this.flush();
      return;
    }
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.delayMs);
  }

  /** Run the pending input now (nothing when there is none). */
  flush(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.task(pending.input, controller.signal).catch((error: unknown) => {
      if (!controller.signal.aborted) console.error(error);
    });
  }

  /** Run this input now, whatever the timing (a button, a pane being opened). */
  runNow(input: I): void {
    this.pending = { input };
    this.lastChange = this.clock.now();
    this.flush();
  }

  /** Abort the run in flight and forget the pending input. */
  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.controller?.abort();
    this.controller = null;
  }
}
