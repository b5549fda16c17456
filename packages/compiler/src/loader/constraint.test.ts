import { describe, expect, it } from "vitest";
import { constraintString, evalConstraint, isGoBuildLine, isPlusBuildLine, parseGoBuildExpr, parsePlusBuildLine } from "./constraint.js";
import { defaultBuildContext, goodOSArchFile, headerMatches, matchTag, readConstraintHeader } from "./buildctx.js";

const ctx = defaultBuildContext();
const has = (t: string) => matchTag(ctx, t);

function goBuild(expr: string): boolean | string {
  const p = parseGoBuildExpr(expr);
  return "error" in p ? `error: ${p.error}` : evalConstraint(p.expr, has);
}

describe("//go:build expressions", () => {
  it.each([
    ["linux", true],
    ["windows", false],
    ["linux && amd64", true],
    ["linux && !amd64", false],
    ["darwin || linux", true],
    ["!cgo", true],
    ["cgo", false],
    ["unix", true],
    ["gc", true],
    ["gccgo", false],
    ["go1.18", true],
    ["go1.22", true],
    ["go1.23", false],
    ["!go1.21", false],
    ["(linux || darwin) && !(386 || arm)", true],
    ["linux && (386 || arm)", false],
    ["!!linux", true],
    ["goexperiment.regabiargs", true],
    ["a || b && c", false],
    ["linux || b && c", true],
  ])("%s → %s", (expr, want) => {
    expect(goBuild(expr)).toBe(want);
  });

  it("binds && tighter than ||", () => {
    const p = parseGoBuildExpr("a || b && c");
    expect("expr" in p && constraintString(p.expr)).toBe("a || b && c");
    const q = parseGoBuildExpr("(a || b) && c");
    expect("expr" in q && constraintString(q.expr)).toBe("(a || b) && c");
  });

  it.each(["", "linux &&", "(linux", "linux)", "linux & amd64", "a b", "!", "x || || y"])("rejects %j", (expr) => {
    expect(typeof goBuild(expr)).toBe("string");
  });
});

describe("// +build lines", () => {
  it.each([
    ["linux darwin", true],
    ["windows plan9", false],
    ["linux,386", false],
    ["linux,amd64 windows", true],
    ["!windows", true],
    ["!linux,!darwin", false],
  ])("%s → %s", (line, want) => {
    const p = parsePlusBuildLine(line);
    expect("expr" in p && evalConstraint(p.expr, has)).toBe(want);
  });

  it("recognises the comment forms", () => {
    expect(isPlusBuildLine("// +build linux")).toBe(true);
    expect(isPlusBuildLine("//+build linux")).toBe(true);
    expect(isPlusBuildLine("// +builder")).toBe(false);
    expect(isGoBuildLine("//go:build linux")).toBe(true);
    expect(isGoBuildLine("// go:build linux")).toBe(false);
    expect(isGoBuildLine("//go:buildx")).toBe(false);
  });
});

describe("file headers", () => {
  const ok = (src: string) => {
    const r = headerMatches(ctx, readConstraintHeader(src));
    return "error" in r ? r.error : r.ok;
  };
  it("uses //go:build over // +build", () => {
    expect(ok("//go:build linux\n// +build windows\n\npackage p\n")).toBe(true);
    expect(ok("//go:build windows\n// +build linux\n\npackage p\n")).toBe(false);
  });
  it("ANDs several +build lines", () => {
    expect(ok("// +build linux\n// +build 386\n\npackage p\n")).toBe(false);
    expect(ok("// +build linux darwin\n// +build amd64\n\npackage p\n")).toBe(true);
  });
  it("ignores a +build line not followed by a blank line (package doc)", () => {
    expect(ok("// +build windows\npackage p\n")).toBe(true);
    expect(ok("// Copyright\n\n// +build windows\n\n// Package p.\npackage p\n")).toBe(false);
  });
  it("ignores constraints after the package clause or inside /* */", () => {
    expect(ok("package p\n\n//go:build windows\n")).toBe(true);
    expect(ok("/*\n//go:build windows\n*/\n\npackage p\n")).toBe(true);
  });
  it("rejects two //go:build lines", () => {
    expect(ok("//go:build linux\n//go:build amd64\n\npackage p\n")).toBe("multiple //go:build comments");
  });
});

describe("file name suffixes", () => {
  it.each([
    ["a.go", true],
    ["a_linux.go", true],
    ["a_windows.go", false],
    ["a_amd64.go", true],
    ["a_arm64.go", false],
    ["a_linux_amd64.go", true],
    ["a_linux_386.go", false],
    ["a_darwin_amd64.go", false],
    ["linux.go", true],
    ["windows.go", true],
    ["a_unix.go", true],
    ["a_windows_test.go", false],
    ["syscall_linux_test.go", true],
    ["x_foo_windows.go", false],
  ])("%s → %s", (name, want) => {
    expect(goodOSArchFile(ctx, name)).toBe(want);
  });
});
