// Verifies gort's Go standard library tree (packages/stdlib/go) with the real
// Go 1.19 toolchain as the oracle: `go vet` over every package, then every
// differential program in packages/stdlib/test/<pkg>/ (ours against Go's on
// random and special inputs). See packages/stdlib/test/README.md.
import { describe, expect, it } from "vitest";
import { existsSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const GO = "/usr/lib/go-1.19/bin/go";
const script = fileURLToPath(new URL("../scripts/check.mjs", import.meta.url));

describe("gort stdlib (Go source) against Go 1.19", () => {
  it("passes go vet and every differential program", () => {
    if (!existsSync(GO)) {
      throw new Error(
        `Go 1.19 is missing at ${GO}: it is the test oracle for packages/stdlib ` +
          "(apt-get install golang-1.19-go; .ci/run installs it)",
      );
    }
    const dir = `/tmp/gortstd-vitest-${process.pid}`;
    const r = spawnSync(process.execPath, [script, "--dir", dir], {
      env: { ...process.env, GORTSTD_N: "3000" },
      encoding: "utf8",
      timeout: 170_000,
    });
    rmSync(dir, { recursive: true, force: true });
    const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
    // Every check prints an "ok" or "FAIL" line; show them all on failure.
    expect(out, out).toContain("all passed");
    expect(r.status, out).toBe(0);
    expect(out).toMatch(/ok {3}go vet/);
    expect(out.match(/^ok {3}diff /gm)?.length ?? 0, out).toBeGreaterThanOrEqual(10);
  }, 180_000);
});
