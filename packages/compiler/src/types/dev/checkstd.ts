/**
 * Developer tool (not part of the library API): type-checks std packages
 * from GOROOT with a simple recursive importer and prints, per package,
 * whether it checked clean, plus the first errors.
 *
 * Build and run (from the repo root):
 *   npx tsc -p packages/compiler --outDir /tmp/gort-tc --noEmit false --composite false --declaration false --sourceMap false
 *   node /tmp/gort-tc/types/dev/checkstd.js [-v] [pkg...]      (no pkg: all std packages)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { formatDiagnostic, sortDiagnostics } from "../../diag.js";
import { defaultBuildContext } from "../../loader/buildctx.js";
import { selectFiles } from "../../loader/select.js";
import { parseFile } from "../../syntax/parser.js";
import { FileSet } from "../../syntax/position.js";
import type * as ast from "../../syntax/ast.js";
import { inspect, isExpr, nodePos } from "../../syntax/ast.js";
import { Info } from "../info.js";
import { checkFiles, type Importer } from "../checker.js";
import { branchDiagnostics } from "../labels.js";
import type { Package } from "../object.js";

const GOROOT = process.env.GOROOT ?? "/usr/lib/go-1.19";
const SRC = path.join(GOROOT, "src");
const ctx = defaultBuildContext();
const fset = new FileSet();

interface Result {
  pkg: Package | null;
  errors: string[];
  ms: number;
}
const cache = new Map<string, Result>();
let parseCpu = 0;
const inProgress = new Set<string>();

function dirFor(p: string): string {
  const vendored = path.join(SRC, "vendor", p);
  if (fs.existsSync(vendored)) return vendored;
  const cmdVendored = path.join(SRC, "cmd", "vendor", p);
  if (!fs.existsSync(path.join(SRC, p)) && fs.existsSync(cmdVendored)) return cmdVendored;
  return path.join(SRC, p);
}

const importer: Importer = {
  importPackage(p: string) {
    const r = load(p);
    if (r.pkg === null) return { error: r.errors[0] ?? "cannot load" };
    return r.pkg;
  },
};

function load(p: string): Result {
  const c = cache.get(p);
  if (c !== undefined) return c;
  if (inProgress.has(p)) return { pkg: null, errors: [`import cycle through ${p}`], ms: 0 };
  inProgress.add(p);
  const t0 = Date.now();
  const sel = selectFiles(ctx, dirFor(p));
  const files: ast.File[] = [];
  const errors: string[] = [];
  for (const f of sel.files) {
    if (f.path.endsWith("_test.go")) continue;
    const tp = process.cpuUsage();
    const r = parseFile(fset, f.path, f.bytes);
    const dp = process.cpuUsage(tp);
    parseCpu += (dp.user + dp.system) / 1000;
    for (const e of r.errors) errors.push(formatDiagnostic(fset, e));
    files.push(r.file);
  }
  let res: Result;
  if (files.length === 0) {
    res = { pkg: null, errors: [`no Go files in ${dirFor(p)}`], ms: 0 };
  } else {
    const t1 = Date.now();
    const { pkg, errors: errs } = checkFiles({ fset, importer, goVersion: process.env.GOVERSION ?? "go1.19" }, p, files);
    for (const e of errs) if (!e.soft || true) errors.push(formatDiagnostic(fset, e));
    res = { pkg, errors, ms: Date.now() - t1 };
  }
  void t0;
  inProgress.delete(p);
  cache.set(p, res);
  return res;
}

function allStd(): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    let ents: fs.Dirent[];
    try {
      ents = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (ents.some((e) => e.isFile() && e.name.endsWith(".go") && !e.name.endsWith("_test.go"))) out.push(rel);
    for (const e of ents) {
      if (!e.isDirectory()) continue;
      if (e.name === "testdata" || e.name === "vendor" || e.name.startsWith(".") || e.name.startsWith("_")) continue;
      if (rel === "" && e.name === "cmd") continue;
      walk(path.join(dir, e.name), rel === "" ? e.name : rel + "/" + e.name);
    }
  };
  walk(SRC, "");
  return out;
}

/** Checks the given .go files as one package and prints gc-style diagnostics. */
function checkGoFiles(paths: string[]): void {
  const files: ast.File[] = [];
  const out: { d: import("../../diag.js").Diagnostic }[] = [];
  for (const f of paths) {
    const r = parseFile(fset, f, fs.readFileSync(f));
    for (const e of r.errors) out.push({ d: e });
    files.push(r.file);
  }
  const parseErrors = out.map((o) => o.d);
  if (parseErrors.some((e) => e.msg.startsWith("syntax error"))) {
    // gc stops after real syntax errors; only the parser's branch checks add to them
    for (const f of files) for (const e of branchDiagnostics(fset, f, parseErrors)) out.push({ d: e });
  } else {
    const { errors } = checkFiles({ fset, importer, goVersion: process.env.GOVERSION ?? "go1.19", parseErrors }, "main", files);
    for (const e of errors) out.push({ d: e });
  }
  for (const d of sortDiagnostics(fset, out.map((o) => o.d))) console.log(formatDiagnostic(fset, d));
}

