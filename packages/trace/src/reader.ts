/**
 * Wire-level decoding of a Go 1.19 execution trace: header, varints, the string table, and the
 * per-P batches of events with their timestamps rebuilt from deltas.
 *
 * File layout (reference/trace-format-1.19.md §1):
 *
 *   "go 1.19 trace\0\0\0"                 16-byte header
 *   Batch(P, ticks) ev ev ev ...           one per flushed per-P buffer; later events' time is
 *   Batch(P, ticks) ev ev ...              the batch's ticks plus the running sum of deltas
 *   Frequency(ticks per second)            once, after the last batch
 *   Batch(0, ticks) String.. Stack..       the stack table dump
 *
 * Every event is attributed to the P of its enclosing Batch and to the goroutine that P was last
 * seen running (tracked across batches of the same P): GoStart* set it, the events that stop a
 * goroutine clear it. This file only decodes; ordering across Ps is order.ts, consistency checks
 * and event linking are parser.ts.
 *
 * Design notes: one pass over a Uint8Array (no streams; traces are read whole). Values are
 * JavaScript numbers: timestamps, ids, sizes and PCs stay far below 2^53; varints longer than 7
 * bytes take an exact BigInt path so that the 10-byte encoding of -1 (Batch P of the global
 * buffer, CPUSample's "no P") decodes to -1 as Go's int(uint64) conversion gives.
 */
import { EVENT_DESCS, Ev, EvCount, ProfileP, SUPPORTED_VERSIONS } from "./events.js";
import { TraceError, hexOff } from "./errors.js";

/** One frame of a stack from the trace's stack table (innermost first in a stack). */
export interface Frame {
  pc: number;
  fn: string;
  file: string;
  line: number;
}

/** Shared by the (many) events without string arguments; never mutated (events with strings get their own array). */
const NO_SARGS: string[] = [];

/**
 * One trace event. ts is in CPU ticks while decoding and ordering, nanoseconds since the first
 * event once parsing is done. p is the P whose buffer held it (or a pseudo-P, see events.ts);
 * g the goroutine it concerns (0: none). args are the numeric arguments in EVENT_DESCS order.
 */
export class TraceEvent {
  /** Byte offset of the event in the file: unique, and how Go's dump identifies events. */
  readonly off: number;
  /** Event type (Ev); the *Local variants are rewritten to their plain type when ordered. */
  type: number;
  ts: number;
  p: number;
  g: number;
  readonly args: number[];
  /** Stack id (0: none); for GoStart, the started goroutine's creation stack once linked. */
  stk: number;
  /** String arguments: STW kind, label, task/region name, log category and message. */
  sargs: string[];
  /** The matching later event (start→stop, block→unblock, GC start→done, region start→end...). */
  link: TraceEvent | null;

  constructor(off: number, type: number, ts: number, p: number, g: number, args: number[], stk: number) {
    this.off = off;
    this.type = type;
    this.ts = ts;
    this.p = p;
    this.g = g;
    this.args = args;
    this.stk = stk;
    this.sargs = NO_SARGS;
    this.link = null;
  }
}

/** What the wire pass produces: events grouped per P in emission order, plus the tables. */
export interface DecodedTrace {
  version: number;
  /** Events by P (ProfileP for CPU samples), in buffer order; Map keeps first-seen P order. */
  batches: Map<number, TraceEvent[]>;
  strings: Map<number, string>;
  stacks: Map<number, Frame[]>;
  ticksPerSec: number;
  /** Goroutines named by TimerGoroutine records (none in 1.19 traces). */
  timerGoroutines: Set<number>;
  /** Number of Batch records. */
  batchCount: number;
  /** Events read per raw type, before *Local rewriting (String, Stack and Batch included). */
  rawCounts: number[];
}

const HEADER_LEN = 16;
const MAX_STRING = 1e6;
const MAX_FRAMES = 1000;

