/**
 * netpoll.ts — gort's network poller: Node's sockets are the operating system, and a host
 * thread (a worker with its own event loop, HOST_SOURCE below) plays the kernel. Goroutines
 * park on readiness ("IO wait") and the scheduler makes them ready when the host thread reports
 * an event, as Go's netpoller does with epoll.
 *
 * THREADS. The scheduler runs Go code without returning to an event loop, so sockets live on
 * the host thread. Requests go to it with postMessage (it has an event loop); its events come
 * back through a byte ring in a SharedArrayBuffer (single producer, single consumer), which the
 * scheduler drains at its safe points (budget ends) and when idle, blocking in Atomics.wait on
 * the ring's notify word until an event or the next timer/deadline.
 *
 * BUFFERS. Received bytes wait in per-connection queues on this side (the counterpart of a
 * kernel socket buffer: a host resource behind an integer handle, DESIGN.md) until a Read
 * copies them into Go memory. Writes copy the Go bytes into a transferable buffer and return
 * at once while the connection has less than WQ_HIGH bytes the host has not yet taken (a kernel
 * send buffer's role; past it the writer parks). Requests to the host go in batches (post).
 * UDP sockets (node:dgram) queue whole datagrams with their sender (PollDesc.dq); sends do not
 * wait, as sendto on a UDP socket does not.
 *
 * REJECTED: one postMessage per request (≈25 µs each; it dominated small-message servers, now
 * one per scheduler poll); Write waiting for the host's acknowledgment (a host round trip per
 * Write halved echo throughput; a bounded unsent count gives the kernel's semantics); Nagle's
 * algorithm (Node's default) — Go sets TCP_NODELAY, and leaving it on cost 10× on small
 * request/response traffic; waking the scheduler for write acks only when a writer waits for
 * them (tried: no measurable change, the acks ride along with data wake-ups).
 * Figures: bench/NET.md; Go side: packages/stdlib/go/net/HACKING.md.
 *
 * NATIVES (package net, netfd.go) are restartable: one that cannot finish parks its goroutine
 * with G_PARKSTATE = 1 and runs again when woken (an event, or its deadline), re-checking.
 *
 * Ring record: [u32 len (multiple of 8, header included)][i32 kind][i32 id][i32 a][i32 b]
 * [u32 payload length] then the payload. Counters head/tail count bytes modulo 2^32; a record
 * never wraps: the producer pads to the end of the buffer (kind PAD) and starts again at 0.
 */
import { Worker } from "node:worker_threads";
import type { NativeFn, VM } from "./vm/interp.js";
import { G_PARKSTATE, WaitReason } from "./runtime2.js";
import { HostProc } from "./hostproc.js"; // host6: child processes and stdin (hostproc.ts)

/** What the poller needs of the scheduler. */
export interface NetpollSched {
  readonly clock: { now(): number };
  gopark(g: number, reason: number): void;
  goready(g: number): void;
}

const RING_BYTES = 1 << 20;
const HDR = 24;
// control words
const C_HEAD = 0;
const C_TAIL = 1;
const C_NOTIFY = 2;
const C_WANTSPACE = 3;

// event kinds (host → runtime)
export const EV_PAD = 0;
export const EV_LISTENING = 1;
export const EV_ACCEPT = 2;
export const EV_CONNECTED = 3;
export const EV_DATA = 4;
export const EV_EOF = 5;
export const EV_ERROR = 6;
export const EV_WRITTEN = 7;
export const EV_LOOKUP = 8;
export const EV_DGRAM = 9; // UDP datagram: a = sender's port, b = length of the sender's address text
export const EV_SENT = 10; // UDP send failed: b = errno

/** Errno values the Go side maps to errors (syscall.Errno), plus gort's own below 0. */
export const E_TIMEOUT = -2; // a deadline passed: os.ErrDeadlineExceeded
export const E_CLOSED = -3; // use of closed network connection
export const E_NOHOST = -4; // lookup: no such host

/**
 * The host thread: a CommonJS script run with `eval: true` (so it works from sources, bundles
 * and builds alike). It owns the sockets and servers, named by ids the runtime chose (dials,
 * listens) or it chose (accepted connections: from 1 << 24 upward).
 */
