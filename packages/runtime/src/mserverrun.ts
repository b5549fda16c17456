/**
 * mserverrun.ts — the runtime server runs goroutines itself when there is no parallelism to
 * use, and spawns the worker Ms only once there is (MTHREADS.md "Fewer round trips"). On by
 * default; GORT_MTHREADS_ADAPTIVE=0 turns it off (the worker-M tests do, to test the Ms).
 * No Go counterpart (Go's Ms start in microseconds and run runtime code themselves).
 *
 * WHY. (1) A worker costs 0.1–0.5 s before it can run a goroutine (new isolate, loading the
 * module — in dev the whole 2 MB CLI bundle —, deserialising the 1.5 MB image; measured with
 * GORT_MTHREADS_STATS=1: image decode ~1 ms, VM 1–13 ms, the rest is thread + module +
 * workerData), and the server used to wait for every M before running anything. (2) On an M
 * every channel operation, newproc and scheduling decision is a round trip to this thread
 * (≈ 1 µs quiet, 17–45 µs loaded); a chain of handoffs (unbuffered ping-pong, a sieve, a mutex
 * handoff) has no parallelism to gain from it, only the round trips to lose.
 *
 * POLICY ("server first", session 6). The server is one more M: whenever some M is idle, the
 * server borrows that M's P and runs the next runnable G there on its own VM, one slice at a
 * time, as the one-thread scheduler does (the P = 1 park switch runs handoffs inline). Ms get
 * goroutines only from the server:
 *   - SHIPPING. A G that computed for HOT_MS of server slices without parking (no park switch
 *     inside them) while calling at most REMOTE_PER_MS natives an M would have to send here,
 *     goes to an idle M at its slice end — if other work is runnable or another M is running
 *     (whose requests wait while this thread runs slices). Such a G is `hot`: found runnable
 *     again it is handed to an idle M at once. The Ms are spawned the first time a G is
 *     shipped: a program whose goroutines never compute side by side never starts a thread.
 *   - PULLING BACK (`keepOrGive`). An M whose G parks or ends within CHATTY_MS of getting it
 *     does not get another: its next G goes back to its P, the M goes idle and the server
 *     borrows that P. That G loses `hot` and needs twice as long to be shipped again (up to
 *     64 × HOT_MS): goroutines contending for a mutex would otherwise move back and forth.
 *   - An M whose G parks with every other M idle and nothing else runnable: likewise kept.
 *   - LOCKED. A goroutine wired by runtime.LockOSThread runs on this thread only (M0, the
 *     program's own thread): never shipped, and an M that would run it puts it back (after
 *     the LockOSThread call an M is asked to end its slice, MB_YIELD). Go keeps a wired G on
 *     the thread it called from; threads have no identity a Go program can see in gort (no
 *     Gettid), so the program's thread is as good, and it is the one Go's main starts on.
 *   - An M whose G spends its budget goes on with its P's queue and the global queue (Go's
 *     fairness: a preempted G goes to the global queue); Ms never steal (the server does,
 *     from its slices). dispatchIdle gives idle Ms nothing.
 * The effect: goroutines handing work to each other (unbuffered ping-pong, a sieve, a mutex
 * handoff, 100 000 short goroutines) run on this thread with no round trip at all, as at
 * GOMAXPROCS = 1; goroutines that compute run on the Ms in parallel. Measured (quiet machine,
 * wall s, P=1 / P=2): sieve 300 0.43 / 0.42–0.54, pingpong 200000 0.43 / 0.43–0.52 (were 10×
 * and 1.1× slower at P=2); cpu2.go two goroutines 1.3 s at P=2 against 2 × 1.6 s.
 * While an M runs, the server's slices have BUSY_BUDGET safe points (a request waits at most
 * one slice), and while a GC mark runs they alternate with the server's mark slices.
 *
 * A SLICE: the next runnable G for P k (findWork(k, steal): local queue, global queue,
 * stealing from the other Ps), one `vm.run`, then the same after-run bookkeeping an M's SCHED
 * gets (afterRun: park, Goexit, main's exit, budget end with netpoll, timers, GC poll,
 * preemption). A G still runnable goes back to P k's runnext (or to an M: shipping).
 *
 * SOUNDNESS.
 *   - A slice runs while Ms run bytecode. Every runtime structure is still touched by this
 *     thread only (channels, maps, semaphores, run queues, the heap: an M reaches them through
 *     requests, which wait while a slice runs), so the server VM's natives stay one-threaded —
 *     except sync/atomic, which Ms run themselves: the server VM's versions are replaced by the
 *     same Atomics-based ones (mthreadnatives.ts installServerAtomics; the pointer stores keep
 *     the barrier version while the barrier is on, when every M sends them here).
 *   - Between slices every G is stopped with its state saved in its G record (pc, fp, ctx), so
 *     any VM can resume it: an M picks it up like a G migrating between Ms.
 *   - stop-the-world inside a slice (GC sweep termination inside an allocation, GOMAXPROCS,
 *     a panic's report) waits for the running Ms to reach a request, as from inside any request.
 *   - Marking: the slice's G is not owned by an M (mG), so the collector treats it as stopped;
 *     inside the slice it is the running G of the server VM, scanned only at the safe point of
 *     an allocation (assist), as the one-thread collector does; mark slices run between slices.
 *   - print order: the server VM's print buffer is flushed after every slice; worker prints
 *     arrive as OP_PRINT requests, served between slices.
 *   - os.Exit, fatal errors and syscall/js exits park the G and set sched.exitCode: the slice
 *     ends the program as a served request does.
 * Known gap: a PK_PLAIN panic's message index lives in the thread's PLAIN_ERRORS table; a G
 * that panics on one thread and recovers on another after a park inside a deferred call (rare)
 * would read an unregistered message — the same gap as between two Ms.
 *
 * Rejected: spawning the Ms before the compiler runs (the CLI would need a "prestart" API
 * and the workers a second channel for their data; and it still costs every program the
 * threads); one lean worker bundle alone (cuts module load ~60 % in dev — measured 92 → 35 ms
 * for a bare load — but not the wait).
 */

