/**
 * jsvalue.ts — package syscall/js, the runtime's side: Go programs call JavaScript and
 * JavaScript calls Go (gort's counterpart of cgo, with the API of Go's js/wasm port). The Go
 * half is packages/stdlib/go/syscall/js; the JavaScript host thread is jsvaluehost.ts.
 *
 * WHERE JAVASCRIPT RUNS. On a host thread of its own (a worker, started on first use), not on
 * the scheduler's thread. The scheduler runs Go code in one synchronous call that never returns
 * to Node's event loop (netpoll.ts, proc.ts), so promises and timers made on its thread would
 * never settle; the host thread has its own event loop, which turns while Go code runs.
 * `js.Global()` is that thread's globalThis (with `require` and `fs`, as Go's wasm_exec_node.js
 * provides). Rejected: running JavaScript on the scheduler's thread with an asynchronous outer
 * scheduler loop — a Func called synchronously by JavaScript (Array.prototype.map) would then
 * need the scheduler re-entered from inside a native, with the caller's interpreter frame live
 * on the JS stack (Go's wasm port does exactly that re-entry; gort's VM and scheduler are not
 * re-entrant), and `gort run`'s whole call chain would have to become asynchronous.
 *
 * VALUES. A js.Value holds a ref: numbers inline (float64 bits), everything else an id into
 * the host thread's table (layout: jsvaluehost.ts, js.go). No JavaScript object ever sits in a
 * Go value or on this thread. Each time the host hands an id to Go it counts one reference; Go
 * wraps it in a Value whose finalizer (runtime.SetFinalizer on a small cell, as Go's wasm port
 * does) calls finalizeRef, which queues the id here; queued releases travel with the next
 * message, so the table shrinks as Go drops values and never grows without bound.
 *
 * REQUESTS. Every Value operation is a request message (main → host through a byte ring in a
 * SharedArrayBuffer, host → main by MessagePort; jsvaluehost.ts); the native waits for the reply in
 * Atomics.wait for at most SYNC_WAIT_MS (most calls take microseconds), then parks the goroutine
 * (wait reason "IO wait") and the scheduler runs others; the reply readies it (poll(), called
 * at safe points and when idle) and the native runs again (G_PARKSTATE = 1, proc.ts "PARKING
 * NATIVES") to finish.
 *
 * CALLBACKS (js.FuncOf). A Func is a JavaScript function on the host thread that posts a
 * M_CALLBACK message and blocks until Go returns the result, serving requests meanwhile.
 * - Called while a Go request runs (Array.prototype.map with a Func, a getter): the message
 *   names that request; the request's native returns status "callback" to Go, which runs the
 *   function on the requesting goroutine (takeCallback, callbackDone) and resumes waiting
 *   (resumeCall). Go's rule: "wrapped functions triggered during a call from Go to JavaScript
 *   get executed on the same goroutine".
 * - Called by the event loop (timers, promise reactions): the runtime starts a new goroutine
 *   running the Go package's handler (registerHandler), as Go's wasm port does; JavaScript's
 *   event loop waits until the function returns.
 * So awaiting a promise is Go's documented pattern: `then` with a Func that sends on a channel;
 * the goroutine parks on the channel, others run, and the reaction arrives as an event.
 *
 * IDLE AND DEADLOCK. While a goroutine waits for a reply, or the host's event loop has work
 * (timers, sockets, a callback in progress), the scheduler does not report a deadlock: with
 * nothing runnable it waits on the host's message word (`wait`). When the host's loop is empty
 * it says so (ctl[C_IDLE], set on 'beforeExit'); then, as in Go's wasm port (where Node exiting
 * with Go still waiting is the deadlock), "all goroutines are asleep" is reported.
 *
 * OUTPUT. The host's console and process.stdout/stderr write through a Func (OUTPUT_FUNC) that
 * Go's side writes to os.Stdout/os.Stderr, so JavaScript output is captured and ordered with
 * the program's own like any other output.
 *
 * Go counterpart: syscall/js's js.go/func.go plus misc/wasm/wasm_exec.js (the JavaScript side);
 * written afresh for a host thread instead of a wasm import object.
 */

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { resolve as resolvePath } from "node:path";
import { G_PARKSTATE, WaitReason } from "./runtime2.js";
import type { NativeFn, VM } from "./vm/interp.js";
import {
  C_EXIT,
  C_GOWAIT,
  C_IDLE,
  C_M2W,
  C_W2M,
  C_WAITING,
  CTL_WORDS,
  HostRing,
  JS_HOST_SOURCE,
  M_BYTES,
  M_CALLBACK,
  M_COUNT,
  M_ERROR,
  M_RESULT,
  M_STRING,
  OP_CALL,
  OP_DELETE,
  OP_DONE,
  OP_GET,
  OP_INDEX,
  OP_INSTANCEOF,
  OP_INVOKE,
  OP_LENGTH,
  OP_MAKEFUNC,
  OP_NEW,
  OP_NEWSTRING,
  OP_REL,
  OP_SET,
  OP_SETINDEX,
  OP_STRING,
  OP_TOGO,
  OP_TOJS,
  OP_YIELD,
} from "./jsvaluehost.js";

