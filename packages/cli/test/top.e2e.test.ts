/**
 * `gort top` against a program started with `gort run --diag` (through the built CLI): the
 * listing, --once, --goroutines (Go's traceback format), --memstats, --gc, a 5 s capture of a
 * CPU profile and a trace; the socket is 0600 in a 0700 directory, and another user is refused.
 * Commands run asynchronously (a blocking spawn would stall vitest's worker), one short test each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/run.js", import.meta.url));
const built = fs.existsSync(fileURLToPath(new URL("../dist/services/diag.js", import.meta.url)));

const PROG = `package main

import "time"

func waiter(ch chan int) {
	for {
		<-ch
	}
}

func main() {
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go waiter(ch)
	}
	for i := 0; ; i++ {
		ch <- i
		time.Sleep(10 * time.Millisecond)
	}
}
`;

function gort(args: string[], cwd: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("node", [bin, ...args], { cwd, encoding: "utf8", timeout: 40_000 }, (e, stdout, stderr) =>
      resolve({ status: e === null ? 0 : typeof e.code === "number" ? e.code : -1, stdout, stderr }),
    );
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!built)("gort top", () => {
  let dir = "";
  let child: ChildProcess;
  let sock = "";
  let pid = "";
  const uid = process.getuid?.() ?? 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-top-"));
    fs.writeFileSync(path.join(dir, "serve.go"), PROG);
    child = spawn("node", [bin, "run", "--diag", "serve.go"], { cwd: dir, env: { ...process.env, GORTCACHE: `${dir}/cache` }, stdio: "ignore" });
    pid = String(child.pid);
    sock = path.join(os.tmpdir(), `gort-${uid}`, `${child.pid}.sock`);
    for (let i = 0; i < 500 && !fs.existsSync(sock); i++) await sleep(100);
    await sleep(500); // a first snapshot
  }, 58_000);

  afterAll(async () => {
    child.kill();
    await new Promise((r) => child.on("exit", r));
  });

  it("listens on a private socket and is listed", async () => {
    expect(fs.existsSync(sock)).toBe(true);
    expect(fs.statSync(sock).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(sock)).mode & 0o777).toBe(0o700);
    const list = await gort(["top"], dir);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^PID +PROGRAM +ARGS +STARTED\\n(.*\\n)*${pid} +serve `, "m"));
    const once = await gort(["top", "--once", pid], dir);
    expect(once.stdout).toMatch(/^gort: t=\d+\.\ds gomaxprocs=\d+ goroutines=4 /);
  }, 50_000);

  it("dumps goroutines and memstats, forces a GC", async () => {
    const gs = await gort(["top", "--goroutines", pid], dir);
    expect(gs.status).toBe(0);
    expect(gs.stdout).toMatch(/^goroutine 1 \[(sleep|chan send|running|runnable)\]:\nmain\.main\(\)\n\t.*serve\.go:\d+ \+0x[0-9a-f]+\n/);
    expect(gs.stdout.match(/^goroutine \d+ \[chan receive\]:\nmain\.waiter\(/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(gs.stdout).toContain("created by main.main");
    const ms = await gort(["top", "--memstats", pid], dir);
    expect(ms.stdout).toMatch(/^Alloc: \d+$/m);
    expect(ms.stdout).toMatch(/^NumGC: \d+$/m);
    const gc = await gort(["top", "--gc", pid], dir);
    expect(gc.stdout).toBe(`gort top: GC requested in ${pid}\n`);
    await sleep(600);
    const after = await gort(["top", "--memstats", pid], dir);
    expect(Number(/^NumForcedGC: (\d+)$/m.exec(after.stdout)?.[1])).toBeGreaterThanOrEqual(1);
  }, 55_000);

  it("captures 5 s of CPU profile and execution trace", async () => {
    const cap = await gort(["top", "--cpuprofile", "c.pprof", "--trace", "t.trace", pid], dir);
    expect(cap.status).toBe(0);
    expect(cap.stdout).toContain(`wrote a CPU profile of ${pid}`);
    expect([...fs.readFileSync(path.join(dir, "c.pprof")).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect(fs.readFileSync(path.join(dir, "t.trace")).subarray(0, 16).toString("latin1")).toBe("go 1.19 trace\0\0\0");
  }, 55_000);

  it("refuses other users, and names a pid without a program", async () => {
    // only meaningful as root, which can switch users
    if (uid === 0 && spawnSync("runuser", ["--help"]).status === 0) {
      const probe = `require("net").createConnection(${JSON.stringify(sock)}).on("connect",()=>{console.log("connected");process.exit(0)}).on("error",e=>{console.log(e.code);process.exit(1)})`;
      const other = spawnSync("runuser", ["-u", "nobody", "--", process.execPath, "-e", probe], { encoding: "utf8" });
      expect(other.stdout.trim()).toBe("EACCES");
    }
    const bad = await gort(["top", "--once", "999999999"], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe("gort top: no gort program with diagnostics at pid 999999999 (start it with gort run --diag)\n");
  }, 30_000);
});
