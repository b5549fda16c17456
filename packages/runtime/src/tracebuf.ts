/**
 * tracebuf.ts — the byte-level writer of Go 1.19's execution trace format (Go's runtime/trace.go
 * traceBuf and its varint helpers, written afresh; format notes:
 * /work/shared/reference/trace-format-1.19.md). trace.ts decides *what* to emit; this file
 * knows *how* it is laid out.
 *
 * FILE: "go 1.19 trace\0\0\0", then batches (each a Batch record + events, ≤ 64 KiB, one P's
 * events in time order), then the Frequency record, then batches holding the String and Stack
 * records of the stack table.
 *
 * EVENT: one header byte `type | n << 6` (n = number of values after the timestamp, capped at
 * 3), then varints: the timestamp delta from the previous event of the batch and the values.
 * With n = 3 a byte length follows the header and covers the delta and every value:
 *
 *   n < 3:  [type|n<<6] [Δts] [v1] … [vn]
 *   n = 3:  [type|3<<6] [len] [Δts] [v1] … [vk]        len = bytes of Δts..vk (< 128: one byte)
 *   Batch:  [0x41] [P] [ticks]          Frequency: [0x02] [ticks per second]
 *   String: [0x25] [id] [len] bytes     Stack: [0xc3] [len varint] [id] [n] {pc fn file line}×n
 *
 * Varints are unsigned LEB128 (7 bits per byte, low group first); −1 is written as 2^64−1.
 *
 * BUFFERS: a `TraceBuf` is one Uint8Array of BUF_BYTES; the writer checks room once per event
 * (`room`) and hands a full buffer to its sink, starting a fresh one with a Batch record. Values
 * are plain JS numbers (exact up to 2^53: timestamps in ns stay exact for 104 days).
 *
 * Rejected: building events as objects and serialising at the end (an allocation per event on
 * the scheduler's hot path); BigInt varints (10–50× slower than the two-phase number loop).
 */

/** Go 1.19's trace event types (runtime/trace.go traceEv*). */
export const enum Ev {
  None = 0,
  Batch = 1,
  Frequency = 2,
  Stack = 3,
  Gomaxprocs = 4,
  ProcStart = 5,
  ProcStop = 6,
  GCStart = 7,
  GCDone = 8,
  GCSTWStart = 9,
  GCSTWDone = 10,
  GCSweepStart = 11,
  GCSweepDone = 12,
  GoCreate = 13,
  GoStart = 14,
  GoEnd = 15,
  GoStop = 16,
  GoSched = 17,
  GoPreempt = 18,
  GoSleep = 19,
  GoBlock = 20,
  GoUnblock = 21,
  GoBlockSend = 22,
  GoBlockRecv = 23,
  GoBlockSelect = 24,
  GoBlockSync = 25,
  GoBlockCond = 26,
  GoBlockNet = 27,
  GoSysCall = 28,
  GoSysExit = 29,
  GoSysBlock = 30,
  GoWaiting = 31,
  GoInSyscall = 32,
  HeapAlloc = 33,
  HeapGoal = 34,
  TimerGoroutine = 35,
  FutileWakeup = 36,
  String = 37,
  GoStartLocal = 38,
  GoUnblockLocal = 39,
  GoSysExitLocal = 40,
  GoStartLabel = 41,
  GoBlockGC = 42,
  GCMarkAssistStart = 43,
  GCMarkAssistDone = 44,
  UserTaskCreate = 45,
  UserTaskEnd = 46,
  UserRegion = 47,
  UserLog = 48,
  CPUSample = 49,
}

/** The 16-byte file header. */
export const TRACE_HEADER = new Uint8Array([0x67, 0x6f, 0x20, 0x31, 0x2e, 0x31, 0x39, 0x20, 0x74, 0x72, 0x61, 0x63, 0x65, 0, 0, 0]);

/** Bytes per buffer (Go: 64 KiB). A batch never exceeds it. */
export const BUF_BYTES = 64 << 10;
/** Largest ordinary event (header, length, ≤ 6 varints of ≤ 10 bytes): room checked per event. */
export const MAX_EVENT_BYTES = 80;

/** Where full buffers go: the CLI writes them to a file, runtime/trace queues them for ReadTrace. */
export type TraceSink = (chunk: Uint8Array) => void;

const utf8 = new TextEncoder();

/** One P's buffer: bytes written so far and the batch's running timestamp. */
export class TraceBuf {
  /** Bytes; valid in [0, pos). */
  bytes: Uint8Array;
  /** Write cursor. */
  pos: number;
  /** Timestamp of the last event written (ns); deltas are taken from it. */
  lastTs: number;
  /** P id written in each Batch record (−1: no P). */
  readonly pid: number;
  private readonly sink: TraceSink;

  /** The sink is done with a chunk when it returns (the array may be overwritten). */
  private readonly reuse: boolean;

  constructor(pid: number, sink: TraceSink, ts: number, reuse = false) {
    this.pid = pid;
    this.sink = sink;
    this.reuse = reuse;
    this.bytes = new Uint8Array(BUF_BYTES);
    this.pos = 0;
    this.lastTs = ts;
    this.batchHeader();
  }

  private batchHeader(): void {
    this.bytes[this.pos++] = Ev.Batch | (1 << 6);
    this.varint(this.pid < 0 ? -1 : this.pid);
    this.varint(this.lastTs);
  }