/** What the bridge needs of the scheduler. */
export interface JsSched {
  /** the VM (its heap for results, its stderr sink for uncaught JavaScript errors) */
  readonly vm: VM;
  gopark(g: number, reason: number): void;
  goready(g: number): void;
  newproc(fn: number, ctx: number, args?: readonly bigint[], parent?: number, system?: boolean): number;
  /** os.Exit's status (set with the calling goroutine parked: the scheduler then ends the program) */
  exitCode: number;
}

/**
 * How long a native waits for the host's reply before parking its goroutine (ms). Trades the
 * latency of a slow JavaScript call for the other goroutines (they run after this long) against
 * the cost of parking (a scheduler round trip) for calls that are merely slowish; a call takes
 * tens of µs (go/syscall/js/HACKING.md "Figures").
 */
const SYNC_WAIT_MS = 1;

/** Boxed-ref marker in the high word (js.go). */
const BOX_MASK = 0xfff80000;
const BOX = 0x7ff80000;

/** A request in flight. */
interface Pending {
  req: number;
  g: number;
  /** the reply (or a callback for the requesting goroutine) not yet taken; null while waiting */
  reply: unknown[] | null;
  /** the goroutine is parked waiting for it */
  parked: boolean;
}

export class JsBridge {
  private readonly sched: JsSched;
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  /** control words shared with the host thread (jsvaluehost.ts C_*: each word's writer) */
  private readonly ctl = new Int32Array(new SharedArrayBuffer(CTL_WORDS * 4));
  /** main → host byte ring (jsvaluehost.ts RING_BYTES); made with the host thread (1 MiB) */
  private ring: HostRing | null = null;
  /** ctl[C_W2M] when the port was last drained */
  private seen = 0;
  private nextReq = 1;
  /** requests in flight by id */
  private readonly reqs = new Map<number, Pending>();
  /** each goroutine's requests in flight, innermost last (a callback may make its own) */
  private readonly open = new Map<number, Pending[]>();
  /** a Func call assigned to a goroutine and not yet taken (takeCallback) */
  private readonly calls = new Map<number, unknown[]>();
  /** each goroutine's Func calls in progress (callback ids), innermost last */
  private readonly running = new Map<number, number[]>();
  /** table ids Go dropped, sent with the next message */
  private releases: number[] = [OP_REL];
  /** closure and code of the Go handler started for events (registerHandler) */
  private handlerCtx = 0;
  private handlerFn = 0;
  /** environment of the host thread (process.env), from the program's */
  private env: Record<string, string> = {};
  /**
   * A CommonJS module the host thread loads before serving Go (embedding: it puts the objects
   * the program should reach on globalThis). Set before the first call; default: the program's
   * GORT_JS_PRELOAD (resolved against the working directory).
   */
  preload: string | null = null;
  /** goroutines parked waiting for the host */
  waiters = 0;
  /** requests sent (tests, HACKING figures) */
  requests = 0;
  /** a message went to the host since the scheduler last idled (the host may be in its hot window) */
  private hot = false;

  constructor(sched: JsSched) {
    this.sched = sched;
  }

  get started(): boolean {
    return this.worker !== null;
  }

  private host(): MessagePort {
    if (this.port === null) {
      const { port1, port2 } = new MessageChannel();
      const ring = (this.ring = new HostRing(this.ctl));
      this.worker = new Worker(JS_HOST_SOURCE, {
        eval: true,
        env: this.env,
        workerData: { ctl: this.ctl.buffer, ring: ring.buf.buffer, port: port2, preload: this.preload ?? preloadOf(this.env) },
        transferList: [port2],
      });
      this.worker.unref();
      port1.unref();
      this.port = port1;
    }
    return this.port;
  }

