import { it } from "vitest";
import { runCheck, withInternalErrorHandler } from "./check.js";
it("scratch", () => {
  for (const d of ["bin", "empty", "hello", "pk", "nul2", "imp", "utf"]) {
    let err = "";
    const io = { cwd: `/tmp/gx/bad2/${d}`, env: { GOROOT: "/usr/lib/go-1.19" }, stderr: (s: string) => { err += s; } };
    const t0 = Date.now();
    const code = withInternalErrorHandler(io, () => runCheck(["x.go"], io));
    console.log(`== ${d} code=${code} ${Date.now() - t0}ms\n${err.slice(0, 600)}`);
  }
});
