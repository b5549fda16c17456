/**
 * `gort build [-o OUTPUT] [-a] FILE.go…|DIR|PKG`, like `go build` for a main package: compiles
 * the program into one image (the same compiler path as `gort run`) and writes it to OUTPUT,
 * by default the program's name in the current directory (go build's rule: the first file's
 * name without .go, else the package directory's name). An OUTPUT that is an existing
 * directory, or ends in a path separator, receives the file under the program's name.
 *
 * The file starts with a `#!/usr/bin/env -S gort run` line and is made executable, so
 * `./prog args` runs it when gort is on PATH; `gort run prog args` runs it too (runexec.ts
 * readImageArg). The rest is the encoded image (runtime image/serialize.ts).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { encodeImage } from "@gort/runtime/image";
import type { CheckIO } from "./check.js";
import { buildProgram } from "./run.js";
import { IMAGE_SHEBANG } from "./runexec.js";

export const BUILD_USAGE = "usage: gort build [-o output] [build flags] [packages]\nRun 'gort build --help' for details.\n";

/** Runs `gort build args...`; returns the exit status. */
export function runBuild(args: string[], io: CheckIO & { progress?: boolean }): number {
  let out: string | undefined;
  let i = 0;
  while (i < args.length && args[i].startsWith("-") && args[i] !== "-") {
    const a = args[i++];
    if (a === "--") break;
    if (a === "-a" || a === "--a") continue; // gort build always compiles
    const m = /^--?o(?:=(.*))?$/.exec(a);
    if (m === null) {
      io.stderr(`flag provided but not defined: ${a}\n${BUILD_USAGE}`);
      return 2;
    }
    if (m[1] !== undefined) out = m[1];
    else if (i < args.length) out = args[i++];
    else {
      io.stderr(`flag needs an argument: ${a}\n${BUILD_USAGE}`);
      return 2;
    }
  }
  const build = args.slice(i);
  if (build.length === 0) build.push(".");
  if (build.some((b) => b.endsWith(".go")) && !build.every((b) => b.endsWith(".go"))) {
    io.stderr(`named files must be .go files: ${build.find((b) => !b.endsWith(".go"))}\n`);
    return 1;
  }
  if (!build[0].endsWith(".go") && build.length > 1) {
    io.stderr("gort build: one package at a time (go build -o writes one program)\n");
    return 1;
  }
  const built = buildProgram(build, io);
  if (typeof built === "number") return built;
  let dest = path.resolve(io.cwd, out ?? built.progName);
  if (out !== undefined && (/[/\\]$/.test(out) || isDir(dest))) dest = path.join(dest, built.progName);
  if (isDir(dest)) {
    io.stderr(`go build ${build[0]}: build output "${path.relative(io.cwd, dest) || dest}" already exists and is a directory\n`);
    return 1;
  }
  const image = encodeImage(built.image);
  const head = new TextEncoder().encode(IMAGE_SHEBANG);
  const bytes = new Uint8Array(head.length + image.length);
  bytes.set(head, 0);
  bytes.set(image, head.length);
  try {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, bytes, { mode: 0o755 });
    fs.chmodSync(dest, 0o755);
  } catch (e) {
    io.stderr(`gort build: ${(e as Error).message}\n`);
    return 1;
  }
  return 0;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
