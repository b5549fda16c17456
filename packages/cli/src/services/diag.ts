/**
 * diag.ts — the diagnostics socket of a running program (`gort run --diag`), what `gort top`
 * attaches to, in the spirit of gops: a Unix socket at $TMPDIR/gort-<uid>/<pid>.sock in a
 * directory only the owner can enter (0700), the socket itself 0600, so other users cannot
 * connect. The program runs on a worker thread (runworker.ts); this server lives on the main
 * thread, which stays free.
 *
 * Protocol: one JSON request per line, one JSON answer per line.
 *   {"op":"hello"}       → {"pid","program","args","version","startedAt"}
 *   {"op":"snapshot"}    → {"snap": RuntimeSnapshot | null}
 *   {"op":"watch"}       → {"snap": …} per snapshot, until the client leaves; {"exit": code} at the end
 *   {"op":"goroutines"}  → {"text": every goroutine's stack, as Go prints them}
 *   {"op":"memstats"}    → {"memstats": runtime.MemStats}
 *   {"op":"gc"}          → {"ok": true} once a GC cycle was requested
 *   {"op":"capture"}     → {"cpu": base64 pprof, "trace": base64 trace, "seconds": n} after n s
 *   anything else        → {"error": "…"}
 */
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { REQ_CAPTURE, REQ_GOROUTINES, REQ_MEMSTATS, type RuntimeSnapshot } from "@gort/runtime";
import type { WorkerRun } from "./runworker.js";
import { versionString } from "./version.js";

/** The directory holding the sockets of this user's programs. */
export function diagDir(): string {
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  return path.join(os.tmpdir(), `gort-${uid}`);
}

export function diagSocketPath(pid: number): string {
  return path.join(diagDir(), `${pid}.sock`);
}

/** Creates the socket directory (0700) or checks that the existing one is ours and private. */
function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.statSync(dir);
  const uid = typeof process.getuid === "function" ? process.getuid() : st.uid;
  if (st.uid !== uid) throw new Error(`${dir} belongs to another user`);
  if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

export interface DiagInfo {
  program: string;
  args: readonly string[];
}

export interface DiagServer {
  path: string;
  /** a new snapshot for `snapshot` and `watch` clients */
  publish(s: RuntimeSnapshot): void;
  /** the program ended: watchers get {"exit": code}; the socket is removed */
  close(code: number): Promise<void>;
}

/** Starts listening for `gort top` on this process's socket. */
export async function startDiagServer(run: WorkerRun, info: DiagInfo): Promise<DiagServer> {
  const dir = diagDir();
  ensurePrivateDir(dir);
  const sock = diagSocketPath(process.pid);
  fs.rmSync(sock, { force: true });
  let latest: RuntimeSnapshot | null = null;
  const watchers = new Set<net.Socket>();
  const startedAt = new Date().toISOString();
  const send = (c: net.Socket, v: unknown): void => {
    if (!c.destroyed) c.write(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x)) + "\n");
  };
  const handle = async (c: net.Socket, line: string): Promise<void> => {
    let req: { op?: unknown };
    try {
      req = JSON.parse(line) as { op?: unknown };
    } catch {
      return send(c, { error: "bad request: not JSON" });
    }
    try {
      switch (req.op) {
        case "hello":
          return send(c, { pid: process.pid, program: info.program, args: info.args, version: versionString(), startedAt });
        case "snapshot":
          return send(c, { snap: latest });
        case "watch":
          watchers.add(c);
          if (latest !== null) send(c, { snap: latest });
          return;
        case "goroutines":
          return send(c, { text: await run.request(REQ_GOROUTINES) });
        case "memstats":
          return send(c, { memstats: await run.request(REQ_MEMSTATS) });
        case "gc":
          run.gc();
          return send(c, { ok: true });
        case "capture": {
          const d = (await run.request(REQ_CAPTURE)) as { cpu: Uint8Array | null; trace: Uint8Array | null; seconds: number };
          const b64 = (x: Uint8Array | null) => (x === null ? null : Buffer.from(x).toString("base64"));
          return send(c, { cpu: b64(d.cpu), trace: b64(d.trace), seconds: d.seconds });
        }
        default:
          return send(c, { error: `unknown op ${JSON.stringify(req.op)}` });
      }
    } catch (e) {
      return send(c, { error: (e as Error).message });
    }
  };
  const server = net.createServer((c) => {
    let buf = "";
    c.setEncoding("utf8");
    c.on("data", (d: string) => {
      buf += d;
      for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line !== "") void handle(c, line);
      }
    });
    c.on("error", () => watchers.delete(c));
    c.on("close", () => watchers.delete(c));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(sock, () => resolve());
  });
  fs.chmodSync(sock, 0o600);
  server.unref();
  // killed by a signal: remove the socket, then die of the signal as before
  const onSignal = (sig: NodeJS.Signals): void => {
    fs.rmSync(sock, { force: true });
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    process.kill(process.pid, sig);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    path: sock,
    publish(s) {
      latest = s;
      for (const c of watchers) send(c, { snap: s });
    },
    async close(code) {
      for (const c of watchers) {
        send(c, { exit: code });
        c.end();
      }
      fs.rmSync(sock, { force: true });
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** One request to a program's socket: resolves to the first answer line. */
export function diagRequest(sock: string, req: object, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const c = net.createConnection(sock);
    let buf = "";
    const timer = setTimeout(() => {
      c.destroy();
      reject(new Error("no answer (is the program stuck in a host call?)"));
    }, timeoutMs);
    c.setEncoding("utf8");
    c.on("connect", () => c.write(JSON.stringify(req) + "\n"));
    c.on("data", (d: string) => {
      buf += d;
      const nl = buf.indexOf("\n");
      if (nl < 0) return;
      clearTimeout(timer);
      c.end();
      try {
        resolve(JSON.parse(buf.slice(0, nl)) as Record<string, unknown>);
      } catch {
        reject(new Error("malformed answer"));
      }
    });
    c.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Streams `watch` answers to `onMessage` until the program exits or the connection drops. */
export function diagWatch(sock: string, onMessage: (m: Record<string, unknown>) => void): { done: Promise<void>; close(): void } {
  const c = net.createConnection(sock);
  let buf = "";
  c.setEncoding("utf8");
  c.on("connect", () => c.write(JSON.stringify({ op: "watch" }) + "\n"));
  c.on("data", (d: string) => {
    buf += d;
    for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      try {
        onMessage(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // a torn line at shutdown: ignore
      }
    }
  });
  const done = new Promise<void>((resolve, reject) => {
    c.on("close", () => resolve());
    c.on("error", reject);
  });
  return { done, close: () => void c.end() };
}
