/**
 * `gort run --cpuprofile/--memprofile/--blockprofile/--mutexprofile`: real programs run through
 * the CLI service, their profile files decoded (packages/pprof) and — when Go 1.19 is installed
 * (GOROOT_FOR_TESTS or /usr/lib/go-1.19) — read by Go's own `go tool pprof -top`, which must put
 * the hottest function / biggest allocator on top with the right names, files and lines.
 * Programs are small: the VM is ~100× slower under vitest than in the built CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { decodeProfile, type Profile } from "@gort/pprof";

const { runRun } = await import("./run.js");
const { TestBundles } = await import("../../../runtime/src/mworker.testutil.js");

const GOROOT = [process.env.GOROOT_FOR_TESTS, "/usr/lib/go-1.19"].find((d) => d !== undefined && fs.existsSync(path.join(d, "bin", "go")));
const GO = GOROOT !== undefined ? path.join(GOROOT, "bin", "go") : undefined;

function prog(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-runprof-"));
  fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function run(dir: string, args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const cache = path.join(dir, ".cache");
  const code = runRun(args, { cwd: dir, env: { GORTCACHE: cache }, stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

/** Flat value (index vi) per leaf function. */
function flat(p: Profile, vi: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of p.samples) {
    const leaf = s.locations[0]?.lines[0]?.fn?.name ?? "";
    m.set(leaf, (m.get(leaf) ?? 0) + s.values[vi]);
  }
  return m;
}