const HOST_SOURCE = `
"use strict";
const { workerData, parentPort } = require("node:worker_threads");
const net = require("node:net");
const dns = require("node:dns");
const dgram = require("node:dgram");
const ctl = new Int32Array(workerData.ctl);
const ring = new Uint8Array(workerData.ring);
const dv = new DataView(workerData.ring);
const SIZE = ring.length;
const errnos = workerData.errnos;
const socks = new Map();
const servers = new Map();
const udps = new Map();
let nextAccept = 1 << 24;
const pending = [];
function room(need) {
  const head = Atomics.load(ctl, 0) >>> 0, tail = Atomics.load(ctl, 1) >>> 0;
  const used = (tail - head) >>> 0;
  const pos = tail % SIZE;
  const toEnd = SIZE - pos;
  if (toEnd >= need) return SIZE - used >= need ? 0 : -1;
  return SIZE - used >= toEnd + need ? toEnd : -1;
}
function put(kind, id, a, b, payload) {
  const plen = payload ? payload.length : 0;
  const len = (24 + plen + 7) & ~7; // (multiples of 8: a pad record always has room for its header)
  if (pending.length > 0 || len > SIZE / 2) { pending.push([kind, id, a, b, payload]); flushLater(); return; }
  const pad = room(len);
  if (pad < 0) { pending.push([kind, id, a, b, payload]); flushLater(); return; }
  emit(kind, id, a, b, payload, len, pad);
}
// writes one record (room(len) returned pad >= 0)
function emit(kind, id, a, b, payload, len, pad) {
  const plen = payload ? payload.length : 0;
  let tail = Atomics.load(ctl, 1) >>> 0;
  if (pad > 0) {
    const pos = tail % SIZE;
    dv.setUint32(pos, pad, true); dv.setInt32(pos + 4, 0, true);
    tail = (tail + pad) >>> 0;
  }
  const pos = tail % SIZE;
  dv.setUint32(pos, len, true); dv.setInt32(pos + 4, kind, true); dv.setInt32(pos + 8, id, true);
  dv.setInt32(pos + 12, a, true); dv.setInt32(pos + 16, b, true); dv.setUint32(pos + 20, plen, true);
  if (plen > 0) ring.set(payload, pos + 24);
  Atomics.store(ctl, 1, (tail + len) | 0);
  Atomics.add(ctl, 2, 1);
  Atomics.notify(ctl, 2);
}
let flushTimer = null;
function flushLater() {
  Atomics.store(ctl, 3, 1);
  for (const s of socks.values()) s.pause();
  if (flushTimer === null) flushTimer = setTimeout(flush, 5);
}
function flush() {
  flushTimer = null;
  while (pending.length > 0) {
    const [kind, id, a, b, payload] = pending[0];
    const plen = payload ? payload.length : 0;
    if (plen > SIZE / 4) {
      // split a big chunk so it fits the ring
      const q = SIZE / 4;
      pending[0] = [kind, id, a, b, payload.subarray(q)];
      pending.unshift([kind, id, a, b, payload.subarray(0, q)]);
      continue;
    }
    const len = (24 + plen + 7) & ~7; // (multiples of 8: a pad record always has room for its header)
    const pad = room(len);
    if (pad < 0) { flushTimer = setTimeout(flush, 5); return; }
    pending.shift();
    emit(kind, id, a, b, payload, len, pad); // (put would queue it behind the rest again)
  }
  Atomics.store(ctl, 3, 0);
  for (const s of socks.values()) if (!s.gortPaused) s.resume();
}
const enc = new TextEncoder();
function errno(e) { return errnos[e.code] || errnos.EIO; }
function addr(a, p) { return a === undefined ? "" : (a.includes(":") ? "[" + a + "]:" + p : a + ":" + p); }
// an IPv4 destination of a dual-stack (udp6) socket is written in its IPv4-mapped form
function udpHost(s, h) { return s.type === "udp6" && h.indexOf(":") < 0 ? "::ffff:" + h : h; }
function track(id, s, unix) {
  socks.set(id, s);
  // Go sets TCP_NODELAY on every TCP connection; Node leaves Nagle's algorithm on
  if (!unix) s.setNoDelay(true);
  s.on("data", (d) => put(4, id, 0, 0, d));
  s.on("end", () => put(5, id, 0, 0, null));
  s.on("error", (e) => put(6, id, errno(e), 0, enc.encode(e.syscall || "read")));
  s.on("close", () => socks.delete(id));
}
// requests arrive in batches (NetPoller.post)
parentPort.on("message", (batch) => { for (const m of batch) handle(m); });
function handle(m) {
  switch (m.op) {
    case "listen": {
      const srv = net.createServer({ allowHalfOpen: true });
      servers.set(m.id, srv);
      srv.on("error", (e) => put(6, m.id, errno(e), 0, enc.encode(e.syscall || "listen")));
      srv.on("connection", (s) => {
        const cid = nextAccept++;
        track(cid, s, m.unix);
        const la = m.unix ? m.path : addr(s.localAddress, s.localPort);
        const ra = m.unix ? "" : addr(s.remoteAddress, s.remotePort);
        put(2, m.id, cid, 0, enc.encode(la + "\\n" + ra));
      });
      const ready = () => {
        const a = srv.address();
        put(1, m.id, typeof a === "string" || a === null ? 0 : a.port, 0, enc.encode(typeof a === "string" || a === null ? m.path : addr(a.address, a.port)));
      };
      if (m.unix) srv.listen(m.path, ready);
      else srv.listen({ host: m.host === "" ? undefined : m.host, port: m.port, ipv6Only: false }, ready);
      break;
    }
    case "dial": {
      const s = m.unix ? net.connect({ path: m.path, allowHalfOpen: true }) : net.connect({ host: m.host, port: m.port, allowHalfOpen: true });
      s.once("connect", () => {
        track(m.id, s, m.unix);
        const la = m.unix ? "" : addr(s.localAddress, s.localPort);
        const ra = m.unix ? m.path : addr(s.remoteAddress, s.remotePort);
        put(3, m.id, 0, 0, enc.encode(la + "\\n" + ra));
      });
      s.once("error", (e) => { if (!socks.has(m.id)) put(6, m.id, errno(e), 0, enc.encode(e.syscall || "connect")); });
      break;
    }
    case "write": {
      const s = socks.get(m.id);
      const n = m.buf.byteLength;
      // every write is acknowledged (its bytes leave the runtime's unsent count), failed or not
      if (s === undefined) { put(7, m.id, n, errnos.EPIPE, null); break; }
      s.write(new Uint8Array(m.buf), (e) => put(7, m.id, n, e ? errno(e) : 0, null));
      break;
    }
    case "closewrite": { const s = socks.get(m.id); if (s) s.end(); break; }
    case "close": {
      const s = socks.get(m.id);
      if (s) {
        socks.delete(m.id);
        // as close(2) does, send what was written first (then FIN); unsent data is dropped on destroy
        if (s.writableLength > 0 && !s.destroyed) { s.end(); s.once("finish", () => s.destroy()); setTimeout(() => s.destroy(), 30000).unref(); }
        else s.destroy();
      }
      const srv = servers.get(m.id);
      if (srv) { servers.delete(m.id); srv.close(); }
      const u = udps.get(m.id);
      if (u) { udps.delete(m.id); u.close(); }
      break;
    }
    case "pause": { const s = socks.get(m.id); if (s) { s.gortPaused = true; s.pause(); } break; }
    case "resume": { const s = socks.get(m.id); if (s) { s.gortPaused = false; if (pending.length === 0) s.resume(); } break; }
    case "space": if (pending.length > 0 && flushTimer === null) flush(); break;
    case "lookup":
      dns.lookup(m.host, { all: true }, (e, list) => {
        if (e) put(8, m.id, e.code === "ENOTFOUND" || e.code === "EAI_NONAME" || e.code === "EAI_AGAIN" ? -4 : errno(e), 0, null);
        else put(8, m.id, 0, 0, enc.encode(list.map((x) => x.address).join("\\n")));
      });
      break;
    case "udp": {
      // a datagram socket: bind (port 0: any), then connect when a remote address is given
      const s = dgram.createSocket({ type: m.v6 ? "udp6" : "udp4", ipv6Only: false });
      udps.set(m.id, s);
      let bound = false;
      const fail = (e, op) => { udps.delete(m.id); s.close(); put(6, m.id, errno(e), 0, enc.encode(e.syscall || op)); };
      s.on("error", (e) => { if (!bound) fail(e, "bind"); });
      s.on("message", (d, r) => {
        const a = enc.encode(r.address);
        const p = new Uint8Array(a.length + d.length);
        p.set(a); p.set(d, a.length);
        put(9, m.id, r.port, a.length, p);
      });
      const ready = () => {
        bound = true;
        const la = s.address();
        let ra = "";
        if (m.rport > 0) { const r = s.remoteAddress(); ra = addr(r.address, r.port); }
        put(3, m.id, 0, 0, enc.encode(addr(la.address, la.port) + "\\n" + ra));
      };
      s.bind({ port: m.port, address: m.host === "" ? undefined : m.host, exclusive: true }, () => {
        if (m.rport > 0) s.connect(m.rport, udpHost(s, m.rhost), (e) => { if (e) fail(e, "connect"); else ready(); });
        else ready();
      });
      break;
    }
    case "send": {
      const s = udps.get(m.id);
      const b = new Uint8Array(m.buf);
      if (s === undefined) { put(10, m.id, 0, errnos.EBADF, null); break; }
      const done = (e) => { if (e) put(10, m.id, 0, errno(e), null); };
      try {
        if (m.port === 0 && m.host === "") s.send(b, done);
        else s.send(b, m.port, udpHost(s, m.host), done);
      } catch (e) { put(10, m.id, 0, errno(e), null); }
      break;
    }
    case "exit": for (const s of socks.values()) s.destroy(); for (const v of servers.values()) v.close(); for (const u of udps.values()) u.close(); parentPort.close(); break;
  }
}
`;

