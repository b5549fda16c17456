/**
 * parseTrace: bytes of a Go 1.19 execution trace → the ordered, checked and linked event list.
 *
 * Three stages, each in its own file:
 *   reader.ts  wire decoding: header, varints, strings, stacks, per-P batches (ticks)
 *   order.ts   merge of the batches by goroutine sequence numbers and time (ticks)
 *   here       ticks → nanoseconds since the first event, pseudo-P moves, then one pass over
 *              the stream that checks every goroutine/P/GC state transition and links each
 *              event to its matching end (the semantics of Go's internal/trace postProcessTrace,
 *              see reference/trace-format-1.19.md §6–7):
 *                GoStart → the event that stops it (GoEnd/GoStop/GoSched/GoPreempt/GoBlock* /
 *                          GoSleep/GoSysBlock)
 *                GoCreate/GoUnblock/GoSched/GoPreempt/GoSysExit/GoWaiting → the next GoStart
 *                GoBlock* /GoSleep → the GoUnblock that wakes the goroutine
 *                GoSysCall → its GoSysExit; GCStart → GCDone; GCSTWStart → GCSTWDone;
 *                GCSweepStart → GCSweepDone; GCMarkAssistStart → GCMarkAssistDone;
 *                UserTaskCreate → UserTaskEnd; UserRegion start → its end (or the GoEnd)
 *              GoStart also receives the goroutine's creation stack (its start function).
 *
 * The result is what `go tool trace -d` prints (formatEvent reproduces its line format), so the
 * tests compare our parse with Go's event by event.
 *
 * Not done: FutileWakeup removal (Go 1.19's runtime never writes FutileWakeup; an older trace
 * containing it parses, but futile wakeups are kept) and formats older than 1.11.
 */
import { EVENT_DESCS, Ev, GCP, NetpollP, SyscallP, TimerP } from "./events.js";
import { TraceError, hexOff } from "./errors.js";
import { orderEvents } from "./order.js";
import { type Frame, TraceEvent, decodeTrace } from "./reader.js";

export { TraceEvent, type Frame };

/** A parsed trace. Times are nanoseconds since the first event. */
export interface Trace {
  version: number;
  /** All events in time order (Local variants already rewritten to their plain type). */
  events: TraceEvent[];
  stacks: Map<number, Frame[]>;
  strings: Map<number, string>;
  ticksPerSec: number;
  /** Number of Batch records in the file. */
  batchCount: number;
  /** Records per raw wire type, before *Local rewriting (String/Stack/Batch included). */
  rawCounts: number[];
}

const G_DEAD = 0;
const G_RUNNABLE = 1;
const G_RUNNING = 2;
const G_WAITING = 3;

class GDesc {
  state = G_DEAD;
  /** The last event that made the goroutine runnable or waiting, to link to its successor. */
  ev: TraceEvent | null = null;
  /** The GoStart of the current running span. */
  evStart: TraceEvent | null = null;
  /** The GoCreate whose new-goroutine stack the first GoStart inherits. */
  evCreate: TraceEvent | null = null;
  evMarkAssist: TraceEvent | null = null;
  /** Open user regions, innermost last. */
  regions: TraceEvent[] = [];
}

class PDesc {
  running = false;
  g = 0;
  evSweep: TraceEvent | null = null;
}

/** Parses and checks a whole trace file. Throws TraceError (one line) on bad input. */
export function parseTrace(buf: Uint8Array): Trace {
  const dec = decodeTrace(buf);
  const events = orderEvents(dec.batches);
  const minTs = events[0].ts;
  const nsPerTick = 1e9 / dec.ticksPerSec;
  for (const ev of events) {
    ev.ts = Math.trunc((ev.ts - minTs) * nsPerTick);
    if (ev.type === Ev.GoUnblock && dec.timerGoroutines.has(ev.g)) ev.p = TimerP;
    if (ev.type === Ev.GoSysExit) ev.p = SyscallP;
  }
  linkEvents(events);
  return {
    version: dec.version,
    events,
    stacks: dec.stacks,
    strings: dec.strings,
    ticksPerSec: dec.ticksPerSec,
    batchCount: dec.batchCount,
    rawCounts: dec.rawCounts,
  };
}

function where(ev: TraceEvent): string {
  return `(offset ${hexOff(ev.off)}, time ${ev.ts} ns)`;
}

