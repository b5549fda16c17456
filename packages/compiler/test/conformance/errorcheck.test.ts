// The errorcheck conformance sweep against Go 1.19's tree; see sweeps.ts and known.ts.
import { describe, it } from "vitest";
import { requireGoroot } from "../harness.js";
import { assertJudgement, judge } from "./known.js";
import { runErrorcheckSweep } from "./sweeps.js";

describe("conformance: errorcheck", () => {
  it("matches the known-failure list", () => {
    assertJudgement(judge(runErrorcheckSweep(requireGoroot())));
  }, 20 * 60_000);
});