  private post(m: unknown[], transfer?: ArrayBuffer[]): void {
    const port = this.host();
    if (this.releases.length > 1) {
      const rel = this.releases;
      this.releases = [OP_REL];
      this.ring!.write(port, rel);
    }
    this.ring!.write(port, m, transfer);
    this.hot = true;
    Atomics.add(this.ctl, C_M2W, 1);
    Atomics.notify(this.ctl, C_M2W);
    // the host is in its event loop: wake it through its port
    if (Atomics.load(this.ctl, C_WAITING) === 0) port.postMessage(0);
  }

  /** Ends the host thread (program exit). */
  shutdown(): void {
    if (this.worker !== null) {
      void this.worker.terminate();
      this.worker = null;
      this.port?.close();
      this.port = null;
    }
  }

  // ── scheduler hooks (proc.ts) ──

  /** Takes the host's messages: replies ready their goroutines, events start goroutines. Cheap when none. */
  poll(): void {
    if (this.port === null) return;
    if (Atomics.load(this.ctl, C_W2M) !== this.seen) this.drain();
    if (this.releases.length > 1) this.post([OP_REL]);
  }

  /**
   * Whether the program must wait for the host: a goroutine waits for a reply, or the host's
   * event loop still has work (call after poll()). Not when the host is blocked in a Func call
   * waiting for Go (a Func that blocks on the event loop: Go's documented deadlock) — with
   * nothing runnable that is a deadlock, reported instead of waiting forever.
   */
  busy(): boolean {
    if (this.port === null) return false;
    const ctl = this.ctl;
    if (Atomics.load(ctl, C_EXIT) !== 0) return false; // nothing will ever come
    return this.waiters > 0 || (Atomics.load(ctl, C_IDLE) === 0 && Atomics.load(ctl, C_GOWAIT) === 0);
  }

  /** Waits up to `ns` nanoseconds (the scheduler's clock unit) for a message from the host (the scheduler is idle). */
  wait(ns: number): void {
    if (this.port === null) return;
    if (this.hot) {
      // the scheduler idles: the host's event loop may run now (jsvaluehost.ts hot window)
      this.post([OP_YIELD]);
      this.hot = false;
    }
    Atomics.wait(this.ctl, C_W2M, this.seen, ns === Infinity ? undefined : Math.max(0, ns / 1e6));
    this.poll();
  }

  private drain(): void {
    const port = this.port!;
    for (;;) {
      this.seen = Atomics.load(this.ctl, C_W2M);
      let r = receiveMessageOnPort(port);
      if (r === undefined) {
        // the host ended: wake its waiters, whose natives then end the program (request)
        if (this.waiters > 0 && Atomics.load(this.ctl, C_EXIT) !== 0) {
          for (const p of this.reqs.values()) {
            if (!p.parked) continue;
            p.parked = false;
            this.waiters--;
            this.sched.goready(p.g);
          }
        }
        return;
      }
      while (r !== undefined) {
        this.dispatch(r.message as unknown[]);
        r = receiveMessageOnPort(port);
      }
    }
  }

  private dispatch(m: unknown[]): void {
    const kind = m[0] as number;
    if (kind === M_ERROR) {
      const vm = this.sched.vm;
      vm.flushPrint();
      vm.write(`${m[1] as string}\n`);
      return;
    }
    const req = m[1] as number;
    if (kind === M_CALLBACK && req === 0) {
      // called by the event loop: a new goroutine runs it (func.go handleEvent)
      const g = this.sched.newproc(this.handlerFn, this.handlerCtx);
      this.calls.set(g, m);
      return;
    }
    const p = this.reqs.get(req);
    if (p === undefined) return;
    p.reply = m;
    if (p.parked) {
      p.parked = false;
      this.waiters--;
      this.sched.goready(p.g);
    }
  }

  // ── requests ──

