/**
 * sandbox.ts — `gort run --sandbox`: host access for untrusted programs is denied unless
 * allowed: reading and writing files (per directory), the network (per host and port), child
 * processes, and the environment. A denied call fails the way the host would refuse it —
 * errno EACCES, so Go code sees `open /etc/passwd: permission denied`, `dial tcp
 * 1.2.3.4:80: connect: permission denied`, `fork/exec /bin/ls: permission denied` — and the
 * program goes on. A denied environment is an empty one.
 *
 * How: after the native table is complete (runGo), each native that reaches the host is
 * wrapped by name with a check of its path or address arguments, using the Go signatures of
 * NATIVES.md to find them. Calls on an already open descriptor are not checked again: opening
 * it was. Paths are resolved against the process's working directory and through symbolic
 * links (the longest existing prefix), so a link cannot lead out of an allowed directory.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { NativeFn, VM } from "./vm/interp.js";
import { fatal } from "./debug.js";

export interface SandboxPolicy {
  /** directories the program may read below; "*" = everywhere */
  read: readonly string[];
  /** directories the program may write below; "*" = everywhere */
  write: readonly string[];
  /** "host:port", "host" (any port) or ":port" (any host) the program may dial or listen on; "*" = any */
  net: readonly string[];
  /** child processes and signals to other processes */
  run: boolean;
  /** the host environment (else the program starts with an empty one) */
  env: boolean;
}

const EACCES = 13;
const O_ACCMODE = 3;
const O_CREAT = 0x40;
const O_TRUNC = 0x200;
const O_APPEND = 0x400;

/** The real path of p, through the longest existing prefix (the rest appended unresolved). */
function realish(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const tail: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(head), ...tail);
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      tail.unshift(path.basename(head));
      head = parent;
    }
  }
}

function within(dirs: readonly string[], p: string): boolean {
  if (dirs.includes("*")) return true;
  const r = realish(p);
  return dirs.some((d) => r === d || r.startsWith(d.endsWith(path.sep) ? d : d + path.sep));
}

function netAllowed(allow: readonly string[], host: string, port: number): boolean {
  if (allow.includes("*")) return true;
  const h = host === "" ? "0.0.0.0" : host;
  return allow.some((a) => {
    const i = a.lastIndexOf(":");
    const ah = i < 0 ? a : a.slice(0, i);
    const ap = i < 0 ? "" : a.slice(i + 1);
    const hostOk = ah === "" || ah === h || (ah === "localhost" && (h === "127.0.0.1" || h === "::1"));
    return hostOk && (ap === "" || Number(ap) === port);
  });
}

/** Go string argument at `at`. */
function str(vm: VM, at: number): string {
  const mem = vm.mem;
  const p = mem.u32[at >>> 2];
  const n = Number(mem.i64[(at + 8) >>> 3]);
  return Buffer.from(mem.u8.buffer, mem.u8.byteOffset + p, n).toString("utf8");
}

/**
 * What a denied call leaves in its results: the errno word's offset, and words to set first
 * (a -1 descriptor, zero-length slices and strings are all-zero words already cleared).
 */
interface Denial {
  errnoAt: number;
  /** result bytes [0, clear) are zeroed */
  clear: number;
  /** extra int words: [offset, value] */
  set?: [number, number][];
}

function deny(vm: VM, res: number, d: Denial): void {
  const mem = vm.mem;
  mem.u8.fill(0, res, res + d.clear);
  for (const [off, v] of d.set ?? []) mem.i64[(res + off) >>> 3] = BigInt(v);
  mem.i64[(res + d.errnoAt) >>> 3] = BigInt(EACCES);
}

