import { it } from "vitest";
import { GCWorld, VirtualClock } from "./mgctesting.js";
it("dbg", () => {
  const w = new GCWorld({ nanotime: new VirtualClock().now });
  const keep = w.alloc(1);
  w.setGlobal(0, keep);
  let i = 0;
  const t0 = Date.now();
  for (; i < 200_000 && w.gc.numgc < 3; i++) {
    w.alloc(3);
    if (Date.now() - t0 > 5000) { console.log("stuck", i, w.gc.phase, w.gc.numgc, w.gc.marker.rootNext, w.gc.marker.nRootJobs); break; }
  }
  console.log(i, w.gc.numgc, w.gc.phase, w.gc.cycles, w.heap.mem.f64[(0x1400+128)/8]);
});