  /**
   * Sends request `m` for goroutine g (first run of its native), or takes g's open request
   * (the native runs again after parking, or resumeCall). Returns the reply, or null when g
   * was parked (the native returns and runs again when the reply is there).
   */
  private request(vm: VM, g: number, m: unknown[] | null, transfer?: ArrayBuffer[]): unknown[] | null {
    const u32 = vm.mem.u32;
    let stack = this.open.get(g);
    let p: Pending;
    if (m !== null && u32[(g + G_PARKSTATE) >>> 2] === 0) {
      const req = this.nextReq++;
      m[1] = req;
      p = { req, g, reply: null, parked: false };
      this.reqs.set(req, p);
      if (stack === undefined) this.open.set(g, (stack = []));
      stack.push(p);
      this.requests++;
      this.post(m, transfer);
    } else {
      u32[(g + G_PARKSTATE) >>> 2] = 0;
      if (stack === undefined || stack.length === 0) throw new Error("syscall/js: no request in progress");
      p = stack[stack.length - 1];
    }
    if (p.reply === null && !this.waitReply(p) && Atomics.load(this.ctl, C_EXIT) !== 0) {
      // JavaScript called process.exit: the program ends with its status, as under Go's wasm port
      this.sched.exitCode = (Atomics.load(this.ctl, C_EXIT) - 1) & 0xff;
      this.sched.gopark(g, WaitReason.Zero);
      return null;
    }
    if (p.reply === null) {
      u32[(g + G_PARKSTATE) >>> 2] = 1;
      p.parked = true;
      this.waiters++;
      this.sched.gopark(g, WaitReason.IOWait);
      return null;
    }
    const reply = p.reply!;
    p.reply = null;
    if (reply[0] === M_CALLBACK) this.calls.set(g, reply);
    else {
      stack!.pop();
      if (stack!.length === 0) this.open.delete(g);
      this.reqs.delete(p.req);
    }
    return reply;
  }

  /** Waits up to SYNC_WAIT_MS for p's reply, taking every message that comes. */
  private waitReply(p: Pending): boolean {
    const deadline = performance.now() + SYNC_WAIT_MS;
    for (;;) {
      this.drain();
      if (p.reply !== null) return true;
      if (Atomics.load(this.ctl, C_EXIT) !== 0) return false;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      Atomics.wait(this.ctl, C_W2M, this.seen, left);
    }
  }

  // ── natives ──