/**
 * Go 1.19's errorcheck tests: for each file whose first line is "// errorcheck", compares the
 * set of lines where we report errors (parser + checker) with the lines carrying ERROR comments.
 */
function errorcheck(detailsFile: string): void {
  const root = path.join(GOROOT, "test");
  const dirs = [root, path.join(root, "fixedbugs"), path.join(root, "typeparam")];
  let total = 0;
  let match = 0;
  let msgTotal = 0;
  let msgOk = 0;
  const msgBad: string[] = [];
  const details: string[] = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith(".go")) continue;
      const f = path.join(dir, name);
      const src = fs.readFileSync(f);
      const text = src.toString("utf8");
      if (!/^\/\/ errorcheck(\s|$)/.test(text)) continue;
      total++;
      const lines = text.split("\n");
      const want = new Set<number>();
      lines.forEach((l, i) => {
        if (/\/\/ (GC_)?ERROR /.test(l)) want.add(i + 1);
      });
      const fs2 = new FileSet();
      const got = new Set<number>();
      const msgs: string[] = [];
      try {
        const r = parseFile(fs2, f, src);
        let all = [...r.errors];
        // gc type-checks unless the parser reported a real syntax error
        if (!r.errors.some((e) => e.msg.startsWith("syntax error"))) {
          const lang = /-lang=(go[0-9.]+)/.exec(lines[0]);
          const res = checkFiles(
            {
              fset: fs2,
              importer: { importPackage: (p: string) => importer.importPackage(p) },
              goVersion: lang !== null ? lang[1] : "go1.19",
              complete: /\s-complete\b/.test(lines[0]),
              parseErrors: r.errors,
            },
            "main",
            [r.file],
          );
          all.push(...res.errors);
        } else {
          all.push(...branchDiagnostics(fs2, r.file, r.errors));
        }
        all = sortDiagnostics(fs2, all);
        // gc stops after 10 errors unless -e is given
        if (/^\/\/ errorcheck.*-e=0\b/.test(lines[0]) && all.length > 10) all = all.slice(0, 10);
        for (const e of all) {
          const p = fs2.position(e.pos);
          got.add(p.line);
          msgs.push(`${p.line}: ${e.msg}`);
        }
      } catch (e) {
        msgs.push("CRASH " + ((e as Error).stack ?? "").split("\n").slice(0, 4).join(" | "));
        got.add(-1);
      }
      const same = want.size === got.size && [...want].every((l) => got.has(l));
      // message check: each of our messages on an ERROR line should match one of its patterns
      for (const m of msgs) {
        const ln = Number(m.split(":")[0]);
        if (!want.has(ln)) continue;
        const mm = /\/\/ (?:GC_)?ERROR (.*)$/.exec(lines[ln - 1]);
        if (mm === null) continue;
        const pats = errorPatterns(mm[1]);
        msgTotal++;
        const text = m.slice(m.indexOf(":") + 2);
        if (pats.some((r) => r.test(text))) msgOk++;
        else msgBad.push(`${path.relative(root, f)}:${ln}: got "${text}" want ${mm[1].slice(0, 150)}`);
      }
      if (same) match++;
      else {
        const missing = [...want].filter((l) => !got.has(l));
        const extra = [...got].filter((l) => !want.has(l));
        details.push(`${path.relative(root, f)}: missing ${JSON.stringify(missing)} extra ${JSON.stringify(extra)}`);
        for (const l of missing) details.push(`   want ${l}: ${lines[l - 1].trim().slice(0, 160)}`);
        for (const m of msgs) {
          const ln = Number(m.split(":")[0]);
          if (!want.has(ln)) details.push(`   got  ${m.slice(0, 200)}`);
        }
      }
    }
  }
  fs.writeFileSync(detailsFile, details.join("\n") + "\n");
  fs.writeFileSync(detailsFile + ".msgs", msgBad.join("\n") + "\n");
  console.log(`errorcheck: ${match}/${total} files match (${((100 * match) / total).toFixed(1)}%); messages on expected lines matching the ERROR patterns: ${msgOk}/${msgTotal}`);
}

