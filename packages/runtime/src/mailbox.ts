/**
 * mailbox.ts — the request/reply channel between worker-thread Ms and the runtime server
 * (MTHREADS.md). No Go counterpart: in Go every M runs runtime code itself; in gort only the
 * server thread does, and a worker M asks it through this mailbox.
 *
 * LAYOUT (in linear memory, persistentAlloc'd once by the server, never moved or freed; each
 * side keeps its own fixed-length Int32Array over exactly this region, so memory growth never
 * invalidates the view):
 *
 *   base +0    doorbell   u32, +1 per posted request (the server waits on it)
 *        +4…  (pad to 64)
 *   base + 64·(i+1)       M i's record, MB_WORDS words:
 *        +0  STATE   MB_NONE / MB_REQ / MB_SERVING / MB_REPLY (below)
 *        +4  OP      request opcode (mserver.ts OP_*)
 *        +8  A0…A5   operands
 *        +32 R0…R3   reply words
 *        +48 TRANSIT  1 while the M still writes its just-parked G's saved state (mserver.ts)
 *        +52 READY    1 once the M's thread runs (start-up handshake)
 *        +56 YIELD    1: the server asks the M to end its slice soon (mserverrun.ts)
 *        +60 PINNED   the M's goroutine's procPin depth (syncpool.ts)
 *
 * PROTOCOL. Worker: write OP and operands, STATE := REQ (Atomics.store: publishes them), bump
 * and notify the doorbell, then spin MB_SPIN loads of STATE and fall back to Atomics.wait until
 * STATE = REPLY; read the replies; STATE := NONE. Server: sees REQ, STATE := SERVING (so it is
 * served once), does the work, writes the replies, STATE := REPLY, notify. An M starts in
 * SERVING ("idle, waiting for a G"): the server gives it work by replying.
 *
 * The state word doubles as the stop-the-world check-in: an M whose STATE is REQ or SERVING is
 * stopped at a safe point (its goroutine's state is saved in the G record); NONE or REPLY means
 * it is (or is about to be) running bytecode.
 *
 * Rejected: MessagePort/postMessage (≈ 30–80 µs per round trip through the event loop, and the
 * server thread blocks in Atomics.wait, not in an event loop); one shared request queue
 * (needs a lock; per-M records need none since each has exactly one writer per state).
 */

export const MB_NONE = 0;
export const MB_REQ = 1;
export const MB_SERVING = 2;
export const MB_REPLY = 3;

/** Words per M record (64 bytes). */
export const MB_WORDS = 16;
export const MB_STATE = 0;
export const MB_OP = 1;
export const MB_A0 = 2;
export const MB_R0 = 8;
/** Set by the server when a native parked the M's G; cleared by the M once it let go of the G. */
export const MB_TRANSIT = 12;
/** Set to 1 by the M when its thread started (the server waits for every M before serving). */
export const MB_READY = 13;
/**
 * Set by the server with a reply: end the current slice at the next safe point (the M's
 * goroutines make requests too often to gain from running there: mserverrun.ts). Cleared by the M.
 */
export const MB_YIELD = 14;
/**
 * Written by the M: its goroutine's procPin depth (VM.pinned), read by the server while the M is
 * stopped at a request (the post publishes it). A collection that starts meanwhile leaves
 * sync.Pool alone (syncpool.ts): Go never stops a pinned goroutine.
 */
export const MB_PINNED = 15;

/**
 * Atomics.load spins before Atomics.wait. Trade-off: a wait/notify wake costs ≈ 17–45 µs per
 * round trip on this shared 2-core machine (load 8–11), while spinning steals the core the
 * other side needs: measured (/tmp microbenchmark, one worker, 20 000 round trips) spin 0:
 * 17–45 µs, 500: 36 µs, 2000: 114 µs, 4000: 164 µs. On a quiet machine a spin turns a round
 * trip into ~1 µs; 300 loads (≈ 0.3–1 µs) keeps the loaded case near spin 0.
 */
export const MB_SPIN = 300;

/**
 * ADAPTIVE SPIN (MTHREADS.md "Fewer round trips"). Each side adapts its own spin: a wait that
 * ended inside the spin (the reply / the doorbell came) raises it by half, up to MB_SPIN_MAX;
 * a wait that had to sleep halves it, down to MB_SPIN_MIN. So a busy pair of threads (requests
 * every few µs: ping-pong on an M, goroutine churn) ends up spinning through the whole round
 * trip and never pays a futex wake, while an idle M, a server waiting on long-running Ms, or a
 * machine so loaded that the other side is not running (the case MB_SPIN was measured in)
 * falls back to short spins within a few waits. Measured on this machine at load ≈ 5 (fixed
 * spins, 3 runs, GOMAXPROCS=2, medians): spawn 2 6.2 s wall with 300 / 2.6 s with the server
 * at 3000; pingpong 20000 1.7 s / 0.73 s with both at 3000; but fixed long spins had 5–8 s
 * outliers whenever the load rose. GORT_MB_SPIN / GORT_MB_SERVER_SPIN fix a side's spin
 * (no adaptation; measurements).
 */
export const MB_SPIN_MIN = 100;
/** ≈ 20–60 µs of Atomics.loads: above a loaded round trip, below a scheduler time slice. */
export const MB_SPIN_MAX = 20_000;

/** A fixed spin from the environment, or −1 (adaptive). */
function spinFromEnv(name: string): number {
  const s = typeof process !== "undefined" ? process.env[name] : undefined;
  const v = s === undefined || s === "" ? -1 : Number(s);
  return Number.isInteger(v) && v >= 0 ? v : -1;
}
const FIXED_SPIN = spinFromEnv("GORT_MB_SPIN");
const FIXED_SERVER_SPIN = spinFromEnv("GORT_MB_SERVER_SPIN");

