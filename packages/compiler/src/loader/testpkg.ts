/**
 * testpkg.ts — the packages `gort test` compiles for one package directory, as go test builds
 * them:
 *   - the package under test with its in-package _test.go files (same import path; every
 *     importer in the test program, the external tests included, sees this version),
 *   - the external test package (files of `package <name>_test`, import path `<path>_test`),
 *   - a generated main package (`<path>.test`, file _testmain.go) listing the tests,
 *     benchmarks and examples found in the _test.go files, and calling TestMain when the
 *     package has one.
 * Test functions follow go test's rules: `TestXxx(*testing.T)`, `BenchmarkXxx(*testing.B)`,
 * `ExampleXxx()` with an `// Output:` (or `// Unordered output:`) comment; after the prefix the
 * name is empty or does not start with a lower-case letter. Malformed signatures are errors
 * worded as go vet/go test word them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { FileSet, ast, parseFile } from "../syntax/index.js";
import { fileMatches, selectFiles, type SelectedFile } from "./select.js";
import { readImports } from "./header.js";
import type { LoadedPackage, Loader } from "./loader.js";

export interface TestFunc {
  name: string;
  /** "" for in-package tests, "_xtest" for the external test package */
  pkg: "_test" | "_xtest";
}

export interface ExampleFunc extends TestFunc {
  output: string;
  unordered: boolean;
  /** an example without an output comment is compiled, not run */
  hasOutput: boolean;
}

export interface TestProgram {
  /** the package under test, with its _test.go files */
  ptest: LoadedPackage;
  /** the external test package, when there are `package x_test` files */
  pxtest: LoadedPackage | null;
  /** the generated main package (null when the packages above have errors) */
  main: LoadedPackage | null;
  tests: TestFunc[];
  benchmarks: TestFunc[];
  examples: ExampleFunc[];
  /** test files (for "no test files") */
  testFiles: string[];
  /** problems found before compiling (go test's wording) */
  errors: string[];
}

function isTestName(name: string, prefix: string): boolean {
  if (!name.startsWith(prefix)) return false;
  if (name.length === prefix.length) return true;
  return !/\p{Ll}/u.test(String.fromCodePoint(name.codePointAt(prefix.length)!));
}

/** `*testing.T`-style parameter check on the syntax: one parameter of type *<testing>.<T>. */
function takesPtr(fd: ast.FuncDecl, testingName: string, typeName: string): boolean {
  const params = fd.type.params.list;
  if (params.length !== 1 || (params[0].names?.length ?? 1) > 1) return false;
  if (fd.type.results !== undefined && fd.type.results.list.length > 0) return false;
  const t = params[0].type;
  if (t.kind !== "StarExpr") return false;
  const x = t.x;
  return x.kind === "SelectorExpr" && x.x.kind === "Ident" && x.x.name === testingName && x.sel.name === typeName;
}

/** The local name under which `file` imports "testing" ("" when it does not). */
function testingImportName(file: ast.File): string {
  for (const imp of file.imports) {
    if (imp.path.value.slice(1, -1) !== "testing") continue;
    if (imp.name === undefined) return "testing";
    return imp.name.name === "_" ? "" : imp.name.name;
  }
  return "";
}

/** An example's expected output from the last comment group in its body. */
function exampleOutput(fd: ast.FuncDecl, file: ast.File): { text: string; unordered: boolean } | null {
  const body = fd.body;
  if (body === undefined) return null;
  let last: ast.CommentGroup | undefined;
  for (const g of file.comments) {
    const at = g.list[0].slash;
    if (at > body.lbrace && at < body.rbrace) last = g;
  }
  if (last === undefined) return null;
  const lines = last.list.map((c) => (c.text.startsWith("//") ? c.text.slice(2) : c.text.slice(2, -2)));
  let text = lines.join("\n");
  const m = /^\s*(unordered output|output):/i.exec(text);
  if (m === null) return null;
  const unordered = m[1].toLowerCase() === "unordered output";
  text = text.slice(m[0].length);
  // each comment line drops the one space after //, as go's CommentGroup.Text does
  text = text
    .split("\n")
    .map((l) => (l.startsWith(" ") ? l.slice(1) : l))
    .join("\n");
  return { text: text.trim(), unordered };
}

/**
 * Loads the test program of the package in `dir` with `loader` (keepSyntax must be on).
 * The loader's import path overrides bind the package's path and `<path>_test`.
 */