/** Single-file "// run" and "// compile" tests of $GOROOT/test must check clean. */
function validTests(detailsFile: string): void {
  const root = path.join(GOROOT, "test");
  const dirs = [root, path.join(root, "fixedbugs"), path.join(root, "typeparam"), path.join(root, "ken"), path.join(root, "chan")];
  let total = 0;
  let clean = 0;
  const details: string[] = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith(".go")) continue;
      const f = path.join(dir, name);
      const src = fs.readFileSync(f);
      const text = src.toString("utf8");
      const first = text.slice(0, text.indexOf("\n"));
      if (!/^\/\/ (run|compile)(\s|$)/.test(first)) continue;
      if (/\/\/go:build|\/\/ \+build/.test(text.slice(0, 600))) continue;
      total++;
      const fs2 = new FileSet();
      const msgs: string[] = [];
      try {
        const r = parseFile(fs2, f, src);
        const all = [...r.errors];
        if (r.errors.length === 0) {
          const res = checkFiles({ fset: fs2, importer: { importPackage: (p: string) => importer.importPackage(p) }, goVersion: "go1.19" }, "main", [r.file]);
          all.push(...res.errors);
        }
        for (const e of all) msgs.push(formatDiagnostic(fs2, e).split("\n")[0]);
      } catch (e) {
        msgs.push("CRASH " + ((e as Error).stack ?? "").split("\n").slice(0, 4).join(" | "));
      }
      if (msgs.length === 0) clean++;
      else details.push(...msgs.slice(0, 3).map((m) => m.replace(root + "/", "")));
    }
  }
  fs.writeFileSync(detailsFile, details.join("\n") + "\n");
  console.log(`valid tests: ${clean}/${total} check clean`);
}

/** Runs the checker over every .go file below dir (invalid code welcome) and reports crashes. */
function crashHunt(dir: string): void {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".go")) files.push(p);
    }
  };
  walk(dir);
  let crashes = 0;
  for (const f of files) {
    const fs2 = new FileSet();
    if (process.env.TRACE_FILES !== undefined) fs.writeSync(1, f + "\n");
    try {
      const r = parseFile(fs2, f, fs.readFileSync(f));
      checkFiles({ fset: fs2, importer: { importPackage: (p: string) => importer.importPackage(p) }, goVersion: "" }, "p", [r.file]);
    } catch (e) {
      crashes++;
      console.log(`CRASH ${f}: ${((e as Error).stack ?? "").split("\n").slice(0, 5).join(" | ")}`);
    }
  }
  console.log(`${files.length} files, ${crashes} crashes`);
}

