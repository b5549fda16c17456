// The JavaScript host thread of syscall/js (jsvaluehost.ts), driven by its message protocol
// directly: ref encoding, the value table (dedup, counts, release), calls and exceptions, Func
// callbacks nested in a request and from the event loop, idleness. End-to-end programs:
// packages/compiler/test/run/js_*.go.
import { afterEach, describe, expect, it } from "vitest";
import { Script } from "node:vm";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import {
  C_GOWAIT,
  C_IDLE,
  C_M2W,
  C_W2M,
  C_WAITING,
  CTL_WORDS,
  HostRing,
  JS_HOST_SOURCE,
  M_CALLBACK,
  M_RESULT,
  M_STRING,
  OP_CALL,
  OP_DONE,
  OP_GET,
  OP_INVOKE,
  OP_MAKEFUNC,
  OP_NEWSTRING,
  OP_REL,
  OP_STRING,
  OUTPUT_FUNC,
} from "./jsvaluehost.js";

const BOX = 0x7ff80000;
const GLOBAL: [number, number] = [5, (BOX | (1 << 16)) >>> 0];

/** A host thread and a synchronous client speaking its protocol (as jsvalue.ts does). */
class Host {
  readonly ctl = new Int32Array(new SharedArrayBuffer(CTL_WORDS * 4));
  readonly port: MessagePort;
  readonly worker: Worker;
  readonly ring = new HostRing(this.ctl);
  private req = 1;
  constructor(preload: string | null = null) {
    const { port1, port2 } = new MessageChannel();
    const workerData = { ctl: this.ctl.buffer, ring: this.ring.buf.buffer, port: port2, preload };
    this.worker = new Worker(JS_HOST_SOURCE, { eval: true, env: {}, workerData, transferList: [port2] });
    this.port = port1;
  }
  post(m: unknown[], transfer?: ArrayBuffer[]): void {
    this.ring.write(this.port, m, transfer);
    Atomics.add(this.ctl, C_M2W, 1);
    Atomics.notify(this.ctl, C_M2W);
    if (Atomics.load(this.ctl, C_WAITING) === 0) this.port.postMessage(0);
  }
  next(timeoutMs = 5000): unknown[] {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const seq = Atomics.load(this.ctl, C_W2M);
      const r = receiveMessageOnPort(this.port);
      if (r !== undefined) return r.message as unknown[];
      if (Date.now() > end) throw new Error("no message from the host");
      Atomics.wait(this.ctl, C_W2M, seq, 50);
    }
  }
  request(m: unknown[], transfer?: ArrayBuffer[]): unknown[] {
    m[1] = this.req++;
    this.post(m, transfer);
    return this.next();
  }
  ref(m: unknown[]): [number, number] {
    expect(m[0]).toBe(M_RESULT);
    return [m[3] as number, m[4] as number];
  }
  get(v: [number, number], p: string): [number, number] {
    return this.ref(this.request([OP_GET, 0, ...v, p]));
  }
  live(): number {
    const [lo, hi] = this.get(GLOBAL, "__gortJsValues");
    if (hi === BOX && lo === 1) return 0; // zero is plain id 1
    return new Float64Array(new Uint32Array([lo, hi]).buffer)[0];
  }
}

const bits = (x: number): [number, number] => {
  const u = new Uint32Array(new Float64Array([x]).buffer);
  return [u[0], u[1]];
};
const args = (...refs: [number, number][]): Uint32Array => new Uint32Array(refs.flat());

let host: Host | null = null;
afterEach(async () => {
  if (host !== null) await host.worker.terminate();
  host = null;
});

