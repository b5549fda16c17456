/**
 * Import path resolution: from (importing package, import path) to a directory and the
 * package's canonical import path.
 *
 *   std path (first element has no dot)  → <stdRoot>/<path>, where stdRoot is $GOROOT/src when
 *                                          GOROOT is set, else gort's own packages/stdlib/go
 *   golang.org/x/... imported from std   → <stdRoot>/vendor/<path>, import path "vendor/<path>"
 *   the main module's path or below      → <module root>/<rest>
 *   a module replaced by a local dir     → <replacement dir>/<rest> (longest prefix wins)
 *   anything else                        → "no required module provides package X"
 *
 * The `internal/` rule is checked on directories: a package whose directory is below
 * ".../internal/" may only be imported from within the directory that contains that
 * "internal" element.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { type GoMod, findModuleRoot, isLocalReplacement, loadGoMod } from "./gomod.js";

export type PackageKind = "std" | "module" | "files";

export interface ResolvedImport {
  dir: string;
  importPath: string;
  kind: PackageKind;
  /** the module providing it (undefined for std) */
  module?: GoMod;
}

/** Whether `p` looks like a standard-library import path. */
export function isStdPath(p: string): boolean {
  const first = p.split("/", 1)[0];
  return !first.includes(".");
}

/** Default location of gort's own standard library sources (packages/stdlib/go). */
export function defaultStdlibRoot(): string {
  // this file lives at packages/compiler/{src,dist}/loader/resolve.{ts,js}
  return fileURLToPath(new URL("../../../stdlib/go/", import.meta.url)).replace(/\/$/, "");
}

/** Whether `child` is `parent` or inside it (both absolute, normalised). */
export function isWithin(parent: string, child: string): boolean {
  if (child === parent) return true;
  const p = parent.endsWith(path.sep) ? parent : parent + path.sep;
  return child.startsWith(p);
}

/** Resolver state shared by one Loader: roots, and caches of module lookups. */
export class Resolver {
  /** $GOROOT/src or gort's stdlib tree */
  readonly stdRoot: string;
  /** whether stdRoot came from GOROOT (affects error wording only) */
  readonly fromGoroot: boolean;
  private readonly modRootCache = new Map<string, string | null>();
  private readonly modCache = new Map<string, GoMod | { error: string }>();

  constructor(goroot: string | undefined, stdlibRoot: string | undefined) {
    if (goroot !== undefined && goroot !== "") {
      this.stdRoot = path.join(path.resolve(goroot), "src");
      this.fromGoroot = true;
    } else {
      this.stdRoot = path.resolve(stdlibRoot ?? defaultStdlibRoot());
      this.fromGoroot = false;
    }
  }

  /** Whether `dir` is inside the standard library tree. */
  isStdDir(dir: string): boolean {
    return isWithin(this.stdRoot, dir);
  }

  /** The std import path of a directory inside stdRoot. */
  stdImportPath(dir: string): string {
    return path.relative(this.stdRoot, dir).split(path.sep).join("/");
  }

  /** The module containing `dir` (undefined outside any module), or a go.mod error. */
  moduleFor(dir: string): GoMod | { error: string } | undefined {
    let root = this.modRootCache.get(dir);
    if (root === undefined) {
      root = findModuleRoot(dir) ?? null;
      this.modRootCache.set(dir, root);
    }
    if (root === null) return undefined;
    let m = this.modCache.get(root);
    if (m === undefined) {
      const r = loadGoMod(root);
      m = "mod" in r ? r.mod : r;
      this.modCache.set(root, m);
    }
    return m;
  }

  /** The import path of the package in `dir` given its module (undefined outside modules). */
  modulePackagePath(mod: GoMod, dir: string): string {
    const rel = path.relative(mod.dir, dir).split(path.sep).join("/");
    return rel === "" ? mod.modulePath : `${mod.modulePath}/${rel}`;
  }

