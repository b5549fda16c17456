import * as fs from "node:fs";
import { it } from "vitest";
import { parseTrace } from "./index.js";
import { goroutineStats } from "./goroutines.js";
it("x", () => {
  const tr = parseTrace(fs.readFileSync("/work/main/packages/trace/testdata/parallel.trace"));
  for (const g of goroutineStats(tr)) if (g.id === 23 || g.id === 5 || g.id===19) console.log(JSON.stringify(g));
});
