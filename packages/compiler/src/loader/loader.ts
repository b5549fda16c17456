/**
 * The package loader: from file lists, directories and import paths to type-checked packages.
 *
 * Loading one package (`loadPackage`), depth-first:
 *   1. select its files for the build context (select.ts) and read their imports from headers;
 *   2. resolve each import (resolve.ts), enforce the internal rule, detect cycles (a package
 *      still on the DFS stack), and load each dependency first (cached by directory, so every
 *      package is loaded and checked once per Loader);
 *   3. parse its files; errors starting with "syntax error" stop here (as gc does), reported
 *      with the label/branch errors gc's parser finds in function bodies free of parse errors;
 *   4. type-check with an importer that hands out the already-checked dependencies; other
 *      parse errors (invalid literals, 3-index slices, ...) go to the checker and are merged
 *      with its errors, as gc reports both.
 * A package whose imports fail to load is not checked, and neither is one whose dependency has
 * errors (what `go build` does) unless `checkBrokenDeps` is set (what gc itself does; the
 * conformance harnesses set it so each package is judged on its own files).
 *
 * Everything shares one FileSet, so positions from any package can be printed. Syntax trees are
 * dropped after checking unless `keepSyntax` is set (the code generator will want them).
 *
 * Rejected: parsing all files up front and topologically sorting (the header read is enough to
 * discover the graph, and the DFS keeps only the current path's trees alive).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Diagnostic } from "../diag.js";
import { sortDiagnostics } from "../diag.js";
import type * as ast from "../syntax/ast.js";
import { parseFile } from "../syntax/parser.js";
import { FileSet } from "../syntax/position.js";
import { type Config, checkFiles } from "../types/checker.js";
import type { Info } from "../types/info.js";
import { branchDiagnostics } from "../types/labels.js";
import type { Package } from "../types/object.js";
import { Unsafe } from "../types/universe.js";
import { type BuildContext, NEWEST_GO_VERSION, defaultBuildContext } from "./buildctx.js";
import { langVersion } from "./gomod.js";
import type { GoMod } from "./gomod.js";
import { UNEXPECTED_NUL, checkImportPath } from "./header.js";
import { Progress } from "./progress.js";
import { type PackageKind, Resolver } from "./resolve.js";
import { fileMatches, selectFiles, type DirSelection, type SelectedFile } from "./select.js";

/** The type checker's entry point, as the loader calls it. */
export type CheckFunction = (
  config: Config,
  path: string,
  files: ast.File[],
  info?: Info,
) => { pkg: Package; errors: Diagnostic[] };

/** A problem found while finding or reading packages (not a parse or type error). */
export interface LoadError {
  msg: string;
  /** absolute file name, with 1-based line and byte column, when the error has a place */
  file?: string;
  line?: number;
  column?: number;
  /** for import cycles: the import paths from the first package around to the repeat */
  importStack?: string[];
}

export interface LoadedPackage {
  /** canonical import path ("command-line-arguments" for named files) */
  importPath: string;
  dir: string;
  /** package name ("" when no files were found) */
  name: string;
  kind: PackageKind;
  /** language version given to the checker ("go1.19") */
  goVersion: string;
  module?: GoMod;
  /** absolute paths of the package's files, in order */
  fileNames: string[];
  /** the parsed files (only with keepSyntax; otherwise dropped after checking) */
  syntax: ast.File[];
  /** the checked package (undefined when checking did not run) */
  types?: Package;
  /** checker results, when `makeInfo` was given */
  info?: Info;
  /** syntax and type errors in this package's files, sorted by position */
  errors: Diagnostic[];
  /** finding/reading problems: missing imports, cycles, bad files */
  loadErrors: LoadError[];
  /** imported packages by the path written in the source (+ "runtime" with `linkRuntime`) */
  imports: Map<string, LoadedPackage>;
  /** a dependency (direct or not) has errors, so this package was not checked */
  depErrors: boolean;
  /** whether the type checker ran */
  checked: boolean;
  /**
   * gc's -complete, as go build decides it: no non-Go files (assembly, C, .syso...) and not one
   * of the std packages whose body-less declarations package runtime supplies; never for gort's
   * own stdlib (body-less functions there are natives). A body-less function is then an error.
   */
  complete: boolean;
}

