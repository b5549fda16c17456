import { test, vi } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
vi.mock("@gort/runtime/image", () => import("../../../runtime/src/image/index.js"));
vi.mock("@gort/runtime", async () => ({ ...(await import("../../../runtime/src/index.js")), ...(await import("../../../runtime/src/vm/index.js")) }));
const { runRun } = await import("../../../cli/src/services/run.js");
test("sweep", () => {
  const stats: Record<string, number> = {};
  const lines: string[] = [];
  for (const sub of ["", "ken", "fixedbugs"]) {
  const dir = path.join("/usr/lib/go-1.19/test", sub);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".go")).sort();
  for (const f of files) {
    const src = fs.readFileSync(path.join(dir, f), "utf8");
    if (!/^\/\/ run\s*$/m.test(src.split("\n").slice(0, 5).join("\n"))) continue;
    let out = "", err = "";
    let kind: string;
    try {
      const c = runRun([f], { cwd: dir, env: {}, stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
      const exp = fs.existsSync(path.join(dir, f.replace(/\.go$/, ".out"))) ? fs.readFileSync(path.join(dir, f.replace(/\.go$/, ".out")), "utf8") : "";
      if (c === 1 && err.includes("not supported yet")) kind = "unsupported";
      else if (c === 1) kind = "compile-error";
      else if (c === 0 && out + err === exp) kind = "pass";
      else kind = "FAIL";
      if (kind === "FAIL") lines.push(`${kind} ${sub}/${f} exit=${c} ${JSON.stringify((out + err).slice(0, 400))}`);
    } catch (e) {
      kind = "CRASH";
      lines.push(`CRASH ${sub}/${f} ${(e as Error).message.slice(0, 200)}`);
    }
    stats[kind] = (stats[kind] ?? 0) + 1;
  }
  }
  fs.writeFileSync("/tmp/gortp/sweep.txt", lines.join("\n") + "\n" + JSON.stringify(stats, null, 1));
}, 600000);
