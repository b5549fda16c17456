/**
 * `gort run --dash` end to end, through the built CLI (bin/run.js; the test script builds
 * first): in a real terminal (tmux, 160×48) the dashboard shows P rows, GC cycles and the
 * goroutine count while the program runs, and q ends the program with status 130 as SIGINT
 * would; without a terminal the program's output passes through untouched and summary lines
 * go to stderr.
 */
import { describe, expect, it } from "vitest";
import { execFile, execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/run.js", import.meta.url));
const built = fs.existsSync(fileURLToPath(new URL("../dist/services/progworker.js", import.meta.url)));
const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

const PROG = `package main

import "time"

type node struct{ l, r *node }

func tree(d int) *node {
	if d == 0 {
		return &node{}
	}
	return &node{tree(d - 1), tree(d - 1)}
}

func main() {
	for i := 0; i < 6; i++ {
		go func() {
			for {
				_ = tree(10)
				time.Sleep(time.Millisecond)
			}
		}()
	}
	for i := 0; ; i++ {
		println("tick", i)
		_ = tree(12)
		time.Sleep(20 * time.Millisecond)
	}
}
`;

function tmp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-dash-"));
  fs.writeFileSync(path.join(dir, "spin.go"), PROG);
  fs.writeFileSync(
    path.join(dir, "short.go"),
    'package main\n\nimport "time"\n\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t\tprintln("line", i)\n\t\ttime.Sleep(700 * time.Millisecond)\n\t}\n}\n',
  );
  return dir;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

describe.skipIf(!built || !hasTmux)("gort run --dash in a terminal", () => {
  it("shows P rows, GC rows and the goroutine count while the program runs; q exits with 130", async () => {
    const dir = tmp();
    const session = `gort-dash-${process.pid}`;
    const tmux = (...a: string[]) => execFileSync("tmux", a, { encoding: "utf8" });
    const done = path.join(dir, "status");
    // compile first (a cold cache under a loaded CI machine can take tens of seconds), then run the image
    const built = await new Promise<number>((resolve) =>
      execFile("node", [bin, "build", "-o", "spin.img", "spin.go"], { cwd: dir, env: { ...process.env, GORTCACHE: `${dir}/cache` }, timeout: 150_000 }, (e) =>
        resolve(e === null ? 0 : typeof e.code === "number" ? e.code : -1),
      ),
    );
    expect(built).toBe(0);
    tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "48", "-c", dir, `node ${bin} run --dash spin.img; echo $? > ${done}; sleep 60`);
    try {
      let screen = "";
      const want = [/Scheduler/, /P0\s+(running|idle)/, /goroutines 7\b/, /cycles [1-9]/, /@\d+\.\d{3}s/, /Program output/, /tick \d+/];
      for (let i = 0; i < 300 && !want.every((r) => r.test(screen)); i++) {
        await sleep(200);
        screen = tmux("capture-pane", "-p", "-t", session);
      }
      for (const r of want) expect(screen).toMatch(r);
      expect(screen.split("\n").some((l) => l.startsWith("gort spin"))).toBe(true); // the title row is on screen
      tmux("send-keys", "-t", session, "q");
      for (let i = 0; i < 100 && !fs.existsSync(done); i++) await sleep(200);
      expect(fs.readFileSync(done, "utf8").trim()).toBe("130");
    } finally {
      spawnSync("tmux", ["kill-session", "-t", session]);
    }
  }, 240_000);
});

describe.skipIf(!built)("gort run --dash without a terminal", () => {
  it("passes the program's output through and prints summary lines on stderr", async () => {
    const dir = tmp();
    const r = await new Promise<{ status: number; stderr: string }>((resolve) =>
      execFile("node", [bin, "run", "--dash", "short.go"], { cwd: dir, encoding: "utf8", env: { ...process.env, GORTCACHE: `${dir}/cache` }, timeout: 150_000 }, (e, _o, stderr) =>
        resolve({ status: e === null ? 0 : typeof e.code === "number" ? e.code : -1, stderr }),
      ),
    );
    expect(r.status).toBe(0);
    const err = r.stderr.split("\n");
    expect(err.filter((l) => /^line \d$/.test(l))).toEqual(["line 0", "line 1", "line 2"]);
    const summaries = err.filter((l) => l.startsWith("gort: t="));
    expect(summaries.length).toBeGreaterThanOrEqual(2);
    expect(summaries[0]).toMatch(/^gort: t=0\.0s gomaxprocs=\d+ goroutines=1 runqueue=0 P0:\w+/);
  }, 180_000);
});
