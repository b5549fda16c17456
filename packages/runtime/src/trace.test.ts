/**
 * trace.ts: the events the scheduler's hooks produce for a known program, in order, with the
 * parser's invariants (reference/trace-format-1.19.md §5–7) checked by a small independent
 * decoder: sequence numbers, one running G per P, blocked Gs unblocked before they start again.
 */
import { describe, expect, it } from "vitest";
import { assemble } from "./vm/asm.js";
import { runGo } from "./proc.js";
import { VirtualClock } from "./time.js";
import { pingPong } from "./sched-programs.js";
import { startTrace, type Tracer } from "./trace.js";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";

const GO = "/usr/lib/go-1.19/bin/go";

const NAMES: Record<number, string> = {
  4: "Gomaxprocs", 5: "ProcStart", 6: "ProcStop", 7: "GCStart", 8: "GCDone", 9: "GCSTWStart", 10: "GCSTWDone",
  13: "GoCreate", 14: "GoStart", 15: "GoEnd", 16: "GoStop", 17: "GoSched", 18: "GoPreempt", 19: "GoSleep",
  20: "GoBlock", 21: "GoUnblock", 41: "GoStartLabel", 43: "GCMarkAssistStart", 44: "GCMarkAssistDone", 22: "GoBlockSend", 23: "GoBlockRecv", 25: "GoBlockSync", 33: "HeapAlloc", 34: "HeapGoal",
};

interface Ev { name: string; ts: number; args: number[] }

function decode(b: Uint8Array): { events: Ev[]; stacks: Map<number, number[]>; strings: Map<number, string>; freq: number } {
  let pos = 16;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const c = b[pos++];
      v += (c & 0x7f) * mul;
      mul *= 128;
      if ((c & 0x80) === 0) return v;
    }
  };
  const events: Ev[] = [];
  const stacks = new Map<number, number[]>();
  const strings = new Map<number, string>();
  let ts = 0;
  let freq = 0;
  while (pos < b.length) {
    const h = b[pos++];
    const type = h & 0x3f;
    const n = h >> 6;
    if (type === 1) {
      varint();
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
      strings.set(id, Buffer.from(b.subarray(pos, pos + len)).toString());
      pos += len;
      continue;
    }
    const vals: number[] = [];
    if (n < 3) for (let i = 0; i <= n; i++) vals.push(varint());
    else {
      const end = varint() + pos;
      while (pos < end) vals.push(varint());
    }
    if (type === 3) {
      stacks.set(vals[0], vals.slice(2));
      continue;
    }
    ts += vals[0];
    events.push({ name: NAMES[type] ?? `ev${type}`, ts, args: vals.slice(1) });
  }
  return { events, stacks, strings, freq };
}

function traced(src: string, atStart?: (t: Tracer) => void) {
  const chunks: Uint8Array[] = [];
  const clock = new VirtualClock();
  let tracer: Tracer | null = null;
  // The trace's own clock: virtual time plus one tick per read, so runs are deterministic.
  let t = 1000;
  const r = runGo(assemble(src), {
    clock,
    seed: 1,
    write: () => {},
    onSched: (s) => {
      tracer = startTrace(s, (c) => void chunks.push(c.slice()), { now: () => clock.now() + (t += 10) });
      if (atStart !== undefined && tracer !== null) atStart(tracer);
    },
  });
  (tracer as Tracer | null)?.stop();
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return { r, ...decode(all), sched: r.sched, bytes: all };
}