/** Node's error codes as Linux errno numbers (what Go's syscall.Errno prints). */
const ERRNOS: Record<string, number> = {
  EPERM: 1,
  ENOENT: 2,
  EIO: 5,
  EBADF: 9,
  EAGAIN: 11,
  EACCES: 13,
  EINVAL: 22,
  EDESTADDRREQ: 89,
  EMSGSIZE: 90,
  EPIPE: 32,
  EADDRINUSE: 98,
  EADDRNOTAVAIL: 99,
  ENETDOWN: 100,
  ENETUNREACH: 101,
  ECONNABORTED: 103,
  ECONNRESET: 104,
  ENOTCONN: 107,
  ETIMEDOUT: 110,
  ECONNREFUSED: 111,
  EHOSTUNREACH: 113,
};

/** One socket or listener, from the runtime's side. */
interface PollDesc {
  id: number;
  /** received chunks not yet read, and the read offset into the first */
  rq: Uint8Array[];
  rqOff: number;
  rqBytes: number;
  paused: boolean;
  eof: boolean;
  /** a terminal error (errno), 0 when none */
  err: number;
  errOp: string;
  /** dial/listen finished (1) or failed (err set) */
  ready: boolean;
  laddr: string;
  raddr: string;
  port: number;
  /** accepted connections waiting for Accept */
  acceptQ: { id: number; laddr: string; raddr: string }[];
  /** bytes of Writes handed to the host thread and not yet taken by its socket */
  unacked: number;
  /** errno of a failed write, returned by later Writes (0: none) */
  werr: number;
  closed: boolean;
  /** the goroutines parked on it (0: none) and their deadlines (abs ns, 0: none) */
  rg: number;
  wg: number;
  rdeadline: number;
  wdeadline: number;
  /** UDP: received datagrams (sender "ip:port", bytes) not yet read, and their total size */
  dq: { from: string; data: Uint8Array }[];
  dqBytes: number;
  /** UDP: the errno of a send the host rejected, reported by the next send (0: none) */
  sendErr: number;
}

