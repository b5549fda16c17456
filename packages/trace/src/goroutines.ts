/**
 * Per-goroutine time accounting, and the same grouped by start function: what Go's "Goroutine
 * analysis" page of `go tool trace` shows (Go's internal/trace goroutines.go defines the
 * semantics; this is our own implementation of them).
 *
 * One pass over the linked event stream. For each goroutine we keep the time of the event that
 * put it in its current state and add the elapsed time to a bucket when it leaves that state:
 *
 *   state entered by                      ended by                bucket
 *   GoStart                               GoBlock* /GoSched/...    exec
 *   GoCreate/GoUnblock/GoSched/Preempt/   GoStart                 schedWait (runnable, no P)
 *     GoSysExit
 *   GoBlockSend/Recv/Select/Sync/Cond     GoUnblock               syncBlock
 *   GoBlockNet                            GoUnblock               netWait
 *   GoSysBlock                            GoSysExit               syscall (blocking syscalls)
 *   GCSweepStart (on that goroutine)      GCSweepDone             sweep
 *   a GC cycle overlapping its lifetime   GCDone / its end        gcPause ("GC pause" column)
 *
 * GoSleep, GoBlock (generic) and GoBlockGC end execution without charging a wait bucket, as in
 * Go. A goroutine still alive at the end of the trace is closed at the last event's time.
 */
import { Ev } from "./events.js";
import type { Trace, TraceEvent } from "./parser.js";

/** Time buckets of one goroutine (or a group), in nanoseconds. */
export interface GStats {
  exec: number;
  schedWait: number;
  netWait: number;
  syncBlock: number;
  syscall: number;
  sweep: number;
  gcPause: number;
  total: number;
}

export interface GoroutineInfo extends GStats {
  id: number;
  /** Start function, from the creation stack ("runtime.main" for goroutine 1; "" if unknown). */
  name: string;
  created: number;
  /** Time of its first start, -1 if it never ran in the trace. */
  started: number;
  /** Time it ended, -1 if alive at the end of the trace. */
  ended: number;
  system: boolean;
}

/** Goroutines grouped by start function, as listed on Go's goroutine analysis page. */
export interface GoroutineGroup extends GStats {
  name: string;
  count: number;
  system: boolean;
}

/** Go's rule for runtime-internal goroutines: start function in package runtime, except runtime.main. */
export function isSystemGoroutine(fn: string): boolean {
  return fn !== "runtime.main" && fn.startsWith("runtime.");
}

interface Pending {
  info: GoroutineInfo;
  lastStart: number;
  blockNet: number;
  blockSync: number;
  blockSyscall: number;
  blockSched: number;
  blockSweep: number;
  done: boolean;
}

const NONE = -1;

function close(p: Pending, now: number, gcStart: number): void {
  const g = p.info;
  if (gcStart !== NONE) g.gcPause += now - Math.max(gcStart, g.created);
  if (g.total === 0) g.total = now - g.created;
  if (p.lastStart !== NONE) g.exec += now - p.lastStart;
  if (p.blockNet !== NONE) g.netWait += now - p.blockNet;
  if (p.blockSync !== NONE) g.syncBlock += now - p.blockSync;
  if (p.blockSyscall !== NONE) g.syscall += now - p.blockSyscall;
  if (p.blockSched !== NONE) g.schedWait += now - p.blockSched;
  if (p.blockSweep !== NONE) g.sweep += now - p.blockSweep;
  p.done = true;
}

