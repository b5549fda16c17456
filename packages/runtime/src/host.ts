/**
 * host.ts — the host side of packages os and syscall: the natives gort's stdlib declares
 * without bodies for process startup and file descriptors (packages/stdlib/NATIVES.md, "os
 * (host calls)"). Node.js is the operating system: descriptors 0–2 are the process's stdin,
 * stdout and stderr (through `HostIO`, so a test can capture them); other descriptors are Node
 * file descriptors from `fs.openSync`. Errors are Linux errno numbers (Node reports them as
 * negative `errno` on Linux), 0 meaning success.
 *
 * Corresponds to Go's runtime/os_linux.go + syscall (args/envs at startup, write(2), read(2),
 * exit(2)); written afresh.
 *
 * Calling convention (vm/interp.ts NativeFn): `args` and `res` are byte addresses of the first
 * argument / result slot; slot i is 8 bytes at +8i; int = one i64 slot, string = (ptr, len),
 * slice = (ptr, len, cap), pointers in the low word.
 *
 * Blocking: reads of stdin and file I/O are synchronous host calls today, so a read that waits
 * stalls every goroutine. The design (DESIGN.md "Host boundary") parks the goroutine and wakes
 * it from the netpoller; that needs the poller session. os.runtime_exit is the scheduler's
 * (proc.ts), not defined here.
 *
 * GC note: result strings and slices are allocated with mallocgc and only become reachable when
 * the native returns them into the caller's frame; no collection cycle can finish inside a
 * native on the single-threaded scheduler (allocation only assists or triggers), so the fresh
 * objects cannot be swept in between.
 */

import * as fs from "node:fs";
import * as os from "node:os";
import type { Heap } from "./malloc.js";
import { ST_OTHER_SYS } from "./mstats.js";
import { KIND_STRING, TypeBuilder } from "./typedesc.js";
import type { NativeFn, VM } from "./vm/interp.js";
import { addHostFsNatives, HOSTFS_NATIVE_NAMES } from "./hostfs.js";

/** The program's view of the host process. */
export interface HostIO {
  /** os.Args: [0] is the program name (as `go run` would show it), then the arguments. */
  args: readonly string[];
  /** initial environment, "KEY=value" in the host's order */
  env: readonly string[];
  /** writes to descriptor 1 or 2; synchronous */
  write(fd: 1 | 2, b: Uint8Array): void;
  /** reads stdin into b; returns the byte count, 0 at end of file */
  readStdin?(b: Uint8Array): number;
}

/** Linux errno numbers used here. */
const EBADF = 9;
const EIO = 5;
const EAGAIN = 11;

/** Linux errno of a Node.js system error (EIO when it carries none). */
function errnoOf(e: unknown): number {
  const n = (e as { errno?: unknown }).errno;
  return typeof n === "number" && n !== 0 ? Math.abs(n) : EIO;
}

/** HostIO for the real process: fds 1/2 written synchronously, stdin read synchronously. */
export function processHostIO(args: readonly string[], env: NodeJS.ProcessEnv = process.env): HostIO {
  const envList: string[] = [];
  for (const [k, v] of Object.entries(env)) if (v !== undefined) envList.push(`${k}=${v}`);
  return {
    args,
    env: envList,
    write(fd, b) {
      let off = 0;
      while (off < b.length) {
        try {
          off += fs.writeSync(fd, b, off, b.length - off);
        } catch (e) {
          const code = (e as { code?: string }).code;
          // a non-blocking pipe that is full: wait for the reader (busy, but rare)
          if (code === "EAGAIN") continue;
          // the reader went away (`gort run x.go | head`): Go's program dies of SIGPIPE when
          // writing to fds 1 and 2; end the same way, silently, with the shell's status for it
          if (code === "EPIPE") process.exit(128 + 13);
          throw e;
        }
      }
    },
    readStdin(b) {
      for (;;) {
        try {
          return fs.readSync(0, b, 0, b.length, null);
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code === "EAGAIN") continue;
          if (code === "EOF") return 0;
          throw e;
        }
      }
    },
  };
}

/** Descriptor of `string` for []string backing arrays, built once per heap. */
const stringTypes = new WeakMap<Heap, number>();

/**
 * Host natives (NATIVES.md "os"); merge into the scheduler's table. The table does not depend
 * on a heap: each native works on the heap of the VM that calls it.
 */
