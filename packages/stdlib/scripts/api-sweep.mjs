#!/usr/bin/env node
// Type-checks Go 1.19's own `// run` test programs against gort's standard
// library (GOROOT unset) with gort's checker, for the programs whose imports
// gort's library provides: every error is an API gap or a checker
// difference. Needs a build of packages/compiler (dist/).
//
// Usage: node scripts/api-sweep.mjs [--verbose]   (prints a summary and the errors)
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "../../..");
const { Loader, formatDiagnostic } = await import(join(repo, "packages/compiler/dist/index.js"));
const TEST = "/usr/lib/go-1.19/test";
const verbose = process.argv.includes("--verbose");

function ourPackages(root, dir = "", out = new Set(["unsafe"])) {
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (e.isDirectory()) ourPackages(root, join(dir, e.name), out);
    else if (e.name.endsWith(".go") && dir !== "") out.add(dir);
  }
  return out;
}
const ours = ourPackages(join(repo, "packages/stdlib/go"));

function imports(text) {
  const out = [];
  const block = /^import\s*\(([\s\S]*?)^\)/gm;
  for (const m of text.matchAll(block)) for (const q of m[1].matchAll(/"([^"]+)"/g)) out.push(q[1]);
  for (const m of text.matchAll(/^import\s+(?:[\w.]+\s+)?"([^"]+)"/gm)) out.push(m[1]);
  return out;
}

const files = [];
for (const sub of ["", "ken", "chan", "interface", "fixedbugs", "typeparam"]) {
  const d = join(TEST, sub);
  if (!existsSync(d)) continue;
  for (const f of readdirSync(d)) if (f.endsWith(".go")) files.push(join(d, f));
}
let eligible = 0, clean = 0, skipped = 0;
const missing = new Map();
const failures = [];
const env = { ...process.env };
delete env.GOROOT;
for (const f of files) {
  const text = readFileSync(f, "utf8");
  if (!/^\/\/ run\s*$/m.test(text.split("\n").slice(0, 3).join("\n"))) continue;
  const imps = imports(text);
  const absent = imps.filter((p) => !ours.has(p));
  if (absent.length > 0) {
    skipped++;
    for (const p of absent) missing.set(p, (missing.get(p) ?? 0) + 1);
    continue;
  }
  eligible++;
  const loader = new Loader({ cwd: dirname(f), goroot: undefined, errorLimit: 10 });
  const pkg = loader.loadFiles([f]);
  const errs = [];
  for (const p of loader.allPackages()) {
    for (const e of p.loadErrors) errs.push(`${p.importPath}: ${e.msg}`);
    for (const d of p.errors) errs.push(formatDiagnostic(loader.fset, d));
  }
  void pkg;
  if (errs.length === 0) clean++;
  else failures.push([f, errs]);
}
for (const [f, errs] of failures) {
  console.log(f.replace(TEST + "/", ""));
  for (const e of errs.slice(0, verbose ? 20 : 3)) console.log("    " + e.replace(TEST + "/", ""));
}
console.log(`\n${eligible} programs use only gort's packages: ${clean} check clean, ${eligible - clean} with errors; ${skipped} skipped`);
console.log("most-wanted missing packages: " + [...missing].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([p, n]) => `${p} (${n})`).join(", "));
