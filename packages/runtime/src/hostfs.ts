/**
 * hostfs.ts — the host side of package os's file-system calls beyond open/read/write/close
 * (stat, directories, positioned I/O, permissions, times, links) and of package os/exec's child
 * processes. The Go declarations are packages/stdlib/go/os/natives_fs.go;
 * packages/stdlib/go/os/HACKING.md describes the design.
 *
 * Corresponds to the Linux system calls Go's syscall package makes for os (stat/lstat/fstat,
 * pread/pwrite, getdents, fchmod, utimensat, ftruncate, fsync, symlink, readlink, link); written
 * afresh over Node's `fs`.
 *
 * Conventions (as host.ts): one 8-byte slot per word of arguments and results; int = i64 slot;
 * string = (ptr, len); slice = (ptr, len, cap); a pointer is the low 32 bits of its slot. Errors
 * are Linux errno numbers, 0 meaning success. Paths are passed to Node as Buffers, so names that
 * are not UTF-8 reach the host unchanged, and names read back (directory entries, link targets)
 * are returned as raw bytes.
 *
 * Why offsets live in Go: Node has no lseek(2). os.File keeps its own offset for regular files
 * and reads and writes them with pread/pwrite (sysPread/sysPwrite here); non-seekable files
 * (pipes, terminals, the standard descriptors) keep using host.ts's read/write at the kernel's
 * offset.
 *
 * Why directories are read through /proc/self/fd/N: Node cannot read a directory from an open
 * descriptor, only from a path; the /proc link names the very directory the File opened, even if
 * it was renamed since (falls back to the File's name where /proc is missing). Entries come in
 * the host's directory order (readdir(3), as Go's getdents), not sorted.
 *
 * Child processes moved to hostproc.ts (session of issue 6): they run on a host thread while
 * their goroutines park, instead of spawnSync freezing the whole runtime.
 *
 * GC safety (runtime/src/HACKING.md "GC safety rules for natives"): a native that allocates two
 * objects pins the first in its result slot before allocating the second.
 */

import * as fs from "node:fs";
import type { Heap } from "./malloc.js";
import type { NativeFn } from "./vm/interp.js";

const EIO = 5;
const ENOTDIR = 20;
const EINVAL = 22;

/** Linux errno of a Node.js system error (EIO when it carries none). */
function errnoOf(e: unknown): number {
  const n = (e as { errno?: unknown }).errno;
  return typeof n === "number" && n !== 0 ? Math.abs(n) : EIO;
}

/** An error carrying a Linux errno, thrown inside `sys` bodies. */
function errnoError(errno: number): Error {
  return Object.assign(new Error(`errno ${errno}`), { errno: -errno });
}

/** Field order of the stat buffer Go passes (os.sysStatT, 16 int64 words). */
const ST_WORDS = 16;

/** Names of the natives addHostFsNatives provides (merged into HOST_NATIVE_NAMES). */
export const HOSTFS_NATIVE_NAMES: readonly string[] = [
  "os.sysStat",
  "os.sysLstat",
  "os.sysFstat",
  "os.sysPread",
  "os.sysPwrite",
  "os.sysReadDirent",
  "os.sysChmod",
  "os.sysFchmod",
  "os.sysChown",
  "os.sysFchown",
  "os.sysUtimes",
  "os.sysTruncate",
  "os.sysFtruncate",
  "os.sysFsync",
  "os.sysSymlink",
  "os.sysLink",
  "os.sysReadlink",
  "os.sysFchdir",
  "os.sysGetid",
  "os.sysExecutable",
];

