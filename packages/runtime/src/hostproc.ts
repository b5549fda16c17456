/**
 * hostproc.ts — child processes and standard-input reads that park their goroutine instead of
 * blocking the runtime (issue 6: "a blocking host call parks its goroutine; it never freezes
 * other goroutines"). The Go side is packages/stdlib/go/os/startproc.go, process.go, file.go
 * (Stdin) and packages/stdlib/go/os/exec; their HACKING.md describes the Go half.
 *
 * THREADS. The scheduler runs Go code inside one synchronous call, so Node's event loop never
 * turns while a program runs and `child_process.spawn`'s events could never be delivered to it.
 * Children therefore live on a host thread of their own (PROC_SOURCE, a worker with an event
 * loop; child_process works in workers), as sockets live on the netpoller's. Requests go to it
 * over a MessagePort; its events come back over the same channel and are drained synchronously
 * with `receiveMessageOnPort` at the scheduler's netpoll points (NetPoller.poll calls `poll`
 * here). To wake an idle scheduler sleeping in NetPoller.wait, the host thread bumps the
 * netpoller's notify word after each event, and counts its events in a shared word so `pending`
 * can tell a wake-up that raced with the wait (the count is bumped before the notify word, so an
 * event missed by `pending` has changed the word the wait compares).
 *
 * A goroutine blocked here counts in NetPoller.waiters (the scheduler's "something in IO wait,
 * not a deadlock" test) while parked, exactly like a socket reader.
 *
 * PIPES. The child's standard streams that Go wants as pipes are Node streams on the host thread,
 * named by handles the runtime chose (4·id + fd). Output chunks queue on this side until a Read
 * takes them (unbounded: the child is never throttled; a child writing gigabytes nobody reads
 * grows this queue). A Write parks until the host stream has taken the bytes. Combined output (fd
 * 2 is fd 1, Go's Stdout == Stderr) is an unlinked temporary file shared as the child's fds 1 and
 * 2 — the child's own interleaving, exact — whose contents the host reads back and delivers as the
 * pipe's data when the child exits (so it is not streamed). Rejected: two pipes merged here (the
 * interleaving would be the host thread's arrival order, not the child's), a shell `2>&1` wrapper
 * (changes argv[0] and costs a process).
 *
 * STDIN. A read of fd 0 when it is a pipe, terminal or socket is done by the host thread
 * (fs.read on fd 0 in libuv's thread pool) while the goroutine parks; regular files and
 * redirects stay synchronous (they never block for long), and so does every read when the host
 * did not declare fd 0 the process's own (setDirectStdio). One read is in flight at a time.
 *
 * SIGNALS. os/signal's natives live here too (signal.ts has the queue, the masks and the
 * main-thread bridge): the host thread relays a caught signal as an event, so signal_recv parks
 * like any other host wait.
 *
 * Natives (NATIVES.md "os and os/exec processes"): the layouts follow host.ts (one 8-byte slot per word;
 * string = (ptr, len); slice = (ptr, len, cap)). All are restartable: a parked native runs again
 * when woken and finds its token in G_PARKSTATE.
 *
 * Corresponds to Go's os/exec_unix.go + syscall/exec_linux.go (forkExec, wait4) and the
 * runtime's handling of blocking syscalls (entersyscall/handoffp); written afresh.
 */
import { MessageChannel, type MessagePort, Worker, isMainThread, receiveMessageOnPort } from "node:worker_threads";
import * as fs from "node:fs";
import type { Heap } from "./malloc.js";
import type { NativeFn, VM } from "./vm/interp.js";
import { G_PARKSTATE, WaitReason } from "./runtime2.js";
import { SignalState, W_PCOUNT, signalBridge } from "./signal.js";

/** What hostproc needs of the netpoller (netpoll.ts) and scheduler. */
export interface HostProcPoller {
  waiters: number;
  gopark(g: number, reason: number): void;
  goready(g: number): void;
  /** the netpoller's control words and the index of its notify word (the idle wait's) */
  readonly notifyWords: Int32Array;
  readonly notifyIndex: number;
}

const ECHILD = 10;
const EBADF = 9;
const EPIPE = 32;

