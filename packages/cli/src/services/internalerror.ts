/**
 * internalerror.ts — how gort reports a bug in itself: one "internal error" line and a request
 * for a report instead of a JavaScript stack trace; the stack only with GORT_TRACEBACK set.
 * Kept free of heavy imports: the `gort run` fast path (runfast.ts) loads it on every run.
 */

/** The report's text for an error with `message` and JavaScript `stack`. */
export function internalErrorText(env: NodeJS.ProcessEnv, message: string, stack: string): string {
  let s = `gort: internal error: ${message}\nThis is a bug in gort. Please report it with the command you ran and the Go files it read.\n`;
  if (env.GORT_TRACEBACK !== undefined && env.GORT_TRACEBACK !== "") s += `${stack}\n`;
  else s += "(set GORT_TRACEBACK=1 to include gort's own stack in the report)\n";
  return s;
}

/** Prints the report for exception `e` on io.stderr; returns the exit status (3). */
export function reportInternalError(io: { stderr: (s: string) => void; env: NodeJS.ProcessEnv }, e: unknown): number {
  const err = e instanceof Error ? e : new Error(String(e));
  io.stderr(internalErrorText(io.env, err.message, err.stack ?? ""));
  return 3;
}