export interface LoaderOptions {
  /** GOROOT whose src/ is the standard library; default $GOROOT; when empty, gort's stdlib tree */
  goroot?: string;
  /** gort's stdlib tree (default packages/stdlib/go) */
  stdlibRoot?: string;
  ctx?: BuildContext;
  /** directory that relative patterns are taken from (default process.cwd()) */
  cwd?: string;
  /** the checker's error limit per package (default 10, as gc; 0 = unlimited) */
  errorLimit?: number;
  /** keep syntax trees of loaded packages */
  keepSyntax?: boolean;
  /**
   * type-check packages even when a dependency has errors or some imports failed to load (the
   * importer then reports those imports to the checker as errors); gc does this, go build not
   */
  checkBrokenDeps?: boolean;
  /** the type checker (default: gort's `checkFiles` from ../types) */
  check?: CheckFunction;
  /** creates an Info to record checker results into, per package */
  makeInfo?: (importPath: string) => Info | undefined;
  /** show a progress line on stderr after ~1 s when it is a TTY (default true) */
  progress?: boolean;
  /**
   * gc's -complete for every package (a body-less function is then an error); default: decided
   * per package as go build does (LoadedPackage.complete). `go tool compile` without the flag,
   * as GOROOT/test's errorcheck runs it, is `false`.
   */
  complete?: boolean;
  /**
   * Load package runtime with every package named main and add it to its `imports` (under
   * "runtime", unless imported already): Go's linker puts runtime into every program, and the
   * code generator needs its run-time error types. Only with gort's own stdlib (not a GOROOT).
   */
  linkRuntime?: boolean;
}

export const COMMAND_LINE_ARGUMENTS = "command-line-arguments";

/** The diagnostic for code nested too deeply for gort's recursive parser or checker. */
export const STACK_EXHAUSTED = "code nested too deeply for gort's type checker (JavaScript stack exhausted)";

/** Whether `e` is V8's stack overflow ("Maximum call stack size exceeded"). */
function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack size/i.test(e.message);
}


/**
 * Std packages that go build never compiles with -complete: their body-less declarations are
 * supplied by package runtime (go1.19 cmd/go/internal/work/gc.go), and "unsafe", which gc knows
 * by itself and never compiles (its unsafe.go is documentation).
 */
const STD_NOT_COMPLETE = new Set([
  "unsafe", "bytes", "internal/poll", "net", "os", "runtime/metrics", "runtime/pprof", "runtime/trace", "sync", "syscall", "time",
]);

/** Extensions of the non-Go files go/build hands to the build (C, C++, ObjC, Fortran, asm, syso, SWIG). */
const NON_GO_EXTS = new Set([
  ".c", ".cc", ".cpp", ".cxx", ".m", ".f", ".F", ".for", ".f90", ".s", ".S", ".sx", ".syso", ".swig", ".swigcxx",
]);

/** Whether `dir` holds a non-Go file that is part of the build in `ctx` (go build's extFiles). */
function hasNonGoFiles(ctx: BuildContext, dir: string): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of entries) {
    if (!e.isFile() || e.name.startsWith("_") || e.name.startsWith(".")) continue;
    const ext = path.extname(e.name);
    if (!NON_GO_EXTS.has(ext)) continue;
    // binary .syso files carry no header; the others may have build constraints
    let src = "";
    if (ext !== ".syso") {
      try {
        src = fs.readFileSync(path.join(dir, e.name), "utf8");
      } catch {
        continue;
      }
    }
    if (fileMatches(ctx, e.name, src).ok) return true;
  }
  return false;
}