import type { Sched } from "./proc.js";
import type { IdleMarkers } from "./mgcidle.js";
import type { MProf } from "./mprof.js";
import type { MTrace } from "./mtrace.js";
import { G_LOCKED, P_STATUS, PIDLE, PRUNNING } from "./runtime2.js";
import { RUN_YIELD, type NativeFn } from "./vm/interp.js";

/**
 * A G that computed this long (ms of server slices, no park in between) while other work was
 * runnable goes to an M. Long enough that a goroutine of a handoff chain (which parks every few
 * µs) never qualifies; short against the 10 ms a preempted goroutine waits in Go.
 */
export const HOT_MS = 1;
/**
 * A G that parks or ends within this long (ms) of an M getting it is taken back by the server
 * (its next handoff would be a round trip from that M).
 */
export const CHATTY_MS = 0.2;
/** Slice budget of the server while an M runs (its requests wait for the slice's end). */
export const BUSY_BUDGET = 1 << 12;
/**
 * A G making more requests an M would have to send to the server than this per ms of its
 * server slices stays here (natives, barrier stores, allocations / ALLOCS_PER_REQUEST): on an
 * M each would be a round trip (≈ 1–3 µs quiet, so 100 per ms cost up to a quarter of its time;
 * a goroutine spawning others, newproc after newproc, would spend its time waiting for
 * replies; a GOGC=1 program's goroutines storing pointers through the barrier all the time).
 */
export const REMOTE_PER_MS = 100;
/** Allocations an M makes per MALLOC request, about (mworker.ts: batches of 32 for a run of one type). */
const ALLOCS_PER_REQUEST = 16;

