/**
 * mpurenatives.ts — more natives a worker-thread M runs itself (MTHREADS.md "Fewer round
 * trips"; the sync/atomic ones are in mthreadnatives.ts). A native qualifies when it is a pure
 * function of linear memory at its arguments: it reads its operands and writes its results and
 * the bytes it was handed, allocates nothing, touches no JS-side runtime object (Sched, heap,
 * collector), stores no pointer (so the write barrier is never involved), and keeps no state
 * beyond per-call scratch (each worker has its own copy of the module, hence of any scratch).
 * Such a native gives the same result on any thread; two Ms running it at once on overlapping
 * bytes is a data race of the Go program, as in Go.
 *
 * The set (the same function objects the server uses, taken from their modules):
 *   - string.ts: runtime.cmpstring, runtime.memmove (pointer-free memory only, by its
 *     contract: typed moves with pointers are runtime.typedslicecopy / TYPEDMOVE),
 *     runtime.decoderune;
 *   - complex.ts: runtime.complex128div;
 *   - stdnatives.ts: everything it adds — internal/bytealg (byte searches, counts, ASCII
 *     scans), internal/numdigits (float64 / integer digits, decimal parsing), the block
 *     functions of crypto/md5, sha1, sha256, and the host entropy of crypto/rand and
 *     hash/maphash (node:crypto works the same in a worker). Its header guarantees none
 *     allocates.
 * Not here: anything that allocates (concatenation, conversions to string/slices, growslice),
 * maps (their type caches are JS-side on the server), time (the server's clock).
 *
 * Adding a native here: check the rules above against its source, and that the module keeps
 * no cross-call state.
 */

import type { NativeFn } from "./vm/interp.js";
import { addStringNatives } from "./string.js";
import { addComplexNatives } from "./complex.js";
import { addStdNatives } from "./stdnatives.js";

/** string.ts natives that are pure (see the file comment). */
const PURE_STRING_NATIVES = ["runtime.cmpstring", "runtime.memmove", "runtime.decoderune"];

/** The pure natives by Go name (worker M: run locally instead of a NATIVE request). */
export function workerPureNatives(): Map<string, NativeFn> {
  const m = new Map<string, NativeFn>();
  addStdNatives(m);
  addComplexNatives(m);
  const s = new Map<string, NativeFn>();
  addStringNatives(s, null);
  for (const name of PURE_STRING_NATIVES) {
    const f = s.get(name);
    if (f !== undefined) m.set(name, f);
  }
  return m;
}