/**
 * Datagrams queued for one UDP socket past this many bytes are dropped, as a full kernel socket
 * buffer drops them (Linux's default receive buffer is 208 KiB; the host's copy overhead
 * makes a little more room worthwhile).
 */
const DQ_HIGH = 1 << 20;

/** Requests per postMessage at most (post); more are sent at once. */
const OUTBOX_MAX = 256;

/**
 * A TCP Write returns at once while the connection has less than this many bytes the host has
 * not yet taken (the counterpart of a kernel's socket send buffer); past it, writers park until
 * the host catches up. Larger means fewer parks for bulk senders and more memory per connection.
 */
const WQ_HIGH = 512 << 10;

/** How long program exit waits for written data to reach the host's sockets (ns). */
const LINGER_NS = 2e9;

/** Stop reading from the host past this much unread data per connection. */
const RQ_HIGH = 1 << 20;

export class NetPoller {
  private readonly sched: NetpollSched;
  private worker: Worker | null = null;
  private readonly ctl: Int32Array;
  private readonly ring: Uint8Array;
  private readonly dv: DataView;
  private readonly fds = new Map<number, PollDesc>();
  /** DNS requests: id → result (addresses or errno), and the waiting goroutine */
  private readonly lookups = new Map<number, { g: number; done: boolean; err: number; addrs: string[] }>();
  private nextId = 1;
  /** goroutines parked in IO wait (+1 while the outbox holds requests) */
  waiters = 0;
  /** requests not yet sent to the host thread, and the buffers they transfer (post/flush) */
  private outbox: object[] = [];
  private outboxTransfer: ArrayBuffer[] = [];
  /** bytes of TCP writes the host has not yet handed to its sockets, over all connections */
  private unacked = 0;
  private readonly dec = new TextDecoder();

  constructor(sched: NetpollSched) {
    this.sched = sched;
    this.ctl = new Int32Array(new SharedArrayBuffer(16));
    const rb = new SharedArrayBuffer(RING_BYTES);
    this.ring = new Uint8Array(rb);
    this.dv = new DataView(rb);
    this.hostproc = new HostProc(this);
  }

  // ── host6: other host threads reporting through this poller (hostproc.ts) ──
  // Child processes and stdin reads live on hostproc's own host thread; it drains in poll(),
  // wakes the idle wait() through the notify word, and counts its parked goroutines in waiters.
  readonly hostproc: HostProc;
  get notifyWords(): Int32Array {
    return this.ctl;
  }
  get notifyIndex(): number {
    return C_NOTIFY;
  }
  gopark(g: number, reason: number): void {
    this.sched.gopark(g, reason);
  }
  goready(g: number): void {
    this.sched.goready(g);
  }
  // ── end host6 ──

  private host(): Worker {
    if (this.worker === null) {
      this.worker = new Worker(HOST_SOURCE, { eval: true, workerData: { ctl: this.ctl.buffer, ring: this.ring.buffer, errnos: ERRNOS } });
      this.worker.unref();
    }
    return this.worker;
  }

  /**
   * Queues a request for the host thread. Requests go out in batches (one postMessage per
   * scheduler poll or idle wait, or per OUTBOX_MAX requests): a postMessage costs tens of
   * microseconds, and a server with many connections makes one request per Write. While the
   * outbox holds requests it counts as one IO waiter, so the scheduler keeps calling poll()
   * (which flushes) instead of sleeping or declaring a deadlock.
   */
  private post(m: object, transfer?: ArrayBuffer[]): void {
    if (this.outbox.length === 0) this.waiters++;
    this.outbox.push(m);
    if (transfer !== undefined) for (const b of transfer) this.outboxTransfer.push(b);
    if (this.outbox.length >= OUTBOX_MAX) this.flush();
  }

  /** Sends the queued requests to the host thread. */
  private flush(): void {
    if (this.outbox.length === 0) return;
    this.waiters--;
    const batch = this.outbox;
    const transfer = this.outboxTransfer;
    this.outbox = [];
    this.outboxTransfer = [];
    this.host().postMessage(batch, transfer);
  }

  /** Ends the host thread (program exit). */
  shutdown(): void {
    this.hostproc.shutdown(); // host6
    // Like a kernel after close(2), deliver what the program wrote before it exited: wait (a
    // bounded time) until the host has handed every written byte to its sockets.
    this.flush();
    if (this.worker !== null && this.unacked > 0) {
      const until = this.sched.clock.now() + LINGER_NS;
      for (let now = this.sched.clock.now(); this.unacked > 0 && now < until; now = this.sched.clock.now()) {
        this.wait(until - now);
        this.poll(now);
      }
    }
    if (this.worker !== null) {
      void this.worker.terminate();
      this.worker = null;
    }
  }

  private newDesc(id: number): PollDesc {
    const d: PollDesc = {
      id, rq: [], rqOff: 0, rqBytes: 0, paused: false, eof: false, err: 0, errOp: "", ready: false, laddr: "", raddr: "", port: 0,
      acceptQ: [], unacked: 0, werr: 0, closed: false, rg: 0, wg: 0, rdeadline: 0, wdeadline: 0,
      dq: [], dqBytes: 0, sendErr: 0,
    };
    this.fds.set(id, d);
    return d;
  }