/** The state-checking and linking pass described in the file comment. */
function linkEvents(events: TraceEvent[]): void {
  const gs = new Map<number, GDesc>();
  const ps = new Map<number, PDesc>();
  const tasks = new Map<number, TraceEvent>();
  const g0 = new GDesc();
  g0.state = G_RUNNING;
  gs.set(0, g0);
  let evGC: TraceEvent | null = null;
  let evSTW: TraceEvent | null = null;

  const gOf = (id: number): GDesc => {
    let g = gs.get(id);
    if (g === undefined) gs.set(id, (g = new GDesc()));
    return g;
  };
  const pOf = (id: number): PDesc => {
    let p = ps.get(id);
    if (p === undefined) ps.set(id, (p = new PDesc()));
    return p;
  };
  const checkRunning = (p: PDesc, g: GDesc, ev: TraceEvent, allowG0: boolean): void => {
    const name = EVENT_DESCS[ev.type].name;
    if (g.state !== G_RUNNING) throw new TraceError(`g ${ev.g} is not running while ${name} ${where(ev)}`);
    if (p.g !== ev.g) throw new TraceError(`p ${ev.p} is not running g ${ev.g} while ${name} ${where(ev)}`);
    if (!allowG0 && ev.g === 0) throw new TraceError(`g 0 did ${name} ${where(ev)}`);
  };

  for (const ev of events) {
    const g = gOf(ev.g);
    const p = pOf(ev.p);
    switch (ev.type) {
      case Ev.ProcStart:
        if (p.running) throw new TraceError(`p ${ev.p} is running before start ${where(ev)}`);
        p.running = true;
        break;
      case Ev.ProcStop:
        if (!p.running) throw new TraceError(`p ${ev.p} is not running before stop ${where(ev)}`);
        if (p.g !== 0) throw new TraceError(`p ${ev.p} is running goroutine ${p.g} during stop ${where(ev)}`);
        p.running = false;
        break;
      case Ev.GCStart:
        if (evGC !== null) throw new TraceError(`GC started before the previous one ended ${where(ev)}`);
        evGC = ev;
        ev.p = GCP;
        break;
      case Ev.GCDone:
        if (evGC === null) throw new TraceError(`GC end without a GC start ${where(ev)}`);
        evGC.link = ev;
        evGC = null;
        break;
      case Ev.GCSTWStart:
        if (evSTW !== null) throw new TraceError(`stop-the-world started before the previous one ended ${where(ev)}`);
        evSTW = ev;
        break;
      case Ev.GCSTWDone:
        if (evSTW === null) throw new TraceError(`stop-the-world end without a start ${where(ev)}`);
        evSTW.link = ev;
        evSTW = null;
        break;
      case Ev.GCSweepStart:
        if (p.evSweep !== null) throw new TraceError(`sweep started before the previous one ended on p ${ev.p} ${where(ev)}`);
        p.evSweep = ev;
        break;
      case Ev.GCSweepDone:
        if (p.evSweep === null) throw new TraceError(`sweep end without a start on p ${ev.p} ${where(ev)}`);
        p.evSweep.link = ev;
        p.evSweep = null;
        break;
      case Ev.GCMarkAssistStart:
        if (g.evMarkAssist !== null) throw new TraceError(`mark assist started before the previous one ended ${where(ev)}`);
        g.evMarkAssist = ev;
        break;
      case Ev.GCMarkAssistDone:
        // an assist may already run when tracing starts, so an unmatched end is fine
        if (g.evMarkAssist !== null) {
          g.evMarkAssist.link = ev;
          g.evMarkAssist = null;
        }
        break;
      case Ev.GoWaiting:
      case Ev.GoInSyscall:
        if (g.state !== G_RUNNABLE) throw new TraceError(`g ${ev.g} is not runnable before ${EVENT_DESCS[ev.type].name} ${where(ev)}`);
        g.state = G_WAITING;
        g.ev = ev;
        break;
      case Ev.GoCreate: {
        checkRunning(p, g, ev, true);
        const id = ev.args[0];
        if (gs.has(id)) throw new TraceError(`g ${id} already exists ${where(ev)}`);
        const ng = gOf(id);
        ng.state = G_RUNNABLE;
        ng.ev = ev;
        ng.evCreate = ev;
        break;
      }
      case Ev.GoStart:
      case Ev.GoStartLabel:
        if (g.state !== G_RUNNABLE) throw new TraceError(`g ${ev.g} is not runnable before start ${where(ev)}`);
        if (p.g !== 0) throw new TraceError(`p ${ev.p} is already running g ${p.g} while start g ${ev.g} ${where(ev)}`);
        g.state = G_RUNNING;
        g.evStart = ev;
        p.g = ev.g;
        if (g.evCreate !== null) {
          ev.stk = g.evCreate.args[1];
          g.evCreate = null;
        }
        if (g.ev !== null) {
          g.ev.link = ev;
          g.ev = null;
        }
        break;
      case Ev.GoEnd:
      case Ev.GoStop:
        checkRunning(p, g, ev, false);
        g.evStart!.link = ev;
        g.evStart = null;
        g.state = G_DEAD;
        p.g = 0;
        if (ev.type === Ev.GoEnd) {
          for (const r of g.regions) r.link = ev;
          g.regions = [];
        }
        break;
      case Ev.GoSched:
      case Ev.GoPreempt:
        checkRunning(p, g, ev, false);
        g.state = G_RUNNABLE;
        g.evStart!.link = ev;
        g.evStart = null;
        p.g = 0;
        g.ev = ev;
        break;
      case Ev.GoUnblock: {
        if (g.state !== G_RUNNING) throw new TraceError(`g ${ev.g} is not running while unpark ${where(ev)}`);
        if (ev.p !== TimerP && p.g !== ev.g) throw new TraceError(`p ${ev.p} is not running g ${ev.g} while unpark ${where(ev)}`);
        const target = gOf(ev.args[0]);
        if (target.state !== G_WAITING) throw new TraceError(`g ${ev.args[0]} is not waiting before unpark ${where(ev)}`);
        if (target.ev !== null && target.ev.type === Ev.GoBlockNet && ev.p !== TimerP) ev.p = NetpollP;
        if (target.ev !== null) target.ev.link = ev;
        target.state = G_RUNNABLE;
        target.ev = ev;
        break;
      }
      case Ev.GoSysCall:
        checkRunning(p, g, ev, false);
        g.ev = ev;
        break;
      case Ev.GoSysBlock:
        checkRunning(p, g, ev, false);
        g.state = G_WAITING;
        g.evStart!.link = ev;
        g.evStart = null;
        p.g = 0;
        break;
      case Ev.GoSysExit:
        if (g.state !== G_WAITING) throw new TraceError(`g ${ev.g} is not waiting during syscall exit ${where(ev)}`);
        if (g.ev !== null && g.ev.type === Ev.GoSysCall) g.ev.link = ev;
        g.state = G_RUNNABLE;
        g.ev = ev;
        break;
      case Ev.GoSleep:
      case Ev.GoBlock:
      case Ev.GoBlockSend:
      case Ev.GoBlockRecv:
      case Ev.GoBlockSelect:
      case Ev.GoBlockSync:
      case Ev.GoBlockCond:
      case Ev.GoBlockNet:
      case Ev.GoBlockGC:
        checkRunning(p, g, ev, false);
        g.state = G_WAITING;
        g.ev = ev;
        g.evStart!.link = ev;
        g.evStart = null;
        p.g = 0;
        break;
      case Ev.UserTaskCreate: {
        const id = ev.args[0];
        if (tasks.has(id)) throw new TraceError(`task id ${id} is created twice ${where(ev)}`);
        tasks.set(id, ev);
        break;
      }
      case Ev.UserTaskEnd: {
        const create = tasks.get(ev.args[0]);
        if (create !== undefined) {
          create.link = ev;
          tasks.delete(ev.args[0]);
        }
        break;
      }
      case Ev.UserRegion: {
        const mode = ev.args[1];
        if (mode === 0) g.regions.push(ev);
        else if (mode === 1) {
          const open = g.regions[g.regions.length - 1];
          if (open !== undefined) {
            if (open.args[0] !== ev.args[0] || open.sargs[0] !== ev.sargs[0]) {
              throw new TraceError(`misuse of region in goroutine ${ev.g}: end of "${ev.sargs[0]}" while the innermost open region is "${open.sargs[0]}" ${where(ev)}`);
            }
            open.link = ev;
            g.regions.pop();
          }
        } else throw new TraceError(`invalid user region mode ${mode} ${where(ev)}`);
        break;
      }
    }
  }
}

/** One event as `go tool trace -d` prints it: "TS Name p=P g=G off=OFF arg=v... sarg=s...". */
export function formatEvent(ev: TraceEvent): string {
  const desc = EVENT_DESCS[ev.type];
  let s = `${ev.ts} ${desc.name} p=${ev.p} g=${ev.g} off=${ev.off}`;
  for (let i = 0; i < desc.args.length; i++) s += ` ${desc.args[i]}=${u64(ev.args[i] ?? 0)}`;
  for (let i = 0; i < desc.sargs.length; i++) s += ` ${desc.sargs[i]}=${ev.sargs[i] ?? ""}`;
  return s;
}

/** Go prints event arguments as uint64: a negative (decoded two's complement) value wraps. */
function u64(v: number): string {
  return v < 0 ? (BigInt(v) + (1n << 64n)).toString() : String(v);
}

/** Counts of parsed events per type name (what a `go tool trace -d` listing contains). */
export function eventCounts(events: readonly TraceEvent[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const ev of events) {
    const name = EVENT_DESCS[ev.type].name;
    m.set(name, (m.get(name) ?? 0) + 1);
  }
  return m;
}
