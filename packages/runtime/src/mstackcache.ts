/**
 * mstackcache.ts — per-M stack caches for worker-thread Ms (MTHREADS.md "Fewer round trips"):
 * a goroutine running on a worker grows its stack without a round trip to the runtime server.
 * Go's counterpart: the per-P stackcache of stack.go (stackcacherefill / stackcacherelease),
 * which lets stackalloc/stackfree skip the global pool's lock.
 *
 * WHY. Nearly every new goroutine outgrows its 512-byte first stack once (stack.ts INITIAL
 * SIZE): on spawn (100 000 goroutines per round) that was one NEWSTACK round trip per
 * goroutine, a third of all requests at GOMAXPROCS=2.
 *
 * LAYOUT (linear memory, persistentAlloc'd by the server, STACK_CACHE_BYTES per M, u32 words):
 *
 *   +0   maxLocal   largest stack size (bytes) a worker may grow to locally; the server writes
 *                   min(debug.SetMaxStack limit, largest cached size) at each refill
 *   +4   copies     stacks the M grew locally (the worker increments; statistics)
 *   +8   order 0:   count, then SC_CAP stack addresses (512 B stacks)
 *        order 1…SC_ORDERS−1 likewise (1, 2, 4 KiB)
 *
 * OWNERSHIP (why no lock is needed). M i's record is written by the worker only while it runs
 * bytecode (mailbox state NONE/REPLY), and by the server only while it serves a request of
 * M i (`refill`, called from the SCHED and NEWSTACK requests: M i is blocked in
 * Mailbox.call). The mailbox's Atomics.store of REQ and of REPLY order the two sides' plain
 * accesses (happens-before through the state word), exactly as for the allocation cache.
 *
 * WORKER GROWTH (`growLocal`): the same size rule as StackAllocator.newstack (double until the
 * frame fits with StackGuard to spare); taken locally only when the new size is a cached order
 * with a stack available, the old stack is a cached order with room to give it back, the new
 * size is within maxLocal, and the G has no sudogs (G_WAITING = 0: sudog elem pointers into the
 * stack are fixed by the server's adjustExtra hook, chan.ts adjustSudogs; a running G at a
 * function-entry check has none, but the rule keeps it exact). Then it copies the used part,
 * relocates frame links and pointer slots (stack.ts adjustStackFrames, the server's own
 * walk), installs the new bounds and puts the old stack in its order's cache. Anything else is
 * the remote NEWSTACK as before.
 *
 * Only the goroutine itself points into its stack (escape analysis), apart from sudogs, so
 * nothing outside the G needs adjusting. The GC never scans or shrinks a stack an M owns
 * (mserver.ts: stop-the-world cycles, and the shrinker skips owned Gs), so a local copy never
 * races a stack scan. With concurrent marking (the cgc helper's work), a running G's stack is
 * scanned only at its check-in, i.e. not while the G copies it; copying moves no heap pointer,
 * so no write barrier is involved (Go's copystack takes none either).
 *
 * SERVER REFILL (`refill`): keeps each order's count between SC_LOW and SC_HIGH, topping up to
 * / draining to SC_HALF through StackAllocator.stackalloc / stackfree. Cached stacks count as
 * stack in use (their spans are allocated), as Go's per-P caches do.
 *
 * Rejected: the worker popping the shared stack pools with a lock (STACKPOOL words and span
 * free lists are also used by the server's stackalloc/stackfree on every goroutine creation and
 * exit: every one of those would need the lock); a larger first stack (costs every parked
 * goroutine memory at GOMAXPROCS=1 too).
 */

import type { LinearMemory } from "./mem.js";
import { StackAllocator, STK_FP, STK_GUARD, STK_HI, STK_LO, StackGuard, StackMin, adjustStackFrames, grownStackSize, type StackMapSource } from "./stack.js";
import { G_WAITING } from "./runtime2.js";

/** Cached orders: 0.5, 1, 2, 4 KiB. */
export const SC_ORDERS = 4;
/**
 * Stacks per order. Trade-off: memory parked per M (≤ SC_CAP × 7.5 KiB) vs how often a refill
 * has work to do; a refill happens only at a SCHED/NEWSTACK request that finds a count outside
 * [SC_LOW, SC_HIGH], so goroutine churn moves stacks in batches of ~SC_HALF − SC_LOW.
 */
export const SC_CAP = 16;
const SC_LOW = 4;
const SC_HALF = 8;
const SC_HIGH = 12;

const SC_MAXLOCAL = 0;
const SC_COPIES = 1;
const SC_ORDER0 = 2;
const SC_ORDER_WORDS = 1 + SC_CAP;
const SC_WORDS = SC_ORDER0 + SC_ORDERS * SC_ORDER_WORDS;
/** Bytes of one M's stack cache. */
export const STACK_CACHE_BYTES = SC_WORDS * 4;

