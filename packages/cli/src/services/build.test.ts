/**
 * `gort build` and `gort env`: an image written by build runs with `gort run IMAGE` (and carries
 * os.Args[0] = its file name), -o into a directory, a corrupt image is one error line, compile
 * errors stop the build; env prints go env's shapes and the --gogc/--gomemlimit flags reach
 * the program as the environment variables do.
 */
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runBuild } from "./build.js";
import { runEnvCommand } from "./env.js";
import { runRun } from "./run.js";
import { IMAGE_SHEBANG, runEnv } from "./runexec.js";

const PROG = `package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"
)

func main() {
	fmt.Println(os.Args[0][strings.LastIndex(os.Args[0], "/")+1:], os.Args[1:], os.Getenv("GOGC"))
	fmt.Println(debug.SetMemoryLimit(-1))
	os.Exit(3)
}
`;

function tmp(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-build-test-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function io(dir: string, env: Record<string, string> = {}) {
  const r = { out: "", err: "" };
  return {
    r,
    io: { cwd: dir, env: { GORTCACHE: "off", ...env }, stdout: (s: string) => void (r.out += s), stderr: (s: string) => void (r.err += s) },
  };
}

describe("gort build", () => {
  it("writes an executable image that gort run runs with the program's exit status and flags", async () => {
    await new Promise((r) => setTimeout(r, 250)); // vitest sends task updates (throttled, 100 ms) and needs their replies before a long synchronous stretch: 60 s RPC limit
    const dir = tmp({ "tool.go": PROG });
    const b = io(dir);
    expect(runBuild(["tool.go"], b.io)).toBe(0);
    expect(b.r.err).toBe("");
    const file = path.join(dir, "tool");
    expect(fs.statSync(file).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(file).subarray(0, IMAGE_SHEBANG.length).toString()).toBe(IMAGE_SHEBANG);
    const r = io(dir, { GOMEMLIMIT: "64MiB" });
    expect(runRun(["--gogc=42", "./tool", "x", "-y"], r.io)).toBe(3);
    expect(r.r.out).toBe("tool [x -y] 42\n67108864\n");
    const r2 = io(dir);
    expect(runRun(["--gomemlimit", "1GiB", "tool", "z"], r2.io)).toBe(3);
    expect(r2.r.out).toBe("tool [z] \n1073741824\n");
  });

  it("-o DIR/ puts the image under the program's name; compile errors stop it", async () => {
    await new Promise((r) => setTimeout(r, 250)); // vitest sends task updates (throttled, 100 ms) and needs their replies before a long synchronous stretch: 60 s RPC limit
    const dir = tmp({ "main.go": PROG, "bad.go": "package main\n\nfunc main() { x := 1 }\n" });
    const b = io(dir);
    expect(runBuild(["-o", "bin/", "main.go"], b.io)).toBe(0);
    expect(fs.existsSync(path.join(dir, "bin", "main"))).toBe(true);
    const e = io(dir);
    expect(runBuild(["-o=out", "bad.go"], e.io)).toBe(1);
    expect(e.r.err).toBe("# command-line-arguments\n./bad.go:3:15: x declared but not used\n");
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
    const f = io(dir);
    expect(runBuild(["-x", "main.go"], f.io)).toBe(2);
    expect(f.r.err.split("\n")[0]).toBe("flag provided but not defined: -x");
  });

  it("a corrupt or truncated image is one clear line, exit 1", async () => {
    await new Promise((r) => setTimeout(r, 250)); // vitest sends task updates (throttled, 100 ms) and needs their replies before a long synchronous stretch: 60 s RPC limit
    const dir = tmp({ "main.go": PROG });
    expect(runBuild(["-o", "img", "main.go"], io(dir).io)).toBe(0);
    const bytes = fs.readFileSync(path.join(dir, "img"));
    fs.writeFileSync(path.join(dir, "cut"), bytes.subarray(0, bytes.length >> 1));
    const r = io(dir);
    expect(runRun(["cut"], r.io)).toBe(1);
    expect(r.r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.r.err).toMatch(/^gort: cut: /);
  });
});

describe("gort env", () => {
  it("prints go env's NAME=\"value\" lines, single values, and JSON", () => {
    const e = io("/", { GOGC: "off", GODEBUG: 'gctrace=1,x="$y"', GORTCACHE: "/tmp/c" });
    expect(runEnvCommand([], e.io)).toBe(0);
    const lines = e.r.out.trimEnd().split("\n");
    expect(lines).toContain('GOGC="off"');
    expect(lines).toContain('GODEBUG="gctrace=1,x=\\"\\$y\\""');
    expect(lines).toContain('GORTCACHE="/tmp/c"');
    expect(lines).toContain('GOVERSION="go1.19"');
    expect(lines.every((l) => /^[A-Z]+="/.test(l))).toBe(true);
    const one = io("/", { GOMAXPROCS: "3" });
    expect(runEnvCommand(["GOMAXPROCS", "GOMEMLIMIT", "NOPE"], one.io)).toBe(0);
    expect(one.r.out).toBe("3\n\n\n");
    const js = io("/", { GORTCACHE: "off" });
    expect(runEnvCommand(["-json", "GORTCACHE"], js.io)).toBe(0);
    expect(JSON.parse(js.r.out)).toEqual({ GORTCACHE: "off" });
  });

  it("run flags override the environment variables", () => {
    expect(runEnv({ GOGC: "100", HOME: "/h" }, { force: false, gogc: "off", gomaxprocs: "4" })).toEqual({ GOGC: "off", GOMAXPROCS: "4", HOME: "/h" });
    const env = { A: "1" };
    expect(runEnv(env, { force: false })).toBe(env);
  });
});
