#!/usr/bin/env node
// Network throughput of gort vs Go 1.19 (issue 6's must-show): the TCP echo server
// (bench/net/echo_server.go, driven by bench/echo-load.mjs) and the net/http server
// (bench/net/http_server.go, driven by wrk), each run by gort and compiled by Go, on loopback.
//
//   node bench/net.mjs [--secs 5] [--conns 100] [--warmup 1] [--gort CMD] [--only echo|http]
//
// --gort is the command that runs `gort run` (default: "node scripts/dev-gort.mjs run", the
// sources bundled at built-VM speed; "node packages/cli/bin/run.js run" for the built CLI).
// Each server prints "listening ADDR"; after a --warmup-second load (V8's JIT warms up; Go's
// figure is taken the same way) the measured load runs --secs seconds with --conns
// connections. Any socket error, non-2xx response or echo mismatch is reported, and a run with
// errors is marked as failed. Prints a Markdown table (requests or round trips per second and
// the gort/Go ratio) for bench/NET.md.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf("--" + name);
  return i >= 0 ? argv[i + 1] : def;
};
const secs = Number(opt("secs", 5));
const conns = Number(opt("conns", 100));
const warmup = Number(opt("warmup", 1));
const gortCmd = opt("gort", `${process.execPath} ${path.join(root, "scripts/dev-gort.mjs")} run`).split(" ");
const only = opt("only", "");
const GO = process.env.GO ?? "/usr/lib/go-1.19/bin/go";

const servers = [
  { name: "echo", file: "net/echo_server.go", load: echoLoad, unit: "round trips/s" },
  { name: "http", file: "net/http_server.go", load: wrkLoad, unit: "requests/s" },
].filter((s) => only === "" || s.name === only);

/** Starts a server; resolves with its address once it printed "listening ADDR". */
function start(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${args.join(" ")}: no "listening" line in 180 s\n${err}`));
    }, 180_000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /listening (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, addr: m[1], stderr: () => err });
      }
    });
    child.stderr.on("data", (d) => void (err += d));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${err}`));
    });
  });
}

function echoLoad(addr, s) {
  const r = spawnSync(process.execPath, [path.join(root, "bench/echo-load.mjs"), addr, "--conns", String(conns), "--secs", String(s)], { encoding: "utf8" });
  const j = JSON.parse(r.stdout.trim().split("\n").pop());
  return { rate: j.perSec, total: j.roundTrips, errors: j.errors, detail: j.firstErrors.join("; ") };
}

function wrkLoad(addr, s) {
  const r = spawnSync("wrk", ["-t2", `-c${conns}`, `-d${s}s`, `http://${addr}/`], { encoding: "utf8" });
  const out = r.stdout;
  const rate = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = (sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0) + non2xx;
  return { rate: Math.round(rate), total, errors, detail: sock ? sock[0] : non2xx ? `non-2xx: ${non2xx}` : "" };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "gort-netbench-"));
const rows = [];
try {
  for (const srv of servers) {
    const src = path.join(root, "bench", srv.file);
    const bin = path.join(tmp, srv.name);
    const b = spawnSync(GO, ["build", "-o", bin, src], { encoding: "utf8" });
    if (b.status !== 0) throw new Error(`go build ${srv.file}: ${b.stderr}`);
    const res = {};
    for (const who of ["go", "gort"]) {
      const t0 = Date.now();
      const s = who === "go" ? await start(bin, ["127.0.0.1:0"], tmp) : await start(gortCmd[0], [...gortCmd.slice(1), path.basename(src), "127.0.0.1:0"], path.dirname(src));
      const startMs = Date.now() - t0;
      try {
        if (warmup > 0) srv.load(s.addr, warmup);
        res[who] = { ...srv.load(s.addr, secs), startMs, stderr: s.stderr() };
      } finally {
        s.child.kill("SIGKILL");
      }
      const r = res[who];
      process.stderr.write(`${srv.name} ${who}: ${r.rate} ${srv.unit}, ${r.total} in ${secs} s, errors ${r.errors}${r.detail ? " (" + r.detail + ")" : ""}, ready after ${startMs} ms${r.stderr ? "\n  server stderr: " + r.stderr.trim() : ""}\n`);
    }
    rows.push({ srv, res });
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

console.log(`| server | load | Go 1.19 | gort | gort/Go | errors (Go, gort) |`);
console.log(`|---|---|---|---|---|---|`);
for (const { srv, res } of rows) {
  const load = srv.name === "http" ? `wrk -t2 -c${conns} -d${secs}s` : `echo-load.mjs ${conns} conns ${secs} s, 64 B`;
  console.log(`| ${srv.name} (${srv.unit}) | ${load} | ${res.go.rate} | ${res.gort.rate} | ${(res.gort.rate / res.go.rate).toFixed(3)} | ${res.go.errors}, ${res.gort.errors} |`);
}
const failed = rows.some(({ res }) => res.go.errors > 0 || res.gort.errors > 0 || !(res.gort.rate > 0));
if (failed) {
  console.log("\nFAILED: errors or no throughput (see above)");
  process.exitCode = 1;
}
