import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type CheckFunction, Loader } from "./loader.js";
import { Package } from "../types/object.js";
import { Scope } from "../types/scope.js";
import { loadPackages } from "./patterns.js";
import { Resolver } from "./resolve.js";
import { Info } from "../types/info.js";

let tmp = "";
function write(rel: string, text: string): void {
  const f = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gort-loader-"));
  // a module with a cycle, an internal package, a missing import and a local replacement
  write("m/go.mod", "module example.com/m\n\ngo 1.19\n\nrequire example.com/dep v0.0.0\nreplace example.com/dep => ../dep\n");
  write("m/main.go", "package main\n\nimport \"example.com/m/a\"\n\nfunc main() { a.F() }\n");
  write("m/a/a.go", "package a\n\nimport \"example.com/m/b\"\n\nfunc F() { b.G() }\n");
  write("m/b/b.go", "package b\n\nimport \"example.com/m/a\"\n\nfunc G() { a.F() }\n");
  write("m/c/c.go", "package c\n\nimport (\n\t\"example.com/m/c/internal/x\"\n\t\"example.com/nowhere/pkg\"\n)\n");
  write("m/c/internal/x/x.go", "package x\n");
  write("m/d/d.go", "package d\n\nimport \"example.com/m/c/internal/x\"\n");
  write("m/e/e.go", "package e\n\nimport \"nosuchstd/pkg\"\n");
  write("m/f/f.go", "package f\n\nimport \"example.com/dep/sub\"\n");
  write("m/g/g_windows.go", "package g\n");
  write("m/h/h1.go", "package h\n");
  write("m/h/h2.go", "package hh\n");
  write("dep/go.mod", "module example.com/dep\n\ngo 1.18\n");
  write("dep/sub/s.go", "package sub\n\nimport \"example.com/dep/internal/y\"\n");
  write("dep/internal/y/y.go", "package y\n");
  write("m/k/k.go", "package k\n\nimport (\n\t\"example.com/m/k/l\"\n\t\"fmt\"\n\t\"unsafe\"\n)\n");
  write("m/k/k2.go", "package k\n\nimport \"fmt\"\n");
  write("m/k/l/l.go", "package l\n\nimport \"fmt\"\n");
  write("goroot/src/fmt/print.go", "package fmt\n\nimport \"golang.org/x/v\"\n");

  write("goroot/src/internal/z/z.go", "package z\n");
  write("goroot/src/vendor/golang.org/x/v/v.go", "package v\n");
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const goroot = () => path.join(tmp, "goroot");

/**
 * A checker that records which packages were checked, in which order, and what each could
 * import; the real checker is exercised by the conformance tests in packages/compiler/test.
 */
function recordingCheck(log: string[]): CheckFunction {
  return (config, importPath, files) => {
    const imported: string[] = [];
    for (const f of files) {
      for (const imp of f.imports) {
        const p = JSON.parse(imp.path.value) as string;
        const r = config.importer.importPackage(p);
        imported.push("error" in r ? `!${p}` : r.path);
      }
    }
    log.push(`${importPath}[${imported.join(",")}]`);
    const pkg = new Package(importPath, files[0]?.name.name ?? "", new Scope(null, 0, 0, `package ${importPath}`));
    pkg.complete = true;
    return { pkg, errors: [] };
  };
}

describe("Resolver", () => {
  it("resolves std, vendored std, module and replaced paths", () => {
    const r = new Resolver(goroot(), undefined);
    const m = path.join(tmp, "m");
    expect(r.resolve("fmt", m, "module")).toMatchObject({ dir: path.join(goroot(), "src/fmt"), importPath: "fmt", kind: "std" });
    expect(r.resolve("golang.org/x/v", path.join(goroot(), "src/fmt"), "std")).toMatchObject({
      dir: path.join(goroot(), "src/vendor/golang.org/x/v"), importPath: "vendor/golang.org/x/v", kind: "std",
    });
    expect(r.resolve("example.com/m/a", m, "module")).toMatchObject({ dir: path.join(m, "a"), kind: "module" });
    const dep = r.resolve("example.com/dep/sub", m, "module");
    expect(dep).toMatchObject({ dir: path.join(tmp, "dep/sub"), importPath: "example.com/dep/sub" });
    expect("module" in dep && dep.module?.modulePath).toBe("example.com/dep");
    expect(r.resolve("nosuch/pkg", m, "module")).toEqual({
      error: `package nosuch/pkg is not in GOROOT (${path.join(goroot(), "src/nosuch/pkg")})`,
    });
    expect(r.resolve("example.com/other", m, "module")).toEqual({ error: "no required module provides package example.com/other" });
    expect(r.resolve("example.com/other", tmp, "files")).toMatchObject({ error: expect.stringContaining("go.mod file not found") });
  });

  it("enforces the internal rule", () => {
    const r = new Resolver(goroot(), undefined);
    const x = path.join(tmp, "m/c/internal/x");
    expect(r.internalViolation(path.join(tmp, "m/c"), x, "example.com/m/c/internal/x")).toBeUndefined();
    expect(r.internalViolation(path.join(tmp, "m/c/sub"), x, "example.com/m/c/internal/x")).toBeUndefined();
    expect(r.internalViolation(path.join(tmp, "m/d"), x, "example.com/m/c/internal/x")).toBe(
      "use of internal package example.com/m/c/internal/x not allowed",
    );
    expect(r.internalViolation(path.join(goroot(), "src/fmt"), path.join(goroot(), "src/internal/z"), "internal/z")).toBeUndefined();
    expect(r.internalViolation(path.join(tmp, "m"), path.join(goroot(), "src/internal/z"), "internal/z")).toBe(
      "use of internal package internal/z not allowed",
    );
  });
});

describe("Loader load errors", () => {
  const log: string[] = [];
  const load = (pattern: string) =>
    loadPackages([pattern], { goroot: goroot(), cwd: path.join(tmp, "m"), progress: false, check: recordingCheck(log) });

  it("reports import cycles with the import stack", () => {
    const r = load("./a");
    const all = r.loader.allPackages();
    const cyc = all.flatMap((p) => p.loadErrors).filter((e) => e.msg === "import cycle not allowed");
    expect(cyc).toHaveLength(1);
    expect(cyc[0].importStack).toEqual(["example.com/m/a", "example.com/m/b", "example.com/m/a"]);
    // the package that imports the broken one is marked, not checked
    expect(r.packages[0].depErrors).toBe(true);
    expect(r.packages[0].checked).toBe(false);
  });

  it("reports missing and internal imports at the import's position", () => {
    const c = load("./c").packages[0];
    expect(c.loadErrors.map((e) => `${path.basename(e.file ?? "")}:${e.line}:${e.column}: ${e.msg}`)).toEqual([
      "c.go:5:2: no required module provides package example.com/nowhere/pkg",
    ]);
    const d = load("./d").packages[0];
    expect(d.loadErrors.map((e) => `${e.line}:${e.column}: ${e.msg}`)).toEqual(["3:8: use of internal package example.com/m/c/internal/x not allowed"]);
    const e = load("./e").packages[0];
    expect(e.loadErrors[0].msg).toBe(`package nosuchstd/pkg is not in GOROOT (${path.join(goroot(), "src/nosuchstd/pkg")})`);
  });

  it("loads packages of a locally replaced module with that module's go version", () => {
    const r = load("./f");
    const sub = r.packages[0].imports.get("example.com/dep/sub");
    expect(sub?.importPath).toBe("example.com/dep/sub");
    expect(sub?.goVersion).toBe("go1.18");
    expect(sub?.loadErrors).toEqual([]);
    expect(r.packages[0].goVersion).toBe("go1.19");
  });

  it("reports directories that hold no usable package", () => {
    expect(load("./g").packages[0].loadErrors[0].msg).toBe(`build constraints exclude all Go files in ${path.join(tmp, "m/g")}`);
    expect(load("./h").packages[0].loadErrors[0].msg).toBe(`found packages h (h1.go) and hh (h2.go) in ${path.join(tmp, "m/h")}`);
    expect(load("./nope").diagnostics[0].msg).toBe(`stat ${path.join(tmp, "m/nope")}: directory not found`);
    expect(loadPackages(["nope.go"], { cwd: tmp, progress: false }).diagnostics[0].msg).toBe("stat nope.go: no such file or directory");
  });

  it("takes a std-looking path that names no std package but a local directory as that directory", () => {
    const r = load("h");
    expect(r.diagnostics).toEqual([]);
    expect(r.packages[0].dir).toBe(path.join(tmp, "m/h"));
    // a real std package wins over a same-named local directory, as the import path comes first
    fs.mkdirSync(path.join(tmp, "m/fmt"), { recursive: true });
    expect(load("fmt").packages[0].dir).toBe(path.join(goroot(), "src/fmt"));
    expect(load("nosuchdir").diagnostics[0].msg).toBe(`package nosuchdir is not in GOROOT (${path.join(goroot(), "src/nosuchdir")})`);
  });

  it("says std (not GOROOT) when gort's own standard library lacks a package", () => {
    const opts = { goroot: "", stdlibRoot: path.join(tmp, "goroot/src"), cwd: path.join(tmp, "m"), progress: false, check: recordingCheck(log) };
    const e = loadPackages(["./e"], opts).packages[0];
    expect(e.loadErrors[0].msg).toBe(`package nosuchstd/pkg is not in std (${path.join(tmp, "goroot/src/nosuchstd/pkg")})`);
  });

  it("caches packages by directory", () => {
    const order: string[] = [];
    const loader = new Loader({ goroot: goroot(), cwd: path.join(tmp, "m"), progress: false, check: recordingCheck(order) });
    const a1 = loader.loadDir("a");
    const a2 = loader.loadDir(path.join(tmp, "m/a"));
    expect(a1).toBe(a2);
    const b = a1.imports.get("example.com/m/b");
    expect(b).toBeDefined();
    expect(loader.loadImportPath("example.com/m/b")).toBe(b);
  });

  it("checks dependencies first, each once, and hands them to the importer", () => {
    const order: string[] = [];
    const loader = new Loader({ goroot: goroot(), cwd: path.join(tmp, "m"), progress: false, check: recordingCheck(order) });
    const k = loader.loadDir("k");
    expect(k.loadErrors).toEqual([]);
    expect(order).toEqual([
      "vendor/golang.org/x/v[]",
      "fmt[vendor/golang.org/x/v]",
      "example.com/m/k/l[fmt]",
      "example.com/m/k[example.com/m/k/l,fmt,unsafe,fmt]",
    ]);
    expect(k.checked).toBe(true);
    expect(loader.allPackages().map((p) => p.importPath)).toEqual(["vendor/golang.org/x/v", "fmt", "example.com/m/k/l", "example.com/m/k"]);
    expect(k.goVersion).toBe("go1.19");
    expect(loader.allPackages()[1].goVersion).toBe("go1.22");
  });

  it("expands ./... skipping testdata and nested modules", () => {
    write("m/testdata/t/t.go", "package t\n");
    write("m/nested/go.mod", "module example.com/nested\n");
    write("m/nested/n.go", "package n\n");
    const r = load("./...");
    const names = r.packages.map((p) => p.importPath).sort();
    expect(names).toEqual([
      "example.com/m", "example.com/m/a", "example.com/m/b", "example.com/m/c", "example.com/m/c/internal/x",
      "example.com/m/d", "example.com/m/e", "example.com/m/f", "example.com/m/h", "example.com/m/k", "example.com/m/k/l",
    ]);
  });
});

describe("Loader with gort's type checker", () => {
  it("checks a module package against its dependency and records Info", () => {
    write("t/go.mod", "module example.com/t\n\ngo 1.21\n");
    write("t/lib/lib.go", "package lib\n\n// Twice doubles.\nfunc Twice(x int) int { return 2 * x }\n");
    write("t/app/app.go", "package app\n\nimport \"example.com/t/lib\"\n\nvar V = lib.Twice(21)\nvar s string = lib.Twice(1)\n");
    const infos = new Map<string, Info>();
    const loader = new Loader({
      goroot: goroot(), cwd: path.join(tmp, "t"), progress: false, keepSyntax: true,
      makeInfo: (p) => {
        const i = new Info();
        infos.set(p, i);
        return i;
      },
    });
    const app = loader.loadDir("app");
    expect(app.loadErrors).toEqual([]);
    expect(app.checked).toBe(true);
    expect(app.goVersion).toBe("go1.21");
    expect(app.types?.scope.lookup("V")).toBeDefined();
    expect(app.syntax).toHaveLength(1);
    expect(app.errors.map((d) => `${loader.fset.position(d.pos).line}: ${d.msg}`)).toEqual([
      "6: cannot use lib.Twice(1) (value of type int) as type string in variable declaration",
    ]);
    expect(infos.get("example.com/t/lib")?.defs.size).toBeGreaterThan(0);
    expect(app.info).toBe(infos.get("example.com/t/app"));
  });
});

describe("Loader parse errors (gc: only \"syntax error\" stops type checking)", () => {
  const lines = (loader: Loader, ds: { pos: number; msg: string }[]) =>
    ds.map((d) => `${loader.fset.position(d.pos).line}: ${d.msg}`);

  it("stops at syntax errors, adding the label errors of function bodies without parse errors", () => {
    write("pe/syn/a.go", "package syn\n\nfunc f() {\n\tgoto L\n\tx :=\n}\n\nfunc g() {\n\tgoto M\n}\n\nvar v int = \"s\"\n");
    const loader = new Loader({ goroot: goroot(), cwd: tmp, progress: false });
    const p = loader.loadDir("pe/syn");
    expect(p.checked).toBe(false);
    expect(lines(loader, p.errors)).toEqual(["6: syntax error: unexpected }, expecting expression", "9: label M not defined"]);
  });

  it("type-checks despite other parse errors, merging them in position order", () => {
    write(
      "pe/other/a.go",
      "package other\n\nfunc f(s []int) {\n\tgoto L\n\t_ = s[1::3]\n}\n\nfunc g() {\n\tgoto M\n}\n\nvar v int = \"s\"\n",
    );
    const loader = new Loader({ goroot: goroot(), cwd: tmp, progress: false });
    const p = loader.loadDir("pe/other");
    expect(p.checked).toBe(true);
    // f's body holds a parse error, so gc (and gort) skip its label check
    expect(lines(loader, p.errors)).toEqual([
      "5: middle index required in 3-index slice",
      "9: label M not defined",
      "12: cannot use \"s\" (untyped string constant) as int value in variable declaration",
    ]);
  });

  it("counts parse errors toward the error limit", () => {
    write("pe/lim/a.go", "package lim\n\nfunc f(s []int) {\n\t_ = s[1::3]\n\t_ = s[2::3]\n}\n\nvar v int = \"s\"\nvar w int = \"t\"\n");
    const full = new Loader({ goroot: goroot(), cwd: tmp, progress: false, errorLimit: 2 }).loadDir("pe/lim");
    expect(full.checked).toBe(false);
    expect(full.errors).toHaveLength(2);
    const loader = new Loader({ goroot: goroot(), cwd: tmp, progress: false, errorLimit: 3 });
    const p = loader.loadDir("pe/lim");
    expect(p.checked).toBe(true);
    expect(lines(loader, p.errors).map((l) => l.slice(0, 2))).toEqual(["4:", "5:", "8:"]);
  });
});

describe("Loader -complete (body-less functions)", () => {
  const msgs = (p: { errors: { msg: string }[] }) => p.errors.map((d) => d.msg);
  const bodyless = "package P\n\nfunc F()\n";

  it("sets complete where go build passes gc -complete", () => {
    write("cm/go.mod", "module example.com/cm\n\ngo 1.19\n");
    write("cm/plain/a.go", bodyless.replace("P", "plain"));
    write("cm/asm/a.go", bodyless.replace("P", "asm"));
    write("cm/asm/a_amd64.s", "#include \"textflag.h\"\n");
    write("cm/otherarch/a.go", bodyless.replace("P", "otherarch"));
    write("cm/otherarch/a_arm64.s", "\n");
    write("cm/tagged/a.go", bodyless.replace("P", "tagged"));
    write("cm/tagged/a.s", "//go:build ignore\n\n#include \"textflag.h\"\n");
    const loader = new Loader({ goroot: goroot(), cwd: path.join(tmp, "cm"), progress: false });
    const plain = loader.loadDir("plain");
    expect(plain.complete).toBe(true);
    expect(msgs(plain)).toEqual(["missing function body"]);
    expect(loader.loadDir("asm").complete).toBe(false);
    expect(msgs(loader.loadDir("asm"))).toEqual([]);
    expect(msgs(loader.loadDir("otherarch"))).toEqual(["missing function body"]);
    expect(msgs(loader.loadDir("tagged"))).toEqual(["missing function body"]);
    // named files are all go build compiles
    expect(msgs(loader.loadFiles(["asm/a.go"]))).toEqual(["missing function body"]);
    // the option overrides (go tool compile without -complete)
    const off = new Loader({ goroot: goroot(), cwd: path.join(tmp, "cm"), progress: false, complete: false });
    expect(msgs(off.loadDir("plain"))).toEqual([]);
  });

  it("follows go build's std exceptions and never sets it for gort's own stdlib", () => {
    write("goroot/src/internal/nobody/a.go", bodyless.replace("P", "nobody"));
    write("goroot/src/sync/a.go", bodyless.replace("P", "sync"));
    const loader = new Loader({ goroot: goroot(), cwd: tmp, progress: false });
    expect(msgs(loader.loadDir(path.join(goroot(), "src/internal/nobody")))).toEqual(["missing function body"]);
    expect(msgs(loader.loadDir(path.join(goroot(), "src/sync")))).toEqual([]);
    const gortStd = new Loader({ goroot: "", stdlibRoot: path.join(goroot(), "src"), cwd: tmp, progress: false });
    const p = gortStd.loadDir(path.join(goroot(), "src/internal/nobody"));
    expect(p.kind).toBe("std");
    expect(p.complete).toBe(false);
    expect(msgs(p)).toEqual([]);
  });
});