/** The allocator and barrier methods the server counts (malloc.ts Heap, mbarrier.ts). */
export interface CountedHeap {
  mallocgc(size: number, typ: number, needzero: boolean): number;
}
export interface CountedBarrier {
  writePointer(slot: number, ptr: number): void;
  typedmemmove(typ: number, dst: number, src: number): void;
}
/** sliceOne's results: nothing runnable; a G parked or ended (another may follow); stop. */
const SLICE_NONE = 0;
const SLICE_MORE = 1;
const SLICE_STOP = 2;
/** Gs run by one slice() call at most (each parks or ends; see slice). */
const RUN_BATCH = 64;
/** GC cycles back to back: GC_BUSY_CYCLES started within GC_BUSY_MS (800 a second and more). */
const GC_BUSY_CYCLES = 8;
const GC_BUSY_MS = 10;
/** Longest HOT_MS multiple a G taken back from an M again and again must compute for. */
const MAX_PENALTY = 64;

/** The MServer members a server slice uses (private ones reached by name, as SchedInternals). */
export interface ServerRunHost {
  readonly sched: Sched;
  readonly ready: boolean[];
  n: number;
  startM(i: number): void;
}
interface HostInternals extends ServerRunHost {
  exit: number;
  mprof: MProf;
  mtrace: MTrace;
  mG: number[];
  idle: boolean[];
  givenAt: number[];
  reqs: number[];
  busySince: number[];
  reqsAtBusy: number[];
  pOf(i: number): number;
  findWork(i: number, steal?: boolean): number;
  afterRun(i: number, r: number, g: number, requeue?: boolean): number;
  anyWork(): boolean;
  give(i: number, g: number): void;
  allIdle(): boolean;
  finish(code: number): void;
  marking(): boolean;
  inGCJob(i: number): boolean;
  idleMarkers: IdleMarkers | null;
}

/** Whether the server runs goroutines itself (no parallelism to use); spawns the Ms lazily. */
export class ServerRun {
  /** The policy is on (GORT_MTHREADS_ADAPTIVE is not "0"; else the server never runs bytecode). */
  readonly enabled: boolean;
  /** The Ms (0…n−1) are not spawned yet. */
  pending: boolean;
  /** Slices run on the server (statistics). */
  slices = 0;
  /** Gs the server kept for itself instead of handing them to an M (statistics). */
  kept = 0;
  /** Gs handed to an M because they computed for HOT_MS without parking (statistics). */
  shipped = 0;
  /** Gs taken back from an M because they parked right after it got them (statistics). */
  pulled = 0;
  /** A slice's vm.run is in progress: sched.curg runs on this thread. */
  private inSlice = false;
  /** Park switches inside the current slice (the counting park hook). */
  private switches = 0;
  /** Milliseconds each G computed in server slices without parking, since it last parked. */
  private readonly acc = new Map<number, number>();
  /** Remote-kind natives each G called in those slices (REMOTE_PER_MS). */
  private readonly accNatives = new Map<number, number>();
  /** HOT_MS multiple for a G taken back from an M before (doubles at each take-back). */
  private readonly penalty = new Map<number, number>();
  /** Natives and barrier stores on this thread that an M would send here (the counting wrappers). */
  private remoteCalls = 0;
  /** Allocations on this thread. */
  private allocCalls = 0;
  /** When the last GC_BUSY_CYCLES cycles started (ring; 0 = fewer so far). */
  private readonly cycleTimes = new Float64Array(GC_BUSY_CYCLES);
  private cycleNext = 0;
  /** Gs shipped to an M and not yet seen to park right after getting one: shipped at once. */
  private readonly hot = new Set<number>();
  /** The park hook a slice wraps (Sched.parkSwitch), and the counting wrapper. */
  private innerHook: ((g: number) => number) | null = null;
  private readonly countingHook = (g: number): number => {
    const ng = this.innerHook === null ? 0 : this.innerHook(g);
    if (ng !== 0) this.switches++;
    return ng;
  };

  constructor(enabled: boolean) {
    this.enabled = enabled;
    this.pending = enabled;
  }

