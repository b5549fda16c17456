#!/usr/bin/env node
// Shows the bytecode the compiler emits for a Go file (performance work: count the
// instructions of a hot loop before and after an optimisation).
//
//   node bench/vm/dis.mjs prog.go [name-substring…]
//
// Bundles the compiler and the disassembler from the TypeScript sources with esbuild (like
// scripts/dev-gort.mjs; the bundle is /tmp/gort-dev/dis-*.mjs, rebuilt when a source changes)
// and prints every function whose name contains one of the substrings (default: main.*), plus
// the instruction count.
import { createRequire } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
function newestSource(dir, best = 0) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "dist" || e.name.startsWith(".")) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) best = newestSource(p, best);
    else if (e.name.endsWith(".ts")) best = Math.max(best, fs.statSync(p).mtimeMs);
  }
  return best;
}
const src = (p, f) => path.join(root, "packages", p, "src", f);
const out = "/tmp/gort-dev/dis-" + Buffer.from(root).toString("hex").slice(-16) + ".mjs";
const newest = Math.max(newestSource(path.join(root, "packages/compiler/src")), newestSource(path.join(root, "packages/runtime/src")));
if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < newest) {
  const pnpm = path.join(root, "node_modules/.pnpm");
  const esb = require(path.join(pnpm, fs.readdirSync(pnpm).filter((d) => d.startsWith("esbuild@")).sort().pop(), "node_modules/esbuild"));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  esb.buildSync({
    stdin: {
      contents:
        `export { compileProgram, loadPackages, types, formatDiagnostic } from ${JSON.stringify(src("compiler", "index.ts"))};\n` +
        `export { disassemble } from ${JSON.stringify(src("runtime", "vm/asm.ts"))};\n`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile: out,
    logLevel: "error",
    alias: {
      "@gort/runtime/image": src("runtime", "image/index.ts"),
      "@gort/compiler": src("compiler", "index.ts"),
      "@gort/runtime": src("runtime", "index.ts"),
      "@gort/stdlib": src("stdlib", "index.ts"),
    },
  });
}
const m = await import(pathToFileURL(out).href);
const [file, ...filters] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write("usage: node bench/vm/dis.mjs prog.go [name-substring...]\n");
  process.exit(2);
}
const res = m.loadPackages([file], {
  cwd: process.cwd(),
  goroot: process.env.GOROOT,
  errorLimit: 10,
  keepSyntax: true,
  makeInfo: () => new m.types.Info(),
  progress: false,
});
const pkg = res.packages[0];
const c = m.compileProgram(pkg, res.loader.fset);
if (c.image === null) {
  for (const e of c.errors) console.error(m.formatDiagnostic(res.loader.fset, e));
  process.exit(1);
}
const want = filters.length > 0 ? filters : ["main."];
let total = 0;
c.image.funcs.forEach((f, i) => {
  if (!want.some((w) => f.name.includes(w))) return;
  const text = m.disassemble(c.image, i);
  const n = text.split("\n").filter((l) => l.startsWith("  ")).length;
  total += n;
  process.stdout.write(text + `# ${n} instructions\n\n`);
});
console.log(`# total ${total} instructions`);
