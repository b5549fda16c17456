/**
 * jsvaluehost.ts — the JavaScript host thread of package syscall/js: the source of the worker
 * that owns every JavaScript value a Go program reaches (jsvalue.ts is the runtime's side and
 * describes the design). Kept as a CommonJS string run with `eval: true`, as netpoll.ts does, so
 * it works from the TypeScript sources, from esbuild bundles and from builds alike.
 *
 * TABLE. `values[id]` holds the value, `counts[id]` how many refs to it Go holds (one per
 * hand-over: each becomes a Value whose finalizer sends a release), `ids` maps a value back to
 * its id so the same value always gets the same id (Value.Equal compares refs). Ids below FIRST
 * are the predefined values (never counted, never freed). Freed ids are reused.
 *
 * REF LAYOUT (syscall/js/js.go `ref`): a pair (lo, hi) of uint32 words. undefined is (0, 0); a
 * number other than ±0 and NaN is its float64 bits; anything else is boxed: hi = BOX | tag<<16,
 * lo = id, tags 0 plain (ids 0 NaN, 1 zero, 2 null, 3 true, 4 false), 1 object (id 5 is
 * globalThis), 2 string, 3 symbol, 4 function, 5 other (bigint).
 *
 * MESSAGES are arrays. Main → host: records in a byte ring (RING_BYTES below, HostRing), then
 * ctl[C_M2W] bumped and notified; host → main: MessagePort messages, then ctl[C_W2M] bumped and
 * notified; a side blocked in Atomics.wait wakes and takes them (take / receiveMessageOnPort).
 * Main → host: requests [op, req, operands…], a release [OP_REL, ids…], a callback result
 * [OP_DONE, cb, lo, hi], OP_YIELD (see HOT_WINDOW_MS). Host → main: replies [M_*, req, …], Go calls
 * [M_CALLBACK, req, cb, funcId, thisLo, thisHi, argPairs] (req 0: no request is running, the
 * runtime starts a goroutine), uncaught errors [M_ERROR, text].
 *
 * WAITING. A Func called from JavaScript posts M_CALLBACK and blocks in Atomics.wait until its
 * OP_DONE arrives, serving any request that comes meanwhile (a Go call made by the callback, or
 * by another goroutine) — JavaScript's stack nests, Go's goroutines need not. When the event loop
 * has nothing left to do ('beforeExit'), the thread sets ctl[C_IDLE] and blocks for the next
 * message, so the runtime can tell "waiting for JavaScript" from a deadlock.
 */

import type { MessagePort } from "node:worker_threads";

/** Control words (Int32Array over a SharedArrayBuffer). */
export const C_W2M = 0; // bumped by the host for every message to main
export const C_M2W = 1; // bumped by main for every message to the host
export const C_IDLE = 2; // 1 while the host's event loop is empty and it waits for main
export const C_EXIT = 3; // exit code + 1 once the host thread ended (process.exit in JavaScript)
export const C_HEAD = 4; // main → host ring: bytes consumed (host writes), mod 2^32
export const C_TAIL = 5; // main → host ring: bytes published (main writes), mod 2^32
export const C_WAITING = 6; // 1 while the host takes ring records through the futex (else main pings its port)
export const C_GOWAIT = 7; // Func calls the host is blocked in, waiting for Go (raised before M_CALLBACK is posted)
export const CTL_WORDS = 8;

/**
 * Main → host messages go through a byte ring in a SharedArrayBuffer (single producer, single
 * consumer), not postMessage: a post costs ≈ 20 µs on the scheduler's thread (it also wakes
 * the host's event loop), a ring write ≈ 1 µs (measured: a bare round trip 11.7 µs with the
 * ring and a futex, 46.6 µs with MessagePort, same machine and load). While the host is in
 * its event loop (C_WAITING = 0) main also posts a ping (0) to its port. A record:
 *
 *   [u32 len (bytes, multiple of 4)][u32 n fields] then n fields, each [u8 tag] + payload:
 *     tag 0 number: f64 · tag 1 string: u32 bytes + UTF-8 · tag 2 Uint32Array: u32 count +
 *     4·count bytes · tag 3 Uint8Array: u32 count + bytes
 *   n = 0xFFFFFFFF: the message was too big for the ring; it went by postMessage as [id, msg]
 *     and the next u32 is id (posted before the record, so it is in the port's queue).
 *   len = 0xFFFFFFFF at a position: padding, the record starts at 0 (records never wrap).
 */
export const RING_BYTES = 1 << 20;

