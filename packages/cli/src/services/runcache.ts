/**
 * runcache.ts — the on-disk cache of compiled program images for `gort run`, so a second run
 * of an unchanged program skips loading, type checking and code generation (DESIGN.md: "Images
 * (and the precompiled standard library) are cached on disk").
 *
 * Layout: `<cache>/run/<key>.img` (serialize.ts encodeImage) and `<key>.json` (what the image
 * was built from). `<cache>` is $GORTCACHE, else $XDG_CACHE_HOME/gort, else ~/.cache/gort;
 * GORTCACHE=off disables the cache (as GOCACHE=off does for go).
 *
 * Key = sha256 of: the gort build fingerprint (version, image format version, and the
 * modification times of the compiler/runtime code that is running — so a rebuilt gort never
 * reads images an older compiler wrote), the working directory, GOROOT/stdlib root and the
 * build arguments exactly as given. The entry then records every input the compiler read:
 * each package directory's list of .go files (a new or removed file changes the package) and
 * each file's size, mtime and sha256. A hit requires all of them unchanged; a file whose mtime
 * moved but whose content hash is the same still hits (like go's build cache, which is content
 * addressed).
 *
 * Why a whole-program entry rather than per-package compiled code: the compiler lowers only the
 * functions reachable from main (dead-function elimination happens during lowering), so there
 * is no per-package object file to reuse. A cached type-checked stdlib would speed up cold
 * compiles of new programs; it needs a serialised form of types.Info (not done, see HACKING).
 *
 * This module imports only Node and the image format, so the warm path never loads the compiler.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { IMAGE_VERSION, decodeImage, encodeImage, type ProgramImage } from "@gort/runtime/image";

export interface CacheEnv {
  cwd: string;
  env: Record<string, string | undefined>;
}

/** The recorded inputs of a cached image. */
export interface CacheDeps {
  /** package directory → its .go file names (sorted, as listed by readdir) */
  dirs: [string, string[]][];
  /** absolute file → size, mtimeMs, sha256 (hex) */
  files: [string, number, number, string][];
  /** the package name Go's run would use for os.Args[0] */
  progName: string;
}

export interface CacheHit {
  image: ProgramImage;
  progName: string;
}

/** The cache directory, or null when disabled. */
export function cacheDir(e: CacheEnv): string | null {
  const v = e.env.GORTCACHE;
  if (v === "off") return null;
  if (v !== undefined && v !== "") return path.resolve(e.cwd, v);
  const xdg = e.env.XDG_CACHE_HOME;
  if (xdg !== undefined && xdg !== "") return path.join(xdg, "gort");
  const home = e.env.HOME ?? os.homedir();
  return path.join(home, ".cache", "gort");
}

let fingerprintMemo: string | null = null;

/** Newest mtime of the .js files under dir (the running gort's compiled code). */
function newestMtime(dir: string, best: number): number {
  let ents: fs.Dirent[];
  try {
    ents = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return best;
  }
  for (const d of ents) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) best = newestMtime(p, best);
    else if (d.name.endsWith(".js") || d.name.endsWith(".mjs") || d.name.endsWith(".ts")) best = Math.max(best, fs.statSync(p).mtimeMs);
  }
  return best;
}

/**
 * Identifies the running gort build: a bundle (scripts/dev-gort.mjs) is one file; a dist build
 * is packages/{cli,compiler,runtime}/dist (or src under vitest).
 */
export function buildFingerprint(): string {
  if (fingerprintMemo !== null) return fingerprintMemo;
  const self = fileURLToPath(import.meta.url);
  let stamp: number;
  // packages/cli/{dist,src}/services/runcache.{js,ts}
  const m = /^(.*)[/\\]cli[/\\](dist|src)[/\\]services[/\\]runcache\.[jt]s$/.exec(self);
  if (m !== null) {
    stamp = 0;
    for (const p of ["cli", "compiler", "runtime"]) {
      // a tsc -b build rewrites the package's tsbuildinfo whenever it emits (3 stats instead of
      // walking ~300 files); sources (vitest) are walked
      const info = path.join(m[1], p, "tsconfig.tsbuildinfo");
      if (m[2] === "dist" && fs.existsSync(info)) stamp = Math.max(stamp, fs.statSync(info).mtimeMs);
      else stamp = newestMtime(path.join(m[1], p, m[2]), stamp);
    }
  } else stamp = fs.statSync(self).mtimeMs;
  fingerprintMemo = `gort-0.1.0/img${IMAGE_VERSION}/${stamp}`;
  return fingerprintMemo;
}