describe("execution tracer", () => {
  it("traces a ping-pong: create, start, block send/recv, unblock with sequence numbers, end", () => {
    const { r, events, stacks, strings, freq, sched } = traced(pingPong(3));
    expect(r.exitCode).toBe(0);
    expect(freq).toBe(1e9);
    expect(sched.tracer).toBe(null);
    const show = (e: Ev): string => {
      if (e.name === "GoCreate" || e.name === "ProcStart") return `${e.name} ${e.args[0]}`;
      if (e.name === "GoStart" || e.name === "GoUnblock" || e.name === "Gomaxprocs") return `${e.name} ${e.args[0]} ${e.args[1]}`;
      return e.name;
    };
    const seq = events.filter((e) => !e.name.startsWith("Heap")).map(show);
    // Goroutine 1 exists before the trace starts (runnable): GoCreate; then the P starts.
    expect(seq.slice(0, 3)).toEqual(["GoCreate 1", "ProcStart 0", "Gomaxprocs 1 0"]);
    const body = seq.slice(3);
    expect(body).toEqual([
      "GoStart 1 1",
      "GoCreate 5",
      "GoBlockSend", // main: ping <- 0, pong not receiving yet
      "GoStart 5 1",
      "GoUnblock 1 2", // pong receives 0, readies main
      "GoBlockSend", // pong: pong <- 1, main not receiving yet
      "GoStart 1 3",
      "GoUnblock 5 2", // main receives 1, readies pong
      "GoBlockSend", // main: ping <- 1
      "GoStart 5 3",
      "GoUnblock 1 4",
      "GoBlockSend",
      "GoStart 1 5",
      "GoUnblock 5 4",
      "GoBlockSend",
      "GoStart 5 5",
      "GoUnblock 1 6",
      "GoBlockSend",
      "GoStart 1 7",
      "GoUnblock 5 6",
      "GoBlockSend", // main's final −1
      "GoStart 5 7",
      "GoUnblock 1 8",
      "GoEnd", // pong returns
      "GoStart 1 9",
      "GoEnd", // main returns
      "ProcStop",
    ]);
    // Timestamps strictly increase.
    for (let i = 1; i < events.length; i++) expect(events[i].ts).toBeGreaterThan(events[i - 1].ts);
    // Every stack is defined; blocking stacks name the function and line of the channel op.
    const create5 = events.find((e) => e.name === "GoCreate" && e.args[0] === 5)!;
    const newStk = stacks.get(create5.args[1])!;
    expect(newStk.length).toBe(4);
    expect(strings.get(newStk[1])).toBe("main.pong");
    expect(newStk[3]).toBe(20); // declaration line
    const blocks = events.filter((e) => e.name === "GoBlockSend");
    const lines = new Set(blocks.map((e) => stacks.get(e.args[0])![3]));
    expect(lines).toEqual(new Set([10, 11, 24])); // main's sends (the last one after .line 11), pong's reply
    for (const e of blocks) {
      const fr = stacks.get(e.args[0])!;
      expect(strings.get(fr[2])).toBe("/tmp/pp/main.go");
    }
  });

  it("shows background mark slices as a GC worker goroutine with GoStartLabel", () => {
    const { events, strings, stacks, bytes } = traced(pingPong(1), (t) => {
      t.markWorkerStart(false); // a fractional slice from the scheduler (no G running yet)
      t.markWorkerDone();
      t.markWorkerStart(true); // an idle slice
      t.markWorkerStart(true); // nested start: ignored
      t.markWorkerDone();
    });
    const w = events.filter((e) => e.args[0] === 0x3fff_fff0 || e.name === "GoBlock");
    expect(w.map((e) => e.name + (e.name === "GoStartLabel" ? ` ${e.args[1]} ${strings.get(e.args[2])}` : ""))).toEqual([
      "GoCreate",
      "GoStartLabel 1 GC (fractional)",
      "GoBlock",
      "GoUnblock",
      "GoStartLabel 3 GC (idle)",
      "GoBlock",
    ]);
    const create = w[0];
    expect(strings.get(stacks.get(create.args[1])![1])).toBe("runtime.gcBgMarkWorker");
    if (!fs.existsSync(GO)) return;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gort-trace-")), "w.trace");
    fs.writeFileSync(file, bytes);
    const d = spawnSync(GO, ["tool", "trace", "-d", file], { encoding: "utf8" });
    expect(d.status, d.stderr).toBe(0);
    expect(d.stdout).toContain("GoStartLabel");
    expect(d.stdout).toContain("label=GC (idle)");
  });

  it("costs nothing when off: no tracer, and a second start is refused while one runs", () => {
    let second: Tracer | null | undefined;
    const r = runGo(assemble(pingPong(2)), {
      clock: new VirtualClock(),
      write: () => {},
      onSched: (s) => {
        expect(s.tracer).toBe(null);
        const t = startTrace(s, () => {});
        second = startTrace(s, () => {});
        t?.stop();
        expect(s.tracer).toBe(null);
      },
    });
    expect(r.exitCode).toBe(0);
    expect(second).toBe(null);
  });
});
