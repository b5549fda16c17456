// The std conformance sweep against Go 1.19's tree; see sweeps.ts and known.ts.
import { describe, it } from "vitest";
import { requireGoroot } from "../harness.js";
import { assertJudgement, judge } from "./known.js";
import { runStdSweep } from "./sweeps.js";

describe("conformance: std", () => {
  it("matches the known-failure list", () => {
    assertJudgement(judge(runStdSweep(requireGoroot())));
  }, 20 * 60_000);
});
