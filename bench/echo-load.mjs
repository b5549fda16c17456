#!/usr/bin/env node
// Load client for a TCP echo server (bench/net.mjs; wrk speaks only HTTP):
//   node bench/echo-load.mjs HOST:PORT [--conns 100] [--secs 5] [--size 64]
// Opens --conns connections at once; each sends a --size-byte message, waits until all of it
// has come back, checks the bytes and sends the next, for --secs seconds. Prints one JSON line:
// {"roundTrips": N, "perSec": R, "errors": E, "conns": C, "secs": S} — errors counts failed
// connects, socket errors, early closes and mismatched echoes (any of them fails the run).
import * as net from "node:net";

const args = process.argv.slice(2);
const target = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
const opt = (name, def) => {
  const i = args.indexOf("--" + name);
  return i >= 0 ? Number(args[i + 1]) : def;
};
if (target === undefined) {
  process.stderr.write("usage: node bench/echo-load.mjs HOST:PORT [--conns 100] [--secs 5] [--size 64]\n");
  process.exit(2);
}
const conns = opt("conns", 100);
const secs = opt("secs", 5);
const size = opt("size", 64);
const [host, port] = [target.slice(0, target.lastIndexOf(":")), Number(target.slice(target.lastIndexOf(":") + 1))];

let roundTrips = 0;
let errors = 0;
let stopping = false;
const firstErrors = [];
const fail = (why) => {
  errors++;
  if (firstErrors.length < 5) firstErrors.push(why);
};

function client(i) {
  return new Promise((resolve) => {
    const msg = Buffer.alloc(size, 97 + (i % 26));
    let got = 0;
    let ok = true;
    const s = net.connect({ host, port });
    s.setNoDelay(true);
    s.on("connect", () => s.write(msg));
    s.on("data", (d) => {
      for (let k = 0; k < d.length; k++) if (d[k] !== msg[(got + k) % size]) ok = false;
      got += d.length;
      if (got < size) return;
      if (!ok || got > size) {
        fail(`conn ${i}: echo mismatch`);
        s.destroy();
        return;
      }
      roundTrips++;
      got = 0;
      if (stopping) s.end();
      else s.write(msg);
    });
    s.on("error", (e) => {
      if (!stopping) fail(`conn ${i}: ${e.code ?? e.message}`);
    });
    s.on("close", () => {
      if (!stopping) fail(`conn ${i}: closed early`);
      resolve();
    });
  });
}

const t0 = process.hrtime.bigint();
const all = Array.from({ length: conns }, (_, i) => client(i));
setTimeout(() => {
  stopping = true;
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  const done = roundTrips;
  // give in-flight round trips a moment to finish, then report what completed in the window
  Promise.race([Promise.all(all), new Promise((r) => setTimeout(r, 2000))]).then(() => {
    console.log(JSON.stringify({ roundTrips: done, perSec: Math.round(done / elapsed), errors, conns, secs, firstErrors }));
    process.exit(errors > 0 ? 1 : 0);
  });
}, secs * 1000);