/** Parses "go 1.N trace" / "go 1.NN trace" padded with NULs; returns 1000*major+minor. */
export function parseHeader(buf: Uint8Array): number {
  if (buf.length < HEADER_LEN) {
    throw new TraceError(`not a trace file: ${buf.length} bytes, shorter than the 16-byte header`);
  }
  const ch = (i: number) => buf[i];
  const digit = (c: number) => c >= 0x30 && c <= 0x39;
  const prefixOk = ch(0) === 0x67 && ch(1) === 0x6f && ch(2) === 0x20 && ch(3) >= 0x31 && ch(3) <= 0x39 && ch(4) === 0x2e && ch(5) >= 0x31 && ch(5) <= 0x39;
  if (!prefixOk) throw new TraceError(`not a trace file: header does not start with "go 1.N trace"`);
  let minor = ch(5) - 0x30;
  let i = 6;
  while (i < 8 && digit(ch(i))) minor = minor * 10 + (ch(i++) - 0x30);
  const rest = " trace";
  for (let k = 0; k < HEADER_LEN - i; k++) {
    const want = k < rest.length ? rest.charCodeAt(k) : 0;
    if (ch(i + k) !== want) throw new TraceError(`not a trace file: bad header ${JSON.stringify(Buffer.from(buf.subarray(0, HEADER_LEN)).toString("latin1"))}`);
  }
  return (ch(3) - 0x30) * 1000 + minor;
}

/** Cursor over the file bytes; every read checks the end so truncation is reported, never read past. */
class Cursor {
  pos = HEADER_LEN;
  constructor(readonly buf: Uint8Array) {}

  truncated(what: string, start: number): never {
    throw new TraceError(`truncated trace: ${what} at offset ${hexOff(start)} runs past the end of the file (${this.buf.length} bytes)`);
  }

  /** Reads an unsigned LEB128 value (≤ 10 bytes); ≥ 2^63 comes back negative (two's complement). */
  varint(what: string, start: number): number {
    const buf = this.buf;
    let v = 0;
    let mul = 1;
    const p0 = this.pos;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= buf.length) this.truncated(what, start);
      const b = buf[this.pos++];
      if (i >= 7) return this.varintBig(p0, what, start);
      v += (b & 0x7f) * mul;
      mul *= 128;
      if ((b & 0x80) === 0) return v;
    }
    throw new TraceError(`bad varint in ${what} at offset ${hexOff(p0)}: more than 10 bytes`);
  }

  /** The exact path for values of 50 bits or more. */
  private varintBig(p0: number, what: string, start: number): number {
    const buf = this.buf;
    this.pos = p0;
    let v = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= buf.length) this.truncated(what, start);
      const b = buf[this.pos++];
      v |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) {
        v = BigInt.asUintN(64, v);
        return v >= 1n << 63n ? Number(v - (1n << 64n)) : Number(v);
      }
    }
    throw new TraceError(`bad varint in ${what} at offset ${hexOff(p0)}: more than 10 bytes`);
  }

  bytes(n: number, what: string, start: number): string {
    if (this.pos + n > this.buf.length) this.truncated(what, start);
    const s = Buffer.from(this.buf.buffer, this.buf.byteOffset + this.pos, n).toString("utf8");
    this.pos += n;
    return s;
  }
}

/** Number of wire values (timestamp delta and stack included) a type must have; -1 for Stack. */
function wantArgs(type: number): number {
  const desc = EVENT_DESCS[type];
  if (type === Ev.Stack) return -1;
  let n = desc.args.length + (desc.stack ? 1 : 0);
  if (type !== Ev.Batch && type !== Ev.Frequency && type !== Ev.TimerGoroutine) n++; // timestamp delta
  return n;
}

