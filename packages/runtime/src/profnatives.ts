/**
 * profnatives.ts — natives behind package runtime's profiling knobs
 * (packages/stdlib/go/runtime/mprof.go) and package runtime/pprof
 * (packages/stdlib/go/runtime/pprof/natives.go). The profiling state is Sched.prof (prof.ts).
 *
 * Go-side layouts: int/bool/pointer = one 8-byte slot; string = (ptr, len); slice =
 * (ptr, len, cap). Results that are byte slices are fresh noscan heap objects written straight
 * into the result slots (one allocation per native, so nothing is held only in a JS local
 * across a second allocation — runtime HACKING "GC safety rules for natives").
 */

import type { Sched } from "./proc.js";
import type { NativeFn, VM } from "./vm/interp.js";
import { countProfileText, cycleText, goroutineStacksText, heapText } from "./proftext.js";
import type { RawProfile } from "./prof.js";

const utf8 = new TextEncoder();

/** runtime.MemProfileRecord: AllocBytes, FreeBytes, AllocObjects, FreeObjects, Stack0 [32]uintptr. */
const MEM_RECORD_BYTES = 4 * 8 + 32 * 8;

function getInt(vm: VM, at: number): number {
  return Number(vm.mem.i64[at >>> 3]);
}

function getString(vm: VM, at: number): string {
  const mem = vm.mem;
  const p = mem.u32[at >>> 2];
  const n = Number(mem.i64[(at + 8) >>> 3]);
  return n === 0 ? "" : Buffer.from(mem.u8.buffer, mem.u8.byteOffset + p, n).toString("utf8");
}

/** A []string argument at `at`. */
function getStrings(vm: VM, at: number): string[] {
  const mem = vm.mem;
  const p = mem.u32[at >>> 2];
  const n = Number(mem.i64[(at + 8) >>> 3]);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(getString(vm, p + 16 * i));
  return out;
}

/** Writes b as a fresh []byte into the slice result slots at `res` (nil when b is null). */
function putBytes(vm: VM, res: number, b: Uint8Array | null): void {
  let p = 0;
  const n = b === null ? 0 : b.length;
  if (b !== null && n > 0) {
    p = vm.heap.mallocgc(n, 0, false);
    vm.mem.u8.set(b, p);
  }
  const mem = vm.mem;
  mem.u32[res >>> 2] = p;
  mem.u32[(res >>> 2) + 1] = 0;
  mem.i64[(res + 8) >>> 3] = BigInt(n);
  mem.i64[(res + 16) >>> 3] = BigInt(n);
}

/** A Go string result at `res` (fresh bytes). */
function putString(vm: VM, res: number, s: string): void {
  const b = utf8.encode(s);
  let p = 0;
  if (b.length > 0) {
    p = vm.heap.mallocgc(b.length, 0, false);
    vm.mem.u8.set(b, p);
  }
  const mem = vm.mem;
  mem.u32[res >>> 2] = p;
  mem.u32[(res >>> 2) + 1] = 0;
  mem.i64[(res + 8) >>> 3] = BigInt(b.length);
}

/** Encoded bytes or the error text of a missing encoder. */
function encode(sched: Sched, p: RawProfile): { bytes: Uint8Array | null; err: string } {
  const enc = sched.prof.encoder;
  if (enc === null) return { bytes: null, err: "runtime/pprof: this host has no profile encoder (run the program with gort run)" };
  return { bytes: enc(p), err: "" };
}