export class Loader {
  readonly fset = new FileSet();
  readonly resolver: Resolver;
  readonly ctx: BuildContext;
  readonly cwd: string;
  private readonly opts: LoaderOptions;
  private readonly byDir = new Map<string, LoadedPackage>();
  /** the DFS path of packages being loaded */
  private readonly stack: LoadedPackage[] = [];
  /** packages whose loading ended, in post-order (dependencies first) */
  private readonly finished: LoadedPackage[] = [];
  private readonly progress: Progress;
  /** number of packages whose loading has started */
  loadedCount = 0;
  /**
   * Import paths bound to given packages before any lookup (`gort test`: the test-augmented
   * package under test and its external test package; testpkg.ts).
   */
  readonly overrides = new Map<string, LoadedPackage>();

  constructor(opts: LoaderOptions = {}) {
    this.opts = opts;
    const goroot = opts.goroot ?? process.env.GOROOT;
    this.resolver = new Resolver(goroot, opts.stdlibRoot);
    this.ctx = opts.ctx ?? defaultBuildContext();
    this.cwd = path.resolve(opts.cwd ?? process.cwd());
    this.progress = new Progress(opts.progress ?? true);
  }

  /** Every package loaded so far, dependencies before their importers. */
  allPackages(): LoadedPackage[] {
    return [...this.finished];
  }

  /** Loads the package in directory `dir`. */
  loadDir(dir: string): LoadedPackage {
    const abs = path.resolve(this.cwd, dir);
    const cached = this.byDir.get(abs);
    if (cached !== undefined) return cached;
    let kind: PackageKind;
    let importPath: string;
    let module: GoMod | undefined;
    const loadErrors: LoadError[] = [];
    if (this.resolver.isStdDir(abs)) {
      kind = "std";
      importPath = this.resolver.stdImportPath(abs);
    } else {
      const m = this.resolver.moduleFor(abs);
      if (m === undefined) {
        kind = "files";
        importPath = COMMAND_LINE_ARGUMENTS;
      } else if ("error" in m) {
        kind = "module";
        importPath = COMMAND_LINE_ARGUMENTS;
        loadErrors.push({ msg: m.error });
      } else {
        kind = "module";
        module = m;
        importPath = this.resolver.modulePackagePath(m, abs);
      }
    }
    const pkg = this.newPackage(importPath, abs, kind, module);
    pkg.loadErrors.push(...loadErrors);
    this.byDir.set(abs, pkg);
    if (loadErrors.length === 0) this.loadPackage(pkg, undefined);
    return pkg;
  }

  /** Loads the named .go files as one package ("command-line-arguments"). */
  loadFiles(files: string[]): LoadedPackage {
    const abs = files.map((f) => path.resolve(this.cwd, f));
    const dirs = [...new Set(abs.map((f) => path.dirname(f)))];
    const dir = dirs[0] ?? this.cwd;
    const inStd = this.resolver.isStdDir(dir);
    const m = inStd ? undefined : this.resolver.moduleFor(dir);
    const module = m !== undefined && !("error" in m) ? m : undefined;
    // files inside the std tree import like std packages do (vendored golang.org/x paths)
    const kind: PackageKind = inStd ? "std" : module !== undefined ? "module" : "files";
    const pkg = this.newPackage(COMMAND_LINE_ARGUMENTS, dir, kind, module);
    // named files may reuse a directory that also holds a package; keep them apart
    this.byDir.set(`${dir}\0files:${abs.join("\0")}`, pkg);
    if (dirs.length > 1) {
      pkg.loadErrors.push({ msg: `named files must all be in one directory; have ${dirs.map((d) => this.shortDir(d)).join(" and ")}` });
      return pkg;
    }
    for (const f of abs) {
      if (!fs.existsSync(f)) {
        pkg.loadErrors.push({ msg: `stat ${path.relative(this.cwd, f) || f}: no such file or directory` });
      }
    }
    if (pkg.loadErrors.length > 0) return pkg;
    this.loadPackage(pkg, abs);
    return pkg;
  }

