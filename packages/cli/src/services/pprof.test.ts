// `gort pprof` as a command: flags spelled like go tool pprof's, reports on stdout equal to
// `go tool pprof`'s (packages/pprof/testdata/expected), one-line errors for bad files.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePprofArgs, type PprofIO, runPprof, runPprofCommand } from "./pprof.js";

const testdata = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../../pprof/testdata");
const expected = (name: string) => fs.readFileSync(path.join(testdata, "expected", name), "utf8");

function run(args: string[], tty?: { columns: number }): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const io: PprofIO = {
    cwd: testdata,
    env: {},
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    isTTY: tty !== undefined,
    columns: tty?.columns,
  };
  const code = runPprof(args, io);
  return { code, out, err };
}

beforeAll(() => {
  process.env.TZ = "UTC";
});

describe("gort pprof", () => {
  it("-top and --top are the same flag", () => {
    for (const flag of ["-top", "--top", "-top=true"]) {
      const r = run([flag, "cpu.pprof"]);
      expect(r).toEqual({ code: 0, out: expected("cpu.top.txt"), err: "" });
    }
    expect(run(["--top", "--sample_index", "alloc_objects", "heap.pprof"]).out).toBe(expected("heap.alloc_objects.top.txt"));
    expect(run(["-top", "-nodecount", "12", "mixed.pprof"]).out).toBe(expected("mixed.nodecount.top.txt"));
  });

  // every case of testdata/cases.txt: gort pprof prints what go tool pprof printed
  const cases = fs
    .readFileSync(path.join(testdata, "cases.txt"), "utf8")
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => l.split("\t") as [string, string]);
  for (const [file, args] of cases) {
    it(`gort pprof ${args}`, () => {
      const r = run(args.split(" "));
      const errFile = path.join(testdata, "expected", `${file}.err`);
      expect(r.err).toBe(fs.existsSync(errFile) ? fs.readFileSync(errFile, "utf8") : "");
      expect(r.out).toBe(expected(file));
      expect(r.code).toBe(0);
    });
  }

  it("parses flags as Go's flag package does", () => {
    const a = parsePprofArgs(["-top", "--unit=ms", "-focus", "main", "x.pprof", "-cum"]);
    expect([...a.flags]).toEqual([
      ["top", true],
      ["unit", "ms"],
      ["focus", "main"],
    ]);
    expect(a.files).toEqual(["x.pprof", "-cum"]);
  });

  it("warns like pprof when a filter matches nothing", () => {
    const r = run(["-top", "-focus=nosuchfunction", "cpu.pprof"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("Focus expression matched no samples\n");
    expect(r.out).toContain("Showing nodes accounting for 0, 0% of 850ms total");
  });

  it("rejects a bad command line with the usage and status 2", () => {
    let r = run(["-top", "-bogus", "cpu.pprof"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^gort pprof: flag provided but not defined: -bogus\nusage: gort pprof/);
    r = run(["cpu.pprof"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^gort pprof: no report chosen/);
    r = run(["-top", "-tree", "cpu.pprof"]);
    expect(r.err).toMatch(/^gort pprof: choose one report, not -top and -tree/);
    r = run(["-help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: gort pprof \[flags\] PROFILE/);
  });

  it("reports a missing, truncated or corrupt profile in one line naming the file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-pprof-"));
    const cpu = fs.readFileSync(path.join(testdata, "cpu.pprof"));
    fs.writeFileSync(path.join(dir, "trunc.pprof"), cpu.subarray(0, cpu.length / 2));
    fs.writeFileSync(path.join(dir, "raw-trunc.pprof"), zlib.gunzipSync(cpu).subarray(0, 300));
    fs.writeFileSync(path.join(dir, "text.pprof"), "hello, world\n");
    const cases: [string, RegExp][] = [
      ["nosuch.pprof", /^gort pprof: nosuch\.pprof: no such file or directory\n$/],
      [path.join(dir, "trunc.pprof"), /^gort pprof: .*trunc\.pprof: truncated gzip data\n$/],
      [path.join(dir, "raw-trunc.pprof"), /^gort pprof: .*raw-trunc\.pprof: truncated protobuf data \(.*\)\n$/],
      [path.join(dir, "text.pprof"), /^gort pprof: .*text\.pprof: (not a pprof profile|truncated protobuf data) \(.*\)\n$/],
    ];
    for (const [file, want] of cases) {
      const r = run(["-top", file]);
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toMatch(want);
    }
    expect(run(["-top", "-base", path.join(dir, "trunc.pprof"), "cpu.pprof"]).err).toMatch(/trunc\.pprof: truncated gzip data/);
  });

  it("-flame draws the call tree to the terminal's width", () => {
    const plain = run(["-flame", "cpu.pprof"]);
    expect(plain.code).toBe(0);
    const rows = plain.out.split("\n").filter((l) => l.startsWith("[") || l.startsWith(" ") || l.startsWith("|"));
    expect(rows[0]).toBe(`[${"all 850ms".padEnd(98)}]`);
    expect(rows[1]).toBe(`[${"runtime.main".padEnd(98)}]`);
    // main.heavy : main.medium : main.light = 360 : 250 : 240 of 850 over 100 columns: edges at
    // round(100·360/850) = 42 and round(100·610/850) = 72, less two columns of brackets each
    expect(rows[3]).toBe(`[${"main.heavy".padEnd(40)}][${"main.medium".padEnd(28)}][${"main.light".padEnd(26)}]`);
    const color = run(["-flame", "cpu.pprof"], { columns: 60 });
    expect(color.out).toContain("\x1b[38;5;16;48;5;");
    const widest = Math.max(...color.out.split("\n").map((l) => l.replace(/\x1b\[[0-9;]*m/g, "").length));
    expect(widest).toBeLessThanOrEqual(60);
  });

  it("-html writes a self-contained page", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-pprof-"));
    const file = path.join(dir, "f.html");
    const r = run(["-html", file, "mixed.pprof"]);
    expect(r.code).toBe(0);
    const html = fs.readFileSync(file, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("main.fillMap");
    // no external resources
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
  });
});

describe("gort pprof PROFILE (interactive shell)", () => {
  it("answers a scripted session as go tool pprof does", async () => {
    let all = "";
    const io: PprofIO = {
      cwd: testdata,
      env: {},
      stdout: (s) => {
        all += s;
      },
      stderr: (s) => {
        all += s;
      },
      isTTY: false,
      columns: undefined,
    };
    const session = fs.readFileSync(path.join(testdata, "session.txt"), "utf8").split("\n").slice(0, -1);
    async function* lines() {
      yield* session;
    }
    expect(await runPprofCommand(["cpu.pprof"], io, lines())).toBe(0);
    expect(all).toBe(expected("cpu.session.txt"));
  });
});
