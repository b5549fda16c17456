/**
 * `gort run --sandbox`: file, network, process and environment access is denied unless an
 * --allow-* flag grants it; denied calls return Go's "permission denied" errors and the program
 * goes on; granted ones work; a symbolic link or ".." cannot lead out of an allowed directory.
 */
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runRun, splitRunArgs } from "./run.js";

const PROG = (dir: string) => `package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
)

func main() {
	_, err := os.ReadFile("/etc/hostname")
	fmt.Println(err)
	err = os.WriteFile("${dir}/box/ok.txt", []byte("hi"), 0644)
	fmt.Println(err)
	b, err := os.ReadFile("${dir}/box/ok.txt")
	fmt.Println(string(b), err)
	err = os.WriteFile("${dir}/outside.txt", []byte("x"), 0644)
	fmt.Println(err)
	_, err = os.Stat("${dir}/box/../outside.txt")
	fmt.Println(err)
	_, err = os.ReadFile("${dir}/box/link/secret.txt")
	fmt.Println(err)
	_, err = net.Dial("tcp", "127.0.0.1:9")
	fmt.Println(err)
	_, err = net.Listen("tcp", "127.0.0.1:0")
	fmt.Println(err)
	_, err = net.ListenPacket("udp", "127.0.0.1:0")
	fmt.Println(err)
	_, err = net.Dial("udp", "127.0.0.1:9")
	fmt.Println(err)
	_, err = exec.Command("/bin/true").Output()
	fmt.Println(err)
	fmt.Println(os.Getenv("HOME") == "", len(os.Environ()))
}
`;

function setup(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gort-sandbox-"));
  fs.mkdirSync(path.join(dir, "box"));
  fs.mkdirSync(path.join(dir, "secret"));
  fs.writeFileSync(path.join(dir, "secret", "secret.txt"), "s");
  fs.symlinkSync(path.join(dir, "secret"), path.join(dir, "box", "link"));
  fs.writeFileSync(path.join(dir, "main.go"), PROG(dir));
  return dir;
}

function run(dir: string, flags: string[]) {
  let out = "";
  let err = "";
  const code = runRun([...flags, "main.go"], { cwd: dir, env: { GORTCACHE: "off", HOME: "/root", PATH: "/usr/bin:/bin" }, stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  return { code, out, err };
}

describe("gort run --sandbox", () => {
  it("parses the grants", () => {
    const s = splitRunArgs(["--sandbox", "--allow-read=/a,/b", "--allow-read=/c", "--allow-net=localhost:8080", "--allow-env", "x.go"]);
    expect(s.error).toBeUndefined();
    if (s.error === undefined) expect(s.flags.sandbox).toEqual({ read: ["/a", "/b", "/c"], write: [], net: ["localhost:8080"], run: false, env: true });
    const all = splitRunArgs(["--allow-write", "x.go"]);
    if (all.error === undefined) expect(all.flags.sandbox?.write).toEqual(["*"]);
  });

  it("denies what is not allowed with Go's permission errors; allowed calls work", async () => {
    await new Promise((r) => setTimeout(r, 250)); // vitest sends task updates (throttled, 100 ms) and needs their replies before a long synchronous stretch: 60 s RPC limit
    const dir = setup();
    const box = path.join(dir, "box");
    const r = run(dir, ["--sandbox", `--allow-read=${box}`, `--allow-write=${box}`]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        "open /etc/hostname: permission denied",
        "<nil>",
        "hi <nil>",
        `open ${dir}/outside.txt: permission denied`,
        `stat ${dir}/box/../outside.txt: permission denied`,
        `open ${dir}/box/link/secret.txt: permission denied`,
        "dial tcp 127.0.0.1:9: connect: permission denied",
        "listen tcp 127.0.0.1:0: bind: permission denied",
        "listen udp 127.0.0.1:0: bind: permission denied",
        "dial udp 127.0.0.1:9: connect: permission denied",
        "fork/exec /bin/true: permission denied",
        "true 0",
        "",
      ].join("\n"),
    );
    expect(fs.existsSync(path.join(dir, "outside.txt"))).toBe(false);
  });

  it("grants: everything allowed behaves as without a sandbox", async () => {
    await new Promise((r) => setTimeout(r, 250)); // vitest sends task updates (throttled, 100 ms) and needs their replies before a long synchronous stretch: 60 s RPC limit
    const dir = setup();
    const r = run(dir, ["--sandbox", "--allow-read", "--allow-write", "--allow-net", "--allow-run", "--allow-env"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).not.toContain("permission denied");
    expect(lines[3]).toBe("<nil>");
    expect(lines[7]).toBe("<nil>"); // listen on a free port
    expect(lines[8]).toBe("<nil>"); // UDP socket on a free port
    expect(lines[9]).toBe("<nil>"); // UDP "connection"
    expect(lines[10]).toBe("<nil>"); // /bin/true ran
    expect(lines[11]).toBe("false 3");
  });
});
