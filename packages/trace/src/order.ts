/**
 * Merging the per-P batches into one consistent event stream.
 *
 * Each P's events are in order, but timestamps from different CPUs cannot be trusted to order
 * events *between* Ps (ticks drift between cores; an unblock on P1 may carry a later tick than
 * the start it causes on P0). The runtime therefore numbers goroutine transitions: per G a
 * sequence number reset by GoCreate and incremented by every start/unblock/syscall exit, carried
 * by the cross-P events (GoStart, GoUnblock, GoSysExit; the *Local variants carry none because
 * their cause is on the same P). GC cycles carry a global sequence number.
 *
 * Algorithm (the same idea as Go's internal/trace order.go, written afresh): a k-way merge where
 * an event may only be taken once the goroutine it concerns is in the state the event requires
 * (e.g. GoStart g=5 seq=3 needs G5 runnable at seq 3). Among the batch heads that are ready the
 * smallest timestamp wins; ties go to the batch seen first in the file (Go breaks them by map
 * order, i.e. randomly, so dumps of tied events may differ in order but never in content).
 * If no head is ready the trace is inconsistent. Cost O(events × batches): batches are one per
 * P plus the CPU-sample batch, so this is linear for practical GOMAXPROCS.
 *
 * Gate table (reference/trace-format-1.19.md §5):
 *   GoCreate(newG)               newG dead, seq 0          → runnable, seq 1
 *   GoWaiting/GoInSyscall(g)     runnable, seq 1           → waiting, seq 2
 *   GoStart/GoStartLabel(g, s)   runnable, seq s           → running, seq s+1
 *   GoStartLocal(g)              runnable, any seq         → running, seq+1
 *   GoBlock* /GoSleep/GoSysBlock  running                   → waiting
 *   GoSched/GoPreempt            running                   → runnable
 *   GoUnblock/GoSysExit(g, s)    waiting, seq s            → runnable, seq s+1
 *   GoUnblockLocal/SysExitLocal  waiting, any seq          → runnable, seq+1
 *   GCStart(s)                   global GC seq == s        → s+1
 *
 * Rejected: sorting by timestamp alone (wrong on machines with skewed TSCs, and Go's tools would
 * disagree with us on such traces); a priority queue over heads (readiness changes with every
 * merged event, so the queue would need re-keying; the linear scan over ≤ GOMAXPROCS+2 heads is
 * simpler and as fast in practice).
 */
import { EVENT_DESCS, Ev, ProfileP } from "./events.js";
import { TraceError, hexOff } from "./errors.js";
import type { TraceEvent } from "./reader.js";

const DEAD = 0;
const RUNNABLE = 1;
const RUNNING = 2;
const WAITING = 3;
const STATUS_NAMES = ["dead", "runnable", "running", "waiting"];

/** Sentinel sequence values: NOSEQ = "any seq, keep it", SEQINC = "any seq, add one". */
const NOSEQ = -1;
const SEQINC = -2;

interface GState {
  seq: number;
  status: number;
}

/** The gate an event must pass: goroutine (or GC for -2, none for -1), required and next state. */
interface Gate {
  g: number;
  initSeq: number;
  initStatus: number;
  nextSeq: number;
  nextStatus: number;
}

const UNORDERED = -1;
const GC_KEY = -2;

function gateOf(ev: TraceEvent, out: Gate): void {
  out.g = UNORDERED;
  switch (ev.type) {
    case Ev.GoCreate:
      set(out, ev.args[0], 0, DEAD, 1, RUNNABLE);
      break;
    case Ev.GoWaiting:
    case Ev.GoInSyscall:
      set(out, ev.g, 1, RUNNABLE, 2, WAITING);
      break;
    case Ev.GoStart:
    case Ev.GoStartLabel:
      set(out, ev.g, ev.args[1], RUNNABLE, ev.args[1] + 1, RUNNING);
      break;
    case Ev.GoStartLocal:
      set(out, ev.g, NOSEQ, RUNNABLE, SEQINC, RUNNING);
      break;
    case Ev.GoBlock:
    case Ev.GoBlockSend:
    case Ev.GoBlockRecv:
    case Ev.GoBlockSelect:
    case Ev.GoBlockSync:
    case Ev.GoBlockCond:
    case Ev.GoBlockNet:
    case Ev.GoSleep:
    case Ev.GoSysBlock:
    case Ev.GoBlockGC:
      set(out, ev.g, NOSEQ, RUNNING, NOSEQ, WAITING);
      break;
    case Ev.GoSched:
    case Ev.GoPreempt:
      set(out, ev.g, NOSEQ, RUNNING, NOSEQ, RUNNABLE);
      break;
    case Ev.GoUnblock:
    case Ev.GoSysExit:
      set(out, ev.args[0], ev.args[1], WAITING, ev.args[1] + 1, RUNNABLE);
      break;
    case Ev.GoUnblockLocal:
    case Ev.GoSysExitLocal:
      set(out, ev.args[0], NOSEQ, WAITING, SEQINC, RUNNABLE);
      break;
    case Ev.GCStart:
      set(out, GC_KEY, ev.args[0], DEAD, ev.args[0] + 1, DEAD);
      break;
  }
}