/** Reports expressions of a std package that have no Info.types entry (code generator coverage). */
function infoCheck(p: string): void {
  const sel = selectFiles(ctx, dirFor(p));
  const files: ast.File[] = [];
  for (const f of sel.files) {
    if (f.path.endsWith("_test.go")) continue;
    files.push(parseFile(fset, f.path, f.bytes).file);
  }
  const info = new Info();
  const { errors } = checkFiles({ fset, importer, goVersion: "go1.19" }, p, files, info);
  if (errors.length > 0) console.log(`${errors.length} errors`);
  const exempt = new Set<ast.Node>();
  const missing = new Map<string, number>();
  let total = 0;
  let examples = 0;
  for (const f of files) {
    inspect(f, (n) => {
      // identifiers that name things rather than denote values/types are not recorded in types
      switch (n.kind) {
        case "SelectorExpr":
          exempt.add(n.sel);
          if (n.x.kind === "Ident" && info.uses.get(n.x)?.constructor.name === "PkgName") exempt.add(n.x);
          break;
        case "KeyValueExpr":
          if (n.key.kind === "Ident") exempt.add(n.key);
          break;
        case "LabeledStmt":
          exempt.add(n.label);
          break;
        case "BranchStmt":
          if (n.label !== undefined) exempt.add(n.label);
          break;
        case "Field":
          for (const id of n.names) exempt.add(id);
          break;
        case "ValueSpec":
          for (const id of n.names) exempt.add(id);
          break;
        case "TypeSpec":
          exempt.add(n.name);
          break;
        case "FuncDecl":
          exempt.add(n.name);
          break;
        case "File":
          exempt.add(n.name);
          break;
        case "ImportSpec":
          if (n.name !== undefined) exempt.add(n.name);
          exempt.add(n.path);
          return false;
        case "AssignStmt":
          if (n.tok === ":=") for (const l of n.lhs) if (l.kind === "Ident") exempt.add(l);
          break;
        case "RangeStmt":
          if (n.tok === ":=") {
            if (n.key !== undefined) exempt.add(n.key);
            if (n.value !== undefined) exempt.add(n.value);
          }
          break;
        case "TypeAssertExpr":
          break;
      }
      if (isExpr(n) && !exempt.has(n)) {
        if (n.kind === "Ident" && n.name === "_") return true;
        total++;
        if (!info.types.has(n)) {
          const k = n.kind;
          missing.set(k, (missing.get(k) ?? 0) + 1);
          if (examples++ < 15) {
            const pos = fset.position(nodePos(n));
            console.log(`  missing ${k} at ${pos.filename.replace(SRC + "/", "")}:${pos.line}:${pos.column}`);
          }
        }
      }
      return true;
    });
  }
  console.log(`${p}: ${total} expressions, missing types for ${[...missing.values()].reduce((a, b) => a + b, 0)}: ${JSON.stringify([...missing])}`);
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === "--infocheck") {
    for (const p of args.slice(1)) infoCheck(p);
    return;
  }
  if (args[0] === "--crash") {
    crashHunt(args[1]);
    return;
  }
  if (args[0] === "--valid") {
    validTests(args[1] ?? "/tmp/valid-details.txt");
    return;
  }
  if (args[0] === "--errorcheck") {
    errorcheck(args[1] ?? "/tmp/errorcheck-details.txt");
    return;
  }
  if (args.length > 0 && args.every((a) => a.endsWith(".go"))) {
    checkGoFiles(args);
    return;
  }
  const verbose = args.includes("-v");
  let pkgs = args.filter((a) => !a.startsWith("-"));
  if (pkgs.length === 0) pkgs = allStd();
  let clean = 0;
  let total = 0;
  const t0 = Date.now();
  for (const p of pkgs) {
    let r: Result;
    try {
      r = load(p);
    } catch (e) {
      console.log(`CRASH ${p}: ${(e as Error).stack?.split("\n").slice(0, 6).join(" | ")}`);
      cache.set(p, { pkg: null, errors: ["crash"], ms: 0 });
      total++;
      continue;
    }
    if (r.errors.length === 1 && r.errors[0].startsWith("no Go files")) continue;
    total++;
    if (r.errors.length === 0) {
      clean++;
      if (verbose) console.log(`ok   ${p} (${r.ms} ms)`);
    } else {
      console.log(`FAIL ${p}: ${r.errors.length} errors`);
      for (const e of r.errors.slice(0, verbose ? 20 : 3)) console.log("     " + e.replace(SRC + "/", ""));
    }
  }
  const cpu = process.cpuUsage();
  console.log(`clean ${clean}/${total} (${Date.now() - t0} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms cpu, of which parsing ${parseCpu.toFixed(0)} ms)`);
}

main();

/** The patterns of an ERROR comment: "..." (Go-quoted) or `...`, as JavaScript regexps. */
function errorPatterns(s: string): RegExp[] {
  const out: RegExp[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|`([^`]*)`/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    let pat: string;
    if (m[1] !== undefined) {
      try {
        pat = JSON.parse('"' + m[1].replace(/\\([^"\\\/bfnrtu])/g, "\\\\$1") + '"') as string;
      } catch {
        pat = m[1];
      }
    } else pat = m[2];
    try {
      out.push(new RegExp(pat));
    } catch {
      out.push(/.*/);
    }
  }
  return out;
}
