/**
 * Developer tool of the type algebra (not part of the library API): generics
 * conformance beyond checkstd.ts.
 *
 *   --t2 out.txt DIR...   types2's own testdata (cmd/compile/internal/types2/testdata/{check,
 *                         fixedbugs,examples,spec}): per file (or directory = package), the lines
 *                         of our diagnostics vs the lines of the `/* ERROR *\/` and `// ERROR`
 *                         comments (an ERROR comment belongs to the token before it). types2's
 *                         test-only builtins assert/trace and gc's noder restriction on local types
 *                         in generic functions are ignored. T2_OUT=dir writes each file's messages
 *                         to dir/<sub>_<name>.ours (compare with `go tool compile -e` output).
 *   --tpdir out.txt       test/typeparam/*.dir (rundir, compiledir: every package checks clean;
 *                         errorcheckdir: exact ERROR lines), with local imports ("./a") resolved
 *                         inside the directory (`-s` in the header: one package per file).
 *   --inst FILE...        prints Info.instances (position, type arguments, instantiated type) of
 *                         each single-file program, sorted — the format of a small go/types
 *                         program, so the two can be diffed; with TYPES=1 all of Info.types
 *                         (position range and type) instead.
 *
 * Build and run (from the repo root; never into the repo):
 *   npx tsc -p packages/compiler --outDir /tmp/gort-alg --noEmit false --composite false --declaration false --sourceMap false
 *   node /tmp/gort-alg/types/dev/algconf.js --tpdir /tmp/tpdir.txt
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../../diag.js";
import { defaultBuildContext } from "../../loader/buildctx.js";
import { selectFiles } from "../../loader/select.js";
import { nodeEnd, nodePos } from "../../syntax/ast.js";
import type * as ast from "../../syntax/ast.js";
import { parseFile } from "../../syntax/parser.js";
import { FileSet } from "../../syntax/position.js";
import { checkFiles, type Importer } from "../checker.js";
import { Info } from "../info.js";
import type { Package } from "../object.js";
import { relativeTo, typeString } from "../typestring.js";

const GOROOT = process.env.GOROOT ?? "/usr/lib/go-1.19";
const SRC = path.join(GOROOT, "src");
const ctx = defaultBuildContext();
const stdFset = new FileSet();
const stdCache = new Map<string, Package | { error: string }>();

/** Std packages from GOROOT/src, checked on demand (import cycles and failures become errors). */
const importer: Importer = {
  importPackage(p: string) {
    const c = stdCache.get(p);
    if (c !== undefined) return c;
    stdCache.set(p, { error: `import cycle through ${p}` });
    const vendored = path.join(SRC, "vendor", p);
    const dir = fs.existsSync(vendored) ? vendored : path.join(SRC, p);
    const files: ast.File[] = [];
    for (const f of selectFiles(ctx, dir).files) {
      if (f.path.endsWith("_test.go")) continue;
      files.push(parseFile(stdFset, f.path, f.bytes).file);
    }
    let res: Package | { error: string };
    if (files.length === 0) res = { error: `no Go files in ${dir}` };
    else {
      // like checkstd.ts: a package with errors is still usable
      res = checkFiles({ fset: stdFset, importer, goVersion: "go1.19" }, p, files).pkg;
    }
    stdCache.set(p, res);
    return res;
  },
};