function sha256(b: Uint8Array | string): string {
  return crypto.createHash("sha256").update(b).digest("hex");
}

/** The cache key of `gort run` with these build arguments. */
export function cacheKey(build: readonly string[], e: CacheEnv, stdRoot: string): string {
  // GORT_OPT selects the optimiser (GORT_OPT=0 compiles unoptimised code): part of the image
  return sha256(JSON.stringify([buildFingerprint(), e.cwd, e.env.GOROOT ?? "", stdRoot, e.env.GORT_OPT ?? "", build]));
}

function goFiles(dir: string): string[] | null {
  try {
    return fs
      .readdirSync(dir)
      .filter((n) => n.endsWith(".go"))
      .sort();
  } catch {
    return null;
  }
}

/** Looks up a cached image; null on a miss (absent, stale or unreadable entry). */
export function cacheLookup(dir: string, key: string): CacheHit | null {
  const base = path.join(dir, "run", key);
  let deps: CacheDeps;
  try {
    deps = JSON.parse(fs.readFileSync(`${base}.json`, "utf8")) as CacheDeps;
  } catch {
    return null;
  }
  for (const [d, names] of deps.dirs) {
    const now = goFiles(d);
    if (now === null || now.join("\n") !== names.join("\n")) return null;
  }
  for (const [f, size, mtime, hash] of deps.files) {
    let st: fs.Stats;
    try {
      st = fs.statSync(f);
    } catch {
      return null;
    }
    if (st.size !== size) return null;
    if (st.mtimeMs !== mtime && sha256(fs.readFileSync(f)) !== hash) return null;
  }
  try {
    const bytes = fs.readFileSync(`${base}.img`);
    // the key includes this gort build's fingerprint and the checksum catches corruption
    const image = decodeImage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), `${base}.img`, { trusted: true });
    return { image, progName: deps.progName };
  } catch {
    // a corrupt or truncated entry is a miss; it is rewritten after the compile
    return null;
  }
}

/** Records the inputs of a build: every package directory and file the compiler read. */
export function collectDeps(pkgs: readonly { dir: string; fileNames: readonly string[]; modFile?: string }[], progName: string, namedFiles: boolean): CacheDeps {
  const dirs: [string, string[]][] = [];
  const files: [string, number, number, string][] = [];
  const seen = new Set<string>();
  const addFile = (f: string): void => {
    if (seen.has(f)) return;
    seen.add(f);
    const st = fs.statSync(f);
    files.push([f, st.size, st.mtimeMs, sha256(fs.readFileSync(f))]);
  };
  pkgs.forEach((p, i) => {
    // named files (`gort run a.go b.go`) are the main package: its directory listing does not matter
    if (!(namedFiles && i === 0)) {
      const names = goFiles(p.dir);
      if (names !== null) dirs.push([p.dir, names]);
    }
    for (const f of p.fileNames) addFile(f);
    if (p.modFile !== undefined) addFile(p.modFile);
  });
  return { dirs, files, progName };
}

/** Stores an image and its inputs; failures (read-only home, full disk) are ignored. */
export function cacheStore(dir: string, key: string, image: ProgramImage, deps: CacheDeps): void {
  try {
    const runDir = path.join(dir, "run");
    fs.mkdirSync(runDir, { recursive: true });
    const base = path.join(runDir, key);
    // write then rename, so a concurrent reader never sees half a file
    const tmp = `${base}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, encodeImage(image));
    fs.renameSync(tmp, `${base}.img`);
    fs.writeFileSync(tmp, JSON.stringify(deps));
    fs.renameSync(tmp, `${base}.json`);
    trim(runDir);
  } catch {
    // the cache is an optimisation only
  }
}

/** Entries kept; past this, the least recently written half is removed. */
const MAX_ENTRIES = 256;

function trim(runDir: string): void {
  const imgs = fs.readdirSync(runDir).filter((n) => n.endsWith(".img"));
  if (imgs.length <= MAX_ENTRIES) return;
  const aged = imgs.map((n) => ({ n, t: fs.statSync(path.join(runDir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of aged.slice(0, imgs.length - MAX_ENTRIES / 2)) {
    const base = path.join(runDir, n.slice(0, -4));
    fs.rmSync(`${base}.img`, { force: true });
    fs.rmSync(`${base}.json`, { force: true });
  }
}