  /** Sends queued requests, drains the event ring and wakes goroutines whose deadline passed. Cheap when idle. */
  poll(now: number): void {
    this.flush();
    this.hostproc.poll(); // host6: child processes, stdin (hostproc.ts)
    const ctl = this.ctl;
    let head = Atomics.load(ctl, C_HEAD) >>> 0;
    const tail = Atomics.load(ctl, C_TAIL) >>> 0;
    if (head !== tail) {
      const dv = this.dv;
      while (head !== tail) {
        const pos = head % RING_BYTES;
        const len = dv.getUint32(pos, true);
        const kind = dv.getInt32(pos + 4, true);
        if (kind !== EV_PAD) {
          const id = dv.getInt32(pos + 8, true);
          const a = dv.getInt32(pos + 12, true);
          const b = dv.getInt32(pos + 16, true);
          const plen = dv.getUint32(pos + 20, true);
          // copy: the slot is reused once head moves past it
          const payload = this.ring.slice(pos + HDR, pos + HDR + plen);
          this.event(kind, id, a, b, payload);
        }
        head = (head + len) >>> 0;
      }
      Atomics.store(ctl, C_HEAD, head | 0);
      if (Atomics.load(ctl, C_WANTSPACE) !== 0) this.post({ op: "space" });
    }
    if (this.waiters > 0) this.checkDeadlines(now);
  }

  private event(kind: number, id: number, a: number, b: number, payload: Uint8Array): void {
    if (kind === EV_LOOKUP) {
      const l = this.lookups.get(id);
      if (l === undefined) return;
      l.done = true;
      l.err = a;
      l.addrs = a === 0 ? this.dec.decode(payload).split("\n").filter((s) => s !== "") : [];
      this.wake(l.g);
      l.g = 0;
      return;
    }
    if (kind === EV_WRITTEN) this.unacked -= a; // (also for connections closed since)
    const d = this.fds.get(id);
    if (d === undefined || d.closed) return;
    switch (kind) {
      case EV_LISTENING:
        d.ready = true;
        d.port = a;
        d.laddr = this.dec.decode(payload);
        this.wakeR(d);
        break;
      case EV_CONNECTED: {
        const [la, ra] = this.dec.decode(payload).split("\n");
        d.ready = true;
        d.laddr = la;
        d.raddr = ra;
        this.wakeR(d);
        break;
      }
      case EV_ACCEPT: {
        const [la, ra] = this.dec.decode(payload).split("\n");
        this.newDesc(a).ready = true;
        const c = this.fds.get(a)!;
        c.laddr = la;
        c.raddr = ra;
        d.acceptQ.push({ id: a, laddr: la, raddr: ra });
        this.wakeR(d);
        break;
      }
      case EV_DATA:
        d.rq.push(payload);
        d.rqBytes += payload.length;
        if (d.rqBytes > RQ_HIGH && !d.paused) {
          d.paused = true;
          this.post({ op: "pause", id });
        }
        this.wakeR(d);
        break;
      case EV_EOF:
        d.eof = true;
        this.wakeR(d);
        break;
      case EV_ERROR:
        if (d.err === 0) {
          d.err = a;
          d.errOp = this.dec.decode(payload);
        }
        this.wakeR(d);
        this.wakeW(d);
        break;
      case EV_WRITTEN:
        d.unacked -= a;
        if (b !== 0 && d.werr === 0) d.werr = b; // reported by the next Write (Reads still see data, EOF)
        this.wakeW(d);
        break;
      case EV_DGRAM: {
        if (d.dqBytes + payload.length > DQ_HIGH) break; // dropped, like a full socket buffer
        const ip = this.dec.decode(payload.subarray(0, b));
        const from = (ip.includes(":") ? "[" + ip + "]:" : ip + ":") + a;
        const data = payload.subarray(b);
        d.dq.push({ from, data });
        d.dqBytes += data.length;
        this.wakeR(d);
        break;
      }
      case EV_SENT:
        if (b !== 0) d.sendErr = b;
        break;
    }
  }

  private wake(g: number): void {
    if (g === 0) return;
    this.waiters--;
    this.sched.goready(g);
  }
  private wakeR(d: PollDesc): void {
    const g = d.rg;
    d.rg = 0;
    this.wake(g);
  }
  private wakeW(d: PollDesc): void {
    const g = d.wg;
    d.wg = 0;
    this.wake(g);
  }

  private checkDeadlines(now: number): void {
    for (const d of this.fds.values()) {
      if (d.rg !== 0 && d.rdeadline > 0 && now >= d.rdeadline) this.wakeR(d);
      if (d.wg !== 0 && d.wdeadline > 0 && now >= d.wdeadline) this.wakeW(d);
    }
  }

  /** Nanoseconds until the earliest deadline of a parked goroutine (Infinity: none). */
  untilDeadline(now: number): number {
    let best = Infinity;
    for (const d of this.fds.values()) {
      if (d.rg !== 0 && d.rdeadline > 0) best = Math.min(best, d.rdeadline - now);
      if (d.wg !== 0 && d.wdeadline > 0) best = Math.min(best, d.wdeadline - now);
    }
    return Math.max(0, best);
  }

