/**
 * `gort run --trace FILE` (runtrace.ts + runtime/src/trace.ts): the file is a Go 1.19 execution
 * trace. Checked two ways: an independent decoder below (header, batches, event sizes, the
 * Frequency record, every stack GoCreate references is defined, sequence numbers), and — when
 * Go 1.19 is installed — Go's own parser: `go tool trace -d` must list the events of a
 * concurrent program and `go tool trace -pprof=sched` must produce a profile.
 */
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { runRun } from "./run.js";

const GO = "/usr/lib/go-1.19/bin/go";
const haveGo = fs.existsSync(GO);

/**
 * goroutines, an unbuffered channel, a buffered one, a contended mutex, a sleep, a select on a
 * timer, runtime.GC, then 13 MB of garbage over a small live tree (run with GOGC=10: dozens of
 * heap-triggered cycles with mark assists and proportional sweeps).
 */
const PROG = `package main

import (
	"runtime"
	"sync"
	"time"
)

type node struct{ l, r *node }

func build(d int) *node {
	if d == 0 {
		return &node{}
	}
	return &node{build(d - 1), build(d - 1)}
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	jobs := make(chan int)
	out := make(chan int, 2)
	n := 0
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				mu.Lock()
				build(d)
				runtime.Gosched()
				n++
				mu.Unlock()
				out <- d
			}
		}()
	}
	go func() {
		for i := 0; i < 6; i++ {
			jobs <- 3
		}
		close(jobs)
	}()
	s := 0
	for i := 0; i < 6; i++ {
		s += <-out
	}
	wg.Wait()
	live := build(9)
	var sink []byte
	for i := 0; i < 400; i++ { // garbage for heap-triggered cycles (GOGC=10): assists, sweeps
		sink = make([]byte, 32<<10)
		build(3)
	}
	_, _ = live, sink
	time.Sleep(time.Millisecond)
	runtime.GC()
	never := make(chan int)
	select {
	case <-time.After(time.Millisecond):
	case <-never:
	}
	println(s, n)
}
`;

interface Ev {
  type: number;
  ts: number;
  p: number;
  args: number[];
}

/** A minimal independent reader of the 1.19 format (reference/trace-format-1.19.md §1–4). */
function decode(b: Uint8Array): { events: Ev[]; stacks: Map<number, number>; strings: Map<number, string>; freq: number } {
  expect(Buffer.from(b.subarray(0, 16)).toString("latin1")).toBe("go 1.19 trace\0\0\0");
  let pos = 16;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const c = b[pos++];
      if (c === undefined) throw new Error("truncated varint");
      v += (c & 0x7f) * mul;
      mul *= 128;
      if ((c & 0x80) === 0) return v;
    }
  };
  const events: Ev[] = [];
  const stacks = new Map<number, number>();
  const strings = new Map<number, string>();
  let freq = 0;
  let p = -2;
  let ts = 0;
  while (pos < b.length) {
    const h = b[pos++];
    const type = h & 0x3f;
    const n = h >> 6;
    if (type === 1) {
      p = varint();
      ts = varint();
      continue;
    }
    if (type === 2) {
      freq = varint();
      continue;
    }
    if (type === 37) {
      const id = varint();
      const len = varint();
      strings.set(id, Buffer.from(b.subarray(pos, pos + len)).toString("utf8"));
      pos += len;
      continue;
    }
    const vals: number[] = [];
    if (n < 3) for (let i = 0; i <= n; i++) vals.push(varint());
    else {
      const len = varint();
      const end = pos + len;
      while (pos < end) vals.push(varint());
      expect(pos).toBe(end);
    }
    if (type === 3) {
      const [id, nf] = vals;
      expect(vals.length).toBe(2 + 4 * nf);
      stacks.set(id, nf);
      continue;
    }
    if (type === 48) pos += varint(); // UserLog's trailing string
    ts += vals[0];
    events.push({ type, ts, p, args: vals.slice(1) });
  }
  return { events, stacks, strings, freq };
}

