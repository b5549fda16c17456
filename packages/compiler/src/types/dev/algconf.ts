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
 *   --tpdir out.txt [DIR] test/typeparam/*.dir (or DIR/*.dir, e.g. test/fixedbugs) (rundir, compiledir: every package checks clean;
 *                         errorcheckdir: exact ERROR lines), with local imports ("./a") resolved
 *                         inside the directory (`-s` in the header: one package per file).
 *   --fuzzgen SEED N      prints a Go file with N random calls of generic functions (inference
 *                         differential test: diff `--inst` (ERRORS=1) with go/types, and
 *                         checkstd.js FILE with `go tool compile -e`; see ALGEBRA.md).
 *   --fuzzgen2 SEED N     the same for statements over generic types (method sets of instances
 *                         and embedded instances, method values/expressions, assertions).
 *   --fuzzgen3 SEED N     N generic functions, each one random operation on values of a type
 *                         parameter with a random constraint (core types, type-set predicates).
 *   --fuzzgen4 SEED N     N generic functions with random constraints (methods, type sets,
 *                         comparable, pointer receivers), each instantiated with a random type.
 *   --pkgs PKG...         checks GOROOT packages (std, cmd, both vendor trees) and their
 *                         dependencies; prints all their diagnostics.
 *   --inst FILE...        prints Info.instances (position, type arguments, instantiated type) of
 *                         each single-file program, sorted — the format of a small go/types
 *                         program, so the two can be diffed; with TYPES=1 all of Info.types
 *                         (position range and type) instead; with ERRORS=1 also "file:line ERR"
 *                         for each line with a hard error (SOFT=1: soft ones too).
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
/** diagnostics of every package loaded through the importer */
const stdErrors: string[] = [];