describe("syscall/js host thread", () => {
  it("its source compiles", () => {
    expect(() => new Script(JS_HOST_SOURCE)).not.toThrow();
  });

  it("encodes refs: numbers inline, plain values and table entries boxed with their type tag", () => {
    const h = (host = new Host());
    const math = h.get(GLOBAL, "Math");
    expect(math[1]).toBe((BOX | (1 << 16)) >>> 0); // object
    const call = (m: string, ...a: [number, number][]): [number, number] => {
      const buf = args(...a);
      return h.ref(h.request([OP_CALL, 0, ...math, m, buf], [buf.buffer]));
    };
    expect(call("sqrt", bits(2))).toEqual(bits(Math.SQRT2));
    expect(call("abs", bits(-0.5))).toEqual(bits(0.5));
    expect(call("abs", [1, BOX])).toEqual([1, BOX]); // zero is plain id 1, never the bits 0
    expect(call("sqrt", bits(-1))).toEqual([0, BOX]); // NaN is plain id 0
    expect(h.get(math, "nothing")).toEqual([0, 0]); // undefined
    expect(h.get(GLOBAL, "globalThis")).toEqual(GLOBAL);
    expect(h.get(math, "abs")[1]).toBe((BOX | (4 << 16)) >>> 0); // function
    const s = h.ref(h.request([OP_NEWSTRING, 0, "héllo"]));
    expect(s[1]).toBe((BOX | (2 << 16)) >>> 0); // string
    expect(h.request([OP_STRING, 0, ...s])).toEqual([M_STRING, expect.any(Number), "héllo"]);
  });

  it("gives one value one id, counts hand-overs and frees an entry at the last release", () => {
    const h = (host = new Host());
    const base = h.live();
    const a = h.get(GLOBAL, "Math");
    const b = h.get(GLOBAL, "Math");
    expect(b).toEqual(a);
    expect(h.live()).toBe(base + 1);
    h.post([OP_REL, a[0]]);
    expect(h.live()).toBe(base + 1); // one Go reference left
    h.post([OP_REL, a[0]]);
    expect(h.live()).toBe(base);
    h.post([OP_REL, 5, 2]); // predefined ids are never freed
    expect(h.get(GLOBAL, "globalThis")).toEqual(GLOBAL);
  });

  it("reports exceptions as status 1 with the thrown value", () => {
    const h = (host = new Host());
    const json = h.get(GLOBAL, "JSON");
    const buf = args(h.ref(h.request([OP_NEWSTRING, 0, "{bad"])));
    const r = h.request([OP_CALL, 0, ...json, "parse", buf], [buf.buffer]);
    expect(r[2]).toBe(1);
    const msg = h.get([r[3] as number, r[4] as number], "message");
    expect((h.request([OP_STRING, 0, ...msg]) as string[])[2]).toMatch(/JSON/);
    const none = h.request([OP_CALL, 0, ...json, "nope", new Uint32Array(0)]);
    expect([none[2], none[3], none[4]]).toEqual([1, 0, 0]); // not a function: threw undefined
  });

  it("runs a Func called during a request as a callback of that request", () => {
    const h = (host = new Host());
    const f = h.ref(h.request([OP_MAKEFUNC, 0, 7]));
    const arr = h.ref(h.request([OP_INVOKE, 0, ...h.get(GLOBAL, "Array").slice(0, 2), args(bits(3), bits(4))] as unknown[]));
    // arr = Array(3, 4); arr.map(f): two callbacks, each answered with OP_DONE
    const mapArgs = args(f);
    const req = 100;
    h.post([OP_CALL, req, ...arr, "map", mapArgs], [mapArgs.buffer]);
    for (const x of [3, 4]) {
      const cb = h.next();
      expect(cb[0]).toBe(M_CALLBACK);
      expect(cb[1]).toBe(req); // belongs to the request
      expect(cb[3]).toBe(7);
      expect(Array.from((cb[6] as Uint32Array).subarray(0, 2))).toEqual(bits(x));
      h.post([OP_DONE, cb[2], ...bits(x * 10)]);
    }
    const done = h.next();
    expect([done[0], done[1], done[2]]).toEqual([M_RESULT, req, 0]);
    const joined = h.ref(h.request([OP_CALL, 0, done[3], done[4], "join", new Uint32Array(0)]));
    expect((h.request([OP_STRING, 0, ...joined]) as string[])[2]).toBe("30,40");
  });

  it("sends a Func called by the event loop as an event (request 0) and goes idle after", () => {
    const h = (host = new Host());
    const f = h.ref(h.request([OP_MAKEFUNC, 0, 9]));
    const timeoutArgs = args(f, bits(5));
    h.request([OP_CALL, 0, ...GLOBAL, "setTimeout", timeoutArgs], [timeoutArgs.buffer]);
    const ev = h.next();
    expect([ev[0], ev[1], ev[3]]).toEqual([M_CALLBACK, 0, 9]);
    expect(Atomics.load(h.ctl, C_IDLE)).toBe(0);
    expect(Atomics.load(h.ctl, C_GOWAIT)).toBe(1); // blocked in the Func call, waiting for Go
    h.post([OP_DONE, ev[2], 0, 0]);
    const end = Date.now() + 5000;
    while (Atomics.load(h.ctl, C_IDLE) !== 1 && Date.now() < end) Atomics.wait(h.ctl, C_W2M, Atomics.load(h.ctl, C_W2M), 50);
    expect(Atomics.load(h.ctl, C_IDLE)).toBe(1);
    expect(Atomics.load(h.ctl, C_GOWAIT)).toBe(0);
  });

  it("carries every field kind through the ring, across its end and past its size", () => {
    const h = (host = new Host());
    const json = h.get(GLOBAL, "JSON");
    // 3000 strings of ~1 KiB cross the 1 MiB ring's end several times; the last one goes by postMessage
    for (let i = 0; i < 3000; i++) {
      const text = `"${"é".repeat(i % 7)}${String(i).padStart(1000, "x")}"`;
      const arg = args(h.ref(h.request([OP_NEWSTRING, 0, text])));
      const r = h.ref(h.request([OP_CALL, 0, ...json, "parse", arg]));
      expect((h.request([OP_STRING, 0, ...r]) as string[])[2]).toBe(text.slice(1, -1));
    }
    const big = "y".repeat(600_000);
    const s = h.ref(h.request([OP_NEWSTRING, 0, big]));
    expect((h.request([OP_STRING, 0, ...s]) as string[])[2]).toBe(big);
  });

  it("loads the embedder's preload module before serving Go", () => {
    const dir = mkdtempSync(join(tmpdir(), "gort-js-"));
    const mod = join(dir, "api.cjs");
    writeFileSync(mod, "globalThis.host = { answer: 42 };\n");
    const h = (host = new Host(mod));
    const api = h.get(GLOBAL, "host");
    expect(h.get(api, "answer")).toEqual(bits(42));
    rmSync(dir, { recursive: true });
  });

  it("writes console output through the output Func, nested in the request that logs", () => {
    const h = (host = new Host());
    const console_ = h.get(GLOBAL, "console");
    const s = args(h.ref(h.request([OP_NEWSTRING, 0, "hi"])));
    h.post([OP_CALL, 50, ...console_, "log", s], [s.buffer]);
    const cb = h.next();
    expect([cb[0], cb[1], cb[3]]).toEqual([M_CALLBACK, 50, OUTPUT_FUNC]);
    const a = cb[6] as Uint32Array;
    expect(Array.from(a.subarray(0, 2))).toEqual(bits(1)); // fd 1
    const text = h.request([OP_STRING, 0, a[2], a[3]]) as string[];
    expect(text[2]).toBe("hi\n");
    h.post([OP_DONE, cb[2], 0, 0]);
    expect(h.next().slice(0, 3)).toEqual([M_RESULT, 50, 0]);
  });
});