  /**
   * Loads the package with import path `importPath` as seen from directory `fromDir` (default
   * cwd). Returns a LoadError when the path does not resolve.
   */
  loadImportPath(importPath: string, fromDir?: string): LoadedPackage | LoadError {
    const from = path.resolve(this.cwd, fromDir ?? ".");
    const r = this.resolver.resolve(importPath, from, this.resolver.isStdDir(from) ? "std" : "module");
    if ("error" in r) return { msg: r.error };
    return this.loadDir(r.dir);
  }

  /** The import path the package in directory `abs` has (without loading it). */
  loadDirInfo(abs: string): { importPath: string } {
    if (this.resolver.isStdDir(abs)) return { importPath: this.resolver.stdImportPath(abs) };
    const m = this.resolver.moduleFor(abs);
    if (m === undefined || "error" in m) return { importPath: COMMAND_LINE_ARGUMENTS };
    return { importPath: this.resolver.modulePackagePath(m, abs) };
  }

  /**
   * Loads a package whose files are given rather than selected from its directory (testpkg.ts:
   * a package with its _test.go files, a generated test main). `key` registers it in place of
   * the directory's own package when it equals the directory, so importers see this one.
   */
  loadGiven(importPath: string, dir: string, key: string, files: SelectedFile[]): LoadedPackage {
    let kind: PackageKind = "files";
    let module: GoMod | undefined;
    if (this.resolver.isStdDir(dir)) kind = "std";
    else {
      const m = this.resolver.moduleFor(dir);
      if (m !== undefined && !("error" in m)) {
        kind = "module";
        module = m;
      }
    }
    const pkg = this.newPackage(importPath, dir, kind, module);
    this.byDir.set(key, pkg);
    const sel: DirSelection = { dir, name: files[0]?.packageName ?? "", files, ignored: [] };
    if (files.length === 0) sel.error = `no Go files in ${dir}`;
    this.givenSelection = sel;
    this.loadPackage(pkg, files.map((f) => f.path));
    return pkg;
  }

  /** The selection loadGiven hands to the next loadPackageSteps. */
  private givenSelection: DirSelection | null = null;

  private newPackage(importPath: string, dir: string, kind: PackageKind, module: GoMod | undefined): LoadedPackage {
    let goVersion = NEWEST_GO_VERSION;
    if (kind !== "std" && module !== undefined && module.goVersion !== "") goVersion = langVersion(module.goVersion) || NEWEST_GO_VERSION;
    return {
      importPath, dir, name: "", kind, goVersion, module, fileNames: [], syntax: [], errors: [], loadErrors: [],
      imports: new Map(), depErrors: false, checked: false, complete: false,
    };
  }

  private shortDir(d: string): string {
    const rel = path.relative(this.cwd, d);
    return rel === "" ? "." : rel.startsWith("..") ? rel : `./${rel}`;
  }

  /** Loads `pkg` (already registered in byDir) and records it as finished. */
  private loadPackage(pkg: LoadedPackage, explicitFiles: string[] | undefined): void {
    try {
      this.loadPackageSteps(pkg, explicitFiles);
    } catch (e) {
      // a bug (parser or checker crash): leave a mark so that a later import of this cached
      // package sees a failed package rather than a clean one, then let the caller report it
      pkg.loadErrors.push({ msg: `internal error while loading: ${e instanceof Error ? e.message : String(e)}` });
      throw e;
    } finally {
      this.finished.push(pkg);
    }
    if (this.opts.linkRuntime === true && pkg.name === "main" && !pkg.imports.has("runtime") && !this.resolver.fromGoroot && pkg.checked) {
      const rt = this.loadImportPath("runtime", pkg.dir);
      if (!("msg" in rt) && rt.types !== undefined && rt.errors.length === 0) pkg.imports.set("runtime", rt);
    }
  }