/** Node's error codes as Linux errno numbers. */
const ERRNOS: Record<string, number> = {
  EPERM: 1, ENOENT: 2, EIO: 5, EBADF: 9, ECHILD: 10, EAGAIN: 11, ENOMEM: 12, EACCES: 13,
  ENOTDIR: 20, EISDIR: 21, EINVAL: 22, EMFILE: 24, ETXTBSY: 26, EPIPE: 32, ENAMETOOLONG: 36,
  ENOEXEC: 8, ELOOP: 40,
};

/**
 * The host thread (CommonJS, run with `eval: true` so it works from sources, bundles and builds).
 * Messages in: spawn, write, close, stdin, sigwatch (relay signal.ts's bridge), exit. Events out
 * (plain objects): start, data, eof, written, exit, stdin, signal.
 */
const PROC_SOURCE = `
"use strict";
const { workerData } = require("node:worker_threads");
const cp = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const port = workerData.port;
const ctl = new Int32Array(workerData.notify);
const NI = workerData.notifyIndex;
const count = new Int32Array(workerData.count);
const errnos = workerData.errnos;
const sigs = os.constants.signals;
const streams = new Map();
function errno(e) { return (e && typeof e.errno === "number" && e.errno !== 0) ? Math.abs(e.errno) : (errnos[e && e.code] || 5); }
function emit(m) {
  port.postMessage(m);
  Atomics.add(count, 0, 1);
  Atomics.add(ctl, NI, 1);
  Atomics.notify(ctl, NI);
}
function pipeOut(h, s) {
  streams.set(h, s);
  s.on("data", (d) => emit({ k: "data", h, buf: new Uint8Array(d.buffer, d.byteOffset, d.length) }));
  s.on("end", () => emit({ k: "eof", h }));
  s.on("error", (e) => emit({ k: "eof", h, errno: errno(e) }));
}
function spawn(m) {
  const stdio = m.fds.map((f) => (f >= 0 ? f : f === -1 ? "ignore" : "pipe"));
  let shared = -1;
  if (m.fds[2] === -3) {
    const name = path.join(os.tmpdir(), "gort-exec-" + process.pid + "-" + m.id + "-" + Math.random().toString(36).slice(2));
    try {
      shared = fs.openSync(name, fs.constants.O_RDWR | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
      fs.unlinkSync(name);
    } catch (e) { emit({ k: "start", id: m.id, pid: 0, errno: errno(e) }); return; }
    stdio[1] = shared; stdio[2] = shared;
  }
  // exec(2) semantics: a name without a slash is not looked up in PATH (libuv would)
  const exe = m.file.includes("/") ? m.file : "./" + m.file;
  let ch;
  try {
    ch = cp.spawn(exe, m.argv.slice(1), { argv0: m.argv.length > 0 ? m.argv[0] : m.file, cwd: m.dir || undefined, env: m.env, stdio, windowsHide: true });
  } catch (e) {
    if (shared >= 0) fs.closeSync(shared);
    emit({ k: "start", id: m.id, pid: 0, errno: errno(e) });
    return;
  }
  let started = false;
  ch.once("error", (e) => {
    if (started) return;
    if (shared >= 0) { fs.closeSync(shared); shared = -1; }
    emit({ k: "start", id: m.id, pid: 0, errno: errno(e) });
  });
  const ready = () => {
    if (started) return;
    started = true;
    if (ch.stdin) { streams.set(m.id * 4, ch.stdin); ch.stdin.on("error", () => {}); }
    if (ch.stdout) pipeOut(m.id * 4 + 1, ch.stdout);
    if (ch.stderr) pipeOut(m.id * 4 + 2, ch.stderr);
    emit({ k: "start", id: m.id, pid: ch.pid, errno: 0 });
  };
  // spawn() has forked and exec'd when it returns with a pid (a failure has no pid and emits
  // "error" later): report at once rather than a tick later at "spawn"
  if (typeof ch.pid === "number" && ch.pid > 0) ready();
  else ch.once("spawn", ready);
  if (shared >= 0) {
    // combined output: read the shared file back when the child exits (before its exit event)
    ch.once("exit", () => {
      const h = m.id * 4 + 1;
      try {
        const size = fs.fstatSync(shared).size;
        const buf = Buffer.alloc(size);
        let off = 0;
        while (off < size) { const n = fs.readSync(shared, buf, off, size - off, off); if (n === 0) break; off += n; }
        if (off > 0) emit({ k: "data", h, buf: new Uint8Array(buf.buffer, buf.byteOffset, off) });
        emit({ k: "eof", h });
      } catch (e) { emit({ k: "eof", h, errno: errno(e) }); }
      fs.closeSync(shared);
      shared = -1;
    });
  }
  ch.once("exit", (code, signal) => {
    emit({ k: "exit", id: m.id, status: signal ? -1 : (code == null ? 0 : code), sig: signal ? (sigs[signal] || 0) : 0 });
  });
}
port.on("message", (m) => {
  switch (m.op) {
    case "spawn": spawn(m); break;
    case "write": {
      const s = streams.get(m.h);
      if (s === undefined || s.destroyed || s.writableEnded) { emit({ k: "written", h: m.h, n: 0, errno: ${EPIPE} }); break; }
      s.write(m.buf, (e) => emit({ k: "written", h: m.h, n: e ? 0 : m.buf.length, errno: e ? (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED" ? ${EPIPE} : errno(e)) : 0 }));
      break;
    }
    case "close": {
      const s = streams.get(m.h);
      streams.delete(m.h);
      if (s !== undefined) { if (typeof s.end === "function" && s.writable) s.end(); else s.destroy(); }
      break;
    }
    case "stdin": {
      const buf = Buffer.alloc(m.n);
      const once = () => fs.read(0, buf, 0, m.n, null, (e, got) => {
        if (e && e.code === "EAGAIN") { setTimeout(once, 5); return; }
        if (e && e.code === "EOF") { emit({ k: "stdin", buf: null, errno: 0 }); return; }
        emit({ k: "stdin", buf: e ? null : new Uint8Array(buf.buffer, buf.byteOffset, got), errno: e ? errno(e) : 0 });
      });
      once();
      break;
    }
    case "sigwatch": {
      // relay caught signals (signal.ts bridge word W_PCOUNT) as events
      const sw = new Int32Array(m.sab);
      let v = m.from; // the count when the runtime asked: a signal caught since is reported at once
      const next = () => { v = Atomics.load(sw, m.word); emit({ k: "signal" }); loop(); };
      const loop = () => { const r = Atomics.waitAsync(sw, m.word, v); if (r.async) r.value.then(next); else next(); };
      loop();
      break;
    }
    case "exit": port.close(); process.exit(0);
  }
});
`;