// main → host
export const OP_REL = 0;
export const OP_DONE = 1;
export const OP_GET = 2;
export const OP_SET = 3;
export const OP_DELETE = 4;
export const OP_INDEX = 5;
export const OP_SETINDEX = 6;
export const OP_LENGTH = 7;
export const OP_CALL = 8;
export const OP_INVOKE = 9;
export const OP_NEW = 10;
export const OP_INSTANCEOF = 11;
export const OP_STRING = 12;
export const OP_NEWSTRING = 13;
export const OP_MAKEFUNC = 14;
export const OP_TOGO = 15;
export const OP_TOJS = 16;
export const OP_YIELD = 17; // main's scheduler went idle: end the hot window

/**
 * After serving a message from its event loop, the host waits this long (ms) for the next one
 * before returning to the loop (the hot window): back-to-back Go calls are served without a
 * loop turn in between — faster (a futex wake instead of a loop wake-up) and closer to Go's
 * wasm port, where JavaScript's microtasks and timers run only while Go waits. Trades timer
 * latency on the host (≤ this much while Go keeps calling) for call latency.
 */
export const HOT_WINDOW_MS = 2;

// host → main
export const M_RESULT = 1; // [M_RESULT, req, st, lo, hi]  st 0 ok, 1 threw
export const M_STRING = 2; // [M_STRING, req, text]
export const M_BYTES = 3; // [M_BYTES, req, ok, Uint8Array | null]
export const M_COUNT = 4; // [M_COUNT, req, ok, n]
export const M_CALLBACK = 5; // [M_CALLBACK, req, cb, funcId, thisLo, thisHi, Uint32Array args]
export const M_ERROR = 6; // [M_ERROR, text]

/** Func id of the host's console / process.stdout / process.stderr output (func.go outputFuncID). */
export const OUTPUT_FUNC = 0xffffffff;

const enc = new TextEncoder();

/** The main side of the main → host ring (layout above); one per host thread. */
export class HostRing {
  readonly buf = new Uint8Array(new SharedArrayBuffer(RING_BYTES));
  private readonly dv = new DataView(this.buf.buffer);
  private readonly ctl: Int32Array;
  private nextBlob = 1;

  constructor(ctl: Int32Array) {
    this.ctl = ctl;
  }

  /** Appends message m to the main → host ring (record layout: jsvaluehost.ts RING_BYTES). */
  write(port: MessagePort, m: unknown[], transfer?: ArrayBuffer[]): void {
    let size = 8;
    for (const x of m) {
      if (typeof x === "string") size += 5 + 3 * x.length;
      else if (x instanceof Uint32Array || x instanceof Uint8Array) size += 5 + x.byteLength;
      else size += 9;
    }
    size = (size + 3) & ~3;
    let blob = 0;
    if (size > RING_BYTES / 4) {
      // too big for the ring: by postMessage, named in a small record
      blob = this.nextBlob++;
      port.postMessage([blob, m], transfer);
      size = 12;
    }
    const ctl = this.ctl;
    const tail = Atomics.load(ctl, C_TAIL) >>> 0;
    let pos = tail % RING_BYTES;
    const pad = RING_BYTES - pos < size ? RING_BYTES - pos : 0;
    for (;;) {
      const head = Atomics.load(ctl, C_HEAD);
      if (RING_BYTES - ((tail - (head >>> 0)) >>> 0) >= pad + size) break;
      Atomics.wait(ctl, C_HEAD, head, 1); // full: the host drains it even while it waits for Go
    }
    const dv = this.dv;
    if (pad > 0) {
      dv.setUint32(pos, 0xffffffff, true);
      pos = 0;
    }
    let p = pos + 8;
    if (blob !== 0) {
      dv.setUint32(pos + 4, 0xffffffff, true);
      dv.setUint32(p, blob, true);
      p += 4;
    } else {
      dv.setUint32(pos + 4, m.length, true);
      const ring = this.buf;
      for (const x of m) {
        if (typeof x === "string") {
          ring[p] = 1;
          const n = enc.encodeInto(x, ring.subarray(p + 5, p + 5 + 3 * x.length)).written;
          dv.setUint32(p + 1, n, true);
          p += 5 + n;
        } else if (x instanceof Uint32Array) {
          ring[p] = 2;
          dv.setUint32(p + 1, x.length, true);
          ring.set(new Uint8Array(x.buffer, x.byteOffset, x.byteLength), p + 5);
          p += 5 + x.byteLength;
        } else if (x instanceof Uint8Array) {
          ring[p] = 3;
          dv.setUint32(p + 1, x.length, true);
          ring.set(x, p + 5);
          p += 5 + x.length;
        } else {
          ring[p] = 0;
          dv.setFloat64(p + 1, x as number, true);
          p += 9;
        }
      }
    }
    const len = (p - pos + 3) & ~3;
    dv.setUint32(pos, len, true);
    Atomics.store(ctl, C_TAIL, (tail + pad + len) | 0);
  }
}