/** Order of a pool stack size (0 for 512 B), or −1 when n is not a cached size. */
function orderOf(n: number): number {
  if (n < StackMin || (n & (n - 1)) !== 0) return -1;
  const o = 31 - Math.clz32(n / StackMin);
  return o < SC_ORDERS ? o : -1;
}

/** Server side: the stack caches of every M (one region, STACK_CACHE_BYTES each). */
export class MStackCaches {
  readonly base: number;
  private readonly stacks: StackAllocator;
  private readonly mem: LinearMemory;
  /** GORT_MTHREADS_STACKCACHE=0 leaves the caches empty (every growth remote: measurements). */
  private readonly enabled: boolean;

  /** `base`: a zeroed region of n × STACK_CACHE_BYTES bytes. */
  constructor(stacks: StackAllocator, base: number) {
    this.enabled = typeof process === "undefined" || process.env.GORT_MTHREADS_STACKCACHE !== "0";
    this.stacks = stacks;
    this.mem = stacks.mem;
    this.base = base;
  }

  /**
   * Brings M i's cache back between SC_LOW and SC_HIGH per order. Precondition: M i is blocked
   * in a request this thread is serving (OWNERSHIP above).
   */
  refill(i: number): void {
    if (!this.enabled) return;
    const stacks = this.stacks;
    const w = (this.base + i * STACK_CACHE_BYTES) >>> 2;
    for (let o = 0; o < SC_ORDERS; o++) {
      const c = w + SC_ORDER0 + o * SC_ORDER_WORDS;
      let n = this.mem.u32[c];
      if ((n >= SC_LOW || o === 0) && n <= SC_HIGH) continue;
      const size = StackMin << o;
      // Order 0 (512 B) is never a grown size (growth at least doubles): it only receives the
      // old stacks of growing goroutines, so it is drained, never topped up.
      while (n < SC_HALF && o > 0) {
        const lo = stacks.stackalloc(size);
        this.mem.u32[c + 1 + n++] = lo; // (stackalloc may grow memory: re-read the view)
      }
      while (n > SC_HALF) stacks.stackfree(this.mem.u32[c + n--], size);
      this.mem.u32[c] = n;
    }
    const limit = Math.min(stacks.maxStackSize, stacks.maxStackCeiling);
    this.mem.u32[w + SC_MAXLOCAL] = Math.min(limit, StackMin << (SC_ORDERS - 1));
  }

  /** Stacks grown locally by all Ms (statistics). */
  localCopies(nM: number): number {
    let k = 0;
    for (let i = 0; i < nM; i++) k += this.mem.u32[((this.base + i * STACK_CACHE_BYTES) >>> 2) + SC_COPIES];
    return k;
  }
}

/**
 * Worker side: grows g's stack for a frame of `frameSize` bytes from M's cache at `cacheAddr`.
 * Returns false (nothing changed) when the remote NEWSTACK must do it. Precondition: g is the
 * goroutine this M runs, stopped at a safe point (its frames' FR_PC saved), as for newstack.
 */
export function growLocal(mem: LinearMemory, maps: StackMapSource | null, cacheAddr: number, g: number, frameSize: number): boolean {
  let u32 = mem.u32;
  const w = cacheAddr >>> 2;
  const lo = u32[(g + STK_LO) >>> 2];
  const hi = u32[(g + STK_HI) >>> 2];
  const fp = u32[(g + STK_FP) >>> 2];
  const oldsize = hi - lo;
  const used = hi - fp;
  const newsize = grownStackSize(oldsize, used, frameSize);
  if (newsize > u32[w + SC_MAXLOCAL]) return false;
  const no = orderOf(newsize);
  const oo = orderOf(oldsize);
  if (no < 0 || oo < 0) return false;
  const nc = w + SC_ORDER0 + no * SC_ORDER_WORDS;
  const oc = w + SC_ORDER0 + oo * SC_ORDER_WORDS;
  const have = u32[nc];
  if (have === 0 || u32[oc] >= SC_CAP) return false;
  if (u32[(g + G_WAITING) >>> 2] !== 0) return false;
  const nlo = u32[nc + have];
  u32[nc] = have - 1;
  u32[nlo >>> 2] = 0; // (as stackalloc: no stale free-list link in the first word)
  const nhi = nlo + newsize;
  const nfp = nhi - used;
  mem.move(nfp, fp, used);
  const delta = nhi - hi;
  if (used > 0) adjustStackFrames(mem, maps, nfp, lo, hi, delta);
  u32 = mem.u32;
  u32[(g + STK_LO) >>> 2] = nlo;
  u32[(g + STK_HI) >>> 2] = nhi;
  u32[(g + STK_FP) >>> 2] = nfp;
  u32[(g + STK_GUARD) >>> 2] = nlo + StackGuard;
  const k = u32[oc];
  u32[oc + 1 + k] = lo;
  u32[oc] = k + 1;
  u32[w + SC_COPIES]++;
  return true;
}
