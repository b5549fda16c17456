// The VM with the real collector: stack maps from the image, the write barrier, allocation
// assists and background marking at yields, stack shrinking during scans.
import { describe, expect, it } from "vitest";
import { Heap } from "../malloc.js";
import { Collector } from "../mgc.js";
import { assemble, funcIndex } from "./asm.js";
import { LoadedImage } from "./loader.js";
import { RUN_EXIT, VM } from "./interp.js";

const LIST = `
.type Node size=16 ptrs=0 kind=25 str=main.Node
.type Big size=256 kind=17 str=[256]byte
.const N 40000
func main.build params=1 results=1 frame=6 ptrs=PTRS
  LDI s1, 0
  LDI s4, 0
  LDI s5, 0
loop:
  NEW s2, %Node
  STP s2, 0, s1
  ST64 s2, 8, s5
  MOV s1, s2
  NEW s3, %Big
  NEW s3, %Big
  ADDI s5, s5, 1
  JLT s5, s0, loop
  MOV s1, s1
  RET
end
func main.main params=0 results=1 frame=6 ptrs=1,3
  LDK s2, $N
  CALL main.build, s2, s1
  LDI s0, 0
  LDI s5, 0
walk:                    ; at most N+1 steps: a corrupted list may be cyclic
  JEQI s1, 0, done
  JLT s2, s5, done
  ADDI s5, s5, 1
  LD64 s4, s1, 8
  ADD s0, s0, s4
  LD64 s1, s1, 0
  JMP 0, walk
done:
  RET
end
.entry main.main
`;

function runList(ptrs: string): { sum: bigint; numgc: number } {
  const heap = new Heap();
  const gc = new Collector(heap, { GOGC: "50", print: () => {} });
  const img = assemble(LIST.replace("PTRS", ptrs));
  const loaded = new LoadedImage(heap, img);
  const vm = new VM(heap, loaded, { barrier: gc.barrier, write: () => {}, budget: 5000 });
  const g = vm.newG(1024);
  gc.setStackRoots({ numStacks: () => 1, stackAt: () => g }, loaded);
  vm.start(g, funcIndex(img, "main.main"));
  expect(vm.runToEnd(g, () => gc.poll())).toBe(RUN_EXIT);
  return { sum: vm.result(g, 0), numgc: gc.numgc };
}

describe("VM + collector", () => {
  it("a list reachable only from a global (STP through the barrier) survives; statics relocate", () => {
    const heap = new Heap();
    const gc = new Collector(heap, { GOGC: "50", print: () => {} });
    const img = assemble(`
.type Node size=16 ptrs=0 kind=25 str=main.Node
.type Big size=256 kind=17 str=[256]byte
.global head 8 ptrs=0
.const N 40000
func main.main params=0 results=1 frame=8 ptrs=1,2,3
  SADDR s1, &head
  LDI s5, 0
  LDK s6, $N
loop:
  NEW s2, %Node
  LD64 s3, s1, 0
  STP s2, 0, s3
  ST64 s2, 8, s5
  STP s1, 0, s2
  LDI s2, 0
  LDI s3, 0
  NEW s3, %Big
  ADDI s5, s5, 1
  JLT s5, s6, loop
  LDI s0, 0
  LD64 s2, s1, 0
walk:
  JEQI s2, 0, done
  LD64 s4, s2, 8
  ADD s0, s0, s4
  LD64 s2, s2, 0
  JMP 0, walk
done:
  RET
end
`);
    const loaded = new LoadedImage(heap, img);
    const gl = loaded.globals();
    expect(gl.size).toBe(8);
    gc.addGlobalsFromMask(gl.base, gl.size, gl.mask);
    const vm = new VM(heap, loaded, { barrier: gc.barrier, write: () => {}, budget: 5000 });
    const g = vm.newG(1024);
    gc.setStackRoots({ numStacks: () => 1, stackAt: () => g }, loaded);
    vm.start(g, 0);
    expect(vm.runToEnd(g, () => gc.poll())).toBe(RUN_EXIT);
    expect(vm.result(g, 0)).toBe((40000n * 39999n) / 2n);
    expect(gc.numgc).toBeGreaterThanOrEqual(2);
    expect(gc.barrier.slowCalls).toBeGreaterThan(0);
  });

  it("a heap list reachable only from frame slots survives many GC cycles", () => {
    const r = runList("1,2,3");
    expect(r.sum).toBe((40000n * 39999n) / 2n);
    expect(r.numgc).toBeGreaterThanOrEqual(2);
  });

  it("control: with the list's slots missing from the stack maps, the GC frees it", () => {
    const r = runList("3");
    expect(r.numgc).toBeGreaterThanOrEqual(2);
    expect(r.sum).not.toBe((40000n * 39999n) / 2n);
  });
});
