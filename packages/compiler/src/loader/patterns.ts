/**
 * Command-line package patterns, as `go build`/`go vet` take them:
 *   a.go b.go      named files (all arguments end in ".go"): one package, command-line-arguments
 *   . ./x ../x /x  a directory (relative patterns start with "." or "/", as in Go)
 *   ./... x/...    every package directory below (skipping testdata, "_"/"." dirs, nested modules)
 *   std            every standard-library package (minus vendor/ and cmd/)
 *   fmt, example.com/m/pkg   import paths, resolved from the current directory's module; a
 *                  std-looking path that is no std package but a directory here means that
 *                  directory (go would refuse: gort is friendlier)
 * No pattern means ".".
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type LoadError, type LoadedPackage, Loader, type LoaderOptions } from "./loader.js";
import { isStdPath, isWithin } from "./resolve.js";
import { selectFiles } from "./select.js";

export interface LoadResult {
  /** the packages the patterns named, in pattern order */
  packages: LoadedPackage[];
  /** problems with the patterns themselves (missing files or directories, no matches) */
  diagnostics: LoadError[];
  /** the loader (its fset prints positions; allPackages() lists dependencies too) */
  loader: Loader;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isLocalPattern(p: string): boolean {
  return p === "." || p === ".." || p.startsWith("./") || p.startsWith("../") || path.isAbsolute(p);
}

/** Directories below `root` (inclusive) that hold at least one buildable package file. */
export function walkPackageDirs(loader: Loader, root: string, opts: { skipStdTopDirs?: boolean; stopAtModules?: boolean }): string[] {
  const out: string[] = [];
  const visit = (dir: string, top: boolean): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name.endsWith(".go"))) {
      const sel = selectFiles(loader.ctx, dir);
      // like go, a wildcard silently skips directories with nothing to build
      const nothing = ["build constraints exclude", "no Go files", "no non-test Go files"];
      if (sel.files.length > 0 || (sel.error !== undefined && !nothing.some((n) => sel.error?.startsWith(n)))) {
        out.push(dir);
      }
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (!e.isDirectory()) continue;
      const n = e.name;
      if (n === "testdata" || n.startsWith("_") || n.startsWith(".")) continue;
      if (top && opts.skipStdTopDirs === true && (n === "vendor" || n === "cmd" || n === "builtin")) continue;
      const sub = path.join(dir, n);
      // as in go: runtime/cgo is not part of std when cgo is off
      if (opts.skipStdTopDirs === true && !loader.ctx.cgoEnabled && sub === path.join(root, "runtime", "cgo")) continue;
      if (opts.stopAtModules === true && fs.existsSync(path.join(sub, "go.mod"))) continue;
      visit(sub, false);
    }
  };
  visit(root, true);
  return out;
}

/**
 * Loads and type-checks the packages named by `patterns` (and, through them, their
 * dependencies).
 */
export function loadPackages(patterns: string[], opts: LoaderOptions = {}): LoadResult {
  const loader = new Loader(opts);
  const packages: LoadedPackage[] = [];
  const diagnostics: LoadError[] = [];
  const seen = new Set<LoadedPackage>();
  const add = (p: LoadedPackage): void => {
    if (!seen.has(p)) {
      seen.add(p);
      packages.push(p);
    }
  };
  try {
    const pats = patterns.length === 0 ? ["."] : patterns;
    const goFiles = pats.filter((p) => p.endsWith(".go"));
    if (goFiles.length > 0) {
      if (goFiles.length !== pats.length) {
        diagnostics.push({ msg: "cannot mix .go files and packages on the command line" });
        return { packages, diagnostics, loader };
      }
      for (const f of goFiles) {
        const abs = path.resolve(loader.cwd, f);
        let st: fs.Stats | undefined;
        try {
          st = fs.statSync(abs);
        } catch {
          st = undefined;
        }
        if (st === undefined) diagnostics.push({ msg: `stat ${f}: no such file or directory` });
        else if (st.isDirectory()) diagnostics.push({ msg: `${f}: is a directory, not a .go file` });
      }
      if (diagnostics.length > 0) return { packages, diagnostics, loader };
      add(loader.loadFiles(goFiles));
      return { packages, diagnostics, loader };
    }
    for (const pat of pats) {
      if (pat === "std") {
        for (const d of walkPackageDirs(loader, loader.resolver.stdRoot, { skipStdTopDirs: true })) add(loader.loadDir(d));
        continue;
      }
      if (pat.endsWith("/...") || pat === "...") {
        const base = pat === "..." ? "." : pat.slice(0, -4);
        let root: string;
        let stopAtModules = true;
        if (isLocalPattern(base) || base === ".") {
          root = path.resolve(loader.cwd, base);
        } else {
          // an import-path prefix: std ones walk GOROOT, module ones the module tree
          const r = loader.resolver.resolve(base, loader.cwd, "module");
          if ("error" in r) {
            diagnostics.push({ msg: `pattern ${pat}: ${r.error}` });
            continue;
          }
          root = r.dir;
          if (r.kind === "std") stopAtModules = false;
        }
        if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
          diagnostics.push({ msg: `pattern ${pat}: lstat ${base}/: no such file or directory` });
          continue;
        }
        const skipStd = isWithin(loader.resolver.stdRoot, root) && root === loader.resolver.stdRoot;
        const dirs = walkPackageDirs(loader, root, { skipStdTopDirs: skipStd, stopAtModules });
        if (dirs.length === 0) {
          diagnostics.push({ msg: `warning: "${pat}" matched no packages` });
          continue;
        }
        for (const d of dirs) add(loader.loadDir(d));
        continue;
      }
      if (isLocalPattern(pat)) {
        const abs = path.resolve(loader.cwd, pat);
        let isDir = false;
        try {
          isDir = fs.statSync(abs).isDirectory();
        } catch {
          isDir = false;
        }
        if (!isDir) {
          diagnostics.push({ msg: fs.existsSync(abs) ? `${pat}: not a directory` : `stat ${abs}: directory not found` });
          continue;
        }
        add(loader.loadDir(abs));
        continue;
      }
      const p = loader.loadImportPath(pat);
      if ("msg" in p) {
        // friendlier than go: a std-looking path that is no std package but an existing
        // directory here ("gort check examples/hello") means that directory
        const local = path.resolve(loader.cwd, pat);
        if (isStdPath(pat) && isDirectory(local)) add(loader.loadDir(local));
        else diagnostics.push(p);
      } else add(p);
    }
    return { packages, diagnostics, loader };
  } finally {
    loader.done();
  }
}