export function loadTestProgram(loader: Loader, dir: string): TestProgram {
  const abs = path.resolve(loader.cwd, dir);
  const base = selectFiles(loader.ctx, abs);
  const errors: string[] = [];
  const internal: SelectedFile[] = [];
  const external: SelectedFile[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(abs).filter((n) => n.endsWith("_test.go") && !n.startsWith("_") && !n.startsWith(".")).sort();
  } catch {
    errors.push(`cannot find directory ${dir}`);
  }
  for (const name of names) {
    const full = path.join(abs, name);
    const bytes = fs.readFileSync(full);
    const src = bytes.toString("utf8");
    const m = fileMatches(loader.ctx, name, src);
    if (m.error !== undefined) errors.push(m.error);
    if (!m.ok) continue;
    const h = readImports(src);
    const f: SelectedFile = { path: full, bytes, packageName: h.packageName, imports: h.imports };
    if (h.error !== undefined) f.headerError = h.error;
    if (base.name !== "" && h.packageName === `${base.name}_test`) external.push(f);
    else if (base.name === "" || h.packageName === base.name) internal.push(f);
    else errors.push(`found packages ${base.name} (${path.basename(base.files[0]?.path ?? "")}) and ${h.packageName} (${name}) in ${abs}`);
  }
  // the package's import path, as the loader names the directory's package
  const probe = loader.loadDirInfo(abs);
  const importPath = probe.importPath;
  const testFiles = [...internal, ...external].map((f) => f.path);
  const ptestFiles = [...base.files, ...internal];
  const ptest = loader.loadGiven(importPath, abs, abs, ptestFiles);
  loader.overrides.set(importPath, ptest);
  let pxtest: LoadedPackage | null = null;
  if (external.length > 0) {
    pxtest = loader.loadGiven(`${importPath}_test`, abs, `${abs}\0xtest`, external);
    loader.overrides.set(`${importPath}_test`, pxtest);
  }
  const prog: TestProgram = { ptest, pxtest, main: null, tests: [], benchmarks: [], examples: [], testFiles, errors };
  const broken = (p: LoadedPackage | null) => p !== null && (p.loadErrors.length > 0 || p.errors.length > 0 || p.depErrors || !p.checked);
  if (errors.length > 0 || broken(ptest) || broken(pxtest)) return prog;

  // find the tests in the syntax of the _test.go files (parsed again with comments for examples)
  const fset = new FileSet();
  let testMain: TestFunc | null = null;
  for (const f of [...internal, ...external]) {
    const which: "_test" | "_xtest" = external.includes(f) ? "_xtest" : "_test";
    const file = parseFile(fset, f.path, f.bytes, { mode: "full", comments: true }).file;
    const tname = testingImportName(file);
    for (const d of file.decls) {
      if (d.kind !== "FuncDecl" || d.recv !== undefined) continue;
      const name = d.name.name;
      const pos = fset.position(d.name.pos);
      const where = `${path.relative(loader.cwd, f.path) || f.path}:${pos.line}:${pos.column}`;
      if (name === "TestMain" && tname !== "" && takesPtr(d, tname, "M")) {
        if (testMain !== null) errors.push(`${where}: multiple definitions of TestMain`);
        testMain = { name, pkg: which };
      } else if (isTestName(name, "Test")) {
        if (tname === "" || !takesPtr(d, tname, "T")) errors.push(`${where}: wrong signature for ${name}, must be: func ${name}(t *testing.T)`);
        else prog.tests.push({ name, pkg: which });
      } else if (isTestName(name, "Benchmark")) {
        if (tname === "" || !takesPtr(d, tname, "B")) errors.push(`${where}: wrong signature for ${name}, must be: func ${name}(b *testing.B)`);
        else prog.benchmarks.push({ name, pkg: which });
      } else if (isTestName(name, "Example")) {
        if (d.type.params.list.length > 0 || (d.type.results?.list.length ?? 0) > 0) {
          errors.push(`${where}: ${name} should be niladic`);
          continue;
        }
        const out = exampleOutput(d, file);
        prog.examples.push({ name, pkg: which, output: out?.text ?? "", unordered: out?.unordered ?? false, hasOutput: out !== null });
      }
    }
  }
  if (errors.length > 0) return prog;
  const src = testMainSource(importPath, pxtest !== null, prog, testMain);
  const mainFile: SelectedFile = {
    path: path.join(abs, "_testmain.go"),
    bytes: new TextEncoder().encode(src),
    packageName: "main",
    imports: readImports(src).imports,
  };
  prog.main = loader.loadGiven(`${importPath}.test`, abs, `${abs}\0testmain`, [mainFile]);
  return prog;
}

/** The generated main package: tables of tests, benchmarks and examples, then testing's main loop. */
export function testMainSource(importPath: string, hasX: boolean, p: Pick<TestProgram, "tests" | "benchmarks" | "examples">, testMain: TestFunc | null): string {
  const used = new Set<string>([...p.tests, ...p.benchmarks, ...p.examples.filter((e) => e.hasOutput)].map((t) => t.pkg));
  if (testMain !== null) used.add(testMain.pkg);
  const lines: string[] = ["package main", "", "import (", '\t"os"', '\t"testing"'];
  if (used.has("_test")) lines.push(`\t_test ${JSON.stringify(importPath)}`);
  else lines.push(`\t_ ${JSON.stringify(importPath)}`);
  if (hasX) lines.push(used.has("_xtest") ? `\t_xtest ${JSON.stringify(`${importPath}_test`)}` : `\t_ ${JSON.stringify(`${importPath}_test`)}`);
  lines.push(")", "");
  lines.push("var tests = []testing.InternalTest{");
  for (const t of p.tests) lines.push(`\t{${JSON.stringify(t.name)}, ${t.pkg}.${t.name}},`);
  lines.push("}", "", "var benchmarks = []testing.InternalBenchmark{");
  for (const t of p.benchmarks) lines.push(`\t{${JSON.stringify(t.name)}, ${t.pkg}.${t.name}},`);
  lines.push("}", "", "var examples = []testing.InternalExample{");
  for (const e of p.examples) if (e.hasOutput) lines.push(`\t{${JSON.stringify(e.name)}, ${e.pkg}.${e.name}, ${JSON.stringify(e.output)}, ${e.unordered}},`);
  lines.push("}", "", "func main() {", `\tm := testing.MainStart(${JSON.stringify(importPath)}, tests, benchmarks, examples)`);
  if (testMain !== null) lines.push(`\tos.Exit(m.RunTestMain(${testMain.pkg}.TestMain))`);
  else lines.push("\tos.Exit(m.Run())");
  lines.push("}", "");
  return lines.join("\n");
}