/**
 * Whether the program's fds 0-2 are the process's own: the host writes its output straight to
 * fds 1 and 2 and leaves fd 0 to it (gort run's CLI on the main thread: runfast.ts sets it), so
 * a child can inherit fds 1/2 and stdin may be read by the host thread. Per thread (module
 * state); the worker runner forwards output by message and leaves it off.
 */
let directStdio = false;

/** Declares that this thread's programs write their stdout/stderr directly to fds 1 and 2. */
export function setDirectStdio(on: boolean): void {
  directStdio = on;
}

/** A child process from the runtime's side. */
interface Child {
  /** the runtime's id (pipe handles are 4·id + fd) */
  id: number;
  pid: number;
  /** spawn finished (pid set, or errno) */
  started: boolean;
  errno: number;
  exited: boolean;
  status: number;
  sig: number;
  /** Wait collected the status */
  reaped: boolean;
  /** the goroutine parked in sysStart or sysProcWait (0: none) */
  g: number;
}

/** One end of a pipe to a child (fd 0: we write; fds 1, 2: we read). */
interface Pipe {
  rq: Uint8Array[];
  rqOff: number;
  eof: boolean;
  err: number;
  closed: boolean;
  /** bytes acknowledged for the Write in progress (-1: none) */
  written: number;
  g: number;
}

export class HostProc {
  private readonly np: HostProcPoller;
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  /** [0]: events the host thread posted (its writer); `seen` counts those drained here */
  private readonly count = new Int32Array(new SharedArrayBuffer(4));
  private seen = 0;
  private nextId = 1;
  private readonly children = new Map<number, Child>();
  private readonly byPid = new Map<number, Child>();
  private readonly pipes = new Map<number, Pipe>();
  /** stdin: 0 not yet examined, 1 synchronous (file), 2 through the host thread */
  private stdinMode = 0;
  private stdin: { g: number; busy: boolean; done: boolean; buf: Uint8Array | null; errno: number } = { g: 0, busy: false, done: false, buf: null, errno: 0 };

  /** os/signal's queue and masks (signal.ts); `watching`: the host thread relays the bridge */
  readonly signals = new SignalState();
  private watching = false;

  constructor(np: HostProcPoller) {
    this.np = np;
  }

