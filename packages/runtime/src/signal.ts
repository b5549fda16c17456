/**
 * signal.ts — os/signal for gort: Notify, Stop, Ignore, Reset delivered the way Go delivers them
 * (a runtime queue of pending signals as a bit mask, drained by os/signal's own goroutine through
 * `signal_recv`, which parks while nothing is pending). Go's counterpart: runtime/sigqueue.go
 * (signal_enable/disable/ignore/ignored/recv) and signal_unix.go's handler; written afresh.
 *
 * WHY A BRIDGE, AND WHY THE PROGRAM RUNS ON A WORKER. Node delivers a process signal only to the
 * main thread's event loop (`process.on("SIGINT")`; worker threads cannot listen), and gort's
 * scheduler runs the program inside one synchronous call, so on the main thread that loop never
 * turns while the program runs: a handler installed there would swallow the signal (the default
 * action is replaced) and never run. So `gort run` runs a program that imports os/signal on a
 * worker thread (packages/cli/src/services/runsignal.ts) and the main thread, whose loop is free,
 * owns the signal handlers (`listenSignals` below). The two sides share one small
 * SharedArrayBuffer (the bridge):
 *
 *   word  W_WANT    signals the program catches (bit n = signal n; written by the runtime)
 *         W_IGNORE  signals the program ignores (runtime)
 *         W_SEQ     configuration sequence: the runtime bumps it after changing the masks
 *         W_ACK     the last sequence the main thread applied (main thread)
 *         W_PENDING signals caught and not yet taken (main thread sets bits; runtime clears)
 *         W_PCOUNT  bumped with every caught signal: what the relay waits on
 *
 * A configuration change waits (Atomics.wait on W_ACK, bounded) until the main thread has
 * installed or removed its handlers, so a signal sent right after Notify returns is caught, as
 * in Go. A caught signal wakes the runtime through hostproc's host thread, which waits on
 * W_PCOUNT (Atomics.waitAsync) and reports an event like a child's exit (hostproc.ts), so an
 * idle scheduler wakes at once. Without a bridge (a program run in-process, e.g. by tests),
 * Notify records the wish but no signal ever arrives, and SIGINT/SIGTERM keep their default
 * action. Rejected: polling a flag on the main thread (nothing runs there), a helper process
 * (signals are sent to our pid), running every program on a worker (costs every program a
 * thread start and output forwarding for a feature few use).
 *
 * Without Notify a signal's default action applies: SIGINT and SIGTERM end the process with the
 * shell's 130 / 143, as they end a Go program.
 */

/** Bridge layout (Int32 words). */
export const W_WANT = 0;
export const W_IGNORE = 1;
export const W_SEQ = 2;
export const W_ACK = 3;
export const W_PENDING = 4;
export const W_PCOUNT = 5;
export const SIGNAL_BRIDGE_WORDS = 8;

/** Signals gort can catch (Node refuses SIGKILL, SIGSTOP; others belong to the runtime). */
export const CATCHABLE: ReadonlyMap<number, NodeJS.Signals> = new Map<number, NodeJS.Signals>([
  [1, "SIGHUP"],
  [2, "SIGINT"],
  [3, "SIGQUIT"],
  [10, "SIGUSR1"],
  [12, "SIGUSR2"],
  [14, "SIGALRM"],
  [15, "SIGTERM"],
  [28, "SIGWINCH"],
]);

/**
 * The bridge of this thread's program, set by the worker runner before the program starts
 * (one program per worker thread). A module variable because the runner and the runtime meet
 * nowhere else; null: no main thread listens.
 */
let bridge: Int32Array | null = null;

/** Makes `sab` (from listenSignals' side) the signal bridge of programs run on this thread. */
export function setSignalBridge(sab: SharedArrayBuffer | null): void {
  bridge = sab === null ? null : new Int32Array(sab);
}

/** This thread's bridge (null: none). @internal */
export function signalBridge(): Int32Array | null {
  return bridge;
}

/** How long a configuration change waits for the main thread (ms). */
const ACK_WAIT_MS = 2000;