  /** Adds the natives of syscall/js (NATIVES.md "syscall/js"). */
  addNatives(m: Map<string, NativeFn>): void {
    // Operations answering (ref, status): status 0 ok, 1 threw (ref = the thrown value),
    // 2 a Func call for this goroutine (ref unused).
    const refOp = (build: (mem: VM["mem"], args: number) => unknown[], argsTransfer?: (msg: unknown[]) => ArrayBuffer[]): NativeFn => (vm, g, args, res) => {
      const first = vm.mem.u32[(g + G_PARKSTATE) >>> 2] === 0;
      const msg = first ? build(vm.mem, args) : null;
      const reply = this.request(vm, g, msg, msg !== null && argsTransfer !== undefined ? argsTransfer(msg) : undefined);
      if (reply === null) return;
      this.putRefStatus(vm, res, reply);
    };
    const getRef = (mem: VM["mem"], at: number): [number, number] => [mem.u32[at >>> 2], mem.u32[(at >>> 2) + 1]];
    const refsArg = (mem: VM["mem"], at: number): Uint32Array => {
      const p = mem.u32[at >>> 2];
      const n = Number(mem.i64[(at + 8) >>> 3]);
      return mem.u32.slice(p >>> 2, (p >>> 2) + 2 * n);
    };
    const lastBuffer = (msg: unknown[]): ArrayBuffer[] => [(msg[msg.length - 1] as Uint32Array).buffer as ArrayBuffer];

    m.set("syscall/js.registerHandler", (vm, _g, args) => {
      const mem = vm.mem;
      this.handlerCtx = mem.u32[args >>> 2];
      this.handlerFn = this.handlerCtx === 0 ? 0 : mem.u32[this.handlerCtx >>> 2];
      // env []string: the program's environment becomes the host thread's process.env
      const p = mem.u32[(args + 8) >>> 2];
      const n = Number(mem.i64[(args + 16) >>> 3]);
      const env: Record<string, string> = {};
      for (let i = 0; i < n; i++) {
        const kv = goString(vm, p + 16 * i);
        const eq = kv.indexOf("=");
        if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
      }
      this.env = env;
    });
    m.set("syscall/js.finalizeRef", (vm, _g, args) => {
      const u32 = vm.mem.u32;
      const lo = u32[args >>> 2];
      const hi = u32[(args >>> 2) + 1];
      if (((hi & BOX_MASK) >>> 0) === BOX && (hi & 0x70000) !== 0) this.releases.push(lo);
    });
    m.set("syscall/js.stringVal", (vm, g, args, res) => {
      const msg = vm.mem.u32[(g + G_PARKSTATE) >>> 2] === 0 ? [OP_NEWSTRING, 0, goString(vm, args)] : null;
      const reply = this.request(vm, g, msg);
      if (reply !== null) putRef(vm, res, reply);
    });
    m.set("syscall/js.makeFunc", (vm, g, args, res) => {
      const msg = vm.mem.u32[(g + G_PARKSTATE) >>> 2] === 0 ? [OP_MAKEFUNC, 0, vm.mem.u32[args >>> 2]] : null;
      const reply = this.request(vm, g, msg);
      if (reply !== null) putRef(vm, res, reply);
    });
    m.set("syscall/js.valueGet", refOp((mem, a) => [OP_GET, 0, ...getRef(mem, a), goStringMem(mem, a + 8)]));
    m.set("syscall/js.valueSet", refOp((mem, a) => [OP_SET, 0, ...getRef(mem, a), goStringMem(mem, a + 8), ...getRef(mem, a + 24)]));
    m.set("syscall/js.valueDelete", refOp((mem, a) => [OP_DELETE, 0, ...getRef(mem, a), goStringMem(mem, a + 8)]));
    m.set("syscall/js.valueIndex", refOp((mem, a) => [OP_INDEX, 0, ...getRef(mem, a), Number(mem.i64[(a + 8) >>> 3])]));
    m.set("syscall/js.valueSetIndex", refOp((mem, a) => [OP_SETINDEX, 0, ...getRef(mem, a), Number(mem.i64[(a + 8) >>> 3]), ...getRef(mem, a + 16)]));
    m.set("syscall/js.valueLength", refOp((mem, a) => [OP_LENGTH, 0, ...getRef(mem, a)]));
    m.set("syscall/js.valueCall", refOp((mem, a) => [OP_CALL, 0, ...getRef(mem, a), goStringMem(mem, a + 8), refsArg(mem, a + 24)], lastBuffer));
    m.set("syscall/js.valueInvoke", refOp((mem, a) => [OP_INVOKE, 0, ...getRef(mem, a), refsArg(mem, a + 8)], lastBuffer));
    m.set("syscall/js.valueNew", refOp((mem, a) => [OP_NEW, 0, ...getRef(mem, a), refsArg(mem, a + 8)], lastBuffer));
    m.set("syscall/js.valueInstanceOf", refOp((mem, a) => [OP_INSTANCEOF, 0, ...getRef(mem, a), ...getRef(mem, a + 8)]));
    m.set("syscall/js.resumeCall", (vm, g, _args, res) => {
      const reply = this.request(vm, g, null);
      if (reply !== null) this.putRefStatus(vm, res, reply);
    });
    m.set("syscall/js.valueString", (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      const lo = u32[args >>> 2];
      const hi = u32[(args >>> 2) + 1];
      // numbers and booleans need no round trip: String() of them is the same on every thread
      if (!(((hi & BOX_MASK) >>> 0) === BOX && (hi & 0x70000) !== 0)) return putString(vm, res, plainString(lo, hi));
      const msg = u32[(g + G_PARKSTATE) >>> 2] === 0 ? [OP_STRING, 0, lo, hi] : null;
      const reply = this.request(vm, g, msg);
      if (reply === null) return;
      putString(vm, res, reply[0] === M_STRING ? (reply[2] as string) : "");
    });
    m.set("syscall/js.copyBytesToGo", (vm, g, args, res) => {
      const mem = vm.mem;
      const msg = mem.u32[(g + G_PARKSTATE) >>> 2] === 0 ? [OP_TOGO, 0, ...getRef(mem, args + 24), Number(mem.i64[(args + 8) >>> 3])] : null;
      const reply = this.request(vm, g, msg);
      if (reply === null) return;
      const ok = reply[0] === M_BYTES && reply[2] === true;
      const b = ok ? (reply[3] as Uint8Array) : new Uint8Array(0);
      if (b.length > 0) vm.mem.u8.set(b, vm.mem.u32[args >>> 2]);
      vm.mem.i64[res >>> 3] = BigInt(b.length);
      vm.mem.i64[(res + 8) >>> 3] = ok ? 1n : 0n;
    });
    m.set("syscall/js.copyBytesToJS", (vm, g, args, res) => {
      const mem = vm.mem;
      let msg: unknown[] | null = null;
      let transfer: ArrayBuffer[] | undefined;
      if (mem.u32[(g + G_PARKSTATE) >>> 2] === 0) {
        const p = mem.u32[(args + 8) >>> 2];
        const n = Number(mem.i64[(args + 16) >>> 3]);
        const b = mem.u8.slice(p, p + n);
        msg = [OP_TOJS, 0, ...getRef(mem, args), b];
        transfer = [b.buffer as ArrayBuffer];
      }
      const reply = this.request(vm, g, msg, transfer);
      if (reply === null) return;
      const ok = reply[0] === M_COUNT && reply[2] === true;
      vm.mem.i64[res >>> 3] = BigInt(ok ? (reply[3] as number) : 0);
      vm.mem.i64[(res + 8) >>> 3] = ok ? 1n : 0n;
    });
    m.set("syscall/js.takeCallback", (vm, g, _args, res) => {
      const c = this.calls.get(g);
      if (c === undefined) throw new Error("syscall/js: takeCallback without a call");
      this.calls.delete(g);
      let st = this.running.get(g);
      if (st === undefined) this.running.set(g, (st = []));
      st.push(c[2] as number);
      const a = c[6] as Uint32Array;
      const n = a.length >>> 1;
      // args first: the allocation may move nothing but re-derives views
      const arr = n === 0 ? 0 : vm.heap.mallocgc(8 * n, 0, false);
      const mem = vm.mem;
      if (n > 0) mem.u32.set(a, arr >>> 2);
      mem.i64[res >>> 3] = BigInt(c[3] as number);
      mem.u32[(res + 8) >>> 2] = c[4] as number;
      mem.u32[(res + 12) >>> 2] = c[5] as number;
      mem.u32[(res + 16) >>> 2] = arr;
      mem.u32[(res + 20) >>> 2] = 0;
      mem.i64[(res + 24) >>> 3] = BigInt(n);
      mem.i64[(res + 32) >>> 3] = BigInt(n);
    });
    m.set("syscall/js.callbackDone", (vm, g, args) => {
      const st = this.running.get(g);
      if (st === undefined || st.length === 0) throw new Error("syscall/js: callbackDone without a call");
      const cb = st.pop()!;
      if (st.length === 0) this.running.delete(g);
      const u32 = vm.mem.u32;
      this.post([OP_DONE, cb, u32[args >>> 2], u32[(args >>> 2) + 1]]);
    });
  }