  /** Blocks the thread until the host reports something or `ns` pass (the idle scheduler's sleep). */
  wait(ns: number): void {
    this.flush();
    const seen = Atomics.load(this.ctl, C_NOTIFY);
    if ((Atomics.load(this.ctl, C_HEAD) | 0) !== (Atomics.load(this.ctl, C_TAIL) | 0)) return;
    if (this.hostproc.pending()) return; // host6
    Atomics.wait(this.ctl, C_NOTIFY, seen, ns === Infinity ? undefined : Math.max(0, ns / 1e6));
  }

  /** Parks g on d for reading (or writing); its native runs again when woken. */
  private park(g: number, d: PollDesc, write: boolean, u32: Uint32Array): void {
    if (write) d.wg = g;
    else d.rg = g;
    this.waiters++;
    u32[(g + G_PARKSTATE) >>> 2] = 1;
    this.sched.gopark(g, WaitReason.IOWait);
  }

  /** Whether the deadline for this direction has passed (a re-run native returns E_TIMEOUT). */
  private expired(d: PollDesc, write: boolean): boolean {
    const dl = write ? d.wdeadline : d.rdeadline;
    return dl > 0 && this.sched.clock.now() >= dl;
  }

  /** The natives of package net (netfd.go). */
  addNatives(m: Map<string, NativeFn>): void {
    this.hostproc.addNatives(m); // host6: os, os/exec (hostproc.ts)
    const np = this;
    const str = (vm: VM, at: number): string => {
      const mem = vm.mem;
      const p = mem.u32[at >>> 2];
      const n = Number(mem.i64[(at + 8) >>> 3]);
      return Buffer.from(mem.u8.buffer, mem.u8.byteOffset + p, n).toString("utf8");
    };
    const putInt = (vm: VM, at: number, v: number): void => {
      vm.mem.i64[at >>> 3] = BigInt(v);
    };
    const putStr = (vm: VM, at: number, s: string): void => {
      const b = Buffer.from(s, "utf8");
      let p = 0;
      if (b.length > 0) {
        p = vm.heap.mallocgc(b.length, 0, false);
        vm.mem.u8.set(b, p);
      }
      const mem = vm.mem;
      mem.u32[at >>> 2] = p;
      mem.u32[(at >>> 2) + 1] = 0;
      mem.i64[(at + 8) >>> 3] = BigInt(b.length);
    };
    const resumed = (vm: VM, g: number): boolean => {
      const u32 = vm.mem.u32;
      if (u32[(g + G_PARKSTATE) >>> 2] === 0) return false;
      u32[(g + G_PARKSTATE) >>> 2] = 0;
      return true;
    };
    /** the connection of an id argument, or null after storing E_CLOSED at errAt */
    const desc = (vm: VM, id: number, errAt: number): PollDesc | null => {
      const d = np.fds.get(id);
      if (d === undefined || d.closed) {
        putInt(vm, errAt, E_CLOSED);
        return null;
      }
      return d;
    };

    // sysListen(network, host string, port int, path string) (id int, laddr string, errno int)
    m.set("net.sysListen", (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      let id = Number(vm.mem.i64[(res) >>> 3]);
      if (!resumed(vm, g)) {
        const unix = str(vm, args) === "unix";
        id = np.nextId++;
        np.newDesc(id);
        np.post({ op: "listen", id, host: str(vm, args + 16), port: Number(vm.mem.i64[(args + 32) >>> 3]), path: str(vm, args + 40), unix });
        putInt(vm, res, id); // remembered across the park in the result slot
        np.park(g, np.fds.get(id)!, false, u32);
        return;
      }
      const d = np.fds.get(id)!;
      if (!d.ready && d.err === 0) return np.park(g, d, false, u32);
      if (d.err !== 0) {
        np.fds.delete(id);
        putInt(vm, res, 0);
        putStr(vm, res + 8, "");
        putInt(vm, res + 24, d.err);
        return;
      }
      putStr(vm, res + 8, d.laddr);
      putInt(vm, res + 24, 0);
    });

    // sysDial(network, host string, port int, path string, deadline int64) (id int, laddr, raddr string, errno int)
    m.set("net.sysDial", (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      let id = Number(vm.mem.i64[res >>> 3]);
      if (!resumed(vm, g)) {
        const unix = str(vm, args) === "unix";
        id = np.nextId++;
        const d = np.newDesc(id);
        d.rdeadline = Number(vm.mem.i64[(args + 56) >>> 3]);
        np.post({ op: "dial", id, host: str(vm, args + 16), port: Number(vm.mem.i64[(args + 32) >>> 3]), path: str(vm, args + 40), unix });
        putInt(vm, res, id);
        np.park(g, d, false, u32);
        return;
      }
      const d = np.fds.get(id)!;
      let err = d.err;
      if (!d.ready && err === 0) {
        if (!np.expired(d, false)) return np.park(g, d, false, u32);
        err = E_TIMEOUT;
      }
      if (err !== 0) {
        np.fds.delete(id);
        d.closed = true;
        np.post({ op: "close", id });
        putInt(vm, res, 0);
        putStr(vm, res + 8, "");
        putStr(vm, res + 24, "");
        putInt(vm, res + 40, err);
        return;
      }
      d.rdeadline = 0;
      putStr(vm, res + 8, d.laddr);
      putStr(vm, res + 24, d.raddr);
      putInt(vm, res + 40, 0);
    });

    // sysAccept(id int) (cid int, laddr, raddr string, errno int)
    m.set("net.sysAccept", (vm, g, args, res) => {
      resumed(vm, g);
      const d = desc(vm, Number(vm.mem.i64[args >>> 3]), res + 40);
      if (d === null) return;
      const c = d.acceptQ.shift();
      if (c === undefined) {
        if (d.err !== 0) return putInt(vm, res + 40, d.err);
        if (np.expired(d, false)) return putInt(vm, res + 40, E_TIMEOUT);
        return np.park(g, d, false, vm.mem.u32);
      }
      putInt(vm, res, c.id);
      putStr(vm, res + 8, c.laddr);
      putStr(vm, res + 24, c.raddr);
      putInt(vm, res + 40, 0);
    });

    // sysRead(id int, b []byte) (n int, eof bool, errno int)
    m.set("net.sysRead", (vm, g, args, res) => {
      resumed(vm, g);
      const d = desc(vm, Number(vm.mem.i64[args >>> 3]), res + 16);
      if (d === null) return;
      const p = vm.mem.u32[(args + 8) >>> 2];
      const n = Number(vm.mem.i64[(args + 16) >>> 3]);
      if (d.rqBytes > 0) {
        let got = 0;
        const u8 = vm.mem.u8;
        while (got < n && d.rq.length > 0) {
          const c = d.rq[0];
          const k = Math.min(n - got, c.length - d.rqOff);
          u8.set(c.subarray(d.rqOff, d.rqOff + k), p + got);
          got += k;
          d.rqOff += k;
          if (d.rqOff === c.length) {
            d.rq.shift();
            d.rqOff = 0;
          }
        }
        d.rqBytes -= got;
        if (d.paused && d.rqBytes < RQ_HIGH / 2) {
          d.paused = false;
          np.post({ op: "resume", id: d.id });
        }
        putInt(vm, res, got);
        vm.mem.u8[res + 8] = 0;
        putInt(vm, res + 16, 0);
        return;
      }
      if (d.err !== 0) return putInt(vm, res + 16, d.err);
      if (d.eof) {
        putInt(vm, res, 0);
        vm.mem.u8[res + 8] = 1;
        putInt(vm, res + 16, 0);
        return;
      }
      if (np.expired(d, false)) return putInt(vm, res + 16, E_TIMEOUT);
      if (n === 0) return putInt(vm, res, 0);
      np.park(g, d, false, vm.mem.u32);
    });

    // sysWrite(id int, b []byte) (n int, errno int): hands all of b to the host thread; parks
    // only while the connection's unsent bytes exceed WQ_HIGH (a full send buffer). A failed
    // send is reported by later Writes (d.werr), as a kernel reports it.
    m.set("net.sysWrite", (vm, g, args, res) => {
      resumed(vm, g);
      const d = desc(vm, Number(vm.mem.i64[args >>> 3]), res + 8);
      if (d === null) return;
      if (d.err !== 0 || d.werr !== 0) return putInt(vm, res + 8, d.werr !== 0 ? d.werr : d.err);
      if (np.expired(d, true)) return putInt(vm, res + 8, E_TIMEOUT);
      const n = Number(vm.mem.i64[(args + 16) >>> 3]);
      if (n === 0) return putInt(vm, res, 0);
      // the "send buffer" is full: wait until the host takes some (EV_WRITTEN wakes us)
      if (d.unacked >= WQ_HIGH) return np.park(g, d, true, vm.mem.u32);
      const p = vm.mem.u32[(args + 8) >>> 2];
      const buf = new ArrayBuffer(n);
      new Uint8Array(buf).set(vm.mem.u8.subarray(p, p + n));
      d.unacked += n;
      np.unacked += n;
      np.post({ op: "write", id: d.id, buf }, [buf]);
      putInt(vm, res, n);
      putInt(vm, res + 8, 0);
    });

    // sysListenUDP(network, host string, port int, rhost string, rport int) (id int, laddr, raddr string, errno int):
    // a datagram socket bound to host:port (port 0: any), connected to rhost:rport when rport > 0
    m.set("net.sysListenUDP", (vm, g, args, res) => {
      const u32 = vm.mem.u32;
      let id = Number(vm.mem.i64[res >>> 3]);
      if (!resumed(vm, g)) {
        const network = str(vm, args);
        const host = str(vm, args + 16);
        const rhost = str(vm, args + 40);
        // "udp" on the unspecified address (or an IPv6 one) is a dual-stack IPv6 socket, as in Go
        const v6 = network === "udp6" || (network === "udp" && (host === "" || host.includes(":") || (host === "" && rhost.includes(":"))));
        id = np.nextId++;
        np.newDesc(id);
        np.post({ op: "udp", id, v6, host, port: Number(vm.mem.i64[(args + 32) >>> 3]), rhost, rport: Number(vm.mem.i64[(args + 56) >>> 3]) });
        putInt(vm, res, id);
        np.park(g, np.fds.get(id)!, false, u32);
        return;
      }
      const d = np.fds.get(id)!;
      if (!d.ready && d.err === 0) return np.park(g, d, false, u32);
      if (d.err !== 0) {
        np.fds.delete(id);
        d.closed = true;
        putInt(vm, res, 0);
        putStr(vm, res + 8, "");
        putStr(vm, res + 24, "");
        putInt(vm, res + 40, d.err);
        return;
      }
      putStr(vm, res + 8, d.laddr);
      putStr(vm, res + 24, d.raddr);
      putInt(vm, res + 40, 0);
    });

    // sysRecvFrom(id int, b []byte) (n int, from string, errno int): the next datagram, cut to len(b)
    m.set("net.sysRecvFrom", (vm, g, args, res) => {
      resumed(vm, g);
      const d = desc(vm, Number(vm.mem.i64[args >>> 3]), res + 24);
      if (d === null) return;
      const dg = d.dq.shift();
      if (dg === undefined) {
        if (np.expired(d, false)) return putInt(vm, res + 24, E_TIMEOUT);
        return np.park(g, d, false, vm.mem.u32);
      }
      d.dqBytes -= dg.data.length;
      const p = vm.mem.u32[(args + 8) >>> 2];
      const n = Math.min(dg.data.length, Number(vm.mem.i64[(args + 16) >>> 3]));
      vm.mem.u8.set(dg.data.subarray(0, n), p);
      putInt(vm, res, n);
      putStr(vm, res + 8, dg.from);
      putInt(vm, res + 24, 0);
    });

    // sysSendTo(id int, b []byte, host string, port int) (n int, errno int): one datagram
    // (host "" and port 0: to the connected peer). It does not wait: the host takes the copy as
    // a kernel's socket buffer would (sendto on a UDP socket returns at once), so the sender runs
    // on as it does under Go; a send the host rejects reports its errno on the next send.
    m.set("net.sysSendTo", (vm, _g, args, res) => {
      const d = desc(vm, Number(vm.mem.i64[args >>> 3]), res + 8);
      if (d === null) return;
      if (d.sendErr !== 0) {
        const e = d.sendErr;
        d.sendErr = 0;
        putInt(vm, res, 0);
        return putInt(vm, res + 8, e);
      }
      if (np.expired(d, true)) return putInt(vm, res + 8, E_TIMEOUT);
      const p = vm.mem.u32[(args + 8) >>> 2];
      const n = Number(vm.mem.i64[(args + 16) >>> 3]);
      const buf = new ArrayBuffer(n);
      new Uint8Array(buf).set(vm.mem.u8.subarray(p, p + n));
      np.post({ op: "send", id: d.id, buf, host: str(vm, args + 32), port: Number(vm.mem.i64[(args + 48) >>> 3]) }, [buf]);
      putInt(vm, res, n);
      putInt(vm, res + 8, 0);
    });

    // sysClose(id int) errno; sysCloseWrite(id int) errno
    m.set("net.sysClose", (vm, _g, args, res) => {
      const id = Number(vm.mem.i64[args >>> 3]);
      const d = desc(vm, id, res);
      if (d === null) return;
      d.closed = true;
      np.fds.delete(id);
      // goroutines blocked on it wake with "use of closed network connection"
      np.wakeR(d);
      np.wakeW(d);
      np.post({ op: "close", id });
      putInt(vm, res, 0);
    });
    m.set("net.sysCloseWrite", (vm, _g, args, res) => {
      const d = desc(vm, Number(vm.mem.i64[args >>> 3]), res);
      if (d === null) return;
      np.post({ op: "closewrite", id: d.id });
      putInt(vm, res, 0);
    });

    // sysSetDeadline(id int, mode int, ns int64) errno: mode 'r', 'w' or 'r'+'w'; ns = monotonic deadline (0: none)
    m.set("net.sysSetDeadline", (vm, _g, args, res) => {
      const d = desc(vm, Number(vm.mem.i64[args >>> 3]), res);
      if (d === null) return;
      const mode = Number(vm.mem.i64[(args + 8) >>> 3]);
      const ns = Number(vm.mem.i64[(args + 16) >>> 3]);
      if (mode === 114 || mode === 114 + 119) d.rdeadline = ns;
      if (mode === 119 || mode === 114 + 119) d.wdeadline = ns;
      // a parked goroutine re-checks against the new deadline
      if (ns > 0 && ns <= np.sched.clock.now()) {
        if (mode !== 119) np.wakeR(d);
        if (mode !== 114) np.wakeW(d);
      }
      putInt(vm, res, 0);
    });

    // sysNanotime() int64: the clock deadlines are measured on
    m.set("net.sysNanotime", (vm, _g, _args, res) => putInt(vm, res, np.sched.clock.now()));

    // sysLookup(host string) (addrs string, errno int): addresses separated by "\n"
    m.set("net.sysLookup", (vm, g, args, res) => {
      let id = Number(vm.mem.i64[(res + 16) >>> 3]);
      if (!resumed(vm, g)) {
        id = np.nextId++;
        np.lookups.set(id, { g, done: false, err: 0, addrs: [] });
        np.post({ op: "lookup", id, host: str(vm, args) });
        putInt(vm, res + 16, id);
        np.waiters++;
        vm.mem.u32[(g + G_PARKSTATE) >>> 2] = 1;
        np.sched.gopark(g, WaitReason.IOWait);
        return;
      }
      const l = np.lookups.get(id)!;
      np.lookups.delete(id);
      putStr(vm, res, l.addrs.join("\n"));
      putInt(vm, res + 16, l.err);
    });
  }
}

/** Names of the natives NetPoller.addNatives provides. */
export const NET_NATIVE_NAMES: readonly string[] = [
  "net.sysListen",
  "net.sysDial",
  "net.sysAccept",
  "net.sysRead",
  "net.sysWrite",
  "net.sysClose",
  "net.sysCloseWrite",
  "net.sysSetDeadline",
  "net.sysNanotime",
  "net.sysLookup",
  "net.sysListenUDP",
  "net.sysRecvFrom",
  "net.sysSendTo",
];