function grow(spin: number): number {
  const s = spin + (spin >> 1) + 16;
  return s < MB_SPIN_MAX ? s : MB_SPIN_MAX;
}
function shrink(spin: number): number {
  const s = spin >> 1;
  return s > MB_SPIN_MIN ? s : MB_SPIN_MIN;
}

/** Bytes of a mailbox for n Ms. */
export function mailboxBytes(n: number): number {
  return 64 * (n + 1);
}

/** One side's view of the mailbox region. */
export class Mailbox {
  /** Int32 view over [base, base + mailboxBytes(n)). */
  readonly w: Int32Array;
  readonly n: number;
  /** This side's current reply spin (worker side: awaitReply), adaptive (above). */
  private replySpin: number = FIXED_SPIN >= 0 ? FIXED_SPIN : MB_SPIN;
  /** This side's current doorbell spin (server side: waitBell), adaptive (above). */
  private bellSpin: number = FIXED_SERVER_SPIN >= 0 ? FIXED_SERVER_SPIN : FIXED_SPIN >= 0 ? FIXED_SPIN : MB_SPIN;

  constructor(sab: SharedArrayBuffer, base: number, n: number) {
    this.w = new Int32Array(sab, base, mailboxBytes(n) >>> 2);
    this.n = n;
  }

  /** Tests: the current [reply, doorbell] spins. */
  spinsForTest(): [number, number] {
    return [this.replySpin, this.bellSpin];
  }

  /** Word index of M i's record. */
  rec(i: number): number {
    return (i + 1) * MB_WORDS;
  }

  // ── worker side ──

  /**
   * Posts request `op` with operands a0…a3 for M i and blocks until the server replies.
   * Returns R0; R1…R3 stay readable in `w` until the next call.
   */
  call(i: number, op: number, a0: number, a1: number, a2: number, a3: number): number {
    const w = this.w;
    const r = (i + 1) * MB_WORDS;
    w[r + MB_OP] = op;
    w[r + MB_A0] = a0;
    w[r + MB_A0 + 1] = a1;
    w[r + MB_A0 + 2] = a2;
    w[r + MB_A0 + 3] = a3;
    Atomics.store(w, r + MB_STATE, MB_REQ);
    Atomics.add(w, 0, 1);
    Atomics.notify(w, 0);
    return this.awaitReply(i);
  }

  /** Blocks until M i's record holds a reply; consumes it and returns R0. */
  awaitReply(i: number): number {
    const w = this.w;
    const r = (i + 1) * MB_WORDS;
    let st = Atomics.load(w, r + MB_STATE);
    const spin = this.replySpin;
    for (let k = 0; st !== MB_REPLY && k < spin; k++) st = Atomics.load(w, r + MB_STATE);
    if (FIXED_SPIN < 0) this.replySpin = st === MB_REPLY ? grow(spin) : shrink(spin);
    while (st !== MB_REPLY) {
      Atomics.wait(w, r + MB_STATE, st);
      st = Atomics.load(w, r + MB_STATE);
    }
    Atomics.store(w, r + MB_STATE, MB_NONE);
    return w[r + MB_R0];
  }

  // ── server side ──

  /** Current doorbell count (pass to waitBell). */
  bell(): number {
    return Atomics.load(this.w, 0);
  }

  /**
   * Waits until the doorbell moves past `seen` or `ms` pass; spins briefly first. Returns at
   * once when it already moved.
   */
  waitBell(seen: number, ms: number): void {
    const w = this.w;
    const spin = this.bellSpin;
    const adapt = FIXED_SERVER_SPIN < 0 && FIXED_SPIN < 0;
    for (let k = 0; k < spin; k++) {
      if (Atomics.load(w, 0) !== seen) {
        if (adapt) this.bellSpin = grow(spin);
        return;
      }
    }
    if (adapt) this.bellSpin = shrink(spin);
    if (ms > 0) Atomics.wait(w, 0, seen, ms);
  }

  state(i: number): number {
    return Atomics.load(this.w, (i + 1) * MB_WORDS + MB_STATE);
  }

  /** Claims M i's posted request (REQ → SERVING). */
  take(i: number): void {
    Atomics.store(this.w, (i + 1) * MB_WORDS + MB_STATE, MB_SERVING);
  }

  /** Operand k of M i's request. */
  arg(i: number, k: number): number {
    return this.w[(i + 1) * MB_WORDS + MB_A0 + k];
  }

  op(i: number): number {
    return this.w[(i + 1) * MB_WORDS + MB_OP];
  }

  /** Replies to M i (r0…r3) and wakes it. */
  reply(i: number, r0: number, r1: number, r2 = 0, r3 = 0): void {
    const w = this.w;
    const r = (i + 1) * MB_WORDS;
    w[r + MB_R0] = r0;
    w[r + MB_R0 + 1] = r1;
    w[r + MB_R0 + 2] = r2;
    w[r + MB_R0 + 3] = r3;
    Atomics.store(w, r + MB_STATE, MB_REPLY);
    Atomics.notify(w, r + MB_STATE);
  }

  /** Marks every M idle-waiting for work (the initial state: each waits for a reply). */
  initIdle(): void {
    this.w.fill(0);
    for (let i = 0; i < this.n; i++) Atomics.store(this.w, (i + 1) * MB_WORDS + MB_STATE, MB_SERVING);
  }
}
