import { describe, expect, it } from "vitest";
import { validateImage } from "./image/index.js";
import { hostNatives, type HostIO } from "./host.js";
import { runGo } from "./proc.js";
import { VirtualClock } from "./time.js";
import { assemble } from "./vm/asm.js";

/** Runs an assembled program with host natives over captured descriptors. */
function run(src: string, host: Partial<HostIO> = {}) {
  const img = assemble(src);
  validateImage(img, "test");
  const out: number[] = [];
  const errBytes: number[] = [];
  let print = "";
  const io: HostIO = {
    args: ["/tmp/exe/prog", "first", "héllo"],
    env: ["A=1", "PATH=/bin"],
    write: (fd, b) => (fd === 1 ? out : errBytes).push(...b),
    ...host,
  };
  const r = runGo(img, { write: (s) => (print += s), clock: new VirtualClock(), seed: 1, natives: hostNatives(io) });
  const dec = (b: number[]) => new TextDecoder().decode(Uint8Array.from(b));
  return { exitCode: r.exitCode, out: dec(out), err: dec(errBytes), print };
}

describe("host natives (os)", () => {
  it("os.runtime_args returns a []string the program can index; sysWrite writes its bytes to fd 1 and 2", () => {
    const r = run(`.native os.runtime_args
.native os.sysWrite
func main.main params=0 results=0 frame=10 ptrs=0,4
  CALLN os.runtime_args, s0, s0
  PRINTI s1
  PRINTNL
  LD64 s4, s0, 32
  LD64 s5, s0, 40
  MOV s6, s5
  LDI s3, 1
  CALLN os.sysWrite, s3, s7
  PRINTI s7
  PRINTSP
  PRINTI s8
  PRINTNL
  LD64 s4, s0, 16
  LD64 s5, s0, 24
  MOV s6, s5
  LDI s3, 2
  CALLN os.sysWrite, s3, s7
  RET
end
`);
    expect(r.exitCode).toBe(0);
    expect(r.print).toBe("3\n6 0\n");
    expect(r.out).toBe("héllo");
    expect(r.err).toBe("first");
  });

  it("os.runtime_envs, and errno results: writing to a bad descriptor, opening a missing file", () => {
    const r = run(`.native os.runtime_envs
.native os.sysWrite
.native os.sysOpen
.string missing "/nonexistent-gort-dir/x"
func main.main params=0 results=0 frame=12 ptrs=0,4
  CALLN os.runtime_envs, s0, s0
  PRINTI s1
  PRINTNL
  LD64 s4, s0, 16
  LD64 s5, s0, 24
  MOV s6, s5
  LDI s3, -1
  CALLN os.sysWrite, s3, s7
  PRINTI s7
  PRINTSP
  PRINTI s8
  PRINTNL
  SADDR s9, &missing
  LD64 s4, s9, 0
  LD64 s5, s9, 8
  LDI s6, 0
  LDI s7, 0
  CALLN os.sysOpen, s4, s10
  PRINTI s10
  PRINTSP
  PRINTI s11
  PRINTNL
  RET
end
`);
    expect(r.exitCode).toBe(0);
    expect(r.print).toBe("2\n0 9\n-1 2\n");
  });

  it("os.sysRead reads stdin through HostIO; end of input is n = 0", () => {
    const input = new TextEncoder().encode("abc");
    let pos = 0;
    const r = run(
      `.native os.sysRead
.native os.sysWrite
.type buf size=8 kind=17 str=[8]uint8
func main.main params=0 results=0 frame=10 ptrs=1
  NEW s1, %buf
  LDI s0, 0
  LDI s2, 8
  LDI s3, 8
  CALLN os.sysRead, s0, s4
  PRINTI s4
  PRINTNL
  MOV s2, s4
  LDI s0, 1
  CALLN os.sysWrite, s0, s6
  LDI s0, 0
  LDI s2, 8
  CALLN os.sysRead, s0, s4
  PRINTI s4
  PRINTSP
  PRINTI s5
  PRINTNL
  RET
end
`,
      {
        readStdin: (b) => {
          const n = Math.min(b.length, input.length - pos);
          b.set(input.subarray(pos, pos + n));
          pos += n;
          return n;
        },
      },
    );
    expect(r.exitCode).toBe(0);
    expect(r.print).toBe("3\n0 0\n");
    expect(r.out).toBe("abc");
  });
});
