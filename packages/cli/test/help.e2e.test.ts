/**
 * `gort --help` lists every command with a summary, and each command's --help has its usage,
 * a description and examples (through the built CLI).
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/run.js", import.meta.url));
const cmdDir = fileURLToPath(new URL("../dist/commands/", import.meta.url));
const built = fs.existsSync(cmdDir);

describe.skipIf(!built)("help", () => {
  const commands = built ? fs.readdirSync(cmdDir).filter((f) => f.endsWith(".js")).map((f) => f.slice(0, -3)) : [];

  it("gort --help lists every command", () => {
    const r = spawnSync("node", [bin, "--help"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    for (const c of ["run", "build", "check", "env", "top", "version"]) expect(commands).toContain(c);
    for (const c of commands) expect(r.stdout).toMatch(new RegExp(`^  ${c} +\\S`, "m"));
  });

  it("every command's --help has usage, description and examples", () => {
    for (const c of commands) {
      const r = spawnSync("node", [bin, c, "--help"], { encoding: "utf8" });
      expect(r.status, c).toBe(0);
      expect(r.stdout, c).toMatch(new RegExp(`^USAGE\\n  \\$ gort ${c}`, "m"));
      if (c !== "version") {
        expect(r.stdout, c).toMatch(/^DESCRIPTION\n/m);
        expect(r.stdout, c).toMatch(/^EXAMPLES\n/m);
      }
    }
  }, 50_000);
});
