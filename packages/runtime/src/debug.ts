/**
 * debug.ts — runtime assertions and fatal errors.
 *
 * `DEBUG` gates internal consistency checks: write them as `if (DEBUG) assert(cond, "…")` so a
 * release build (which defines GORT_DEBUG=0 at build time) strips them. Today it is read once
 * from the environment at module load; V8 treats the module-level const as a constant.
 *
 * A broken runtime invariant or an unrecoverable condition (out of memory, stack overflow) is a
 * Go "fatal error": `fatal(msg, prelude)` throws a FatalError that only the top level catches and
 * prints as `prelude + "fatal error: " + msg`. It is never a Go panic (those are VM state).
 */

declare const process: { env: Record<string, string | undefined> } | undefined;

/** Internal checks on (default) unless GORT_DEBUG=0. */
export const DEBUG: boolean = typeof process === "undefined" || process.env.GORT_DEBUG !== "0";

/** A Go fatal error ("fatal error: <message>"); not recoverable by the Go program. */
export class FatalError extends Error {
  /** Lines Go prints to stderr before the "fatal error:" line (each ending in "\n"). */
  readonly prelude: string;
  constructor(message: string, prelude: string) {
    super(message);
    this.name = "FatalError";
    this.prelude = prelude;
  }
}

/** Throws a Go fatal error. `prelude` is printed before "fatal error: msg". */
export function fatal(msg: string, prelude = ""): never {
  throw new FatalError(msg, prelude);
}

/** The text Go writes to stderr for this fatal error (without the goroutine traceback). */
export function formatFatal(e: FatalError): string {
  return `${e.prelude}fatal error: ${e.message}\n`;
}

/** Runtime invariant check; call as `if (DEBUG) assert(…)`. A failure is a runtime bug. */
export function assert(cond: boolean, msg: string): asserts cond {
  if (!cond) fatal(`runtime: assertion failed: ${msg}`);
}