  /**
   * Resolves `importPath` as written in a file of the package at `fromDir` (of kind `fromKind`).
   * Does not check that the directory holds Go files; the loader does.
   */
  resolve(importPath: string, fromDir: string, fromKind: PackageKind): ResolvedImport | { error: string } {
    if (importPath === "") return { error: "invalid import path: \"\"" };
    if (importPath.startsWith("./") || importPath.startsWith("../") || importPath === "." || importPath === "..") {
      return { error: `local import "${importPath}" in non-local package` };
    }
    if (isStdPath(importPath)) {
      const dir = path.join(this.stdRoot, importPath);
      if (!isDir(dir)) {
        // go1.19 says "GOROOT"; for gort's own tree, newer go's "std" reads better
        const where = this.fromGoroot ? "GOROOT" : "std";
        return { error: `package ${importPath} is not in ${where} (${dir})` };
      }
      return { dir, importPath, kind: "std" };
    }
    if (fromKind === "std") {
      const dir = path.join(this.stdRoot, "vendor", importPath);
      if (isDir(dir)) return { dir, importPath: `vendor/${importPath}`, kind: "std" };
      return { error: `package ${importPath} is not in GOROOT (${dir})` };
    }
    const mod = this.moduleFor(fromDir);
    if (mod === undefined) {
      return {
        error: `no required module provides package ${importPath}: go.mod file not found in current directory or any parent directory`,
      };
    }
    if ("error" in mod) return mod;
    if (importPath === mod.modulePath || importPath.startsWith(mod.modulePath + "/")) {
      const rest = importPath.slice(mod.modulePath.length);
      const dir = path.join(mod.dir, rest);
      if (!isDir(dir)) return { error: `no required module provides package ${importPath}` };
      return { dir, importPath, kind: "module", module: mod };
    }
    let best: { oldPath: string; newPath: string } | undefined;
    for (const r of mod.replaces) {
      if (!isLocalReplacement(r.newPath)) continue;
      if ((importPath === r.oldPath || importPath.startsWith(r.oldPath + "/")) && (best === undefined || r.oldPath.length > best.oldPath.length)) {
        best = r;
      }
    }
    if (best !== undefined) {
      const base = path.resolve(mod.dir, best.newPath);
      const dir = path.join(base, importPath.slice(best.oldPath.length));
      if (!isDir(dir)) return { error: `no required module provides package ${importPath}` };
      const sub = this.moduleFor(dir);
      if (sub === undefined || "error" in sub) {
        return { error: sub === undefined ? `replacement directory ${base} does not contain a go.mod` : sub.error };
      }
      return { dir, importPath, kind: "module", module: sub };
    }
    // golang.org/x/exp's generic helpers (slices, maps, constraints) ship with gort: a module
    // that requires golang.org/x/exp gets them without a module download
    if (importPath.startsWith("golang.org/x/exp/") && mod.requires.some((r) => r.path === "golang.org/x/exp")) {
      const root = this.fromGoroot ? defaultStdlibRoot() : this.stdRoot;
      const dir = path.join(root, "golang.org", "x", "exp", importPath.slice("golang.org/x/exp/".length));
      if (isDir(dir)) return { dir, importPath, kind: "module", module: mod };
    }
    return { error: `no required module provides package ${importPath}` };
  }

  /**
   * Checks Go's internal-package rule; returns the error text when `fromDir` may not import the
   * package at `toDir` with path `toPath`.
   */
  internalViolation(fromDir: string, toDir: string, toPath: string): string | undefined {
    const parts = toDir.split(path.sep);
    const i = parts.lastIndexOf("internal");
    if (i < 0) return undefined;
    // the rule applies to an "internal" element of the import path, not of the tree above it
    const pathParts = toPath.split("/");
    if (!pathParts.includes("internal")) return undefined;
    const parent = parts.slice(0, i).join(path.sep) || path.sep;
    if (isWithin(parent, fromDir)) return undefined;
    return `use of internal package ${toPath} not allowed`;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