  /**
   * True for the G running on this thread inside a slice: the collector must not shrink its
   * stack (a native that allocates holds addresses of its frame's slots; the one-thread
   * scheduler's rule, proc.ts, Go's isShrinkStackSafe). The server's stack shrinker asks,
   * passing sched.curg.
   */
  running(g: number, curg: number): boolean {
    return this.inSlice && g === curg;
  }

  /**
   * Wraps the server VM's natives that an M would send here (every one but `local`, the names
   * an M runs itself) with a counter, read around each slice.
   */
  countRemoteNatives(natives: NativeFn[], names: readonly string[], local: ReadonlySet<string>, heap: CountedHeap, barrier: CountedBarrier | null): void {
    if (!this.enabled) return;
    // Allocations: an M takes most from its allocation cache (a batch per request for runs of
    // one type), so ALLOCS_PER_REQUEST of them count as one request. Barrier stores (a mark
    // in progress): each is a request on an M.
    const malloc = heap.mallocgc.bind(heap);
    heap.mallocgc = (size, typ, needzero) => {
      this.allocCalls++;
      return malloc(size, typ, needzero);
    };
    if (barrier !== null) {
      const wp = barrier.writePointer.bind(barrier);
      const tm = barrier.typedmemmove.bind(barrier);
      barrier.writePointer = (slot, ptr) => {
        this.remoteCalls++;
        wp(slot, ptr);
      };
      barrier.typedmemmove = (typ, dst, src) => {
        this.remoteCalls++;
        tm(typ, dst, src);
      };
    }
    for (let i = 0; i < names.length && i < natives.length; i++) {
      if (local.has(names[i])) continue;
      const f = natives[i];
      natives[i] = (vm, g, args, res) => {
        this.remoteCalls++;
        f(vm, g, args, res);
      };
    }
  }

  /** Spawns the Ms not spawned yet (M 0…n−1). */
  spawn(host: ServerRunHost): void {
    if (!this.pending) return;
    this.pending = false;
    for (let i = 0; i < host.n; i++) host.startM(i);
  }

  /** True when the server may run a slice: the policy is on and some M with a P is idle. */
  canRun(host: ServerRunHost): boolean {
    return this.enabled && borrowable(host as HostInternals) >= 0;
  }

  /**
   * The server is about to give `next` (0: nothing) to M i, whose G g parked or ended (r:
   * RUN_PARK, RUN_EXIT, −1 after a park already accounted for) or spent its budget (RUN_YIELD).
   * Keeps it for the server instead — on M i's P, which the server then borrows, and M i goes
   * idle — when
   *   - `next` is wired by LockOSThread: it runs on the program's thread only (M0, this one);
   *   - g parked or ended within CHATTY_MS of M i getting it: goroutines that hand work to each
   *     other that often cost a round trip per handoff on an M and nothing on this thread;
   *   - g spent its budget and M i made requests faster than REMOTE_PER_MS (tooChatty);
   *   - every other M is idle and nothing else is runnable: there is no parallelism to use.
   * Returns what M i gets.
   */
  keepOrGive(host: ServerRunHost, i: number, next: number, r: number, g: number): number {
    if (!this.enabled) return next;
    const h = host as HostInternals;
    const sched = h.sched;
    const chatty = r !== RUN_YIELD && performance.now() - h.givenAt[i] < CHATTY_MS;
    if (r !== RUN_YIELD && g !== 0) this.forget(g);
    if (chatty || (r === RUN_YIELD && g !== 0 && this.tooChatty(host, i))) {
      if (g !== 0) this.takeBack(g);
    } else if (next === 0) return 0;
    else if (sched.mem.u32[(next + G_LOCKED) >>> 2] === 0) {
      for (let k = 0; k < h.n; k++) if (k !== i && !h.idle[k]) return next;
      if (h.anyWork()) return next;
      this.kept++;
    }
    if (next !== 0) sched.runqput(h.pOf(i), next, true); // (g itself, or what M i would run next)
    return 0;
  }