describe("gort run --trace", () => {
  it("writes a Go 1.19 execution trace of a concurrent program", { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-trace-test-"));
    fs.writeFileSync(path.join(dir, "main.go"), PROG);
    const file = path.join(dir, "out.trace");
    let out = "";
    let err = "";
    const code = runRun(["--trace", file, "main.go"], {
      cwd: dir,
      env: { GORTCACHE: path.join(dir, "cache"), GOGC: "10" },
      stdout: (s) => (out += s),
      stderr: (s) => (err += s),
    });
    expect(err).toBe("18 6\n");
    expect(code).toBe(0);
    expect(out).toBe("");
    const bytes = new Uint8Array(fs.readFileSync(file));
    const { events, stacks, strings, freq } = decode(bytes);
    expect(freq).toBe(1e9);
    const count = (t: number) => events.filter((e) => e.type === t).length;
    // GoCreate: main + 3 workers + the producer; every new-goroutine stack is defined.
    const creates = events.filter((e) => e.type === 13);
    const user = creates.filter((e) => e.args[0] < 0x3fff_fff0);
    expect(user.length).toBe(5);
    for (const e of creates) expect(stacks.get(e.args[1])).toBe(1);
    expect(count(5)).toBeGreaterThanOrEqual(1); // ProcStart
    expect(count(14)).toBeGreaterThan(5); // GoStart
    expect(count(22) + count(23)).toBeGreaterThan(0); // GoBlockSend / GoBlockRecv
    expect(count(25)).toBeGreaterThan(0); // GoBlockSync: the mutex held across Gosched
    expect(count(17)).toBeGreaterThan(0); // GoSched
    expect(count(19)).toBe(1); // GoSleep: time.Sleep
    expect(count(24)).toBe(1); // GoBlockSelect: the select on time.After, woken by the timer (from no G)
    expect(count(7)).toBeGreaterThanOrEqual(1); // GCStart (runtime.GC)
    expect(count(8)).toBe(count(7)); // GCDone
    expect(count(33)).toBeGreaterThan(0); // HeapAlloc
    expect(count(34)).toBeGreaterThan(0); // HeapGoal
    expect(count(7)).toBeGreaterThan(1); // heap-triggered cycles besides runtime.GC
    expect(count(9)).toBe(2 * count(7)); // GCSTWStart: sweep and mark termination per cycle
    expect(count(43)).toBeGreaterThan(0); // GCMarkAssistStart
    expect(count(11)).toBeGreaterThan(0); // GCSweepStart
    expect(count(12)).toBe(count(11)); // GCSweepDone
    expect(count(15)).toBe(5); // GoEnd: every goroutine ended
    // Sequence numbers: each G's GoStart/GoUnblock seqs go 1, 2, 3, … without gaps.
    const seq = new Map<number, number>();
    for (const e of events) {
      if (e.type !== 14 && e.type !== 21) continue;
      const [g, s] = e.args;
      expect(s).toBe((seq.get(g) ?? 0) + 1);
      seq.set(g, s);
    }
    // Stacks resolve to names and files.
    expect([...strings.values()]).toContain("main.main");
    expect([...strings.values()].some((s) => s.endsWith("main.go"))).toBe(true);
    fs.copyFileSync(file, path.join(os.tmpdir(), "gort-runtrace-test.trace"));

    if (!haveGo) return;
    const d = spawnSync(GO, ["tool", "trace", "-d", file], { encoding: "utf8" });
    expect(d.status, d.stderr).toBe(0);
    for (const name of ["GoCreate", "GoStart", "GoBlockRecv", "GoBlockSync", "GoUnblock", "ProcStart", "GCStart", "HeapAlloc", "GoSleep", "GoEnd", "GCMarkAssistStart", "GCSweepStart"]) {
      expect(d.stdout, name).toContain(` ${name} `);
    }
    const prof = path.join(dir, "sched.pprof");
    const s = spawnSync(GO, ["tool", "trace", `-pprof=sched`, file], { encoding: "buffer" });
    expect(s.status, s.stderr.toString()).toBe(0);
    fs.writeFileSync(prof, s.stdout);
    expect(s.stdout.length).toBeGreaterThan(0);
    const top = spawnSync(GO, ["tool", "pprof", "-top", prof], { encoding: "utf8" });
    expect(top.status, top.stderr).toBe(0);
    expect(top.stdout).toContain("main.main");
    const sync = spawnSync(GO, ["tool", "trace", `-pprof=sync`, file], { encoding: "buffer" });
    expect(sync.status).toBe(0);
  });

  it("hands runtime/trace annotations to Sched.userAnnotations without a trace (OpenTelemetry spans)", { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-trace-test-"));
    fs.writeFileSync(
      path.join(dir, "main.go"),
      `package main

import (
	"context"
	"runtime/trace"
)

func main() {
	ctx, task := trace.NewTask(context.Background(), "order")
	trace.WithRegion(ctx, "brew", func() { trace.Log(ctx, "k", "v") })
	r := trace.StartRegion(ctx, "pour")
	trace.Logf(ctx, "n", "%d", 42)
	r.End()
	task.End()
	println(trace.IsEnabled())
}
`,
    );
    const calls: string[] = [];
    let err = "";
    const code = runRun(["main.go"], {
      cwd: dir,
      env: { GORTCACHE: path.join(dir, "cache") },
      stdout: () => {},
      stderr: (s) => (err += s),
      onSched: (s) => {
        s.userAnnotations = {
          taskCreate: (g, id, p, name) => void calls.push(`task ${g} ${id} ${p} ${name}`),
          taskEnd: (g, id) => void calls.push(`end ${g} ${id}`),
          region: (g, id, mode, name) => void calls.push(`region ${g} ${id} ${mode} ${name}`),
          log: (g, id, k, v) => void calls.push(`log ${g} ${id} ${k}=${v}`),
        };
      },
    });
    expect(code).toBe(0);
    expect(err).toBe("false\n"); // IsEnabled keeps Go's meaning: no trace runs
    expect(calls).toEqual([
      "task 1 1 0 order",
      "region 1 1 0 brew",
      "log 1 1 k=v",
      "region 1 1 1 brew",
      "region 1 1 0 pour", // StartRegion is not a no-op while annotations are recorded
      "log 1 1 n=42",
      "region 1 1 1 pour",
      "end 1 1",
    ]);
  });

  it("reports a trace file that cannot be created", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-trace-test-"));
    fs.writeFileSync(path.join(dir, "main.go"), "package main\n\nfunc main() { println(1) }\n");
    let err = "";
    const code = runRun(["--trace", path.join(dir, "no/such/dir/t.trace"), "main.go"], {
      cwd: dir,
      env: { GORTCACHE: path.join(dir, "cache") },
      stdout: () => {},
      stderr: (s) => (err += s),
    });
    expect(code).toBe(1);
    expect(err).toBe(`gort: open ${path.join(dir, "no/such/dir/t.trace")}: no such file or directory\n`);
  });
});