/** types2's own testdata: files/dirs with inline /* ERROR rx *\/ comments; compares line sets. */
function types2Tests(dirs: string[], detailsFile: string): void {
  let total = 0;
  let match = 0;
  const details: string[] = [];
  const units: string[][] = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) {
        const fsub = fs.readdirSync(p).filter((n) => n.endsWith(".go")).sort().map((n) => path.join(p, n));
        if (fsub.length > 0) units.push(fsub);
      } else if (name.endsWith(".go")) units.push([p]);
    }
  }
  const only = process.env.T2_ONLY;
  for (const unit of units) {
    if (only !== undefined && !unit[0].includes(only)) continue;
    total++;
    const fs2 = new FileSet();
    const want = new Set<string>();
    const got = new Set<string>();
    const msgs: string[] = [];
    const astFiles: ast.File[] = [];
    let all: Diagnostic[] = [];
    let lang = "go1.19";
    try {
      for (const f of unit) {
        const src = fs.readFileSync(f);
        const text = src.toString("utf8");
        const m = /^\/\/ -lang=(go[0-9.]+)/.exec(text);
        if (m !== null) lang = m[1];
        const re = /(\/\*|\/\/) ERROR/g;
        let mm: RegExpExecArray | null;
        while ((mm = re.exec(text)) !== null) {
          const bol = text.lastIndexOf("\n", mm.index - 1) + 1;
          if (text.slice(bol, mm.index).includes("//")) continue; // inside a line comment
          let i = mm.index - 1;
          while (i > 0 && /\s/.test(text[i])) i--;
          let line = 1;
          for (let k = 0; k <= i; k++) if (text.charCodeAt(k) === 10) line++;
          want.add(`${path.basename(f)}:${line}`);
        }
        const r = parseFile(fs2, f, src);
        all.push(...r.errors);
        astFiles.push(r.file);
      }
      const res = checkFiles(
        { fset: fs2, importer: { importPackage: (p: string) => importer.importPackage(p) }, goVersion: lang, parseErrors: all },
        "p",
        astFiles,
      );
      all.push(...res.errors);
      all = sortDiagnostics(fs2, all);
      // types2's tests predeclare assert/trace; gc (noder) rejects local types in generic funcs
      all = all.filter((e) => !/^undefined: (assert|trace)$|^type declarations inside generic functions/.test(e.msg));
      const outDir = process.env.T2_OUT;
      if (outDir !== undefined && unit.length === 1) {
        const text = all.map((e) => formatDiagnostic(fs2, e).split(path.dirname(unit[0]) + "/").join("")).join("\n");
        fs.writeFileSync(path.join(outDir, path.basename(path.dirname(unit[0])) + "_" + path.basename(unit[0], ".go") + ".ours"), text + (text ? "\n" : ""));
      }
      for (const e of all) {
        const p = fs2.position(e.pos);
        const key = `${path.basename(p.filename)}:${p.line}`;
        got.add(key);
        msgs.push(`${key}: ${e.msg.split("\n")[0]}`);
      }
    } catch (e) {
      msgs.push("CRASH " + ((e as Error).stack ?? "").split("\n").slice(0, 4).join(" | "));
      got.add("crash");
    }
    const same = want.size === got.size && [...want].every((l) => got.has(l));
    if (same) match++;
    else {
      const missing = [...want].filter((l) => !got.has(l));
      const extra = [...got].filter((l) => !want.has(l));
      details.push(`${unit[0]}: missing ${JSON.stringify(missing)} extra ${JSON.stringify(extra)}`);
      for (const m of msgs) {
        const key = m.slice(0, m.indexOf(": "));
        if (!want.has(key)) details.push(`   got  ${m.slice(0, 200)}`);
      }
      for (const k of missing) {
        const [file, ln] = k.split(":");
        const f = unit.find((u) => path.basename(u) === file);
        if (f !== undefined) details.push(`   want ${k}: ${fs.readFileSync(f, "utf8").split("\n")[Number(ln) - 1].trim().slice(0, 200)}`);
      }
    }
  }
  fs.writeFileSync(detailsFile, details.join("\n") + "\n");
  console.log(`types2 testdata: ${match}/${total} units match`);
}

