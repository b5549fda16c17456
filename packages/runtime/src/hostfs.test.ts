import { describe, expect, test } from "vitest";
import { runChild } from "./hostfs.js";

const env = ["PATH=/usr/bin:/bin", "X=1"];
const text = (b: Uint8Array): string => Buffer.from(b).toString("utf8");

describe("hostfs runChild (os/exec.sysRun)", () => {
  test("captures stdout and stderr separately, with the exit status", () => {
    const r = runChild("/bin/sh", ["sh", "-c", "echo out; echo err >&2; echo $X; exit 3"], env, "", -1, Buffer.alloc(0), 3, 0);
    expect(r.errno).toBe(0);
    expect(text(r.out)).toBe("out\n1\n");
    expect(text(r.err)).toBe("err\n");
    expect(r.status).toBe(3);
    expect(r.sig).toBe(0);
    expect(r.pid).toBeGreaterThan(0);
  });

  test("one stream keeps the child's interleaving", () => {
    const r = runChild("/bin/sh", ["sh", "-c", "echo a; echo b >&2; echo c"], env, "", -1, Buffer.alloc(0), 7, 0);
    expect(text(r.out)).toBe("a\nb\nc\n");
    expect(r.err.length).toBe(0);
  });

  test("feeds stdin bytes, runs in dir, passes argv[0]", () => {
    const r = runChild("/bin/sh", ["myname", "-c", 'cat; pwd; echo "$0"'], env, "/usr", -1, Buffer.from("in\n"), 1 | 8, 0);
    expect(text(r.out)).toBe("in\n/usr\nmyname\n");
  });

  test("uncaptured streams go to the null device", () => {
    const r = runChild("/bin/sh", ["sh", "-c", "echo lost; echo lost >&2"], env, "", -1, Buffer.alloc(0), 0, 0);
    expect(r.out.length + r.err.length).toBe(0);
    expect(r.status).toBe(0);
  });

  test("a time limit kills with SIGKILL", () => {
    const t0 = Date.now();
    const r = runChild("/bin/sleep", ["sleep", "5"], env, "", -1, Buffer.alloc(0), 0, 50);
    expect(r.sig).toBe(9);
    expect(r.status).toBe(-1);
    expect(Date.now() - t0).toBeLessThan(4000);
  });

  test("a missing program is ENOENT; a name without a slash is not searched in PATH", () => {
    expect(runChild("/nonexistent/prog", ["prog"], env, "", -1, Buffer.alloc(0), 0, 0).errno).toBe(2);
    expect(runChild("sh", ["sh", "-c", "true"], env, "/", -1, Buffer.alloc(0), 0, 0).errno).toBe(2);
  });
});
