/**
 * Differential test against gc: deterministic single-token mutations
 * (delete / insert / duplicate a token) of small `// run` programs from
 * $GOROOT/test and $GOROOT/test/typeparam are compiled with Go 1.19's `go tool compile` and parsed by
 * us. When gc reports a syntax-phase error, our first diagnostic must be
 * identical (file:line:col: message), and when all of gc's errors are
 * syntax-phase errors the whole list must be; when gc reports none, neither
 * may we.
 * A larger run of the same idea (2,000+ mutants) agreed on every mutant;
 * this keeps a small, fast sample as a regression guard. Needs Go 1.19.
 */
import { describe, it, expect } from "vitest";
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { FileSet } from "./position.js";
import { parseFile } from "./parser.js";
import { Scanner, Tok } from "./scanner.js";
import { formatDiagnostic } from "../diag.js";

const goroot = process.env.GOROOT && existsSync(join(process.env.GOROOT, "bin", "go")) ? process.env.GOROOT : existsSync("/usr/lib/go-1.19/bin/go") ? "/usr/lib/go-1.19" : undefined;

/** Messages gc reports while parsing (scanner and parser), as opposed to type errors. */
const parsePhase = /syntax error|invalid character|rune literal|not terminated|newline in|escape|BOM|UTF-8|NUL|must be function call|must not be parenthesized|index required|receiver|mixed named|type parameters|nesting|import path|digit|exponent|mantissa|radix|literal has no digits/;

describe("first syntax error equals gc's on mutated programs", () => {
  it("agrees on 100 mutants", () => {
    if (goroot === undefined) throw new Error("needs Go 1.19 at /usr/lib/go-1.19 or $GOROOT");
    const dirs = [join(goroot, "test"), join(goroot, "test", "typeparam")];
    const sources = dirs
      .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".go")).sort().map((f) => join(dir, f)))
      .filter((f) => {
        const s = readFileSync(f, "utf8");
        return s.startsWith("// run\n") && s.length < 4000 && !s.includes("//line");
      });
    expect(sources.length).toBeGreaterThan(50);
    let seed = 20260101;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const inserts = ["(", ")", "{", "}", "[", "]", ",", ";", ":", "=", ":=", "func", "x", "1", "if", "for", "range", "type", "var", "*", "<-", ".", "...", "case", "else", "chan", "struct"];
    const tmp = mkdtempSync(join(tmpdir(), "gcdiff-"));
    const problems: string[] = [];
    let withErrors = 0;
    for (let k = 0; k < 100; k++) {
      const src = readFileSync(sources[rnd(sources.length)]);
      const toks: [number, number][] = [];
      const sc = new Scanner(src, () => {});
      for (;;) {
        sc.next();
        if (sc.tok === Tok.EOF) break;
        if (sc.tok === Tok.Semi && sc.lit !== "semicolon") continue;
        toks.push([sc.off, sc.endOffset()]);
      }
      const text = src.toString("utf8");
      const [a, b] = toks[rnd(toks.length)];
      let mutated: string;
      switch (rnd(3)) {
        case 0: mutated = text.slice(0, a) + text.slice(b); break;
        case 1: mutated = text.slice(0, a) + inserts[rnd(inserts.length)] + " " + text.slice(a); break;
        default: {
          const [c, d] = toks[rnd(toks.length)];
          mutated = text.slice(0, a) + text.slice(c, d) + " " + text.slice(a);
        }
      }
      const name = `m${k}.go`;
      writeFileSync(join(tmp, name), mutated);
      const gc = spawnSync(join(goroot, "bin", "go"), ["tool", "compile", "-o", join(tmp, "out.o"), "-p", "p", name], { cwd: tmp, encoding: "utf8", env: { ...process.env, GOROOT: goroot } });
      const gcLines = (gc.stdout + gc.stderr).split("\n").filter((l) => /^m\d+\.go:\d+(:\d+)?: /.test(l));
      const gcParse = gcLines.filter((l) => parsePhase.test(l.slice(l.indexOf(" ") + 1)) && !/declared but not used|undefined:/.test(l));
      const fset = new FileSet();
      const ours = parseFile(fset, name, mutated).errors.map((e) => formatDiagnostic(fset, e).split("\n")[0]);
      if (ours.length > 0) withErrors++;
      if (gcParse.length === 0 && ours.length === 0) continue;
      if (gcParse.length > 0 && ours.length > 0 && ours[0] === gcLines[0]) {
        // when gc reports only parse-phase errors, the whole list must match too
        const all = gcLines.filter((l) => !l.endsWith(": too many errors"));
        if (all.length !== gcParse.length || JSON.stringify(all) === JSON.stringify(ours)) continue;
        problems.push(`${name} (mutation ${k}), full list:\n  ours: ${ours.join("\n        ")}\n  gc:   ${all.join("\n        ")}`);
        continue;
      }
      problems.push(`${name} (mutation ${k}):\n  ours: ${ours[0] ?? "(none)"}\n  gc:   ${gcLines[0] ?? "(none)"}`);
    }
    expect(withErrors).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });

  it("agrees on 50 byte-level mutants (bad UTF-8, NUL, BOM, stray characters)", () => {
    if (goroot === undefined) throw new Error("needs Go 1.19 at /usr/lib/go-1.19 or $GOROOT");
    const dir = join(goroot, "test");
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith(".go"))
      .sort()
      .map((f) => join(dir, f))
      .filter((f) => {
        const s = readFileSync(f, "utf8");
        return s.startsWith("// run\n") && s.length < 4000 && !s.includes("//line");
      });
    let seed = 4242;
    const rnd = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const junk = [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf], [0x00], [0xe2, 0x98, 0xba], [0x23], [0x40], [0x5c], [0x27], [0x22], [0x60], [0x0d], [0xc0, 0x80], [0xf4, 0x90, 0x80, 0x80]];
    const tmp = mkdtempSync(join(tmpdir(), "gcdiff-bytes-"));
    const problems: string[] = [];
    for (let k = 0; k < 50; k++) {
      const src = readFileSync(sources[rnd(sources.length)]);
      const at = rnd(src.length);
      const bytes = Buffer.concat([src.subarray(0, at), Buffer.from(junk[rnd(junk.length)]), src.subarray(at)]);
      const name = `b${k}.go`;
      writeFileSync(join(tmp, name), bytes);
      const gc = spawnSync(join(goroot, "bin", "go"), ["tool", "compile", "-o", join(tmp, "out.o"), "-p", "p", name], { cwd: tmp, encoding: "utf8", env: { ...process.env, GOROOT: goroot } });
      // gc keeps type-checking after scanner errors: compare only its parse-phase lines
      const gcParse = (gc.stdout + gc.stderr)
        .split("\n")
        .filter((l) => /^b\d+\.go:\d+(:\d+)?: /.test(l) && !l.endsWith(": too many errors"))
        .filter((l) => parsePhase.test(l.slice(l.indexOf(" ") + 1)) && !/declared but not used|undefined:/.test(l));
      const fset = new FileSet();
      const ours = parseFile(fset, name, bytes).errors.map((e) => formatDiagnostic(fset, e).split("\n")[0]);
      if (JSON.stringify(ours.slice(0, gcParse.length)) !== JSON.stringify(gcParse) || (ours.length > gcParse.length && gcParse.length < 10)) {
        problems.push(`${name}:\n  ours: ${ours.join("\n        ")}\n  gc:   ${gcParse.join("\n        ")}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