export function addProfNatives(sched: Sched, m: Map<string, NativeFn>): void {
  const prof = sched.prof;

  // ── package runtime ──

  // SetCPUProfileRate(hz int)
  m.set("runtime.SetCPUProfileRate", (vm, _g, args) => {
    const hz = getInt(vm, args);
    if (!prof.setCPUProfileRate(hz)) {
      vm.flushPrint();
      vm.write("runtime: cannot set cpu profile rate until previous profile has finished.\n");
    }
  });
  // memProfileReachable() bool: the image holds runtime.MemProfile (then the program samples
  // from its start at MemProfileRate, as Go's linker arranges)
  m.set("runtime.memProfileReachable", (vm, _g, _args, res) => {
    const n = vm.image.entries.length;
    let found = false;
    for (let id = 0; id < n && !found; id++) found = vm.image.func(id).name === "runtime.MemProfile";
    vm.mem.i64[res >>> 3] = found ? 1n : 0n;
  });
  // memProfileRateVar(p *int)
  m.set("runtime.memProfileRateVar", (vm, _g, args) => {
    prof.mem.registerRateVar(vm.mem.u32[args >>> 2]);
  });
  // memProfileFill(p []MemProfileRecord, inuseZero bool) int: records of 4 int64 counts and
  // 32 return pcs (Go-side byte addresses, zero-terminated), written only when all fit
  m.set("runtime.memProfileFill", (vm, _g, args, res) => {
    const mem = vm.mem;
    const p = mem.u32[args >>> 2];
    const cap = getInt(vm, args + 8);
    const inuseZero = mem.u8[args + 24] !== 0;
    const recs = prof.mem.records().filter((r) => inuseZero || r.allocBytes !== r.freeBytes);
    if (recs.length <= cap) {
      recs.forEach((r, i) => {
        const at = p + i * MEM_RECORD_BYTES;
        mem.i64[at >>> 3] = BigInt(r.allocBytes);
        mem.i64[(at + 8) >>> 3] = BigInt(r.freeBytes);
        mem.i64[(at + 16) >>> 3] = BigInt(r.allocObjects);
        mem.i64[(at + 24) >>> 3] = BigInt(r.freeObjects);
        // the stack is (function id, word pc) pairs; Go-side pcs are byte addresses
        for (let k = 0; k < 32; k++) {
          const pc = 2 * k + 1 < r.stack.length ? r.stack[2 * k + 1] * 4 : 0;
          mem.i64[(at + 32 + 8 * k) >>> 3] = BigInt(pc);
        }
      });
    }
    vm.mem.i64[res >>> 3] = BigInt(recs.length);
  });
  // SetBlockProfileRate(rate int)
  m.set("runtime.SetBlockProfileRate", (vm, _g, args) => {
    prof.setBlockProfileRate(getInt(vm, args));
  });
  // SetMutexProfileFraction(rate int) int
  m.set("runtime.SetMutexProfileFraction", (vm, _g, args, res) => {
    const rate = getInt(vm, args);
    const old = prof.mutexRate;
    if (rate >= 0) prof.mutexRate = rate;
    vm.mem.i64[res >>> 3] = BigInt(old);
  });

  // ── package runtime/pprof ──

  // runtime_memProfileRateVar(p *int): runtime/pprof's init hands over &runtime.MemProfileRate.
  m.set("runtime/pprof.runtime_memProfileRateVar", (vm, _g, args) => {
    prof.mem.registerRateVar(vm.mem.u32[args >>> 2]);
  });
  // runtime_cpuProfileBytes() ([]byte, string): the CPU profile stopped last, encoded.
  m.set("runtime/pprof.runtime_cpuProfileBytes", (vm, _g, _args, res) => {
    const p = prof.lastCPU;
    prof.lastCPU = null;
    if (p === null) {
      putBytes(vm, res, null);
      putString(vm, res + 24, "runtime/pprof: no CPU profile");
      return;
    }
    const r = encode(sched, p);
    if (r.bytes === null) putString(vm, res + 24, r.err);
    else putBytes(vm, res, r.bytes);
  });
  // runtime_profileBytes(name string, debug int) ([]byte, string)
  m.set("runtime/pprof.runtime_profileBytes", (vm, g, args, res) => {
    const name = getString(vm, args);
    const debug = getInt(vm, args + 16);
    if (debug <= 0) {
      const p = prof.profile(name);
      if (p === null) {
        putString(vm, res + 24, `runtime/pprof: unknown profile ${name}`);
        return;
      }
      const r = encode(sched, p);
      if (r.bytes === null) putString(vm, res + 24, r.err);
      else putBytes(vm, res, r.bytes);
      return;
    }
    let text: string;
    switch (name) {
      case "goroutine":
        text = debug >= 2 ? goroutineStacksText(prof, g) : countProfileText(prof, "goroutine", prof.goroutineRecords());
        break;
      case "threadcreate":
        text = countProfileText(prof, "threadcreate", [{ stack: [], labels: 0, count: prof.threadCount() }]);
        break;
      case "heap":
      case "allocs":
        text = heapText(prof, sched.gc !== null ? sched.gc.readMemStats() : sched.heap.readMemStats());
        break;
      case "block":
      case "mutex":
        text = cycleText(prof, name);
        break;
      default:
        putString(vm, res + 24, `runtime/pprof: unknown profile ${name}`);
        return;
    }
    putBytes(vm, res, utf8.encode(text));
  });
  // runtime_countProfileBytes(name string, pcs []uintptr, lens []int, debug int) ([]byte, string):
  // a custom profile (NewProfile/Add) from its stacks, pcs concatenated, lens[i] pcs each.
  m.set("runtime/pprof.runtime_countProfileBytes", (vm, _g, args, res) => {
    const name = getString(vm, args);
    const mem = vm.mem;
    const pp = mem.u32[(args + 16) >>> 2];
    const lp = mem.u32[(args + 40) >>> 2];
    const nl = Number(mem.i64[(args + 48) >>> 3]);
    const debug = getInt(vm, args + 64);
    const stacks: number[][] = [];
    let k = 0;
    for (let i = 0; i < nl; i++) {
      const n = Number(mem.i64[(lp + 8 * i) >>> 3]);
      const pcs: number[] = [];
      for (let j = 0; j < n; j++, k++) pcs.push(mem.u32[(pp + 8 * k) >>> 2]);
      stacks.push(prof.stackFromPcs(pcs));
    }
    const recs = prof.countRecords(stacks);
    if (debug > 0) {
      putBytes(vm, res, utf8.encode(countProfileText(prof, name, recs)));
      return;
    }
    const r = encode(sched, prof.countProfile(name, recs));
    if (r.bytes === null) putString(vm, res + 24, r.err);
    else putBytes(vm, res, r.bytes);
  });
  // runtime_setLabels(kv []string): the calling goroutine's label set (key, value, …).
  m.set("runtime/pprof.runtime_setLabels", (vm, g, args) => {
    prof.setLabels(g, prof.internLabels(getStrings(vm, args)));
  });
  // runtime_profileCount(name string) int: Profile.Count for the built-in profiles.
  m.set("runtime/pprof.runtime_profileCount", (vm, _g, args, res) => {
    const name = getString(vm, args);
    let n = 0;
    switch (name) {
      case "goroutine":
        n = prof.userGoroutines().length;
        break;
      case "threadcreate":
        n = prof.threadCount();
        break;
      case "heap":
      case "allocs":
        n = prof.mem.records().length;
        break;
      case "block":
      case "mutex":
        n = prof.cycleRecords(name).length;
        break;
      default:
    }
    vm.mem.i64[res >>> 3] = BigInt(n);
  });
}