  /** Ensures `n` free bytes, flushing the buffer (and starting a new batch) when short. */
  room(n: number): void {
    if (this.pos + n > BUF_BYTES) this.flush();
  }

  /**
   * Hands the bytes written to the sink and starts a new batch: in the same array when the
   * sink consumed the bytes synchronously (`reuse`, a file), else in a fresh one (a queue).
   */
  flush(): void {
    if (this.pos === 0) return;
    this.sink(this.bytes.subarray(0, this.pos));
    if (!this.reuse) this.bytes = new Uint8Array(BUF_BYTES);
    this.pos = 0;
    this.batchHeader();
  }

  /** Hands the bytes written to the sink without starting a new batch (end of trace). */
  finish(): void {
    if (this.pos > 0) this.sink(this.bytes.subarray(0, this.pos));
    this.pos = 0;
  }

  /** True when the buffer holds nothing but its Batch record. */
  get empty(): boolean {
    return this.pos <= 1 + varintLen(this.pid < 0 ? -1 : this.pid) + varintLen(this.lastTs);
  }

  /** Unsigned LEB128 of v (a non-negative integer < 2^53, or −1 for 2^64−1). */
  varint(v: number): void {
    const b = this.bytes;
    let p = this.pos;
    if (v < 0x80 && v >= 0) {
      b[p] = v; // most values: seqs, small goids, stack ids, deltas under 128 ns
      this.pos = p + 1;
      return;
    }
    if (v < 0) {
      // −1 only (P = −1, "no P"): ten bytes of two's complement.
      for (let i = 0; i < 9; i++) b[p++] = 0xff;
      b[p++] = 0x01;
      this.pos = p;
      return;
    }
    while (v >= 0x80000000) {
      b[p++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    while (v >= 0x80) {
      b[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[p++] = v;
    this.pos = p;
  }

  /** Timestamp delta of an event at `ts` (≥ 1: the caller keeps timestamps strictly increasing). */
  private delta(ts: number): void {
    this.varint(ts - this.lastTs);
    this.lastTs = ts;
  }

  /** Event with no value after the timestamp. Precondition: `room(MAX_EVENT_BYTES)`. */
  ev0(type: number, ts: number): void {
    this.bytes[this.pos++] = type;
    this.delta(ts);
  }

  ev1(type: number, ts: number, a: number): void {
    this.bytes[this.pos++] = type | (1 << 6);
    this.delta(ts);
    this.varint(a);
  }

  ev2(type: number, ts: number, a: number, b: number): void {
    this.bytes[this.pos++] = type | (2 << 6);
    this.delta(ts);
    this.varint(a);
    this.varint(b);
  }

  /** Length-delimited event with three values. */
  ev3(type: number, ts: number, a: number, b: number, c: number): void {
    const bytes = this.bytes;
    bytes[this.pos++] = type | (3 << 6);
    const lenAt = this.pos++;
    this.delta(ts);
    this.varint(a);
    this.varint(b);
    this.varint(c);
    bytes[lenAt] = this.pos - lenAt - 1;
  }

  /** Length-delimited event with four values. */
  ev4(type: number, ts: number, a: number, b: number, c: number, d: number): void {
    const bytes = this.bytes;
    bytes[this.pos++] = type | (3 << 6);
    const lenAt = this.pos++;
    this.delta(ts);
    this.varint(a);
    this.varint(b);
    this.varint(c);
    this.varint(d);
    bytes[lenAt] = this.pos - lenAt - 1;
  }

  /** String record `id` = s (UTF-8; the caller bounds its length). Checks room itself. */
  string(id: number, s: Uint8Array): void {
    this.room(s.length + 24);
    this.bytes[this.pos++] = Ev.String;
    this.varint(id);
    this.varint(s.length);
    this.bytes.set(s, this.pos);
    this.pos += s.length;
  }

  /** Raw bytes (UserLog's trailing value). Precondition: room. */
  raw(s: Uint8Array): void {
    this.varint(s.length);
    this.bytes.set(s, this.pos);
    this.pos += s.length;
  }

  /**
   * Stack record: `frames` holds (pc, funcStrId, fileStrId, line) quadruples. Length-prefixed
   * with a full varint length. Checks room itself.
   */
  stack(id: number, frames: readonly number[]): void {
    this.room(frames.length * 10 + 40);
    // Measure the body first (the length prefix is a varint of unknown width).
    let len = varintLen(id) + varintLen(frames.length >>> 2);
    for (const v of frames) len += varintLen(v);
    this.bytes[this.pos++] = Ev.Stack | (3 << 6);
    this.varint(len);
    this.varint(id);
    this.varint(frames.length >>> 2);
    for (const v of frames) this.varint(v);
  }
}

/** Bytes of the varint encoding of v (v ≥ 0 or −1). */
export function varintLen(v: number): number {
  if (v < 0) return 10;
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

/** UTF-8 bytes of s cut to at most `max` bytes (Go cuts over-long names the same way). */
export function utf8Bytes(s: string, max: number): Uint8Array {
  const b = utf8.encode(s);
  return b.length <= max ? b : b.subarray(0, max);
}

/** The Frequency record (outside any batch). */
export function frequencyRecord(ticksPerSecond: number): Uint8Array {
  const out: number[] = [Ev.Frequency];
  let v = ticksPerSecond;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return new Uint8Array(out);
}
