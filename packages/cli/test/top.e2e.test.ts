/**
 * `gort top` against a program started with `gort run --diag` (through the built CLI): the
 * listing, --once, --goroutines (Go's traceback format), --memstats, --gc, the live view without
 * a terminal; the socket is 0600 in a 0700 directory, and another user is refused.
 */
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
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

function gort(args: string[], cwd: string) {
  return spawnSync("node", [bin, ...args], { cwd, encoding: "utf8", timeout: 30_000 });
}

describe.skipIf(!built)("gort top", () => {
  it("attaches to a program started with --diag", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-top-"));
    fs.writeFileSync(path.join(dir, "serve.go"), PROG);
    const child = spawn("node", [bin, "run", "--diag", "serve.go"], { cwd: dir, env: { ...process.env, GORTCACHE: `${dir}/cache` }, stdio: "ignore" });
    const uid = process.getuid?.() ?? 0;
    const sock = path.join(os.tmpdir(), `gort-${uid}`, `${child.pid}.sock`);
    try {
      for (let i = 0; i < 200 && !fs.existsSync(sock); i++) await new Promise((r) => setTimeout(r, 100));
      expect(fs.existsSync(sock)).toBe(true);
      expect(fs.statSync(sock).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(sock)).mode & 0o777).toBe(0o700);
      await new Promise((r) => setTimeout(r, 500)); // a first snapshot

      const list = gort(["top"], dir);
      expect(list.status).toBe(0);
      expect(list.stdout).toMatch(new RegExp(`^PID +PROGRAM +ARGS +STARTED\\n(.*\\n)*${child.pid} +serve `, "m"));

      const once = gort(["top", "--once", String(child.pid)], dir);
      expect(once.stdout).toMatch(/^gort: t=\d+\.\ds gomaxprocs=1 goroutines=4 /);

      const gs = gort(["top", "--goroutines", String(child.pid)], dir);
      expect(gs.status).toBe(0);
      expect(gs.stdout).toMatch(/^goroutine 1 \[(sleep|chan send|running|runnable)\]:\nmain\.main\(\)\n\t.*serve\.go:\d+ \+0x[0-9a-f]+\n/);
      expect(gs.stdout.match(/^goroutine \d+ \[chan receive\]:\nmain\.waiter\(/gm)?.length).toBeGreaterThanOrEqual(2);
      expect(gs.stdout).toContain("created by main.main");

      const ms = gort(["top", "--memstats", String(child.pid)], dir);
      expect(ms.stdout).toMatch(/^Alloc: \d+$/m);
      expect(ms.stdout).toMatch(/^NumGC: \d+$/m);

      const gc = gort(["top", "--gc", String(child.pid)], dir);
      expect(gc.stdout).toBe(`gort top: GC requested in ${child.pid}\n`);
      await new Promise((r) => setTimeout(r, 600));
      const after = gort(["top", "--memstats", String(child.pid)], dir);
      expect(Number(/^NumForcedGC: (\d+)$/m.exec(after.stdout)?.[1])).toBeGreaterThanOrEqual(1);

      // a 5 s capture: a CPU profile (gzipped protobuf) and a Go 1.19 execution trace
      const cap = gort(["top", "--cpuprofile", "c.pprof", "--trace", "t.trace", String(child.pid)], dir);
      expect(cap.status).toBe(0);
      expect(cap.stdout).toContain(`wrote a CPU profile of ${child.pid}`);
      expect([...fs.readFileSync(path.join(dir, "c.pprof")).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
      expect(fs.readFileSync(path.join(dir, "t.trace")).subarray(0, 16).toString("latin1")).toBe("go 1.19 trace\0\0\0");

      // another user cannot connect (only meaningful as root, which can switch users)
      if (uid === 0 && spawnSync("runuser", ["--help"]).status === 0) {
        const probe = `require("net").createConnection(${JSON.stringify(sock)}).on("connect",()=>{console.log("connected");process.exit(0)}).on("error",e=>{console.log(e.code);process.exit(1)})`;
        const other = spawnSync("runuser", ["-u", "nobody", "--", process.execPath, "-e", probe], { encoding: "utf8" });
        expect(other.stdout.trim()).toBe("EACCES");
      }
    } finally {
      child.kill();
    }
    await new Promise((r) => child.on("exit", r));
    const bad = gort(["top", "--once", "999999999"], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe("gort top: no gort program with diagnostics at pid 999999999 (start it with gort run --diag)\n");
  }, 58_000);
});