export function hostNatives(io: HostIO): Map<string, NativeFn> {
  const table = new Map<string, NativeFn>();
  /** the calling VM's heap, set on entry to every native below */
  let heap = null as unknown as Heap;
  const m = {
    set(name: string, fn: NativeFn): void {
      table.set(name, (vm, g, args, res) => {
        heap = vm.heap;
        fn(vm, g, args, res);
      });
    },
  };
  const stringType = (): number => {
    let t = stringTypes.get(heap);
    if (t === undefined) {
      t = new TypeBuilder(heap.mem, heap.mheap, ST_OTHER_SYS).make(16, [0], KIND_STRING);
      stringTypes.set(heap, t);
    }
    return t;
  };
  const enc = new TextEncoder();

  /** Allocates a Go string's bytes; returns its data address (0 for ""). */
  const newString = (s: string | Uint8Array): { ptr: number; len: number } => {
    const b = typeof s === "string" ? enc.encode(s) : s;
    if (b.length === 0) return { ptr: 0, len: 0 };
    const p = heap.mallocgc(b.length, 0, false);
    heap.mem.u8.set(b, p);
    return { ptr: p, len: b.length };
  };
  const putString = (at: number, s: string): void => {
    const { ptr, len } = newString(s);
    const mem = heap.mem;
    mem.u32[at >>> 2] = ptr;
    mem.u32[(at >>> 2) + 1] = 0;
    mem.i64[(at + 8) >>> 3] = BigInt(len);
  };
  const putInt = (at: number, v: number): void => {
    heap.mem.i64[at >>> 3] = BigInt(v);
  };
  const getInt = (at: number): number => Number(heap.mem.i64[at >>> 3]);
  /** Reads a Go string argument (ptr, len) at `at` as JS text (UTF-8 decoded). */
  const getString = (at: number): string => {
    const mem = heap.mem;
    const p = mem.u32[at >>> 2];
    const n = Number(mem.i64[(at + 8) >>> 3]);
    return Buffer.from(mem.u8.buffer, mem.u8.byteOffset + p, n).toString("utf8");
  };
  /** A []string result at `at` from a JS array. */
  const putStrings = (at: number, list: readonly string[]): void => {
    const n = list.length;
    let arr = 0;
    if (n > 0) {
      arr = heap.mallocgc(16 * n, stringType(), true);
      heap.mem.u32[at >>> 2] = arr; // pinned in the result slot (a stack root) while the strings are allocated
      for (let i = 0; i < n; i++) {
        const { ptr, len } = newString(list[i]);
        const mem = heap.mem;
        mem.u32[(arr + 16 * i) >>> 2] = ptr;
        mem.i64[(arr + 16 * i + 8) >>> 3] = BigInt(len);
      }
    }
    const mem = heap.mem;
    mem.u32[at >>> 2] = arr;
    mem.u32[(at >>> 2) + 1] = 0;
    mem.i64[(at + 8) >>> 3] = BigInt(n);
    mem.i64[(at + 16) >>> 3] = BigInt(n);
  };
  /** The bytes of a []byte argument at `at` (a view into linear memory). */
  const getBytes = (at: number): Uint8Array => {
    const mem = heap.mem;
    const p = mem.u32[at >>> 2];
    const n = Number(mem.i64[(at + 8) >>> 3]);
    return mem.u8.subarray(p, p + n);
  };
  /** Runs a host call that reports failure by throwing; stores its errno at `errAt`. */
  const sys = (errAt: number, f: () => void): void => {
    let errno = 0;
    try {
      f();
    } catch (e) {
      errno = errnoOf(e);
    }
    putInt(errAt, errno);
  };

  m.set("os.runtime_args", (_vm, _g, _args, res) => putStrings(res, io.args));
  m.set("os.runtime_envs", (_vm, _g, _args, res) => putStrings(res, io.env));

  // sysWrite(fd int, p []byte) (n int, errno int)
  m.set("os.sysWrite", (vm: VM, _g, args, res) => {
    const fd = getInt(args);
    const b = getBytes(args + 8);
    let n = 0;
    let errno = 0;
    if (fd === 1 || fd === 2) {
      vm.flushPrint(); // keep print/println and os.Stderr in program order
      // copy out of linear memory: the host may keep the buffer past this call
      io.write(fd, b.slice());
      n = b.length;
    } else if (fd < 0 || fd === 0) errno = EBADF;
    else {
      try {
        n = fs.writeSync(fd, b);
      } catch (e) {
        errno = errnoOf(e);
      }
    }
    putInt(res, n);
    putInt(res + 8, errno);
  });

  // sysRead(fd int, p []byte) (n int, errno int)
  m.set("os.sysRead", (vm: VM, _g, args, res) => {
    const fd = getInt(args);
    const b = getBytes(args + 8);
    let n = 0;
    let errno = 0;
    const tmp = new Uint8Array(b.length);
    try {
      if (fd === 0) {
        vm.flushPrint();
        n = io.readStdin !== undefined ? io.readStdin(tmp) : 0;
      } else if (fd === 1 || fd === 2 || fd < 0) errno = EBADF;
      else n = fs.readSync(fd, tmp, 0, tmp.length, null);
    } catch (e) {
      errno = errnoOf(e);
      if (errno === EAGAIN) errno = 0;
    }
    // memory may not have moved (no allocation above), but re-derive the view anyway
    if (n > 0) heap.mem.u8.set(tmp.subarray(0, n), heap.mem.u32[(args + 8) >>> 2]);
    putInt(res, n);
    putInt(res + 8, errno);
  });

  // sysClose(fd int) (errno int)
  m.set("os.sysClose", (_vm, _g, args, res) => {
    const fd = getInt(args);
    if (fd <= 2) return putInt(res, fd < 0 ? EBADF : 0);
    sys(res, () => fs.closeSync(fd));
  });

  // sysOpen(name string, flag int, perm uint32) (fd int, errno int): Linux O_* flags are Node's
  m.set("os.sysOpen", (_vm, _g, args, res) => {
    const name = getString(args);
    const flag = getInt(args + 16);
    const perm = getInt(args + 24);
    let fd = -1;
    sys(res + 8, () => {
      fd = fs.openSync(name, flag, perm);
    });
    putInt(res, fd);
  });

  m.set("os.sysGetwd", (_vm, _g, _args, res) => {
    putString(res, process.cwd());
    putInt(res + 16, 0);
  });
  m.set("os.sysChdir", (_vm, _g, args, res) => {
    const dir = getString(args);
    sys(res, () => process.chdir(dir));
  });
  m.set("os.sysMkdir", (_vm, _g, args, res) => {
    const name = getString(args);
    const perm = getInt(args + 16);
    sys(res, () => fs.mkdirSync(name, { mode: perm }));
  });
  m.set("os.sysUnlink", (_vm, _g, args, res) => {
    const name = getString(args);
    sys(res, () => fs.unlinkSync(name));
  });
  m.set("os.sysRmdir", (_vm, _g, args, res) => {
    const name = getString(args);
    sys(res, () => fs.rmdirSync(name));
  });
  m.set("os.sysRename", (_vm, _g, args, res) => {
    const from = getString(args);
    const to = getString(args + 16);
    sys(res, () => fs.renameSync(from, to));
  });
  // (time.readZoneFile is the scheduler's own native, time.ts: zone files are the same for every program)
  // time.lookupTZ() (tz string, ok bool): the TZ environment variable of the program
  m.set("time.lookupTZ", (_vm, _g, _args, res) => {
    const kv = io.env.find((e) => e.startsWith("TZ="));
    putString(res, kv === undefined ? "" : kv.slice(3));
    heap.mem.u8[res + 16] = kv === undefined ? 0 : 1;
  });
  // sysReadDirNames(name string) (names []string, errno int): entries in directory order, no . and ..
  m.set("os.sysReadDirNames", (_vm, _g, args, res) => {
    const name = getString(args);
    let names: string[] = [];
    let errno = 0;
    try {
      names = fs.readdirSync(name);
    } catch (e) {
      errno = errnoOf(e);
    }
    putStrings(res, names);
    putInt(res + 24, errno);
  });
  // sysIsDir(name string) (dir bool, errno int): lstat's answer (a symlink is not a directory)
  m.set("os.sysIsDir", (_vm, _g, args, res) => {
    const name = getString(args);
    let dir = false;
    sys(res + 8, () => {
      dir = fs.lstatSync(name).isDirectory();
    });
    putInt(res, dir ? 1 : 0);
  });
  m.set("os.sysGetpid", (_vm, _g, _args, res) => putInt(res, process.pid));
  m.set("os.sysGetppid", (_vm, _g, _args, res) => putInt(res, process.ppid));
  m.set("syscall.sysGetpid", (_vm, _g, _args, res) => putInt(res, process.pid));
  m.set("syscall.sysGetppid", (_vm, _g, _args, res) => putInt(res, process.ppid));
  m.set("os.sysHostname", (_vm, _g, _args, res) => {
    putString(res, os.hostname());
    putInt(res + 16, 0);
  });
  addHostFsNatives(table); // stat, directories, pread/pwrite, links, os/exec (hostfs.ts)
  return table;
}

/** Names of the natives hostNatives provides (for the compiler's link check). */
export const HOST_NATIVE_NAMES: readonly string[] = [
  "time.lookupTZ",
  "os.sysReadDirNames",
  "os.sysIsDir",
  "os.runtime_args",
  "os.runtime_envs",
  "os.sysWrite",
  "os.sysRead",
  "os.sysClose",
  "os.sysOpen",
  "os.sysGetwd",
  "os.sysChdir",
  "os.sysMkdir",
  "os.sysUnlink",
  "os.sysRmdir",
  "os.sysRename",
  "os.sysGetpid",
  "os.sysGetppid",
  "syscall.sysGetpid",
  "syscall.sysGetppid",
  "os.sysHostname",
  ...HOSTFS_NATIVE_NAMES,
];