/** The runtime's side: the masks, the pending queue and the goroutine parked in signal_recv. */
export class SignalState {
  want = 0;
  ignore = 0;
  /** signals taken from the bridge and not yet returned by signal_recv (bit mask) */
  queued = 0;
  /** the goroutine parked in signal_recv (0: none) */
  g = 0;

  /** Publishes the masks and waits until the main thread applied them. */
  private publish(sig: number): void {
    const b = bridge;
    if (b === null || !CATCHABLE.has(sig)) return; // the main thread handles only these
    Atomics.store(b, W_WANT, this.want);
    Atomics.store(b, W_IGNORE, this.ignore);
    const seq = (Atomics.add(b, W_SEQ, 1) + 1) | 0;
    Atomics.notify(b, W_SEQ);
    const deadline = Date.now() + ACK_WAIT_MS;
    for (;;) {
      const ack = Atomics.load(b, W_ACK);
      if (ack === seq || Date.now() >= deadline) return;
      Atomics.wait(b, W_ACK, ack, Math.max(1, deadline - Date.now()));
    }
  }

  enable(sig: number): void {
    if (sig <= 0 || sig >= 32) return;
    this.want |= 1 << sig;
    this.ignore &= ~(1 << sig);
    this.publish(sig);
  }

  disable(sig: number): void {
    if (sig <= 0 || sig >= 32) return;
    this.want &= ~(1 << sig);
    this.queued &= ~(1 << sig);
    this.publish(sig);
  }

  ignoreSig(sig: number): void {
    if (sig <= 0 || sig >= 32) return;
    this.want &= ~(1 << sig);
    this.ignore |= 1 << sig;
    this.queued &= ~(1 << sig);
    this.publish(sig);
  }

  ignored(sig: number): boolean {
    return sig > 0 && sig < 32 && (this.ignore & (1 << sig)) !== 0;
  }

  /** Moves caught signals from the bridge to the queue; true when any is queued. */
  drain(): boolean {
    const b = bridge;
    if (b !== null && Atomics.load(b, W_PENDING) !== 0) this.queued |= Atomics.exchange(b, W_PENDING, 0) & this.want;
    return this.queued !== 0;
  }

  /** Takes the lowest queued signal (0: none). */
  take(): number {
    const q = this.queued;
    if (q === 0) return 0;
    const sig = 31 - Math.clz32(q & -q);
    this.queued &= ~(1 << sig);
    return sig;
  }
}

/** Atomics.waitAsync (Node 16+; not in this project's TypeScript lib). */
const waitAsync = (Atomics as unknown as {
  waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

/**
 * The main thread's side: installs and removes process signal handlers as the program's masks
 * say, and records caught signals in the bridge. Returns a function that stops listening (call
 * it when the program has exited).
 */
export function listenSignals(sab: SharedArrayBuffer): () => void {
  const w = new Int32Array(sab);
  const installed = new Map<number, () => void>();
  let stopped = false;
  const apply = (): number => {
    const seq = Atomics.load(w, W_SEQ);
    const want = Atomics.load(w, W_WANT);
    const ign = Atomics.load(w, W_IGNORE);
    for (const [sig, name] of CATCHABLE) {
      const bit = 1 << sig;
      const need = !stopped && ((want | ign) & bit) !== 0;
      const h = installed.get(sig);
      if (need && h === undefined) {
        const handler = (): void => {
          if ((Atomics.load(w, W_WANT) & bit) === 0) return; // ignored
          Atomics.or(w, W_PENDING, bit);
          Atomics.add(w, W_PCOUNT, 1);
          Atomics.notify(w, W_PCOUNT);
        };
        process.on(name, handler);
        installed.set(sig, handler);
      } else if (!need && h !== undefined) {
        process.off(name, h);
        installed.delete(sig);
      }
    }
    Atomics.store(w, W_ACK, seq);
    Atomics.notify(w, W_ACK);
    return seq;
  };
  void (async () => {
    let seq = apply();
    while (!stopped) {
      const r = waitAsync(w, W_SEQ, seq);
      if (r.async) await r.value;
      seq = apply();
    }
  })();
  return () => {
    stopped = true;
    Atomics.add(w, W_SEQ, 1);
    Atomics.notify(w, W_SEQ);
    for (const [sig, h] of installed) process.off(CATCHABLE.get(sig)!, h);
    installed.clear();
  };
}
