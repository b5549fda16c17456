#!/usr/bin/env node
// Code-size measurement of gort's generics (full stenciling, packages/compiler/src/ir/generics.ts):
//
//   node scripts/generics-measure.mjs [-v] FILE.go...
//
// Compiles and runs each program with `gort run` (output discarded), then reports the generic
// instances the compiler stenciled: how many bodies and IR instructions, and how many of each
// there would be under Go's GC-shape stenciling (one body per origin and shape of the type
// arguments; the shape of a type is its underlying type, every pointer type being one shape).
// The shape figure is a lower bound for that scheme: it counts one body per shape and leaves out
// the dictionaries and the extra instructions a dictionary-driven body needs. -v lists instances.
//
// The CLI and compiler are bundled from the TypeScript sources with esbuild, as dev-gort.mjs does.
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { bundleExports, repoRoot as root } from "./srcbundle.mjs";

const out = "/tmp/gort-dev/generics-measure.mjs";
fs.mkdirSync(path.dirname(out), { recursive: true });
bundleExports(out, { runRun: ["cli", "services/run.ts"], genericsStatsForDev: ["compiler", "ir/generics.ts"] });
const mod = await import(pathToFileURL(out).href);

let args = process.argv.slice(2);
const verbose = args[0] === "-v";
if (verbose) args = args.slice(1);
const total = { files: 0, bodies: 0, instrs: 0, shapeBodies: 0, shapeInstrs: 0 };
for (const f of args) {
  const file = path.resolve(f);
  let err = "";
  const t0 = performance.now();
  const code = await mod.runRun([path.basename(file)], {
    cwd: path.dirname(file),
    env: { GORT_STDLIB: path.join(root, "packages/stdlib/go"), ...process.env, GORTCACHE: "off" },
    stdout: () => {},
    stderr: (s) => void (err += s),
  });
  const ms = performance.now() - t0;
  // (exit status 1 with a diagnostic: the program did not compile, e.g. a missing package)
  if (err.includes("not supported yet") || err.startsWith("#") || (code === 1 && !err.includes("goroutine "))) {
    console.log(`${f}: not compiled (${err.split("\n")[1] ?? err.trim()})`);
    continue;
  }
  const stats = mod.genericsStatsForDev();
  const shapes = new Map();
  let instrs = 0;
  for (const s of stats) {
    instrs += s.instrs;
    shapes.set(s.shape, Math.max(shapes.get(s.shape) ?? 0, s.instrs));
    if (verbose) console.log(`  ${s.name} [${s.targs.join(",")}] ${s.instrs} instrs (shape ${s.shape})`);
  }
  const shapeInstrs = [...shapes.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${f}: exit ${code}, ${ms.toFixed(0)} ms; ${stats.length} instance bodies, ${instrs} instrs; ` +
      `by GC shape: ${shapes.size} bodies, ${shapeInstrs} instrs`,
  );
  total.files++;
  total.bodies += stats.length;
  total.instrs += instrs;
  total.shapeBodies += shapes.size;
  total.shapeInstrs += shapeInstrs;
}
if (args.length > 1)
  console.log(
    `total over ${total.files} programs: ${total.bodies} instance bodies, ${total.instrs} instrs; ` +
      `by GC shape: ${total.shapeBodies} bodies, ${total.shapeInstrs} instrs`,
  );