/** Wraps the host-reaching natives of `table` with the policy's checks. */
export function applySandbox(table: Map<string, NativeFn>, policy: SandboxPolicy): void {
  const read = policy.read.map((d) => (d === "*" ? d : realish(d)));
  const write = policy.write.map((d) => (d === "*" ? d : realish(d)));
  const wrap = (name: string, allowed: (vm: VM, args: number) => boolean, d: Denial): void => {
    const fn = table.get(name);
    if (fn === undefined) return;
    table.set(name, (vm, g, args, res) => {
      if (allowed(vm, args)) fn(vm, g, args, res);
      else deny(vm, res, d);
    });
  };
  const canRead = (at: number) => (vm: VM, args: number) => within(read, str(vm, args + at));
  const canWrite = (at: number) => (vm: VM, args: number) => within(write, str(vm, args + at));
  const errno0: Denial = { errnoAt: 0, clear: 8 };

  // files: (name string, …) (…, errno int)
  wrap(
    "os.sysOpen",
    (vm, args) => {
      const flag = Number(vm.mem.i64[(args + 16) >>> 3]);
      const writes = (flag & O_ACCMODE) !== 0 || (flag & (O_CREAT | O_TRUNC | O_APPEND)) !== 0;
      const name = str(vm, args);
      return within(read, name) && (!writes || within(write, name));
    },
    { errnoAt: 8, clear: 16, set: [[0, -1]] },
  );
  for (const n of ["os.sysMkdir", "os.sysUnlink", "os.sysRmdir", "os.sysChmod", "os.sysChown", "os.sysUtimes", "os.sysTruncate"]) wrap(n, canWrite(0), errno0);
  wrap("os.sysRename", (vm, args) => within(write, str(vm, args)) && within(write, str(vm, args + 16)), errno0);
  wrap("os.sysSymlink", canWrite(16), errno0);
  wrap("os.sysLink", (vm, args) => within(read, str(vm, args)) && within(write, str(vm, args + 16)), errno0);
  for (const n of ["os.sysStat", "os.sysLstat", "os.sysChdir"]) wrap(n, canRead(0), errno0);
  wrap("os.sysReadlink", canRead(0), { errnoAt: 16, clear: 24 });
  wrap("os.sysReadDirNames", canRead(0), { errnoAt: 24, clear: 32 });
  wrap("os.sysIsDir", canRead(0), { errnoAt: 8, clear: 16 });

  // processes
  if (!policy.run) {
    // hostproc.ts: sysStart(…) (pid, h0, h1, h2, errno int); sysProcKill(pid, sig int) (errno int)
    wrap("os.sysStart", () => false, { errnoAt: 32, clear: 40 });
    wrap("os/exec.sysStart", () => false, { errnoAt: 32, clear: 40 });
    wrap("os.sysProcKill", () => false, errno0);
    wrap("syscall.sysKill", () => false, errno0);
  }

  // the environment: an empty one (TZ included)
  if (!policy.env) {
    if (table.has("os.runtime_envs")) table.set("os.runtime_envs", (vm, _g, _args, res) => vm.mem.u8.fill(0, res, res + 24));
    if (table.has("time.lookupTZ")) table.set("time.lookupTZ", (vm, _g, _args, res) => vm.mem.u8.fill(0, res, res + 24));
  }

  // the network: host:port of listen/dial; Unix sockets are files (write permission)
  const netOk = (vm: VM, args: number): boolean => {
    const network = str(vm, args);
    if (network === "unix") return within(write, str(vm, args + 40));
    return netAllowed(policy.net, str(vm, args + 16), Number(vm.mem.i64[(args + 32) >>> 3]));
  };
  wrap("net.sysListen", netOk, { errnoAt: 24, clear: 32 });
  wrap("net.sysDial", netOk, { errnoAt: 40, clear: 48 });
  // UDP (netpoll.ts): a socket bound to host:port, or connected to rhost:rport (DialUDP);
  // datagrams to an explicit address are checked per send
  wrap(
    "net.sysListenUDP",
    (vm, args) => {
      const rhost = str(vm, args + 40);
      if (rhost !== "") return netAllowed(policy.net, rhost, Number(vm.mem.i64[(args + 56) >>> 3]));
      return netAllowed(policy.net, str(vm, args + 16), Number(vm.mem.i64[(args + 32) >>> 3]));
    },
    { errnoAt: 40, clear: 48, set: [[0, -1]] },
  );
  wrap(
    "net.sysSendTo",
    (vm, args) => {
      const host = str(vm, args + 32);
      return host === "" || netAllowed(policy.net, host, Number(vm.mem.i64[(args + 48) >>> 3]));
    },
    { errnoAt: 8, clear: 16 },
  );
  wrap(
    "net.sysLookup",
    (vm, args) => {
      if (policy.net.includes("*")) return true;
      const host = str(vm, args);
      return policy.net.some((a) => a.split(":")[0] === host);
    },
    { errnoAt: 16, clear: 24 },
  );

  // syscall/js: JavaScript on its host thread reaches everything (require, fs): refused outright,
  // at the package's init (jsvalue.ts)
  if (table.has("syscall/js.registerHandler")) table.set("syscall/js.registerHandler", () => fatal("syscall/js: JavaScript is not available under --sandbox"));
}

/** The natives applySandbox guards (for tests and docs). */
export const SANDBOXED_NATIVES: readonly string[] = [
  "os.sysOpen", "os.sysMkdir", "os.sysUnlink", "os.sysRmdir", "os.sysChmod", "os.sysChown", "os.sysUtimes", "os.sysTruncate",
  "os.sysRename", "os.sysSymlink", "os.sysLink", "os.sysStat", "os.sysLstat", "os.sysChdir", "os.sysReadlink", "os.sysReadDirNames",
  "os.sysIsDir", "os.sysStart", "os/exec.sysStart", "os.sysProcKill", "syscall.sysKill", "os.runtime_envs", "time.lookupTZ", "net.sysListen", "net.sysDial",
  "net.sysLookup", "net.sysListenUDP", "net.sysSendTo",
];