  /**
   * M i made requests, since it last went busy, at a rate that costs more in round trips than
   * running beside the server gains (REMOTE_PER_MS; e.g. goroutines allocating and storing
   * pointers while GC marks run back to back). The server then asks it to end its slice
   * (mailbox MB_YIELD), and at that budget end M i goes idle: its goroutines run here.
   */
  tooChatty(host: ServerRunHost, i: number): boolean {
    if (!this.enabled) return false;
    const h = host as HostInternals;
    const ms = performance.now() - h.busySince[i];
    return ms >= HOT_MS && (h.reqs[i] - h.reqsAtBusy[i] > REMOTE_PER_MS * ms || this.gcBusy());
  }

  /** A GC cycle starts (sweep termination, world stopped). */
  noteCycle(): void {
    this.cycleTimes[this.cycleNext] = performance.now();
    this.cycleNext = (this.cycleNext + 1) % GC_BUSY_CYCLES;
  }

  /**
   * GC cycles run back to back (GC_BUSY_CYCLES within GC_BUSY_MS, e.g. GOGC=1 with a tiny
   * heap): every cycle stops the Ms, empties their allocation caches and turns their pointer
   * stores into requests, so goroutines run faster here, as with one thread.
   */
  private gcBusy(): boolean {
    const oldest = this.cycleTimes[this.cycleNext];
    return oldest !== 0 && performance.now() - oldest < GC_BUSY_MS;
  }

  /** g turned out not to gain from an M: no longer hot, and twice as long before it is shipped again. */
  private takeBack(g: number): void {
    if (!this.hot.delete(g)) return;
    this.pulled++;
    this.penalty.set(g, Math.min(MAX_PENALTY, 2 * (this.penalty.get(g) ?? 1)));
  }

  /** Drops g's computing streak (it parked, ended or moved). */
  private forget(g: number): void {
    this.acc.delete(g);
    this.accNatives.delete(g);
  }


  /**
   * Runs one slice of the next runnable G of an idle M's P on the server thread, or hands that
   * G to an idle M if it is hot. Returns false when nothing was runnable.
   * Precondition: canRun(host).
   */
  slice(host: ServerRunHost): boolean {
    const h = host as HostInternals;
    const k = borrowable(h);
    if (k < 0) return false;
    // Gs that park or end one after the other while every M idles (nobody can post a request
    // meanwhile): up to RUN_BATCH of them or 1 ms before the loop's other duties come again
    const t0 = performance.now();
    for (let n = 0; ; n++) {
      const c = this.sliceOne(h, k);
      if (c === SLICE_NONE) return n > 0;
      if (c === SLICE_STOP || n >= RUN_BATCH || !h.allIdle() || this.markingBeside(h) || performance.now() - t0 > 1) return true;
    }
  }

  /**
   * A mark is under way with Ms about: worker Ms' requests, or idle mark workers' finished jobs
   * (mgcidle.ts), wait for the slice to end, so slices stay short.
   */
  private markingBeside(h: HostInternals): boolean {
    return h.marking() && (!this.pending || (h.idleMarkers !== null && h.idleMarkers.out() > 0));
  }