function set(out: Gate, g: number, initSeq: number, initStatus: number, nextSeq: number, nextStatus: number): void {
  out.g = g;
  out.initSeq = initSeq;
  out.initStatus = initStatus;
  out.nextSeq = nextSeq;
  out.nextStatus = nextStatus;
}

const ZERO: GState = { seq: 0, status: DEAD };

function ready(gate: Gate, cur: GState): boolean {
  if (gate.g === UNORDERED) return true;
  return (gate.initSeq === NOSEQ || gate.initSeq === cur.seq) && gate.initStatus === cur.status;
}

/** The plain type a *Local event stands for once ordered. */
function delocal(t: number): number {
  if (t === Ev.GoStartLocal) return Ev.GoStart;
  if (t === Ev.GoUnblockLocal) return Ev.GoUnblock;
  if (t === Ev.GoSysExitLocal) return Ev.GoSysExit;
  return t;
}

/**
 * Merges the batches (see the file comment) and returns one stream in time order, with *Local
 * types rewritten and GoSysExit moved to its real exit time. Timestamps are still ticks.
 */
export function orderEvents(batches: Map<number, TraceEvent[]>): TraceEvent[] {
  const lists: TraceEvent[][] = [];
  let pending = 0;
  for (const [p, evs] of batches) {
    // CPU samples are written late by a separate worker; their own tick decides their place.
    if (p === ProfileP) evs.sort((a, b) => a.ts - b.ts);
    lists.push(evs);
    pending += evs.length;
  }
  const heads = new Array<number>(lists.length).fill(0);
  const gs = new Map<number, GState>();
  const gate: Gate = { g: UNORDERED, initSeq: 0, initStatus: 0, nextSeq: 0, nextStatus: 0 };
  const out: TraceEvent[] = new Array(pending);
  for (let k = 0; k < pending; k++) {
    let best = -1;
    let bestTs = 0;
    for (let i = 0; i < lists.length; i++) {
      const h = heads[i];
      if (h >= lists[i].length) continue;
      const ev = lists[i][h];
      if (best >= 0 && ev.ts >= bestTs) continue;
      gateOf(ev, gate);
      if (gate.g !== UNORDERED && !ready(gate, gs.get(gate.g) ?? ZERO)) continue;
      best = i;
      bestTs = ev.ts;
    }
    if (best < 0) throw new TraceError(`no consistent ordering of events possible: ${stuckReport(lists, heads, gs)}`);
    const ev = lists[best][heads[best]++];
    gateOf(ev, gate);
    if (gate.g !== UNORDERED) {
      const cur = gs.get(gate.g) ?? ZERO;
      const seq = gate.nextSeq === NOSEQ ? cur.seq : gate.nextSeq === SEQINC ? cur.seq + 1 : gate.nextSeq;
      gs.set(gate.g, { seq, status: gate.nextStatus });
    }
    ev.type = delocal(ev.type);
    out[k] = ev;
  }
  for (let i = 1; i < out.length; i++) {
    if (out[i].ts < out[i - 1].ts) {
      throw new TraceError(`time stamps out of order: ${EVENT_DESCS[out[i].type].name} at offset ${hexOff(out[i].off)} is earlier than the ${EVENT_DESCS[out[i - 1].type].name} at offset ${hexOff(out[i - 1].off)} it must follow`);
    }
  }
  // A syscall exit is written when the goroutine gets a P back, possibly long after the exit it
  // reports in its own ts argument (ticks, 0 = unknown): give it that time, then re-sort.
  const lastSysBlock = new Map<number, number>();
  let moved = false;
  for (const ev of out) {
    if (ev.type === Ev.GoSysBlock || ev.type === Ev.GoInSyscall) lastSysBlock.set(ev.g, ev.ts);
    else if (ev.type === Ev.GoSysExit) {
      const real = ev.args[2];
      if (real === 0) continue;
      const block = lastSysBlock.get(ev.g);
      if (block === undefined) throw new TraceError(`stray syscall exit at offset ${hexOff(ev.off)}: g ${ev.g} was not in a blocking syscall`);
      if (real < block) throw new TraceError(`time stamps out of order: syscall exit at offset ${hexOff(ev.off)} is before its syscall blocked`);
      ev.ts = real;
      moved = true;
    }
  }
  if (moved) out.sort((a, b) => a.ts - b.ts); // stable
  return out;
}

/** Explains a failed merge: what each batch's next event waits for. */
function stuckReport(lists: TraceEvent[][], heads: number[], gs: Map<number, GState>): string {
  const gate: Gate = { g: UNORDERED, initSeq: 0, initStatus: 0, nextSeq: 0, nextStatus: 0 };
  const parts: string[] = [];
  for (let i = 0; i < lists.length && parts.length < 3; i++) {
    if (heads[i] >= lists[i].length) continue;
    const ev = lists[i][heads[i]];
    gateOf(ev, gate);
    const cur = gs.get(gate.g) ?? ZERO;
    const who = gate.g === GC_KEY ? "GC" : `g ${gate.g}`;
    const want = `${STATUS_NAMES[gate.initStatus]}${gate.initSeq >= 0 ? ` seq ${gate.initSeq}` : ""}`;
    parts.push(`${EVENT_DESCS[ev.type].name} at offset ${hexOff(ev.off)} needs ${who} ${want}, it is ${STATUS_NAMES[cur.status]} seq ${cur.seq}`);
  }
  return parts.join("; ");
}