/** test/typeparam/*.dir (rundir/compiledir): each directory's packages must check clean. */
function typeparamDirs(detailsFile: string): void {
  const root = path.join(GOROOT, "test", "typeparam");
  let total = 0;
  let clean = 0;
  const details: string[] = [];
  for (const name of fs.readdirSync(root).sort()) {
    if (!name.endsWith(".dir")) continue;
    const goFile = path.join(root, name.slice(0, -4) + ".go");
    if (!fs.existsSync(goFile)) continue;
    const first = fs.readFileSync(goFile, "utf8").split("\n")[0];
    if (!/^\/\/ (rundir|compiledir|errorcheckdir)\b/.test(first)) continue;
    const ec = first.startsWith("// errorcheckdir");
    const single = /\s-s\b/.test(first); // one package per file
    total++;
    const dir = path.join(root, name);
    const fs2 = new FileSet();
    const groups: { pkgName: string; files: string[]; parsed: ast.File[] }[] = [];
    const msgs: string[] = [];
    try {
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".go")).sort()) {
        const full = path.join(dir, f);
        const r = parseFile(fs2, full, fs.readFileSync(full));
        for (const e of r.errors) msgs.push(formatDiagnostic(fs2, e));
        const pn = r.file.name.name;
        const last = groups[groups.length - 1];
        if (last !== undefined && last.pkgName === pn && !single) {
          last.files.push(f);
          last.parsed.push(r.file);
        } else groups.push({ pkgName: pn, files: [f], parsed: [r.file] });
      }
      const done = new Map<(typeof groups)[number], Package | { error: string }>();
      const checkGroup = (g: (typeof groups)[number]): Package | { error: string } => {
        const have = done.get(g);
        if (have !== undefined) return have;
        const local: Importer = {
          importPackage(p: string) {
            if (p.startsWith("./")) {
              const base = p.slice(2);
              const dep = groups.find((x) => x.files.includes(base + ".go")) ?? groups.find((x) => x.pkgName === base);
              if (dep === undefined) throw new Error(`cannot find ${p}`);
              return checkGroup(dep);
            }
            return importer.importPackage(p);
          },
        };
        const ipath = g.pkgName === "main" ? "main" : "./" + g.files[0].replace(/\.go$/, "");
        const { pkg, errors } = checkFiles({ fset: fs2, importer: local, goVersion: "go1.19" }, ipath, g.parsed);
        for (const e of errors) msgs.push(formatDiagnostic(fs2, e));
        done.set(g, pkg);
        return pkg;
      };
      for (const g of groups) checkGroup(g);
    } catch (e) {
      msgs.push(name + ": CRASH " + ((e as Error).stack ?? "").split("\n").slice(0, 4).join(" | "));
    }
    if (process.env.TPDIR_SHOW === name) console.log(msgs.join("\n"));
    if (ec) {
      // the lines with ERROR comments must be exactly the reported lines
      const want = new Set<string>();
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".go"))) {
        fs.readFileSync(path.join(dir, f), "utf8").split("\n").forEach((l, i) => {
          if (/\/\/ (GC_)?ERROR /.test(l)) want.add(`${f}:${i + 1}`);
        });
      }
      const got = new Set(msgs.map((m) => /([^/]+\.go:\d+):/.exec(m)?.[1] ?? m));
      if (want.size === got.size && [...want].every((k) => got.has(k))) clean++;
      else details.push(`${name}: want ${[...want].join(" ")}`, ...msgs.map((m) => "   " + m.split(root + "/").join("")));
      continue;
    }
    if (msgs.length === 0) clean++;
    else details.push(...msgs.slice(0, 4).map((m) => m.split(root + "/").join("").split("\n")[0]));
  }
  fs.writeFileSync(detailsFile, details.join("\n") + "\n");
  console.log(`typeparam dirs: ${clean}/${total} check clean (errorcheckdir: exact ERROR lines)`);
}

/** Prints Info.instances (ident position, type arguments, instantiated type) for each file, like go/types. */
function dumpInstances(files: string[]): void {
  for (const fn of files) {
    const fs2 = new FileSet();
    const r = parseFile(fs2, fn, fs.readFileSync(fn));
    if (r.errors.length > 0) {
      console.log(`${fn}: PARSE ERROR`);
      continue;
    }
    const info = new Info();
    let lines: string[] = [];
    try {
      const { pkg } = checkFiles({ fset: fs2, importer: { importPackage: (p: string) => importer.importPackage(p) }, goVersion: "go1.19" }, "main", [r.file], info);
      const qf = relativeTo(pkg);
      for (const [id, inst] of info.instances) {
        const p = fs2.position(id.pos);
        const targs = inst.typeArgs.map((t) => typeString(t, qf)).join(", ");
        lines.push(`${fn}:${p.line}:${p.column} ${id.name} [${targs}] ${typeString(inst.type, qf)}`);
      }
      if (process.env.TYPES !== undefined) {
        lines = [];
        for (const [e, tv] of info.types) {
          if (tv.type === null || tv.type === undefined) continue;
          const p = fs2.position(nodePos(e));
          const q = fs2.position(nodeEnd(e));
          lines.push(`${fn}:${p.line}:${p.column}-${q.line}:${q.column} ${typeString(tv.type, qf)}`);
        }
      }
    } catch (e) {
      lines = [`${fn}: CRASH ${(e as Error).message}`];
    }
    lines.sort();
    for (const l of lines) console.log(l);
  }
}


function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === "--t2") types2Tests(args.slice(2), args[1] ?? "/tmp/t2-details.txt");
  else if (args[0] === "--tpdir") typeparamDirs(args[1] ?? "/tmp/tpdir-details.txt");
  else if (args[0] === "--inst") dumpInstances(args.slice(1));
  else console.log("usage: algconf.js --t2 out.txt DIR... | --tpdir out.txt | --inst FILE...");
}

main();