  /** One G of P k: handed to an M if hot, else run here; SLICE_NONE when nothing was runnable. */
  private sliceOne(h: HostInternals, k: number): number {
    const host: ServerRunHost = h;
    const sched = h.sched;
    const p = h.pOf(k);
    sched.p = p;
    const g0 = h.findWork(k, true);
    if (g0 === 0) return SLICE_NONE;
    const u32 = sched.mem.u32;
    if (this.hot.has(g0) && u32[(g0 + G_LOCKED) >>> 2] === 0) {
      const j = readyIdleM(h, k);
      if (j >= 0) {
        this.shipped++;
        h.give(j, g0);
        return SLICE_STOP;
      }
    }
    this.slices++;
    u32[(p + P_STATUS) >>> 2] = PRUNNING;
    sched.curg = g0;
    sched.metrics.latency.running(g0);
    if (sched.tracer !== null) h.mtrace.give(k, g0); // P k shown running g0 (mtrace.ts)
    const profiling = sched.prof.cpuHz !== 0;
    if (profiling) h.mprof.sliceStart(); // CPU samples of the server's own slices (mprof.ts)
    const vm = sched.vm;
    const budget = vm.budget;
    // While an M runs, its requests wait for the slice to end: keep slices short then.
    if (budget > BUSY_BUDGET && (!h.allIdle() || this.markingBeside(h))) vm.budget = BUSY_BUDGET;
    this.innerHook = vm.parkHook;
    vm.parkHook = this.countingHook;
    this.switches = 0;
    const calls0 = this.remoteCalls;
    const allocs0 = this.allocCalls;
    this.inSlice = true;
    // g0's assist credit in the collector while it runs (mgc.ts; the park hook swaps it at
    // switches inside the slice), banked again in the G that ran last
    const gc = sched.gc;
    if (gc !== null) gc.switchAssistCredit(0, g0);
    const t0 = performance.now();
    let r: number;
    try {
      r = vm.run(g0);
    } finally {
      this.inSlice = false;
      vm.parkHook = this.innerHook;
      this.innerHook = null;
      vm.budget = budget;
      if (gc !== null) gc.switchAssistCredit(sched.curg, 0);
    }
    const dt = performance.now() - t0;
    const g = sched.curg; // (the park hook may have switched Gs inside run)
    if (profiling) h.mprof.sliceEnd(g, r);
    vm.flushPrint();
    if (sched.exitCode >= 0) {
      // os.Exit, a fatal error, syscall/js exit: the native parked g and set the status
      sched.curg = 0;
      h.finish(sched.exitCode);
      return SLICE_STOP;
    }
    sched.p = p;
    // Hot: g computed without parking for HOT_MS of server slices, calling few natives. With
    // other work runnable, or another M running (whose requests would wait for these slices),
    // it goes to an idle M (spawned now if not yet) and this thread goes on with the rest.
    let ship = -1;
    if (r === RUN_YIELD && this.switches === 0 && u32[(g + G_LOCKED) >>> 2] === 0) {
      const a = (this.acc.get(g) ?? 0) + dt;
      const c = (this.accNatives.get(g) ?? 0) + this.remoteCalls - calls0 + (this.allocCalls - allocs0) / ALLOCS_PER_REQUEST;
      this.acc.set(g, a);
      this.accNatives.set(g, c);
      if (a >= HOT_MS * (this.penalty.get(g) ?? 1) && c <= REMOTE_PER_MS * a && (h.anyWork() || !h.allIdle()) && !this.gcBusy()) {
        if (this.pending) this.spawn(host);
        ship = readyIdleM(h, k);
      }
    } else {
      this.forget(g0);
      if (g !== g0) this.forget(g);
    }
    const again = h.afterRun(k, r, g, ship < 0);
    sched.curg = 0;
    if (h.exit >= 0) return SLICE_STOP;
    u32[(p + P_STATUS) >>> 2] = PIDLE;
    if (again === 0) return r === RUN_YIELD ? SLICE_STOP : SLICE_MORE;
    if (ship >= 0) {
      this.forget(again);
      this.hot.add(again);
      this.shipped++;
      if (sched.tracer !== null) sched.tracer.goPreempt(again);
      h.give(ship, again);
    } else sched.runqput(p, again, true); // still runnable: next slice, or an M
    return SLICE_STOP;
  }
}

/** An idle M whose P the server may use for a slice (−1: none). */
function borrowable(h: HostInternals): number {
  const np = Math.min(h.n, h.sched.ps.length);
  for (let i = 0; i < np; i++) if (h.idle[i]) return i;
  return -1;
}

/** An idle M that is ready to run a G, k first (−1: none). */
function readyIdleM(h: HostInternals, k: number): number {
  if (h.idle[k] && h.ready[k] && !h.inGCJob(k)) return k;
  const np = Math.min(h.n, h.sched.ps.length);
  for (let i = 0; i < np; i++) if (h.idle[i] && h.ready[i] && !h.inGCJob(i)) return i;
  return -1;
}