/** Per-goroutine statistics for every goroutine created in (or alive at the start of) the trace. */
export function goroutineStats(tr: Trace): GoroutineInfo[] {
  const gs = new Map<number, Pending>();
  let gcStart = NONE;
  let last = 0;
  const get = (id: number): Pending | undefined => {
    const p = gs.get(id);
    return p !== undefined && !p.done ? p : undefined;
  };
  const stopExec = (ev: TraceEvent): Pending | undefined => {
    const p = get(ev.g);
    if (p !== undefined && p.lastStart !== NONE) {
      p.info.exec += ev.ts - p.lastStart;
      p.lastStart = NONE;
    }
    return p;
  };
  for (const ev of tr.events) {
    last = ev.ts;
    switch (ev.type) {
      case Ev.GoCreate: {
        const info: GoroutineInfo = {
          id: ev.args[0], name: "", created: ev.ts, started: NONE, ended: NONE, system: false,
          exec: 0, schedWait: 0, netWait: 0, syncBlock: 0, syscall: 0, sweep: 0, gcPause: 0, total: 0,
        };
        // Go names a goroutine at its first start (whose stack is this same creation stack);
        // naming it here also names goroutines that never ran in the trace
        const fn = tr.stacks.get(ev.args[1])?.[0]?.fn;
        if (fn !== undefined) {
          info.name = fn;
          info.system = isSystemGoroutine(fn);
        }
        gs.set(info.id, { info, lastStart: NONE, blockNet: NONE, blockSync: NONE, blockSyscall: NONE, blockSched: ev.ts, blockSweep: NONE, done: false });
        break;
      }
      case Ev.GoStart:
      case Ev.GoStartLabel: {
        const p = get(ev.g);
        if (p === undefined) break;
        if (p.info.name === "") {
          const fn = tr.stacks.get(ev.stk)?.[0]?.fn;
          if (fn !== undefined) {
            p.info.name = fn;
            p.info.system = isSystemGoroutine(fn);
          }
        }
        p.lastStart = ev.ts;
        if (p.info.started === NONE) p.info.started = ev.ts;
        if (p.blockSched !== NONE) {
          p.info.schedWait += ev.ts - p.blockSched;
          p.blockSched = NONE;
        }
        break;
      }
      case Ev.GoEnd:
      case Ev.GoStop: {
        const p = get(ev.g);
        if (p === undefined) break;
        p.info.ended = ev.ts;
        close(p, ev.ts, gcStart);
        break;
      }
      case Ev.GoBlockSend:
      case Ev.GoBlockRecv:
      case Ev.GoBlockSelect:
      case Ev.GoBlockSync:
      case Ev.GoBlockCond: {
        const p = stopExec(ev);
        if (p !== undefined) p.blockSync = ev.ts;
        break;
      }
      case Ev.GoSched:
      case Ev.GoPreempt: {
        const p = stopExec(ev);
        if (p !== undefined) p.blockSched = ev.ts;
        break;
      }
      case Ev.GoSleep:
      case Ev.GoBlock:
      case Ev.GoBlockGC:
        stopExec(ev);
        break;
      case Ev.GoBlockNet: {
        const p = stopExec(ev);
        if (p !== undefined) p.blockNet = ev.ts;
        break;
      }
      case Ev.GoSysBlock: {
        const p = stopExec(ev);
        if (p !== undefined) p.blockSyscall = ev.ts;
        break;
      }
      case Ev.GoUnblock: {
        const p = get(ev.args[0]);
        if (p === undefined) break;
        if (p.blockNet !== NONE) {
          p.info.netWait += ev.ts - p.blockNet;
          p.blockNet = NONE;
        }
        if (p.blockSync !== NONE) {
          p.info.syncBlock += ev.ts - p.blockSync;
          p.blockSync = NONE;
        }
        p.blockSched = ev.ts;
        break;
      }
      case Ev.GoSysExit: {
        const p = get(ev.g);
        if (p === undefined) break;
        if (p.blockSyscall !== NONE) {
          p.info.syscall += ev.ts - p.blockSyscall;
          p.blockSyscall = NONE;
        }
        p.blockSched = ev.ts;
        break;
      }
      case Ev.GCSweepStart: {
        const p = get(ev.g);
        if (p !== undefined) p.blockSweep = ev.ts;
        break;
      }
      case Ev.GCSweepDone: {
        const p = get(ev.g);
        if (p !== undefined && p.blockSweep !== NONE) {
          p.info.sweep += ev.ts - p.blockSweep;
          p.blockSweep = NONE;
        }
        break;
      }
      case Ev.GCStart:
        gcStart = ev.ts;
        break;
      case Ev.GCDone:
        if (gcStart === NONE) break;
        for (const p of gs.values()) {
          if (p.done) continue;
          p.info.gcPause += ev.ts - Math.max(gcStart, p.info.created);
        }
        gcStart = NONE;
        break;
    }
  }
  const out: GoroutineInfo[] = [];
  for (const p of gs.values()) {
    if (!p.done) close(p, last, gcStart);
    out.push(p.info);
  }
  return out.sort((a, b) => a.id - b.id);
}

/** Goroutines grouped by start function, biggest total execution time first. */
export function groupByStartFunction(gs: readonly GoroutineInfo[]): GoroutineGroup[] {
  const m = new Map<string, GoroutineGroup>();
  for (const g of gs) {
    const name = g.name === "" ? "(unknown start function)" : g.name;
    let grp = m.get(name);
    if (grp === undefined) {
      grp = { name, count: 0, system: g.system, exec: 0, schedWait: 0, netWait: 0, syncBlock: 0, syscall: 0, sweep: 0, gcPause: 0, total: 0 };
      m.set(name, grp);
    }
    grp.count++;
    grp.exec += g.exec;
    grp.schedWait += g.schedWait;
    grp.netWait += g.netWait;
    grp.syncBlock += g.syncBlock;
    grp.syscall += g.syscall;
    grp.sweep += g.sweep;
    grp.gcPause += g.gcPause;
    grp.total += g.total;
  }
  return [...m.values()].sort((a, b) => b.exec - a.exec || a.name.localeCompare(b.name));
}