export const JS_HOST_SOURCE = `
"use strict";
const { workerData, receiveMessageOnPort } = require("node:worker_threads");
const { Writable } = require("node:stream");
const { Console } = require("node:console");
const ctl = new Int32Array(workerData.ctl);
const port = workerData.port;
const C_W2M = ${C_W2M}, C_M2W = ${C_M2W}, C_IDLE = ${C_IDLE}, C_EXIT = ${C_EXIT};
const C_HEAD = ${C_HEAD}, C_TAIL = ${C_TAIL}, C_WAITING = ${C_WAITING}, C_GOWAIT = ${C_GOWAIT};
const ring = new Uint8Array(workerData.ring);
const rdv = new DataView(workerData.ring);
const RSIZE = ring.length;
const BOX = 0x7ff80000, FIRST = 8;
globalThis.require = require;
globalThis.fs = require("node:fs");
// diagnostics: live table entries (not enumerable; Go's wasm port has no such property)
Object.defineProperty(globalThis, "__gortJsValues", { get: () => live, configurable: true });

// ── the table ──
const values = [NaN, 0, null, true, false, globalThis, undefined, undefined]; // FIRST entries
const counts = [0, 0, 0, 0, 0, 0, 0, 0];
const ids = new Map([[globalThis, 5]]);
const free = [];
let live = 0;
const f64 = new Float64Array(1), w32 = new Uint32Array(f64.buffer);
function store(v, out, at) {
  switch (typeof v) {
    case "number":
      if (v === 0) { out[at] = 1; out[at + 1] = BOX; return; }
      if (v !== v) { out[at] = 0; out[at + 1] = BOX; return; }
      f64[0] = v; out[at] = w32[0]; out[at + 1] = w32[1]; return;
    case "undefined": out[at] = 0; out[at + 1] = 0; return;
    case "boolean": out[at] = v ? 3 : 4; out[at + 1] = BOX; return;
  }
  if (v === null) { out[at] = 2; out[at + 1] = BOX; return; }
  let id = ids.get(v);
  if (id === undefined) {
    id = free.length > 0 ? free.pop() : values.length;
    values[id] = v; counts[id] = 0; ids.set(v, id); live++;
  }
  if (id >= FIRST) counts[id]++;
  const t = typeof v;
  const tag = t === "object" ? 1 : t === "string" ? 2 : t === "symbol" ? 3 : t === "function" ? 4 : 5;
  out[at] = id; out[at + 1] = (BOX | (tag << 16)) >>> 0;
}
function load(lo, hi) {
  if (((hi & 0xfff80000) >>> 0) === BOX) return values[lo];
  if (hi === 0 && lo === 0) return undefined;
  w32[0] = lo; w32[1] = hi; return f64[0];
}
function release(id) {
  if (id < FIRST || counts[id] === undefined) return;
  if (--counts[id] > 0) return;
  ids.delete(values[id]); values[id] = undefined; counts[id] = undefined; free.push(id); live--;
}
function loadArgs(a) {
  const out = new Array(a.length >>> 1);
  for (let i = 0; i < out.length; i++) out[i] = load(a[2 * i], a[2 * i + 1]);
  return out;
}

// ── messages ──
function post(m, transfer) {
  port.postMessage(m, transfer);
  Atomics.add(ctl, C_W2M, 1);
  Atomics.notify(ctl, C_W2M);
}
// messages too big for the ring, by id (see take)
const blobs = new Map();
function onPort(x) { if (x !== 0) blobs.set(x[0], x[1]); }
function blob(id) {
  for (;;) {
    if (blobs.has(id)) { const m = blobs.get(id); blobs.delete(id); return m; }
    const r = receiveMessageOnPort(port);
    if (r !== undefined) onPort(r.message);
    else Atomics.wait(ctl, C_M2W, Atomics.load(ctl, C_M2W), 1);
  }
}
const tdec = new TextDecoder();
// the next message main wrote to the ring, or undefined
function take() {
  let head = Atomics.load(ctl, C_HEAD) >>> 0;
  if (head === (Atomics.load(ctl, C_TAIL) >>> 0)) return undefined;
  let pos = head % RSIZE;
  if (rdv.getUint32(pos, true) === 0xffffffff) { head = (head + RSIZE - pos) >>> 0; pos = 0; }
  const len = rdv.getUint32(pos, true);
  const n = rdv.getUint32(pos + 4, true);
  let m;
  if (n === 0xffffffff) m = blob(rdv.getUint32(pos + 8, true));
  else {
    m = new Array(n);
    let p = pos + 8;
    for (let i = 0; i < n; i++) {
      const t = ring[p++];
      if (t === 0) { m[i] = rdv.getFloat64(p, true); p += 8; continue; }
      const k = rdv.getUint32(p, true);
      p += 4;
      if (t === 1) { m[i] = tdec.decode(ring.subarray(p, p + k)); p += k; }
      else if (t === 2) { m[i] = new Uint32Array(ring.slice(p, p + 4 * k).buffer); p += 4 * k; }
      else { m[i] = ring.slice(p, p + k); p += k; }
    }
  }
  Atomics.store(ctl, C_HEAD, (head + len) | 0);
  Atomics.notify(ctl, C_HEAD);
  return m;
}
function ringEmpty() { return Atomics.load(ctl, C_HEAD) === Atomics.load(ctl, C_TAIL); }
function next() {
  for (;;) {
    const seq = Atomics.load(ctl, C_M2W);
    const m = take();
    if (m !== undefined) return m;
    Atomics.wait(ctl, C_M2W, seq);
  }
}
const pair = new Uint32Array(2);
function result(req, st, v) { store(v, pair, 0); post([1, req, st, pair[0], pair[1]]); }

// requests being served, innermost last: a Func called now belongs to the last one's goroutine
const reqs = [];
// callback results that arrived while a deeper callback was waiting: cb → value
const done = new Map();
let nextCb = 1;

const debug = process.env.GORT_JSDEBUG ? (s) => require("node:fs").writeSync(2, "[jshost] " + s + "\\n") : null;
function serve(m) {
  const op = m[0];
  if (debug !== null) debug("serve " + JSON.stringify(Array.from(m, (x) => (x instanceof Uint32Array ? Array.from(x) : x))));
  if (op === 0) { for (let i = 1; i < m.length; i++) release(m[i]); return; }
  if (op === 1) { done.set(m[1], load(m[2], m[3])); return; }
  const req = m[1];
  reqs.push(req);
  try {
    switch (op) {
      case 2: result(req, 0, load(m[2], m[3])[m[4]]); break;
      case 3: load(m[2], m[3])[m[4]] = load(m[5], m[6]); result(req, 0, undefined); break;
      case 4: delete load(m[2], m[3])[m[4]]; result(req, 0, undefined); break;
      case 5: result(req, 0, load(m[2], m[3])[m[4]]); break;
      case 6: load(m[2], m[3])[m[4]] = load(m[5], m[6]); result(req, 0, undefined); break;
      case 7: result(req, 0, load(m[2], m[3]).length); break;
      case 8: {
        const v = load(m[2], m[3]);
        // as Reflect.get: a primitive receiver (a string's methods) is refused, like Go's port
        if (v === null || (typeof v !== "object" && typeof v !== "function")) { result(req, 1, undefined); break; }
        const f = v[m[4]];
        if (typeof f !== "function") { result(req, 1, undefined); break; }
        result(req, 0, Reflect.apply(f, v, loadArgs(m[5])));
        break;
      }
      case 9: {
        const f = load(m[2], m[3]);
        if (typeof f !== "function") { result(req, 1, undefined); break; }
        result(req, 0, Reflect.apply(f, undefined, loadArgs(m[4])));
        break;
      }
      case 10: {
        const f = load(m[2], m[3]);
        if (typeof f !== "function") { result(req, 1, undefined); break; }
        result(req, 0, Reflect.construct(f, loadArgs(m[4])));
        break;
      }
      case 11: result(req, 0, load(m[2], m[3]) instanceof load(m[4], m[5])); break;
      case 12: post([2, req, String(load(m[2], m[3]))]); break;
      case 13: result(req, 0, m[2]); break;
      case 14: result(req, 0, wrapper(m[2])); break;
      case 15: {
        const src = load(m[2], m[3]);
        if (!(src instanceof Uint8Array || src instanceof Uint8ClampedArray)) { post([3, req, false, null]); break; }
        const b = new Uint8Array(src.subarray(0, Math.min(m[4], src.length)));
        post([3, req, true, b], [b.buffer]);
        break;
      }
      case 16: {
        const dst = load(m[2], m[3]);
        if (!(dst instanceof Uint8Array || dst instanceof Uint8ClampedArray)) { post([4, req, false, 0]); break; }
        const n = Math.min(dst.length, m[4].length);
        dst.set(m[4].subarray(0, n));
        post([4, req, true, n]);
        break;
      }
    }
  } catch (e) {
    result(req, 1, e);
  } finally {
    reqs.pop();
  }
}

// A JavaScript function that calls Go function funcId and waits for its result.
function wrapper(funcId) {
  return function (...args) {
    const cb = nextCb++;
    const a = new Uint32Array(2 * args.length);
    for (let i = 0; i < args.length; i++) store(args[i], a, 2 * i);
    const t = new Uint32Array(2);
    store(this, t, 0);
    const req = reqs.length > 0 ? reqs[reqs.length - 1] : 0;
    Atomics.add(ctl, C_GOWAIT, 1);
    post([5, req, cb, funcId, t[0], t[1], a], [a.buffer]);
    try {
      for (;;) {
        if (done.has(cb)) { const v = done.get(cb); done.delete(cb); return v; }
        serve(next());
      }
    } finally {
      Atomics.sub(ctl, C_GOWAIT, 1);
    }
  };
}

// ── output: console and process.stdout/stderr write through Go (os.Stdout, os.Stderr) ──
const output = wrapper(${OUTPUT_FUNC});
const stream = (fd) => new Writable({ decodeStrings: false, write(chunk, enc, cb) { output(fd, String(chunk)); cb(); } });
globalThis.console = new Console({ stdout: stream(1), stderr: stream(2) });
for (const [fd, s] of [[1, process.stdout], [2, process.stderr]]) {
  s.write = (chunk, enc, cb) => {
    output(fd, typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
    if (typeof enc === "function") enc(); else if (typeof cb === "function") cb();
    return true;
  };
}
process.on("exit", (code) => {
  Atomics.store(ctl, C_EXIT, (code | 0) + 1);
  Atomics.add(ctl, C_W2M, 1);
  Atomics.notify(ctl, C_W2M);
});
process.on("uncaughtException", (e) => post([6, String((e && e.stack) || e)]));
// A rejected promise Go receives gets its handlers in Go's next request, after this thread's
// microtask checkpoint; Go's wasm port attaches them in the same turn. Not "unhandled", then.
process.on("unhandledRejection", noop);
const emitWarning = process.emitWarning;
process.emitWarning = function (w, ...rest) {
  if ((w && w.name) === "PromiseRejectionHandledWarning" || rest[0] === "PromiseRejectionHandledWarning") return;
  return emitWarning.call(process, w, ...rest);
};

// ── embedding: a module that puts the program's objects on globalThis (jsvalue.ts preload) ──
if (workerData.preload) {
  try { require(workerData.preload); }
  catch (e) { post([6, "syscall/js: GORT_JS_PRELOAD " + workerData.preload + ": " + String((e && e.stack) || e)]); }
}

// ── the event loop ──
port.on("message", (x) => {
  onPort(x);
  hot();
});
port.unref();
process.on("beforeExit", () => {
  // nothing left to do here: tell main, then wait for its next message
  Atomics.store(ctl, C_IDLE, 1);
  Atomics.add(ctl, C_W2M, 1);
  Atomics.notify(ctl, C_W2M);
  Atomics.store(ctl, C_WAITING, 1);
  const m = next();
  Atomics.store(ctl, C_IDLE, 0);
  if (m[0] !== ${OP_YIELD}) serve(m);
  hot();
  // one more turn of the loop: it runs what the message scheduled, and 'beforeExit' comes again
  // when it is empty (without this the thread would end here)
  setImmediate(noop);
});
function noop() {}
// serves messages as they come until none came for HOT_WINDOW_MS or main went idle (OP_YIELD)
// (C_WAITING goes to 0 before the last look at the ring: a record main writes after that look
// comes with a ping, one written before it is seen)
function hot() {
  Atomics.store(ctl, C_WAITING, 1);
  for (;;) {
    const seq = Atomics.load(ctl, C_M2W);
    const m = take();
    if (m === undefined || m[0] === ${OP_YIELD}) {
      if (m === undefined && Atomics.wait(ctl, C_M2W, seq, ${HOT_WINDOW_MS}) !== "timed-out") continue;
      Atomics.store(ctl, C_WAITING, 0);
      if (ringEmpty()) return;
      Atomics.store(ctl, C_WAITING, 1);
      continue;
    }
    serve(m);
  }
}
`;