/** Decodes the whole file: see the file comment. Throws TraceError on anything malformed. */
export function decodeTrace(buf: Uint8Array): DecodedTrace {
  const version = parseHeader(buf);
  if (!SUPPORTED_VERSIONS.includes(version)) {
    throw new TraceError(`unsupported trace version ${Math.floor(version / 1000)}.${version % 1000}: gort reads Go 1.11–1.19 traces (format 1.11 and 1.19)`);
  }
  const cur = new Cursor(buf);
  const strings = new Map<number, string>();
  const stacks = new Map<number, Frame[]>();
  const batches = new Map<number, TraceEvent[]>();
  const timerGoroutines = new Set<number>();
  const rawCounts = new Array<number>(EvCount).fill(0);
  const lastGs = new Map<number, number>();
  const vals: number[] = [];
  let ticksPerSec = 0;
  let lastP = 0;
  let lastG = 0;
  let lastTs = 0;
  let batchCount = 0;
  let sawBatch = false;
  const pendingStacks: { off: number; vals: number[] }[] = [];

  while (cur.pos < buf.length) {
    const off = cur.pos;
    const head = buf[cur.pos++];
    const type = head & 0x3f;
    const n = head >> 6;
    if (type === Ev.None || type >= EvCount || EVENT_DESCS[type].minVersion > version) {
      throw new TraceError(`unknown event type ${type} at offset ${hexOff(off)}`);
    }
    const desc = EVENT_DESCS[type];
    rawCounts[type]++;
    if (type === Ev.String) {
      const id = cur.varint("String", off);
      const len = cur.varint("String", off);
      if (id === 0) throw new TraceError(`String at offset ${hexOff(off)} has invalid id 0`);
      if (strings.has(id)) throw new TraceError(`String at offset ${hexOff(off)} has duplicate id ${id}`);
      if (len <= 0 || len > MAX_STRING) throw new TraceError(`String at offset ${hexOff(off)} has invalid length ${len}`);
      strings.set(id, cur.bytes(len, "String", off));
      continue;
    }
    vals.length = 0;
    if (n < 3) {
      for (let i = 0; i <= n; i++) vals.push(cur.varint(desc.name, off));
    } else {
      const len = cur.varint(desc.name, off);
      const end = cur.pos + len;
      if (end > buf.length) cur.truncated(desc.name, off);
      while (cur.pos < end) vals.push(cur.varint(desc.name, off));
      if (cur.pos !== end) throw new TraceError(`${desc.name} at offset ${hexOff(off)} has wrong length: want ${len}, got ${len + cur.pos - end}`);
    }
    let logMessage = "";
    if (type === Ev.UserLog) {
      const len = cur.varint("UserLog message", off);
      if (len > MAX_STRING) throw new TraceError(`UserLog at offset ${hexOff(off)} has a too long message (${len} bytes)`);
      if (len > 0) logMessage = cur.bytes(len, "UserLog message", off);
    }
    const want = wantArgs(type);
    if (want >= 0 && vals.length !== want) {
      throw new TraceError(`${desc.name} at offset ${hexOff(off)} has wrong number of arguments: want ${want}, got ${vals.length}`);
    }
    switch (type) {
      case Ev.Batch:
        lastGs.set(lastP, lastG);
        lastP = vals[0];
        lastG = lastGs.get(lastP) ?? 0;
        lastTs = vals[1];
        batchCount++;
        sawBatch = true;
        continue;
      case Ev.Frequency:
        ticksPerSec = vals[0];
        if (!(ticksPerSec > 0)) throw new TraceError(`Frequency at offset ${hexOff(off)} is ${ticksPerSec}: ticks per second must be positive`);
        continue;
      case Ev.TimerGoroutine:
        timerGoroutines.add(vals[0]);
        continue;
      case Ev.Stack:
        pendingStacks.push({ off, vals: vals.slice() });
        continue;
    }
    if (!sawBatch) throw new TraceError(`${desc.name} at offset ${hexOff(off)} comes before any Batch`);
    const ts = lastTs + vals[0];
    lastTs = ts;
    const nargs = desc.args.length;
    const args = vals.slice(1, 1 + nargs);
    const stk = desc.stack ? vals[1 + nargs] : 0;
    const ev = new TraceEvent(off, type, ts, lastP, lastG, args, stk);
    switch (type) {
      case Ev.GoStart:
      case Ev.GoStartLocal:
      case Ev.GoStartLabel:
        lastG = args[0];
        ev.g = lastG;
        break;
      case Ev.GCSTWStart:
        ev.g = 0;
        if (args[0] === 0) ev.sargs = ["mark termination"];
        else if (args[0] === 1) ev.sargs = ["sweep termination"];
        else throw new TraceError(`GCSTWStart at offset ${hexOff(off)} has unknown STW kind ${args[0]}`);
        break;
      case Ev.GCStart:
      case Ev.GCDone:
      case Ev.GCSTWDone:
        ev.g = 0;
        break;
      case Ev.GoEnd:
      case Ev.GoStop:
      case Ev.GoSched:
      case Ev.GoPreempt:
      case Ev.GoSleep:
      case Ev.GoBlock:
      case Ev.GoBlockSend:
      case Ev.GoBlockRecv:
      case Ev.GoBlockSelect:
      case Ev.GoBlockSync:
      case Ev.GoBlockCond:
      case Ev.GoBlockNet:
      case Ev.GoSysBlock:
      case Ev.GoBlockGC:
        lastG = 0;
        break;
      case Ev.GoSysExit:
      case Ev.GoWaiting:
      case Ev.GoInSyscall:
        ev.g = args[0];
        break;
      case Ev.UserLog:
        ev.sargs = ["", logMessage]; // the category is resolved below
        break;
      case Ev.CPUSample:
        ev.ts = args[0];
        ev.p = args[1];
        ev.g = args[2];
        args[0] = 0;
        break;
    }
    const key = type === Ev.CPUSample ? ProfileP : lastP;
    let batch = batches.get(key);
    if (batch === undefined) batches.set(key, (batch = []));
    batch.push(ev);
  }
  // A string is defined in the buffer of the P that used it first, and buffers are flushed in any
  // order, so names are resolved once the whole file is read.
  for (const batch of batches.values()) {
    for (const ev of batch) {
      switch (ev.type) {
        case Ev.GoStartLabel:
        case Ev.UserTaskCreate:
        case Ev.UserRegion:
          ev.sargs = [strings.get(ev.args[2]) ?? ""];
          break;
        case Ev.UserLog:
          ev.sargs[0] = strings.get(ev.args[1]) ?? "";
          break;
      }
    }
  }
  // Stack records name strings that may come later in the dump, so resolve them at the end.
  for (const { off, vals: sv } of pendingStacks) {
    if (sv.length < 2) throw new TraceError(`Stack at offset ${hexOff(off)} has ${sv.length} values, want at least 2`);
    const [id, nframes] = sv;
    if (nframes > MAX_FRAMES) throw new TraceError(`Stack at offset ${hexOff(off)} has bad number of frames ${nframes}`);
    if (sv.length !== 2 + 4 * nframes) throw new TraceError(`Stack at offset ${hexOff(off)} has wrong number of values: want ${2 + 4 * nframes}, got ${sv.length}`);
    if (id === 0 || nframes === 0) continue;
    const frames: Frame[] = [];
    for (let i = 0; i < nframes; i++) {
      const b = 2 + 4 * i;
      frames.push({ pc: sv[b], fn: strings.get(sv[b + 1]) ?? "", file: strings.get(sv[b + 2]) ?? "", line: sv[b + 3] });
    }
    stacks.set(id, frames);
  }
  if (batches.size === 0) throw new TraceError("trace is empty: no events after the header");
  if (ticksPerSec === 0) throw new TraceError("no Frequency record: the trace was cut short before the footer (was trace.Stop called?)");
  return { version, batches, strings, stacks, ticksPerSec, timerGoroutines, batchCount, rawCounts };
}