  /** Steps 1–4 of the file comment. */
  private loadPackageSteps(pkg: LoadedPackage, explicitFiles: string[] | undefined): void {
    this.loadedCount++;
    this.progress.update(`loading ${pkg.importPath} (${this.loadedCount} packages)`);
    const given = this.givenSelection;
    this.givenSelection = null;
    const sel = given ?? selectFiles(this.ctx, pkg.dir, explicitFiles);
    pkg.name = sel.name;
    pkg.fileNames = sel.files.map((f) => f.path);
    if (sel.error !== undefined) {
      pkg.loadErrors.push({ msg: sel.error });
      return;
    }
    // files the go command would refuse before compiling anything (NUL bytes, no package clause)
    for (const f of sel.files) {
      const g = f.goError;
      if (g === undefined) continue;
      if (g.msg === UNEXPECTED_NUL) {
        const name = explicitFiles !== undefined ? path.relative(this.cwd, f.path) || f.path : f.path;
        pkg.loadErrors.push({ msg: `${explicitFiles !== undefined ? "reading" : "read"} ${name}: ${g.msg}` });
      } else {
        pkg.loadErrors.push({ msg: g.msg, file: f.path, line: g.line, column: g.column });
      }
    }
    if (pkg.loadErrors.length > 0 && this.opts.checkBrokenDeps !== true) return;
    this.stack.push(pkg);
    try {
      // first position of each import path, in source order
      const seen = new Set<string>();
      for (const f of sel.files) {
        for (const imp of f.imports) {
          const at = { file: f.path, line: imp.line, column: imp.column };
          // go checks the spelling of every import spec; lookups happen once per path
          const bad = checkImportPath(imp.path, imp.literal);
          if (bad !== undefined) {
            pkg.loadErrors.push({ msg: bad.msg, ...at, ...(bad.atLiteral ? { column: imp.literalColumn } : {}) });
            continue;
          }
          if (seen.has(imp.path)) continue;
          seen.add(imp.path);
          if (imp.path === "unsafe" || imp.path === "C") continue;
          const bound = this.overrides.get(imp.path);
          if (bound !== undefined) {
            pkg.imports.set(imp.path, bound);
            continue;
          }
          const r = this.resolver.resolve(imp.path, pkg.dir, pkg.kind);
          if ("error" in r) {
            pkg.loadErrors.push({ msg: r.error, ...at });
            continue;
          }
          const internal = this.resolver.internalViolation(pkg.dir, r.dir, r.importPath);
          if (internal !== undefined) {
            pkg.loadErrors.push({ msg: internal, ...at });
            continue;
          }
          let dep = this.byDir.get(r.dir);
          if (dep !== undefined && this.stack.includes(dep)) {
            const from = this.stack.indexOf(dep);
            const cycle = this.stack.slice(from).map((p) => p.importPath);
            cycle.push(dep.importPath);
            pkg.loadErrors.push({ msg: "import cycle not allowed", importStack: cycle });
            continue;
          }
          if (dep === undefined) {
            dep = this.newPackage(r.importPath, r.dir, r.kind, r.module);
            this.byDir.set(r.dir, dep);
            this.loadPackage(dep, undefined);
          }
          pkg.imports.set(imp.path, dep);
        }
      }
    } finally {
      this.stack.pop();
    }
    if (pkg.loadErrors.length > 0 && this.opts.checkBrokenDeps !== true) return;
    for (const dep of pkg.imports.values()) {
      if (dep.loadErrors.length > 0 || dep.errors.length > 0 || dep.depErrors) pkg.depErrors = true;
    }
    if (pkg.depErrors && this.opts.checkBrokenDeps !== true) return;

    this.progress.update(`checking ${pkg.importPath} (${this.loadedCount} packages)`);
    const files: ast.File[] = [];
    const parseErrors: Diagnostic[] = [];
    for (const f of sel.files) {
      let r: ReturnType<typeof parseFile>;
      try {
        r = parseFile(this.fset, f.path, f.bytes, { mode: "full" });
      } catch (e) {
        if (!isStackOverflow(e)) throw e;
        pkg.loadErrors.push({ msg: STACK_EXHAUSTED, file: f.path, line: 1, column: 1 });
        return;
      }
      files.push(r.file);
      parseErrors.push(...r.errors);
    }
    // gc stops before type checking only when a parser message is a "syntax error"; it then
    // reports what its parser found, including label/branch errors of clean function bodies
    if (parseErrors.some((e) => e.msg.startsWith("syntax error"))) {
      const all = [...parseErrors];
      for (const f of files) all.push(...branchDiagnostics(this.fset, f, parseErrors));
      pkg.errors = sortDiagnostics(this.fset, all);
      if (this.opts.keepSyntax === true) pkg.syntax = files;
      return;
    }
    // the other parse errors count toward gc's error limit before the checker runs
    const limit = this.opts.errorLimit ?? 10;
    if (limit > 0 && parseErrors.length >= limit) {
      pkg.errors = sortDiagnostics(this.fset, parseErrors);
      if (this.opts.keepSyntax === true) pkg.syntax = files;
      return;
    }
    pkg.complete = this.isComplete(pkg, explicitFiles !== undefined);
    const check = this.opts.check ?? checkFiles;
    const importer = {
      importPackage: (p: string): Package | { error: string } => {
        if (p === "unsafe") return Unsafe;
        const dep = pkg.imports.get(p);
        if (dep === undefined) return { error: `package ${p} was not loaded` };
        if (dep.types === undefined) return { error: `package ${p} has errors` };
        return dep.types;
      },
    };
    const info = this.opts.makeInfo?.(pkg.importPath);
    let res: ReturnType<CheckFunction>;
    try {
      res = check(
        {
          fset: this.fset, importer, goVersion: pkg.goVersion, complete: pkg.complete,
          errorLimit: limit > 0 ? limit - parseErrors.length : 0,
          ...(parseErrors.length > 0 ? { parseErrors } : {}),
        },
        pkg.importPath,
        files,
        info,
      );
    } catch (e) {
      // Code nested thousands deep (f()()()…, a[0][0]…) can exhaust the JavaScript stack in
      // the recursive checker. That is a limit of gort, not a bug in the user's program or a
      // crash to report: say so as a diagnostic (gc accepts such code).
      if (!isStackOverflow(e) || files.length === 0) throw e;
      pkg.errors = sortDiagnostics(this.fset, [...parseErrors, { pos: files[0].package, msg: STACK_EXHAUSTED }]);
      if (this.opts.keepSyntax === true) pkg.syntax = files;
      return;
    }
    pkg.checked = true;
    pkg.types = res.pkg;
    if (info !== undefined) pkg.info = info;
    pkg.errors = sortDiagnostics(this.fset, [...parseErrors, ...res.errors]);
    if (this.opts.keepSyntax === true) pkg.syntax = files;
  }

  /** Whether go build would pass gc -complete for `pkg` (see LoadedPackage.complete). */
  private isComplete(pkg: LoadedPackage, namedFiles: boolean): boolean {
    if (this.opts.complete !== undefined) return this.opts.complete;
    if (pkg.kind === "std") {
      // gort's stdlib declares runtime-implemented natives without bodies (stdlib/NATIVES.md)
      if (!this.resolver.fromGoroot) return false;
      if (STD_NOT_COMPLETE.has(pkg.importPath)) return false;
    }
    // `go build a.go b.go` compiles just the named .go files
    if (namedFiles) return true;
    return !hasNonGoFiles(this.ctx, pkg.dir);
  }

  /** Clears the progress line (call when done). */
  done(): void {
    this.progress.clear();
  }
}