  private post(m: object): void {
    if (this.worker === null) {
      const ch = new MessageChannel();
      this.port = ch.port2;
      this.worker = new Worker(PROC_SOURCE, {
        eval: true,
        workerData: { port: ch.port1, notify: this.np.notifyWords.buffer, notifyIndex: this.np.notifyIndex, count: this.count.buffer, errnos: ERRNOS },
        transferList: [ch.port1],
      });
      this.worker.unref();
      this.port.unref();
    }
    this.port!.postMessage(m);
  }

  /** Ends the host thread (program exit); children keep running, as a Go program's do. */
  shutdown(): void {
    if (this.worker !== null) {
      void this.worker.terminate();
      this.port!.close();
      this.worker = null;
      this.port = null;
    }
  }

  /** Whether events wait to be drained (checked before the idle wait). */
  pending(): boolean {
    return this.worker !== null && Atomics.load(this.count, 0) !== this.seen;
  }

  /** Drains the host thread's events, readying the goroutines they concern. */
  poll(): void {
    const port = this.port;
    if (port === null) return;
    for (;;) {
      const r = receiveMessageOnPort(port);
      if (r === undefined) break;
      this.seen = (this.seen + 1) | 0;
      this.event(r.message as Ev);
    }
  }

  private wake(g: number): void {
    if (g === 0) return;
    this.np.waiters--;
    this.np.goready(g);
  }

  private park(g: number, u32: Uint32Array): void {
    this.np.waiters++;
    u32[(g + G_PARKSTATE) >>> 2] = 1;
    this.np.gopark(g, WaitReason.IOWait);
  }

  private event(e: Ev): void {
    switch (e.k) {
      case "start": {
        const c = this.children.get(e.id!);
        if (c === undefined) return;
        c.started = true;
        c.pid = e.pid!;
        c.errno = e.errno!;
        if (c.pid > 0) this.byPid.set(c.pid, c);
        const g = c.g;
        c.g = 0;
        this.wake(g);
        return;
      }
      case "exit": {
        const c = this.children.get(e.id!);
        if (c === undefined) return;
        c.exited = true;
        c.status = e.status!;
        c.sig = e.sig!;
        const g = c.g;
        c.g = 0;
        this.wake(g);
        return;
      }
      case "data":
      case "eof":
      case "written": {
        const p = this.pipes.get(e.h!);
        if (p === undefined) return;
        if (e.k === "data") p.rq.push(e.buf!);
        else if (e.k === "eof") {
          p.eof = true;
          if (e.errno) p.err = e.errno;
        } else {
          if (p.written >= 0) p.written += e.n!;
          if (e.errno) p.err = e.errno;
        }
        const g = p.g;
        p.g = 0;
        this.wake(g);
        return;
      }
      case "signal": {
        const sg = this.signals;
        if (sg.drain() && sg.g !== 0) {
          const g = sg.g;
          sg.g = 0;
          this.wake(g);
        }
        return;
      }
      case "stdin": {
        const s = this.stdin;
        s.busy = false;
        s.done = true;
        s.buf = e.buf ?? null;
        s.errno = e.errno ?? 0;
        const g = s.g;
        s.g = 0;
        this.wake(g);
        return;
      }
    }
  }

  private newPipe(h: number): void {
    this.pipes.set(h, { rq: [], rqOff: 0, eof: false, err: 0, closed: false, written: -1, g: 0 });
  }