function top(m: Map<string, number>): string {
  return [...m.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

/** `go tool pprof -top` rows: [flat, name] of the first rows. */
function goTop(file: string, extra: string[] = []): string[] {
  if (GO === undefined) return [];
  const text = execFileSync(GO, ["tool", "pprof", ...extra, "-top", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, HOME: os.tmpdir() } });
  const lines = text.split("\n");
  const hdr = lines.findIndex((l) => /^\s+flat\s+flat%/.test(l));
  expect(hdr).toBeGreaterThan(0);
  return lines.slice(hdr + 1).filter((l) => l.trim() !== "").map((l) => l.trim().split(/\s+/).slice(5).join(" "));
}

const CPU_PROG = `package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func light(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

func main() {
	fmt.Println(fib(23), light(2000))
}
`;

const MEM_PROG = `package main

import "fmt"

var keep [][]byte

func big() {
	for i := 0; i < 64; i++ {
		keep = append(keep, make([]byte, 128<<10))
	}
}

func small() int {
	n := 0
	for i := 0; i < 2000; i++ {
		b := make([]byte, 64)
		n += len(b)
	}
	return n
}

func main() {
	big()
	fmt.Println(small(), len(keep))
}
`;

const HEAP_PROG = `package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

var keep []*[1000]byte
var sink *[2000]byte

func keepers() {
	for i := 0; i < 10; i++ {
		p := new([1000]byte)
		keep = append(keep, p)
	}
}

func garbage() int {
	n := 0
	for i := 0; i < 50; i++ {
		sink = new([2000]byte)
		n += len(sink)
	}
	return n
}

func main() {
	runtime.MemProfileRate = 1
	keepers()
	fmt.Println(garbage())
	runtime.GC()
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		panic(err)
	}
	f.Close()
}
`;

describe("gort run --cpuprofile", () => {
  it("writes a CPU profile whose hottest function is main.fib", () => {
    const dir = prog("cpu.go", CPU_PROG);
    const r = run(dir, ["--cpuprofile", "cpu.pprof", "cpu.go"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe("28657 1999000\n");
    const bytes = fs.readFileSync(path.join(dir, "cpu.pprof"));
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]); // gzip, as Go writes
    const p = decodeProfile(bytes);
    expect(p.sampleTypes).toEqual([
      { type: "samples", unit: "count" },
      { type: "cpu", unit: "nanoseconds" },
    ]);
    expect(p.periodType).toEqual({ type: "cpu", unit: "nanoseconds" });
    expect(p.period).toBe(10000000);
    const total = p.samples.reduce((a, s) => a + s.values[0], 0);
    expect(total).toBeGreaterThan(3); // under vitest a slice is ~100× longer than built: few, heavy samples
    for (const s of p.samples) expect(s.values[1]).toBe(s.values[0] * 10000000);
    expect(top(flat(p, 1))).toBe("main.fib");
    // main.fib's frames name this file and lines inside its body (5–10)
    for (const s of p.samples) {
      for (const loc of s.locations) {
        const ln = loc.lines[0];
        if (ln.fn?.name !== "main.fib") continue;
        expect(ln.fn.filename).toBe(path.join(dir, "cpu.go"));
        expect(ln.line).toBeGreaterThanOrEqual(5);
        expect(ln.line).toBeLessThanOrEqual(10);
      }
    }
    if (GO !== undefined) expect(goTop(path.join(dir, "cpu.pprof"))[0]).toBe("main.fib");
  }, 120_000);
});

describe("gort run --memprofile", () => {
  it("writes an allocs profile whose biggest allocator is main.big", () => {
    const dir = prog("mem.go", MEM_PROG);
    const r = run(dir, ["--memprofile", "mem.pprof", "mem.go"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe("128000 64\n");
    const p = decodeProfile(fs.readFileSync(path.join(dir, "mem.pprof")));
    expect(p.sampleTypes.map((t) => `${t.type}/${t.unit}`)).toEqual(["alloc_objects/count", "alloc_space/bytes", "inuse_objects/count", "inuse_space/bytes"]);
    expect(p.defaultSampleType).toBe("alloc_space");
    expect(p.period).toBe(524288);
    expect(top(flat(p, 1))).toBe("main.big");
    const bigSample = p.samples.find((s) => s.locations[0]?.lines[0]?.fn?.name === "main.big");
    expect(bigSample?.numLabels.get("bytes")).toEqual([128 << 10]);
    const bigLine = bigSample?.locations[0].lines[0];
    expect(bigLine?.line).toBe(9);
    expect(bigLine?.fn?.filename).toBe(path.join(dir, "mem.go"));
    // still referenced from a global: in use after the final GC, scaled up to the true total
    expect(bigSample?.values[3]).toBeGreaterThan(0);
    if (GO !== undefined) {
      expect(goTop(path.join(dir, "mem.pprof"))[0]).toBe("main.big");
      expect(goTop(path.join(dir, "mem.pprof"), ["-sample_index=inuse_space"])[0]).toBe("main.big");
    }
  }, 120_000);
});

describe("gort run --memprofile with goroutines still running on worker Ms at the exit", () => {
  const bundles = new TestBundles();
  beforeAll(() => bundles.useMWorker());
  afterAll(() => bundles.done());

  it("writes the profile: the final runtime.GC runs after the Ms were stopped at safe points", async () => {
    // (On a loaded machine the final runtime.GC waited forever for an M whose thread was
    // terminated before it took its reply: 5 runs in 12. The deterministic check of the exit
    // stop is mthreads.test.ts's; this is the user's path end to end.)
    await new Promise((r) => setTimeout(r, 250)); // (vitest's RPC before a synchronous stretch: run.test.ts)
    const dir = prog(
      "spin.go",
      `package main

import (
	"fmt"
	"time"
)

var sink [2]*[64]int

func spin(alloc bool) {
	x := 0
	for {
		x++
		if alloc {
			p := new([64]int)
			p[0] = x
			sink[x&1] = p
		}
	}
}

func main() {
	go spin(false)
	go spin(true)
	time.Sleep(100 * time.Millisecond)
	fmt.Println("done")
}
`,
    );
    // every goroutine on an M (the adaptive policy off): at main's exit both spinners are
    // running on their Ms, between requests
    process.env.GORT_MTHREADS_ADAPTIVE = "0";
    let out = "";
    let err = "";
    let code: number;
    try {
      code = runRun(["--memprofile", "mem.pprof", "spin.go"], { cwd: dir, env: { GORTCACHE: path.join(dir, ".cache"), GOMAXPROCS: "2" }, stdout: (s) => (out += s), stderr: (s) => (err += s) }) as number;
    } finally {
      delete process.env.GORT_MTHREADS_ADAPTIVE;
    }
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toBe("done\n");
    const p = decodeProfile(fs.readFileSync(path.join(dir, "mem.pprof")));
    expect(p.sampleTypes.map((t) => t.type)).toEqual(["alloc_objects", "alloc_space", "inuse_objects", "inuse_space"]);
  }, 120_000);
});

describe("gort run --blockprofile --mutexprofile", () => {
  it("records channel waits and mutex contention with Go's stacks", () => {
    const dir = prog(
      "sync.go",
      `package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(mu *sync.Mutex, n *int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 10; i++ {
		mu.Lock()
		*n++
		time.Sleep(200 * time.Microsecond)
		mu.Unlock()
	}
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go worker(&mu, &n, &wg)
	}
	ch := make(chan int)
	go func() {
		time.Sleep(2 * time.Millisecond)
		ch <- 1
	}()
	<-ch
	wg.Wait()
	fmt.Println(n)
}
`,
    );
    const r = run(dir, ["--blockprofile", "block.pprof", "--mutexprofile", "mutex.pprof", "sync.go"]);
    expect(r.err).toBe("");
    expect(r.out).toBe("30\n");
    const b = decodeProfile(fs.readFileSync(path.join(dir, "block.pprof")));
    expect(b.sampleTypes.map((t) => `${t.type}/${t.unit}`)).toEqual(["contentions/count", "delay/nanoseconds"]);
    const leaves = new Set(b.samples.map((s) => s.locations[0]?.lines[0]?.fn?.name));
    expect(leaves.has("sync.(*Mutex).Lock")).toBe(true); // lockSlow hidden (skipframes), as in Go
    expect(leaves.has("main.main")).toBe(true); // the channel receive
    expect(leaves.has("sync.(*WaitGroup).Wait")).toBe(true);
    const m = decodeProfile(fs.readFileSync(path.join(dir, "mutex.pprof")));
    expect(m.samples.length).toBeGreaterThan(0);
    for (const s of m.samples) {
      expect(s.locations[0].lines[0].fn?.name).toBe("sync.(*Mutex).Unlock");
      expect(s.locations[1].lines[0].fn?.name).toBe("main.worker");
    }
  }, 120_000);
});

describe("runtime/pprof.WriteHeapProfile", () => {
  it("counts every allocation and free at MemProfileRate = 1 (same figures as Go 1.19)", () => {
    const dir = prog("heap.go", HEAP_PROG);
    const r = run(dir, ["heap.go", path.join(dir, "heap.pprof")]);
    expect(r.err).toBe("");
    expect(r.out).toBe("100000\n");
    const p = decodeProfile(fs.readFileSync(path.join(dir, "heap.pprof")));
    expect(p.defaultSampleType).toBe("");
    const row = (fn: string, size: number): number[] | undefined =>
      p.samples.find((s) => s.locations[0]?.lines[0]?.fn?.name === fn && s.numLabels.get("bytes")?.[0] === size)?.values;
    // Go 1.19 writes exactly these rows for this program (rate 1: no scaling):
    //   10 10240 10 10240 (main.keepers, bytes:[1024]) and 50 102400 1 2048 (main.garbage, bytes:[2048])
    expect(row("main.keepers", 1024)).toEqual([10, 10240, 10, 10240]);
    expect(row("main.garbage", 2048)).toEqual([50, 102400, 1, 2048]);
  }, 120_000);
});
