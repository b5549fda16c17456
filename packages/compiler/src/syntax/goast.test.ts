/**
 * Cross-check against go/parser: for a sample of GOROOT files (every 25th
 * non-test file of $GOROOT/src, plus the generic-code tests in
 * $GOROOT/test/typeparam), our AST — with comments, doc and line comments —
 * must equal go/parser's AST field for field, positions included.
 *
 * go/parser's output is produced by testdata/goastdump (built with the Go
 * toolchain at test time). Needs Go 1.19 at /usr/lib/go-1.19 or $GOROOT.
 */
import { describe, it, expect } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync, mkdtempSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";

const here = dirname(fileURLToPath(import.meta.url));

function goroot(): string | undefined {
  const env = process.env.GOROOT;
  if (env !== undefined && env !== "" && existsSync(join(env, "bin", "go"))) return env;
  if (existsSync("/usr/lib/go-1.19/bin/go")) return "/usr/lib/go-1.19";
  return undefined;
}

function walk(dir: string, out: string[]): void {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    const isDir = ent.isDirectory() || (ent.isSymbolicLink() && statSync(p).isDirectory());
    if (isDir) {
      if (ent.name !== "testdata") walk(p, out);
    } else if (ent.name.endsWith(".go") && !ent.name.endsWith("_test.go")) out.push(p);
  }
}

/** First difference between go/parser's JSON (g) and our node (o), or "". */
function diff(g: unknown, o: unknown, path: string): string {
  if (g === null) {
    if (o === undefined || o === null || (Array.isArray(o) && o.length === 0)) return "";
    return `${path}: go=null ours=${JSON.stringify(o).slice(0, 100)}`;
  }
  if (Array.isArray(g)) {
    if (!Array.isArray(o)) return `${path}: go=array ours=${String(o)}`;
    if (g.length !== o.length) return `${path}: length go=${g.length} ours=${o.length}`;
    for (let i = 0; i < g.length; i++) {
      const d = diff(g[i], o[i], `${path}[${i}]`);
      if (d !== "") return d;
    }
    return "";
  }
  if (typeof g === "object") {
    if (typeof o !== "object" || o === null) return `${path}: go=${JSON.stringify(g).slice(0, 100)} ours=${String(o)}`;
    const go = g as Record<string, unknown>;
    const oo = o as Record<string, unknown>;
    if (go.kind !== oo.kind) return `${path}: kind go=${String(go.kind)} ours=${String(oo.kind)}`;
    for (const k of Object.keys(go)) {
      if (k === "kind") continue;
      const d = diff(go[k], oo[k], `${path}.${k}`);
      if (d !== "") return d;
    }
    return "";
  }
  return g === o ? "" : `${path}: go=${JSON.stringify(g)} ours=${JSON.stringify(o)}`;
}

describe("AST equals go/parser's", () => {
  it("on a GOROOT sample, with comments", () => {
    const root = goroot();
    if (root === undefined) throw new Error("needs Go 1.19 (/usr/lib/go-1.19 or $GOROOT) to build testdata/goastdump");
    const bin = join(mkdtempSync(join(tmpdir(), "goastdump-")), "goastdump");
    const build = spawnSync(join(root, "bin", "go"), ["build", "-o", bin, "."], {
      cwd: join(here, "testdata", "goastdump"),
      env: { ...process.env, GOROOT: root, GOFLAGS: "-mod=mod", GOTOOLCHAIN: "local" },
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error("building goastdump failed: " + build.stderr);

    const all: string[] = [];
    walk(join(root, "src"), all);
    const files = all.filter((_, i) => i % 25 === 0);
    for (const f of readdirSync(join(root, "test", "typeparam"))) {
      if (!f.endsWith(".go")) continue;
      const p = join(root, "test", "typeparam", f);
      const first = readFileSync(p, "utf8").split("\n", 1)[0];
      if (first === "// run" || first === "// compile") files.push(p);
    }
    const dump = spawnSync(bin, [], { input: files.join("\n") + "\n", env: { ...process.env, COMMENTS: "1" }, encoding: "utf8", maxBuffer: 1 << 30 });
    if (dump.status !== 0) throw new Error("goastdump failed: " + dump.stderr);

    const problems: string[] = [];
    let compared = 0;
    for (const line of dump.stdout.split("\n")) {
      if (line === "") continue;
      const tab = line.indexOf("\t");
      const name = line.slice(0, tab);
      const json = line.slice(tab + 1);
      if (json === "ERROR") continue; // go/parser rejects it; not a reference
      const g = JSON.parse(json) as unknown;
      const { file } = parseFile(new FileSet(), name, readFileSync(name), { comments: true });
      let d: string;
      try {
        d = diff(g, file, "File");
      } catch {
        continue; // a tree too deep for this recursive comparer (e.g. time/tzdata/zipdata.go)
      }
      compared++;
      if (d !== "") problems.push(`${name}: ${d}`);
    }
    expect(compared).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  });
});