  private putRefStatus(vm: VM, res: number, reply: unknown[]): void {
    const mem = vm.mem;
    if (reply[0] === M_CALLBACK) {
      mem.i64[res >>> 3] = 0n;
      mem.i64[(res + 8) >>> 3] = 2n;
      return;
    }
    putRef(vm, res, reply);
    mem.i64[(res + 8) >>> 3] = BigInt(reply[2] as number);
  }
}

/** Writes the ref of an M_RESULT reply at `at`. */
function putRef(vm: VM, at: number, reply: unknown[]): void {
  const u32 = vm.mem.u32;
  u32[at >>> 2] = reply[3] as number;
  u32[(at >>> 2) + 1] = reply[4] as number;
}

const f64 = new Float64Array(1);
const w32 = new Uint32Array(f64.buffer);

/** String() of an unboxed ref or a plain boxed one (numbers, booleans, null, undefined). */
function plainString(lo: number, hi: number): string {
  if (((hi & BOX_MASK) >>> 0) === BOX) return ["NaN", "0", "null", "true", "false"][lo] ?? "";
  if (lo === 0 && hi === 0) return "undefined";
  w32[0] = lo;
  w32[1] = hi;
  return String(f64[0]);
}

/** The program's GORT_JS_PRELOAD as an absolute path (null when unset). */
function preloadOf(env: Record<string, string>): string | null {
  const p = env.GORT_JS_PRELOAD;
  return p === undefined || p === "" ? null : resolvePath(p);
}

const dec = new TextDecoder();
const enc = new TextEncoder();

function goStringMem(mem: VM["mem"], at: number): string {
  const p = mem.u32[at >>> 2];
  const n = Number(mem.i64[(at + 8) >>> 3]);
  return n === 0 ? "" : dec.decode(mem.u8.slice(p, p + n));
}

function goString(vm: VM, at: number): string {
  return goStringMem(vm.mem, at);
}

/** Writes a new Go string at `at` (ptr, len). */
function putString(vm: VM, at: number, s: string): void {
  const b = enc.encode(s);
  const p = b.length === 0 ? 0 : vm.heap.mallocgc(b.length, 0, false);
  const mem = vm.mem;
  if (b.length > 0) mem.u8.set(b, p);
  mem.u32[at >>> 2] = p;
  mem.u32[(at >>> 2) + 1] = 0;
  mem.i64[(at + 8) >>> 3] = BigInt(b.length);
}