/** Adds the file-system and child-process natives to `table` (called by host.ts hostNatives). */
export function addHostFsNatives(table: Map<string, NativeFn>): void {
  // Every helper reads the calling VM's heap afresh: an allocation may grow memory and replace
  // the typed-array views.
  const i64 = (h: Heap, at: number): number => Number(h.mem.i64[at >>> 3]);
  const putInt = (h: Heap, at: number, v: number | bigint): void => {
    h.mem.i64[at >>> 3] = typeof v === "bigint" ? v : BigInt(v);
  };
  /** A copy of the bytes of the Go string or []byte whose (ptr, len) is at `at`. */
  const bytesAt = (h: Heap, at: number): Buffer => {
    const p = h.mem.u32[at >>> 2];
    const n = i64(h, at + 8);
    return Buffer.from(h.mem.u8.slice(p, p + n));
  };
  /** A path argument: raw bytes, so non-UTF-8 names reach the host unchanged. */
  const pathAt = bytesAt;
  /** Stores a fresh Go string or []byte (len = cap) at `at`; `slice` also writes cap. */
  const putBytes = (h: Heap, at: number, b: Uint8Array, slice: boolean): void => {
    let p = 0;
    if (b.length > 0) {
      p = h.mallocgc(b.length, 0, false);
      h.mem.u8.set(b, p);
    }
    const mem = h.mem;
    mem.u32[at >>> 2] = p;
    mem.u32[(at >>> 2) + 1] = 0;
    mem.i64[(at + 8) >>> 3] = BigInt(b.length);
    if (slice) mem.i64[(at + 16) >>> 3] = BigInt(b.length);
  };
  /** Runs a host call that reports failure by throwing; returns its errno (0 = success). */
  const sys = (f: () => void): number => {
    try {
      f();
      return 0;
    } catch (e) {
      return errnoOf(e);
    }
  };
  /** Fills the Go stat buffer at address `st` from a bigint Stats. */
  const putStat = (h: Heap, st: number, s: fs.BigIntStats): void => {
    const w = [
      s.dev,
      s.ino,
      s.nlink,
      s.mode,
      s.uid,
      s.gid,
      s.rdev,
      s.size,
      s.blksize,
      s.blocks,
      s.atimeNs / 1_000_000_000n,
      s.atimeNs % 1_000_000_000n,
      s.mtimeNs / 1_000_000_000n,
      s.mtimeNs % 1_000_000_000n,
      s.ctimeNs / 1_000_000_000n,
      s.ctimeNs % 1_000_000_000n,
    ];
    const mem = h.mem;
    for (let i = 0; i < ST_WORDS; i++) mem.i64[(st >>> 3) + i] = BigInt.asIntN(64, w[i]);
  };
  const set = (name: string, fn: NativeFn): void => void table.set(name, fn);

  // sysStat(name string, st *sysStatT) (errno int); sysLstat likewise (does not follow a link)
  for (const [name, follow] of [
    ["os.sysStat", true],
    ["os.sysLstat", false],
  ] as const) {
    set(name, (vm, _g, args, res) => {
      const h = vm.heap;
      const p = pathAt(h, args);
      const st = h.mem.u32[(args + 16) >>> 2];
      let s: fs.BigIntStats | undefined;
      const e = sys(() => {
        s = follow ? fs.statSync(p, { bigint: true }) : fs.lstatSync(p, { bigint: true });
      });
      if (s !== undefined) putStat(h, st, s);
      putInt(h, res, e);
    });
  }
  // sysFstat(fd int, st *sysStatT) (errno int)
  set("os.sysFstat", (vm, _g, args, res) => {
    const h = vm.heap;
    const fd = i64(h, args);
    const st = h.mem.u32[(args + 8) >>> 2];
    let s: fs.BigIntStats | undefined;
    const e = sys(() => {
      s = fs.fstatSync(fd, { bigint: true });
    });
    if (s !== undefined) putStat(h, st, s);
    putInt(h, res, e);
  });

  // sysPread(fd int, p []byte, off int64) (n int, errno int): n == 0 with errno 0 is end of file
  set("os.sysPread", (vm, _g, args, res) => {
    const h = vm.heap;
    const fd = i64(h, args);
    const p = h.mem.u32[(args + 8) >>> 2];
    const len = i64(h, args + 16);
    const off = i64(h, args + 32);
    const tmp = Buffer.alloc(len);
    let n = 0;
    const e = sys(() => {
      n = fs.readSync(fd, tmp, 0, len, off);
    });
    if (n > 0) h.mem.u8.set(tmp.subarray(0, n), p);
    putInt(h, res, n);
    putInt(h, res + 8, e);
  });
  // sysPwrite(fd int, p []byte, off int64) (n int, errno int); off < 0: at the kernel's offset
  // (an O_APPEND file: the end)
  set("os.sysPwrite", (vm, _g, args, res) => {
    const h = vm.heap;
    const fd = i64(h, args);
    const b = bytesAt(h, args + 8);
    const off = i64(h, args + 32);
    let n = 0;
    const e = sys(() => {
      n = fs.writeSync(fd, b, 0, b.length, off < 0 ? null : off);
    });
    putInt(h, res, n);
    putInt(h, res + 8, e);
  });

  // sysReadDirent(fd int, name string) (ents string, errno int): every entry of the open directory
  // in the host's order, each as a type byte, the name and a NUL. Type bytes: d directory,
  // f regular, l symlink, p FIFO, s socket, c char device, b block device, ? unknown.
  set("os.sysReadDirent", (vm, _g, args, res) => {
    const h = vm.heap;
    const fd = i64(h, args);
    const name = pathAt(h, args + 8);
    const chunks: Buffer[] = [];
    const e = sys(() => {
      if (!fs.fstatSync(fd).isDirectory()) throw errnoError(ENOTDIR);
      const proc = `/proc/self/fd/${fd}`;
      const dir = fs.opendirSync(fs.existsSync(proc) ? proc : name, { encoding: "buffer" as BufferEncoding });
      try {
        for (;;) {
          const d = dir.readSync();
          if (d === null) break;
          const t = d.isDirectory()
            ? "d"
            : d.isFile()
              ? "f"
              : d.isSymbolicLink()
                ? "l"
                : d.isFIFO()
                  ? "p"
                  : d.isSocket()
                    ? "s"
                    : d.isCharacterDevice()
                      ? "c"
                      : d.isBlockDevice()
                        ? "b"
                        : "?";
          chunks.push(Buffer.from(t), d.name as unknown as Buffer, Buffer.from([0]));
        }
      } finally {
        dir.closeSync();
      }
    });
    putBytes(h, res, e === 0 ? Buffer.concat(chunks) : Buffer.alloc(0), false);
    putInt(h, res + 16, e);
  });

  // sysChmod(name string, mode uint32) (errno int); sysFchmod(fd int, mode uint32) (errno int)
  set("os.sysChmod", (vm, _g, args, res) => {
    const h = vm.heap;
    const p = pathAt(h, args);
    const mode = i64(h, args + 16);
    putInt(h, res, sys(() => fs.chmodSync(p, mode)));
  });
  set("os.sysFchmod", (vm, _g, args, res) => {
    const h = vm.heap;
    const fd = i64(h, args);
    const mode = i64(h, args + 8);
    putInt(h, res, sys(() => fs.fchmodSync(fd, mode)));
  });
  // sysChown(name string, uid, gid int, follow int) (errno int): follow 0 = lchown
  set("os.sysChown", (vm, _g, args, res) => {
    const h = vm.heap;
    const p = pathAt(h, args);
    const uid = i64(h, args + 16);
    const gid = i64(h, args + 24);
    const follow = i64(h, args + 32);
    putInt(h, res, sys(() => (follow !== 0 ? fs.chownSync(p, uid, gid) : fs.lchownSync(p, uid, gid))));
  });
  set("os.sysFchown", (vm, _g, args, res) => {
    const h = vm.heap;
    const fd = i64(h, args);
    const uid = i64(h, args + 8);
    const gid = i64(h, args + 16);
    putInt(h, res, sys(() => fs.fchownSync(fd, uid, gid)));
  });
  // sysUtimes(name string, asec, ansec, msec, mnsec int64) (errno int). Node takes seconds as a
  // double, so times are exact to about 0.24 µs at today's epoch (Go's utimensat: 1 ns).
  set("os.sysUtimes", (vm, _g, args, res) => {
    const h = vm.heap;
    const p = pathAt(h, args);
    const at = i64(h, args + 16) + i64(h, args + 24) / 1e9;
    const mt = i64(h, args + 32) + i64(h, args + 40) / 1e9;
    putInt(h, res, sys(() => fs.utimesSync(p, at, mt)));
  });
  // sysTruncate(name string, size int64) (errno int); sysFtruncate(fd int, size int64)
  set("os.sysTruncate", (vm, _g, args, res) => {
    const h = vm.heap;
    const p = pathAt(h, args);
    const size = i64(h, args + 16);
    // truncateSync has no Buffer-path form that avoids an open; open for writing as truncate(2)
    // needs write permission anyway
    putInt(
      h,
      res,
      sys(() => {
        if (size < 0) throw errnoError(EINVAL);
        const fd = fs.openSync(p, fs.constants.O_WRONLY);
        try {
          fs.ftruncateSync(fd, size);
        } finally {
          fs.closeSync(fd);
        }
      }),
    );
  });
  set("os.sysFtruncate", (vm, _g, args, res) => {
    const h = vm.heap;
    const fd = i64(h, args);
    const size = i64(h, args + 8);
    putInt(
      h,
      res,
      sys(() => {
        if (size < 0) throw errnoError(EINVAL);
        fs.ftruncateSync(fd, size);
      }),
    );
  });
  set("os.sysFsync", (vm, _g, args, res) => {
    const h = vm.heap;
    const fd = i64(h, args);
    putInt(h, res, sys(() => fs.fsyncSync(fd)));
  });
  // sysSymlink(oldname, newname string) (errno int); sysLink likewise
  set("os.sysSymlink", (vm, _g, args, res) => {
    const h = vm.heap;
    const o = pathAt(h, args);
    const n = pathAt(h, args + 16);
    putInt(h, res, sys(() => fs.symlinkSync(o, n)));
  });
  set("os.sysLink", (vm, _g, args, res) => {
    const h = vm.heap;
    const o = pathAt(h, args);
    const n = pathAt(h, args + 16);
    putInt(h, res, sys(() => fs.linkSync(o, n)));
  });
  // sysReadlink(name string) (target string, errno int)
  set("os.sysReadlink", (vm, _g, args, res) => {
    const h = vm.heap;
    const p = pathAt(h, args);
    let t: Buffer = Buffer.alloc(0);
    const e = sys(() => {
      t = fs.readlinkSync(p, { encoding: "buffer" });
    });
    putBytes(h, res, t, false);
    putInt(h, res + 16, e);
  });
  // sysFchdir(fd int) (errno int): Node has no fchdir; the /proc link names the directory
  set("os.sysFchdir", (vm, _g, args, res) => {
    const h = vm.heap;
    const fd = i64(h, args);
    putInt(
      h,
      res,
      sys(() => {
        if (!fs.fstatSync(fd).isDirectory()) throw errnoError(ENOTDIR);
        process.chdir(fs.readlinkSync(`/proc/self/fd/${fd}`));
      }),
    );
  });
  // sysGetid(which int) int: 0 uid, 1 euid, 2 gid, 3 egid (-1 where the host has none)
  set("os.sysGetid", (vm, _g, args, res) => {
    const h = vm.heap;
    const which = i64(h, args);
    const f = [process.getuid, process.geteuid, process.getgid, process.getegid][which];
    putInt(h, res, f !== undefined ? f() : -1);
  });
  // sysExecutable() string: the host process's executable, as /proc/self/exe names it
  set("os.sysExecutable", (vm, _g, _args, res) => {
    const h = vm.heap;
    let p = process.execPath;
    try {
      p = fs.readlinkSync("/proc/self/exe");
    } catch {
      // keep execPath
    }
    putBytes(h, res, Buffer.from(p), false);
  });
}
