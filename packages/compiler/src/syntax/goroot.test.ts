/**
 * Sweep: every non-test .go file under $GOROOT/src (minus testdata, which
 * holds deliberately broken files) and every `// run` / `// compile` file of
 * $GOROOT/test must parse with zero errors.
 */
import { describe, it, expect } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";
import { formatDiagnostic } from "../diag.js";

function goroot(): string | undefined {
  const env = process.env.GOROOT;
  if (env !== undefined && env !== "" && existsSync(join(env, "src"))) return env;
  if (existsSync("/usr/lib/go-1.19/src")) return "/usr/lib/go-1.19";
  return undefined;
}

function walk(dir: string, out: string[], skipTestdata: boolean): void {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    let isDir = ent.isDirectory();
    if (ent.isSymbolicLink()) isDir = statSync(p).isDirectory();
    if (isDir) {
      if (skipTestdata && ent.name === "testdata") continue;
      walk(p, out, skipTestdata);
    } else if (ent.name.endsWith(".go")) {
      out.push(p);
    }
  }
}

function sweep(files: string[]): { failures: string[]; bytes: number; ms: number } {
  const fset = new FileSet();
  const failures: string[] = [];
  let bytes = 0;
  const srcs = files.map((f) => readFileSync(f));
  const t0 = performance.now();
  for (let i = 0; i < files.length; i++) {
    const src = srcs[i];
    bytes += src.length;
    const { errors } = parseFile(fset, files[i], src);
    if (errors.length > 0 && failures.length < 20) failures.push(formatDiagnostic(fset, errors[0]));
  }
  return { failures, bytes, ms: performance.now() - t0 };
}

describe("GOROOT sweep", () => {
  const root = goroot();

  it("finds a Go installation", () => {
    if (root === undefined) {
      throw new Error("GOROOT sweep: set GOROOT (or install Go 1.19 at /usr/lib/go-1.19); no Go sources found to parse");
    }
  });

  it("parses every non-test .go file under $GOROOT/src without errors", () => {
    if (root === undefined) throw new Error("no GOROOT");
    const files: string[] = [];
    walk(join(root, "src"), files, true);
    const nonTest = files.filter((f) => !f.endsWith("_test.go"));
    expect(nonTest.length).toBeGreaterThan(1000);
    const r = sweep(nonTest);
    console.log(`GOROOT/src: ${nonTest.length} files, ${(r.bytes / 1e6).toFixed(1)} MB in ${r.ms.toFixed(0)} ms (${(r.bytes / 1e3 / r.ms).toFixed(1)} MB/s)`);
    expect(r.failures).toEqual([]);
  });

  it("parses every // run and // compile file under $GOROOT/test without errors", () => {
    if (root === undefined) throw new Error("no GOROOT");
    const files: string[] = [];
    walk(join(root, "test"), files, false);
    const picked = files.filter((f) => {
      const src = readFileSync(f);
      const nl = src.indexOf(10);
      const first = src.subarray(0, nl < 0 ? src.length : nl).toString("utf8").trim();
      return first === "// run" || first === "// compile" || first.startsWith("// run ") || first.startsWith("// compile ");
    });
    expect(picked.length).toBeGreaterThan(500);
    const r = sweep(picked);
    console.log(`GOROOT/test run+compile: ${picked.length} files in ${r.ms.toFixed(0)} ms`);
    expect(r.failures).toEqual([]);
  });
});