  /** Adds the natives (for packages os and os/exec) to `m`. */
  addNatives(m: Map<string, NativeFn>): void {
    const hp = this;
    const i64 = (h: Heap, at: number): number => Number(h.mem.i64[at >>> 3]);
    const putInt = (h: Heap, at: number, v: number): void => {
      h.mem.i64[at >>> 3] = BigInt(v);
    };
    const bytesAt = (h: Heap, at: number): Buffer => {
      const p = h.mem.u32[at >>> 2];
      return Buffer.from(h.mem.u8.slice(p, p + i64(h, at + 8)));
    };
    const stringsAt = (h: Heap, at: number): string[] => {
      const arr = h.mem.u32[at >>> 2];
      const n = i64(h, at + 8);
      const out: string[] = [];
      for (let i = 0; i < n; i++) out.push(bytesAt(h, arr + 16 * i).toString("utf8"));
      return out;
    };
    const resumed = (vm: VM, g: number): boolean => {
      const u32 = vm.mem.u32;
      if (u32[(g + G_PARKSTATE) >>> 2] === 0) return false;
      u32[(g + G_PARKSTATE) >>> 2] = 0;
      return true;
    };

    // sysStart(path string, argv, env []string, dir string, fd0, fd1, fd2 int) (pid, h0, h1, h2, errno int)
    // fdN: >= 0 the child inherits that descriptor; -1 the null device; -2 a pipe (its handle is
    // returned in hN); fd2 = -3: the same stream as fd 1 (combined output through fd 1's pipe);
    // -11/-12: the program's own fd 1/2 (inherited or a pipe, see directStdio; hN = 0: inherited).
    // The child's id waits in the h0 slot across the park.
    const sysStart: NativeFn = (vm, g, args, res) => {
      const h = vm.heap;
      if (!resumed(vm, g)) {
        const file = bytesAt(h, args).toString("utf8");
        const argv = stringsAt(h, args + 16);
        const envList = stringsAt(h, args + 40);
        const dir = bytesAt(h, args + 64).toString("utf8");
        const fds = [i64(h, args + 80), i64(h, args + 88), i64(h, args + 96)];
        // -11, -12: the program's own stdout/stderr. Inherited when the host writes the
        // program's output straight to fds 1/2 (the child then sees the terminal, as under Go);
        // otherwise a pipe that Go copies into the program's File (a capturing host).
        for (let i = 1; i < 3; i++) {
          if (fds[i] === -11 || fds[i] === -12) fds[i] = directStdio ? -fds[i] - 10 : -2;
        }
        if (fds[2] === -3 && fds[1] >= 0) fds[2] = fds[1];
        if (directStdio) vm.flushPrint(); // print/println output first, in program order
        const env: Record<string, string> = {};
        for (const kv of envList) {
          const i = kv.indexOf("=");
          if (i > 0) env[kv.slice(0, i)] = kv.slice(i + 1);
        }
        const id = hp.nextId++;
        const c: Child = { id, pid: 0, started: false, errno: 0, exited: false, status: 0, sig: 0, reaped: false, g };
        hp.children.set(id, c);
        for (let i = 0; i < 3; i++) if (fds[i] === -2 || (i === 1 && fds[2] === -3)) hp.newPipe(id * 4 + i);
        hp.post({ op: "spawn", id, file, argv, env, dir, fds });
        putInt(h, res + 8, id);
        hp.park(g, vm.mem.u32);
        return;
      }
      const id = i64(h, res + 8);
      const c = hp.children.get(id)!;
      if (!c.started) {
        c.g = g;
        hp.park(g, vm.mem.u32);
        return;
      }
      if (c.errno !== 0) {
        hp.children.delete(id);
        for (let i = 0; i < 3; i++) hp.pipes.delete(id * 4 + i);
        for (let i = 0; i < 4; i++) putInt(h, res + 8 * i, 0);
        putInt(h, res + 32, c.errno);
        return;
      }
      putInt(h, res, c.pid);
      for (let i = 0; i < 3; i++) putInt(h, res + 8 + 8 * i, hp.pipes.has(id * 4 + i) ? id * 4 + i : 0);
      putInt(h, res + 32, 0);
    };

    // sysProcWait(pid int) (status, sig, errno int): parks until the child exits; ECHILD for a
    // pid that is not an unwaited child of this program
    const sysProcWait: NativeFn = (vm, g, args, res) => {
      resumed(vm, g);
      const h = vm.heap;
      const c = hp.byPid.get(i64(h, args));
      if (c === undefined || c.reaped) {
        putInt(h, res, 0);
        putInt(h, res + 8, 0);
        putInt(h, res + 16, ECHILD);
        return;
      }
      if (!c.exited) {
        c.g = g;
        hp.park(g, vm.mem.u32);
        return;
      }
      c.reaped = true;
      hp.byPid.delete(c.pid);
      hp.children.delete(c.id);
      putInt(h, res, c.status);
      putInt(h, res + 8, c.sig);
      putInt(h, res + 16, 0);
    };

    // sysProcKill(pid, sig int) (errno int): an exited child not yet waited for is a zombie:
    // the signal succeeds without reaching a process that may have reused its pid
    const sysProcKill: NativeFn = (vm, _g, args, res) => {
      const h = vm.heap;
      const pid = i64(h, args);
      const sig = i64(h, args + 8);
      const c = hp.byPid.get(pid);
      let errno = 0;
      if (c === undefined || !c.exited) {
        try {
          process.kill(pid, sig);
        } catch (e) {
          const n = (e as { errno?: number }).errno;
          errno = typeof n === "number" && n !== 0 ? Math.abs(n) : 3;
        }
      }
      putInt(h, res, errno);
    };

    // sysPipeRead(h int, b []byte) (n, errno int): n == 0 and errno == 0 is end of file
    const sysPipeRead: NativeFn = (vm, g, args, res) => {
      resumed(vm, g);
      const h = vm.heap;
      const p = hp.pipes.get(i64(h, args));
      if (p === undefined || p.closed) {
        putInt(h, res, 0);
        putInt(h, res + 8, EBADF);
        return;
      }
      const dst = h.mem.u32[(args + 8) >>> 2];
      const n = i64(h, args + 16);
      if (p.rq.length > 0) {
        let got = 0;
        const u8 = h.mem.u8;
        while (got < n && p.rq.length > 0) {
          const c = p.rq[0];
          const k = Math.min(n - got, c.length - p.rqOff);
          u8.set(c.subarray(p.rqOff, p.rqOff + k), dst + got);
          got += k;
          p.rqOff += k;
          if (p.rqOff === c.length) {
            p.rq.shift();
            p.rqOff = 0;
          }
        }
        putInt(h, res, got);
        putInt(h, res + 8, 0);
        return;
      }
      if (p.eof || n === 0) {
        putInt(h, res, 0);
        putInt(h, res + 8, p.eof ? p.err : 0);
        return;
      }
      p.g = g;
      hp.park(g, vm.mem.u32);
    };

    // sysPipeWrite(h int, b []byte) (n, errno int): returns when the host took every byte
    const sysPipeWrite: NativeFn = (vm, g, args, res) => {
      const again = resumed(vm, g);
      const h = vm.heap;
      const hd = i64(h, args);
      const p = hp.pipes.get(hd);
      if (p === undefined || p.closed) {
        putInt(h, res, 0);
        putInt(h, res + 8, EBADF);
        return;
      }
      const n = i64(h, args + 16);
      if (!again) {
        if (p.err !== 0) {
          putInt(h, res, 0);
          putInt(h, res + 8, p.err);
          return;
        }
        if (n === 0) {
          putInt(h, res, 0);
          putInt(h, res + 8, 0);
          return;
        }
        const src = h.mem.u32[(args + 8) >>> 2];
        p.written = 0;
        hp.post({ op: "write", h: hd, buf: h.mem.u8.slice(src, src + n) });
        p.g = g;
        hp.park(g, vm.mem.u32);
        return;
      }
      if (p.written < n && p.err === 0) {
        p.g = g;
        hp.park(g, vm.mem.u32);
        return;
      }
      const w = p.written;
      p.written = -1;
      putInt(h, res, p.err !== 0 ? 0 : w);
      putInt(h, res + 8, p.err);
    };

    // sysPipeClose(h int) (errno int): our end goes away (the child sees EOF on its stdin, or
    // EPIPE writing its output); a goroutine parked on it wakes with EBADF
    const sysPipeClose: NativeFn = (vm, _g, args, res) => {
      const h = vm.heap;
      const hd = i64(h, args);
      const p = hp.pipes.get(hd);
      if (p === undefined || p.closed) {
        putInt(h, res, EBADF);
        return;
      }
      p.closed = true;
      hp.pipes.delete(hd);
      const g = p.g;
      p.g = 0;
      hp.wake(g);
      hp.post({ op: "close", h: hd });
      putInt(h, res, 0);
    };

    // sysStdinRead(b []byte) (n, errno int): fd 0; parks when fd 0 is a pipe, terminal or socket
    const sysStdinRead: NativeFn = (vm, g, args, res) => {
      const h = vm.heap;
      if (hp.stdinMode === 0) {
        let async = false;
        try {
          const st = fs.fstatSync(0);
          async = st.isFIFO() || st.isCharacterDevice() || st.isSocket();
        } catch {
          async = false;
        }
        // only when the host declared fds 0-2 the process's own (gort run's CLI: directStdio),
        // or on the signal runner's worker (runsignal.ts, given the process's stdin); not for
        // embedders and tests (their readStdin, absent = EOF, must win) nor the dashboard's
        // worker (the terminal's input is the dashboard's)
        hp.stdinMode = async && ((directStdio && isMainThread) || signalBridge() !== null) ? 2 : 1;
      }
      if (hp.stdinMode === 1) {
        // a file or redirect (it never blocks for long), or a host thread other than the main
        // one (a worker runner supplies stdin itself): the synchronous os.sysRead
        putInt(h, res, 0);
        putInt(h, res + 8, -1);
        return;
      }
      resumed(vm, g);
      const s = hp.stdin;
      if (s.done) {
        const dst = h.mem.u32[args >>> 2];
        const n = i64(h, args + 8);
        const b = s.buf;
        let got = 0;
        if (b !== null && b.length > 0) {
          got = Math.min(n, b.length);
          h.mem.u8.set(b.subarray(0, got), dst);
          s.buf = got < b.length ? b.subarray(got) : null;
        }
        if (s.buf === null) s.done = false;
        putInt(h, res, got);
        putInt(h, res + 8, got > 0 ? 0 : s.errno);
        return;
      }
      vm.flushPrint();
      if (!s.busy) {
        s.busy = true;
        hp.post({ op: "stdin", n: Math.max(1, Math.min(i64(h, args + 8), 1 << 16)) });
      }
      s.g = g;
      hp.park(g, vm.mem.u32);
    };

    // os/signal (signal.ts): signal_enable/disable/ignore(sig uint32), signal_ignored(sig uint32)
    // bool, signal_recv() uint32 (parks until a signal is caught)
    const sigArg = (vm: VM, args: number): number => vm.mem.u32[args >>> 2];
    m.set("os/signal.signal_enable", (vm, _g, args) => {
      hp.signals.enable(sigArg(vm, args));
      const b = signalBridge();
      if (b !== null && !hp.watching) {
        hp.watching = true;
        hp.post({ op: "sigwatch", sab: b.buffer, word: W_PCOUNT, from: Atomics.load(b, W_PCOUNT) });
      }
    });
    m.set("os/signal.signal_disable", (vm, _g, args) => hp.signals.disable(sigArg(vm, args)));
    m.set("os/signal.signal_ignore", (vm, _g, args) => hp.signals.ignoreSig(sigArg(vm, args)));
    m.set("os/signal.signal_ignored", (vm, _g, args, res) => {
      vm.mem.u8[res] = hp.signals.ignored(sigArg(vm, args)) ? 1 : 0;
    });
    m.set("os/signal.signal_recv", (vm, g, _args, res) => {
      resumed(vm, g);
      const sg = hp.signals;
      if (sg.drain()) {
        vm.mem.i64[res >>> 3] = BigInt(sg.take());
        return;
      }
      sg.g = g;
      hp.park(g, vm.mem.u32);
    });

    m.set("os.sysStart", sysStart);
    m.set("os/exec.sysStart", sysStart);
    m.set("os.sysProcWait", sysProcWait);
    m.set("os.sysProcKill", sysProcKill);
    m.set("syscall.sysKill", sysProcKill); // syscall.Kill
    m.set("os.sysPipeRead", sysPipeRead);
    m.set("os/exec.sysPipeRead", sysPipeRead);
    m.set("os/exec.sysPipeWrite", sysPipeWrite);
    m.set("os.sysPipeClose", sysPipeClose);
    m.set("os/exec.sysPipeClose", sysPipeClose);
    m.set("os.sysStdinRead", sysStdinRead);
  }
}

/** An event from the host thread. */
interface Ev {
  k: "start" | "exit" | "data" | "eof" | "written" | "stdin" | "signal";
  id?: number;
  h?: number;
  pid?: number;
  errno?: number;
  status?: number;
  sig?: number;
  n?: number;
  buf?: Uint8Array | null;
}

/** Names of the natives HostProc.addNatives provides. */
export const HOSTPROC_NATIVE_NAMES: readonly string[] = [
  "os.sysStart",
  "os/exec.sysStart",
  "os.sysProcWait",
  "os.sysProcKill",
  "syscall.sysKill",
  "os.sysPipeRead",
  "os/exec.sysPipeRead",
  "os/exec.sysPipeWrite",
  "os.sysPipeClose",
  "os/exec.sysPipeClose",
  "os.sysStdinRead",
  "os/signal.signal_enable",
  "os/signal.signal_disable",
  "os/signal.signal_ignore",
  "os/signal.signal_ignored",
  "os/signal.signal_recv",
];