/** Std packages from GOROOT/src, checked on demand (import cycles and failures become errors). */
const importer: Importer = {
  importPackage(p: string) {
    const c = stdCache.get(p);
    if (c !== undefined) return c;
    stdCache.set(p, { error: `import cycle through ${p}` });
    // std's and cmd's vendored modules, then GOROOT/src
    const dir =
      [path.join(SRC, "vendor", p), path.join(SRC, "cmd", "vendor", p)].find((d) => fs.existsSync(d)) ?? path.join(SRC, p);
    const files: ast.File[] = [];
    for (const f of selectFiles(ctx, dir).files) {
      if (f.path.endsWith("_test.go")) continue;
      files.push(parseFile(stdFset, f.path, f.bytes).file);
    }
    const saved = stdErrors.length;
    let res: Package | { error: string };
    if (files.length === 0) res = { error: `no Go files in ${dir}` };
    else {
      // like checkstd.ts: a package with errors is still usable
      const r = checkFiles({ fset: stdFset, importer, goVersion: "go1.19" }, p, files);
      res = r.pkg;
      stdErrors.splice(saved, 0, ...r.errors.map((e) => `${p}: ${formatDiagnostic(stdFset, e).replace(SRC + "/", "")}`));
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
function typeparamDirs(detailsFile: string, rootIn?: string): void {
  const root = rootIn ?? path.join(GOROOT, "test", "typeparam");
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
  console.log(`${path.basename(root)} dirs: ${clean}/${total} check clean (errorcheckdir: exact ERROR lines)`);
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
      const { pkg, errors } = checkFiles({ fset: fs2, importer: { importPackage: (p: string) => importer.importPackage(p) }, goVersion: "go1.19" }, "main", [r.file], info);
      const qf = relativeTo(pkg);
      if (process.env.ERRORS !== undefined) {
        // lines with (hard) errors, for differential tests against go/types
        const errLines = new Set<number>();
        for (const e of errors) if (!e.soft || process.env.SOFT !== undefined) errLines.add(fs2.position(e.pos).line);
        for (const l of errLines) lines.push(`${fn}:${l} ERR`);
      }
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


// ---- differential fuzzing of inference ---------------------------------------------------

/** Generic functions (shapes from test/typeparam) and variables the generated calls use. */
const fuzzHeader = `package main

type MyInt int
type MyStr string
type MyS []int
type MyM map[string]int
type MyF func(int) int
type List[T any] struct{ v T }
type PI = *int

func F1[T any](x T) T { return x }
func F2[T any](x []T) T { var z T; return z }
func F3[K comparable, V any](m map[K]V) (k K, v V) { return }
func F4[S ~[]E, E any](s S) E { var z E; return z }
func F5[T any](f func(T) T, x T) {}
func F6[P *Q, Q any](p P) {}
func F7[T any](xs ...T) {}
func F8[T ~int | ~string](a, b T) {}
func F9[T any](l List[T]) T { return l.v }
func F10[T any](a, b T) {}
func F11[A, B any](a A, f func(A) B) B { var z B; return z }
func F12[T comparable](a T, b T) bool { return a == b }
func F13[M ~map[K]V, K comparable, V any](m M) K { var z K; return z }
func F14[T ~float64 | ~int](x T) {}
func F15[T any, PT interface{ *T }](x T) {}
func F16[C ~chan E, E any](c C) E { var z E; return z }
func F17[T any](x, y T, zs ...T) {}
func F18[T interface{ ~[]byte | ~string }](x T) {}
func F19[K comparable, V any](k K, v V) map[K]V { return nil }
func F20[T any](p *T) T { return *p }
func F21[T any](x List[T], y T) {}
func F22[F ~func(int) int](f F) {}
func F23[T any](xs [2]T) {}
func F24[S ~[]E, E ~int](s S, e E) {}
func F25[T MyInt | MyStr](x T) {}
type MyCh chan int

var (
	vi   int
	vmi  MyInt
	vs   string
	vms  MyStr
	vsl  []int
	vmsl MyS
	vm   map[string]int
	vmm  MyM
	vp   *int
	vpi  PI
	vf   func(int) int
	vmf  MyF
	vl   List[int]
	vls  List[string]
	vf64 float64
	vb   []byte
	vss  []string
	vany any
	vch  chan int
	vmch MyCh
	varr [2]int
	vli  List[MyInt]
	vpmi *MyInt
	vrch <-chan int
)
`;
const fuzzArgs: string[] = ["vch", "vmch", "varr", "vli", "vpmi", "vrch", "func(x int) int { return x }", "func(x MyInt) MyInt { return x }", "&vi", "&vmi", "MyInt(2)", "[]int{1}", "MyS{}", "List[int]{}", "vl.v", "vmsl[0]", "len(vs)", "vf64*2", "vi", "vmi", "vs", "vms", "vsl", "vmsl", "vm", "vmm", "vp", "vpi", "vf", "vmf", "vl", "vls", "vf64", "vb", "vss", "vany", "1", "2.5", "'c'", "\"s\"", "nil", "1<<3", "-1", "1.0", "true"];
/** [function, number of arguments (-1: variadic, 0..3)] */
const fuzzFuncs: [string, number][] = [["F1", 1], ["F2", 1], ["F3", 1], ["F4", 1], ["F5", 2], ["F6", 1], ["F7", -1], ["F8", 2], ["F9", 1], ["F10", 2], ["F11", 2], ["F12", 2], ["F13", 1], ["F14", 1], ["F15", 1], ["F16", 1], ["F17", -1], ["F18", 1], ["F19", 2], ["F20", 1], ["F21", 2], ["F22", 1], ["F23", 1], ["F24", 2], ["F25", 1]];
/** Functions called as statements (no single result to assign). */
const fuzzNoResult = new Set(["F3", "F5", "F6", "F7", "F8", "F10", "F14", "F15", "F17", "F18", "F21", "F22", "F23", "F24", "F25"]);

/**
 * A Go file with n random generic calls (deterministic per seed): each line is independent, so
 * the instances and the lines with errors can be diffed against go/types (--inst with ERRORS=1)
 * and the messages against `go tool compile -e`.
 */
function fuzzGen(seed: number, n: number): string {
  let st = seed >>> 0;
  const rnd = (): number => {
    // mulberry32
    st = (st + 0x6d2b79f5) >>> 0;
    let t = st;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const targs = ["int", "MyInt", "string", "[]int", "MyS", "float64", "any", "MyCh", "*int"];
  const lines = ["func main() {"];
  for (let i = 0; i < n; i++) {
    const [f, nargs] = pick(fuzzFuncs);
    const k = nargs < 0 ? Math.floor(rnd() * 4) : nargs;
    const args: string[] = [];
    for (let j = 0; j < k; j++) args.push(pick(fuzzArgs));
    let expl = "";
    if (rnd() < 0.15) {
      const m = pick([1, 1, 2]);
      const ts: string[] = [];
      for (let j = 0; j < m; j++) ts.push(pick(targs));
      expl = `[${ts.join(", ")}]`;
    }
    const pre = f === "F3" ? "_, _ = " : fuzzNoResult.has(f) ? "" : "_ = ";
    lines.push(`\t${pre}${f}${expl}(${args.join(", ")})`);
  }
  lines.push("}");
  return fuzzHeader + lines.join("\n") + "\n";
}

/** Generic types with methods, embedding and interfaces, for the second fuzzer. */
const fuzzHeader2 = `package main

type MyInt int
type Box[T any] struct{ v T }

func (b Box[T]) Get() T     { return b.v }
func (b *Box[T]) Set(v T)   { b.v = v }

type Pair[K comparable, V any] struct {
	k K
	v V
}

func (p Pair[K, V]) Key() K { return p.k }

type Wrap[T any] struct{ Box[T] }
type PWrap[T any] struct{ *Box[T] }
type Getter[T any] interface{ Get() T }
type Setter[T any] interface{ Set(T) }
type GS[T any] interface {
	Getter[T]
	Setter[T]
}
type List[T any] []T

func (l List[T]) Len() int { return len(l) }

type Num interface{ ~int | ~float64 }
type Vec[T Num] []T

func (v Vec[T]) Sum() (s T) {
	for _, x := range v {
		s += x
	}
	return
}

var (
	vi  int
	vmi MyInt
	vs  string
	vf  float64
)
`;

/**
 * A Go file with n random statements over generic types (instantiation, method sets of
 * instances and embedded instances, method values/expressions, assertions, conversions).
 */
function fuzzGen2(seed: number, n: number): string {
  let st = seed >>> 0;
  const rnd = (): number => {
    st = (st + 0x6d2b79f5) >>> 0;
    let t = st;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const T = (): string => pick(["int", "MyInt", "string", "float64", "[]int", "*int", "any", "Box[int]", "List[string]", "func()", "map[int]bool"]);
  const V = (): string => pick(["vi", "vmi", "vs", "vf", "nil", "1", '"x"', "2.5"]);
  const conv = (): string => pick(["Box[int]{}", "Wrap[int]{}", "struct{ v int }{}", "Pair[int,int]{}"]);
  const tmpl: (() => string)[] = [
    () => `var _ Getter[${T()}] = Box[${T()}]{}`,
    () => `var _ Setter[${T()}] = Box[${T()}]{}`,
    () => `var _ Setter[${T()}] = &Box[${T()}]{}`,
    () => `var _ GS[${T()}] = &Wrap[${T()}]{}`,
    () => `var _ GS[${T()}] = Wrap[${T()}]{}`,
    () => `var _ GS[${T()}] = PWrap[${T()}]{}`,
    () => `_ = Wrap[${T()}]{}.Get()`,
    () => `Box[${T()}]{}.Set(${V()})`,
    () => `{ var x Box[${T()}]; x.Set(${V()}) }`,
    () => `{ var x Wrap[${T()}]; x.Set(${V()}); _ = x.v }`,
    () => `_ = Pair[${T()}, ${T()}]{}.Key()`,
    () => `_ = Vec[${T()}]{}.Sum()`,
    () => `_ = List[${T()}]{}.Len()`,
    () => `_ = Box[${T()}].Get`,
    () => `_ = (*Box[${T()}]).Set`,
    () => `_ = Box[${T()}].Set`,
    () => `{ f := Box[${T()}]{}.Get; var _ ${T()} = f() }`,
    () => `_ = Box[${T()}](${conv()})`,
    () => `var _ ${T()} = Box[${T()}]{}.v`,
    () => `_ = Getter[${T()}](Box[${T()}]{})`,
    () => `{ var g Getter[${T()}]; _, _ = g.(Box[${T()}]) }`,
    () => `{ var g Getter[${T()}]; _ = g.(*Box[${T()}]) }`,
  ];
  const lines = ["func main() {"];
  for (let i = 0; i < n; i++) lines.push("\t" + pick(tmpl)());
  lines.push("}");
  return fuzzHeader2 + lines.join("\n") + "\n";
}

/**
 * A Go file with n generic functions, each applying one random operation to values of a type
 * parameter with a random constraint (operators, conversions, comparisons, range, index, len,
 * make, append, channel ops, ...): core types and type-set predicates against gc's messages.
 */
function fuzzGen3(seed: number, n: number): string {
  let st = seed >>> 0;
  const rnd = (): number => {
    st = (st + 0x6d2b79f5) >>> 0;
    let t = st;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const constraints = [
    "any", "comparable", "~int", "~int | ~int8", "~int | ~float64", "~int | ~string", "~string",
    "~string | ~[]byte", "~[]int", "~[]int | ~[]string", "~[]byte | ~string", "~map[int]string",
    "~chan int", "~chan int | ~<-chan int", "~chan<- int", "~*int", "~func()", "~[4]int",
    "~float32 | ~complex64", "~complex128", "~uint8 | ~uint16", "interface{ ~int; String() string }",
    "int | string", "~struct{ f int }", "fmt.Stringer", "~[]int | ~[4]int", "~bool",
  ];
  const ops = [
    "_ = x + y", "_ = x - y", "_ = x * y", "_ = x / y", "_ = x % y", "_ = x & y", "_ = x << 1",
    "_ = 1 << x", "_ = -x", "_ = ^x", "_ = !x", "_ = x == y", "_ = x != y", "_ = x < y",
    "_ = x == nil", "_ = x + 1", "_ = x + 1.5", "_ = x + \"s\"", "x++", "x += y",
    "for range x {}", "for i := range x { _ = i }", "for _, v := range x { _ = v }",
    "_ = x[0]", "x[0] = 1", "_ = x[1:2]", "_ = x[:]", "_ = len(x)", "_ = cap(x)",
    "_ = make(T, 1)", "_ = make(T)", "_ = append(x, 1)", "_ = append(x, y...)", "copy(x, y)",
    "<-x", "x <- 1", "close(x)", "delete(x, 1)", "_ = *x", "x()", "_ = x.f", "_ = x.String()",
    "_ = int(x)", "_ = string(x)", "_ = []byte(x)", "_ = float64(x)", "_ = T(1)", "_ = T(1.5)",
    "_ = T(\"s\")", "_ = T(nil)", "_ = any(x)", "_ = real(x)", "_ = complex(x, y)",
    "_ = unsafe.Sizeof(x)", "_ = T{}", "_ = T{1}", "var _ T = 1", "var _ T = nil",
    "switch x { case y: }", "switch any(x).(type) { case T: }", "_ = x.(int)", "_ = max(x)",
    "_ = U(x)", "_ = T(u)", "var _ U = x", "u = U(x)", "_ = []U{x}", "_ = any(u).(T)", "_ = x == T(u)",
    "_ = *(*U)(unsafe.Pointer(&x))", "_ = (*U)(&x)", "_ = func(U) {}", "_ = map[T]U{}",
  ];
  const out = ["package main", "", 'import (\n\t"fmt"\n\t"unsafe"\n)', "", "var _ = fmt.Sprint", "var _ = unsafe.Sizeof(0)", ""];
  for (let i = 0; i < n; i++) out.push(`func f${i}[T ${pick(constraints)}, U ${pick(constraints)}](x, y T, u U) {\n\t${pick(ops)}\n}\n`);
  return out.join("\n");
}

/** Types with and without methods (value/pointer receivers) for constraint satisfaction. */
const fuzzHeader4 = `package main

import "fmt"

type MyInt int

func (MyInt) String() string { return "" }

type PInt int

func (*PInt) String() string { return "" }

type MyS []int
type St struct{ f []int }
type Cmp struct{ a int }
type E interface{ M() }
type Mm struct{}

func (Mm) M() {}

type Ptr struct{}

func (*Ptr) M() {}

var _ = fmt.Sprint
`;

/** N generic functions with random constraints, each instantiated with a random type argument. */
function fuzzGen4(seed: number, n: number): string {
  let st = seed >>> 0;
  const rnd = (): number => {
    st = (st + 0x6d2b79f5) >>> 0;
    let t = st;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const cons = ["any", "comparable", "fmt.Stringer", "E", "~int", "int|string", "~int|~string", "interface{ ~int; String() string }", "interface{ comparable; M() }", "interface{ ~[]int }", "interface{ ~struct{ f []int } }", "interface{ int; string }", "interface{ fmt.Stringer; comparable }", "interface{ *int | *string }", "interface{ ~*PInt; String() string }", "interface{ ~int | ~float64; comparable }", "interface{ E; fmt.Stringer }"];
  const targs = ["int", "MyInt", "PInt", "*PInt", "string", "[]int", "MyS", "St", "Cmp", "Mm", "*Mm", "Ptr", "*Ptr", "E", "fmt.Stringer", "any", "func()", "map[int]int", "float64", "*int", "struct{}", "interface{ M(); String() string }", "chan int", "[2]func()", "[2]int"];
  const out = [fuzzHeader4];
  for (let i = 0; i < n; i++) out.push(`func g${i}[T ${pick(cons)}]() {}`);
  out.push("func main() {");
  for (let i = 0; i < n; i++) out.push(`\tg${i}[${pick(targs)}]()`);
  out.push("}");
  return out.join("\n") + "\n";
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === "--t2") types2Tests(args.slice(2), args[1] ?? "/tmp/t2-details.txt");
  else if (args[0] === "--tpdir") typeparamDirs(args[1] ?? "/tmp/tpdir-details.txt", args[2]);
  else if (args[0] === "--inst") dumpInstances(args.slice(1));
  else if (args[0] === "--fuzzgen") process.stdout.write(fuzzGen(Number(args[1] ?? 1), Number(args[2] ?? 200)));
  else if (args[0] === "--fuzzgen2") process.stdout.write(fuzzGen2(Number(args[1] ?? 1), Number(args[2] ?? 150)));
  else if (args[0] === "--fuzzgen3") process.stdout.write(fuzzGen3(Number(args[1] ?? 1), Number(args[2] ?? 150)));
  else if (args[0] === "--fuzzgen4") process.stdout.write(fuzzGen4(Number(args[1] ?? 1), Number(args[2] ?? 100)));
  else if (args[0] === "--pkgs") {
    // GOROOT packages incl. cmd and vendored ones: prints every diagnostic of them and their deps
    for (const p of args.slice(1)) importer.importPackage(p);
    for (const e of stdErrors) console.log(e.split("\n")[0]);
    console.log(`${stdCache.size} packages loaded, ${stdErrors.length} diagnostics`);
  }
  else console.log("usage: algconf.js --t2 out.txt DIR... | --tpdir out.txt | --inst FILE... | --pkgs PKG...");
}

main();
