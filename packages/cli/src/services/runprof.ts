/**
 * runprof.ts — profiling for `gort run`: `--cpuprofile F --memprofile F --blockprofile F
 * --mutexprofile F` write those profiles when the program ends, as `go test` does with the same
 * flags (CPU sampling at 100 Hz from the start; heap sampling at Go's MemProfileRate, 512 KiB,
 * written as the `allocs` profile after a final GC; block rate 1 and mutex fraction 1, go test's
 * defaults for those flags). Every run also gets the protobuf encoder (packages/pprof build.ts),
 * so a program's own runtime/pprof calls produce real pprof files.
 *
 * The runtime records (packages/runtime/src/prof*.ts); this file only wires options and files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { encodeProfile } from "@gort/pprof";
import type { ProfileSetup, RunGoResult } from "@gort/runtime";
import type { RunFlags } from "./runexec.js";

/** CPU sampling rate of --cpuprofile (Go's StartCPUProfile rate). */
const CPU_HZ = 100;
/** Go's default runtime.MemProfileRate. */
const MEM_PROFILE_RATE = 512 * 1024;

/** runGo's `profile` option for a run with these flags; `binary` names the program. */
export function runProfileSetup(flags: RunFlags, binary: string): ProfileSetup {
  const setup: ProfileSetup = { encoder: encodeProfile, mainBinary: binary };
  if (flags.cpuprofile !== undefined) setup.cpuHz = CPU_HZ;
  if (flags.memprofile !== undefined) setup.memProfileRate = MEM_PROFILE_RATE;
  if (flags.blockprofile !== undefined) setup.blockProfileRate = 1;
  if (flags.mutexprofile !== undefined) setup.mutexProfileFraction = 1;
  return setup;
}

/**
 * After the run: writes the requested profiles (paths relative to cwd). A file that cannot be
 * written is reported on stderr ("gort: …") and makes the exit status 1 if it was 0.
 */
export function writeRunProfiles(flags: RunFlags, res: RunGoResult, cwd: string, stderr: (s: string) => void, exitCode: number): number {
  const prof = res.sched.prof;
  let status = exitCode;
  const write = (file: string, bytes: Uint8Array): void => {
    try {
      fs.writeFileSync(path.resolve(cwd, file), bytes);
    } catch (e) {
      stderr(`gort: ${(e as Error).message}\n`);
      if (status === 0) status = 1;
    }
  };
  if (flags.cpuprofile !== undefined && prof.lastCPU !== null) {
    write(flags.cpuprofile, encodeProfile(prof.lastCPU));
    prof.lastCPU = null;
  }
  if (flags.memprofile !== undefined) {
    // go test: runtime.GC() first, to materialize all statistics, then the allocs profile.
    if (res.sched.gc !== null) res.sched.gc.GC();
    const p = prof.profile("allocs");
    if (p !== null) write(flags.memprofile, encodeProfile(p));
  }
  if (flags.blockprofile !== undefined) {
    const p = prof.profile("block");
    if (p !== null) write(flags.blockprofile, encodeProfile(p));
  }
  if (flags.mutexprofile !== undefined) {
    const p = prof.profile("mutex");
    if (p !== null) write(flags.mutexprofile, encodeProfile(p));
  }
  return status;
}
