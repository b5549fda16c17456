#!/usr/bin/env node
// Goroutine stack costs in gort's runtime (packages/runtime/src/stack.ts): stack alloc/free
// (goroutine start/exit), frame push/pop (the VM's call sequence), and growth by copying with
// pointer adjustment through stack maps (every slot of every frame is a pointer into the stack).
//
// Usage: node bench/runtime/stack.mjs
// Compiles the runtime with the repo's tsc into a temp dir, asserts off (GORT_DEBUG=0). CPU time.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

process.env.GORT_DEBUG = "0";
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const out = mkdtempSync(join(tmpdir(), "gort-bench-"));
try {
  execFileSync(join(root, "node_modules/.bin/tsc"), ["-p", join(root, "packages/runtime/tsconfig.json"), "--outDir", out,
    "--composite", "false", "--incremental", "false", "--declaration", "false", "--sourceMap", "false", "--noEmit", "false"], { stdio: "pipe" });
} catch {
  // type errors elsewhere in the package: tsc still emitted
}
writeFileSync(join(out, "package.json"), '{"type":"module"}');
const { Heap } = await import(pathToFileURL(join(out, "malloc.js")).href);
const { ST_OTHER_SYS } = await import(pathToFileURL(join(out, "mstats.js")).href);

const cpu = (f) => {
  const c = process.cpuUsage();
  f();
  const u = process.cpuUsage(c);
  return (u.user + u.system) * 1000;
};
const heap = new Heap({ capBytes: 1 << 30 });
const st = heap.stacks;
const g = heap.mheap.persistentAlloc(16, 8, ST_OTHER_SYS);
// Stack map: 8 pointer slots.
const bm = heap.mheap.persistentAlloc(8, 4, ST_OTHER_SYS);
heap.mem.u32[bm >>> 2] = 8;
heap.mem.u32[(bm >>> 2) + 1] = 0xff;
st.stackMaps = { stackMapAddr: () => bm };

const N = 1_000_000;
for (let r = 0; r < 2; r++) {
  const tCreate = cpu(() => {
    for (let i = 0; i < N; i++) {
      st.initStack(g);
      st.freeStack(g);
    }
  });
  st.initStack(g);
  const tCall = cpu(() => {
    for (let i = 0; i < N; i++) {
      st.pushFrame(g, 1, 0, 96);
      st.popFrame(g);
    }
  });
  st.freeStack(g);
  // Grow 1 KiB → 1 MiB: ~10900 frames of 96 bytes whose 8 slots point at the caller's slots.
  let copies = 0;
  let bytes = 0;
  const tGrow = cpu(() => {
    for (let k = 0; k < 20; k++) {
      st.initStack(g);
      const c0 = st.copies;
      let prev = 0;
      for (let d = 0; d < 10900; d++) {
        const fp = st.pushFrame(g, 1, 0, 96);
        const u32 = heap.mem.u32;
        for (let s = 0; s < 8; s++) u32[(fp + 16 + 8 * s) >>> 2] = prev === 0 ? 0 : prev + 16 + 8 * s;
        prev = fp;
      }
      copies += st.copies - c0;
      bytes += 2 * 1024 * 1024 - 1024; // bytes copied over the doublings ≈ final size
      st.freeStack(g);
    }
  });
  if (r === 1) {
    console.log(`stack alloc+free (1 KiB):      ${(tCreate / N).toFixed(1)} ns`);
    console.log(`frame push+pop (96 B):         ${(tCall / N).toFixed(1)} ns`);
    console.log(`grow 1 KiB → 1 MiB, 10900 frames, 8 pointer slots each: ${(tGrow / 20 / 1e6).toFixed(2)} ms per goroutine (${copies / 20} copies, incl. building the frames)`);
  }
}
