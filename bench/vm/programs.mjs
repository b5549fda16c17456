// Benchmark programs in gort assembly (packages/runtime/src/vm/asm.ts syntax), each the
// hand-lowered equivalent of go/<name>.go: what the compiler is expected to emit, register for
// register (no optimisations the Go compiler would not also do).

export const FIB = `
.file /bench/fib.go
func main.fib params=1 results=1 frame=6 line=10
.line 11
  JLTI s0, 2, small
.line 14
  ADDI s3, s0, -1
  CALL main.fib, s3, s4
  ADDI s3, s0, -2
  CALL main.fib, s3, s5
  ADD s1, s4, s5
  RET
small:
.line 12
  MOV s1, s0
  RET
end
`;

export const LOOP = `
.file /bench/loop.go
func main.loop params=2 results=1 frame=5 line=10
.line 12
  LDI s2, 0
  LDI s3, 0
  JLE s0, s3, done
top:
.line 13
  MUL s4, s3, s3
  REM s4, s4, s1
  ADD s2, s2, s4
.line 12
  ADDI s3, s3, 1
  JLT s3, s0, top
done:
.line 15
  RET
end
`;

const upd = (bi, off, op, dsl, m) => `
  MULF s15, ${dsl}, ${m}
  LD64 s16, ${bi}, ${off}
  ${op} s16, s16, s15
  ST64 ${bi}, ${off}, s16`;

export const NBODY = `
.file /bench/nbody.go
.const half 0.5f
.const c001 0.01f
.const c002 0.02f
.const one 1.0f
.const dt 0.01f
.const steps 1000000
.type Body size=56 kind=25 str=main.Body
func main.advance params=3 results=0 frame=17 ptrs=0,5,6 line=13
.line 14
  LDI s3, 0
  JLE s1, s3, upd
iloop:
  INDEXP s5, s0, s3, 56
  ADDI s4, s3, 1
  JLE s1, s4, inext
jloop:
.line 18
  INDEXP s6, s0, s4, 56
  LD64 s7, s5, 0
  LD64 s15, s6, 0
  SUBF s7, s7, s15
  LD64 s8, s5, 8
  LD64 s15, s6, 8
  SUBF s8, s8, s15
  LD64 s9, s5, 16
  LD64 s15, s6, 16
  SUBF s9, s9, s15
  MULF s10, s7, s7
  MULF s15, s8, s8
  ADDF s10, s10, s15
  MULF s15, s9, s9
  ADDF s10, s10, s15
  SQRTF s11, s10
  MULF s11, s10, s11
  DIVF s12, s2, s11
  LD64 s13, s6, 48
  MULF s13, s13, s12
${upd("s5", 24, "SUBF", "s7", "s13")}
${upd("s5", 32, "SUBF", "s8", "s13")}
${upd("s5", 40, "SUBF", "s9", "s13")}
  LD64 s14, s5, 48
  MULF s14, s14, s12
${upd("s6", 24, "ADDF", "s7", "s14")}
${upd("s6", 32, "ADDF", "s8", "s14")}
${upd("s6", 40, "ADDF", "s9", "s14")}
  ADDI s4, s4, 1
  JLT s4, s1, jloop
inext:
  ADDI s3, s3, 1
  JLT s3, s1, iloop
upd:
  LDI s3, 0
  JLE s1, s3, done
uloop:
  INDEXP s5, s0, s3, 56
  LD64 s15, s5, 24
  MULF s15, s2, s15
  LD64 s16, s5, 0
  ADDF s16, s16, s15
  ST64 s5, 0, s16
  LD64 s15, s5, 32
  MULF s15, s2, s15
  LD64 s16, s5, 8
  ADDF s16, s16, s15
  ST64 s5, 8, s16
  LD64 s15, s5, 40
  MULF s15, s2, s15
  LD64 s16, s5, 16
  ADDF s16, s16, s15
  ST64 s5, 16, s16
  ADDI s3, s3, 1
  JLT s3, s1, uloop
done:
  RET
end

func main.main params=0 results=1 frame=16 ptrs=2,4,10 line=45
.line 46
  LDI s1, 5
  NEWARR s2, %Body, s1
  LDI s3, 0
init:
  INDEXP s4, s2, s3, 56
  I2F s5, s3
  ST64 s4, 0, s5
  LDK s6, $half
  MULF s6, s5, s6
  ST64 s4, 8, s6
  NEGF s6, s5
  ST64 s4, 16, s6
  LDK s6, $c001
  MULF s6, s6, s5
  ST64 s4, 24, s6
  LDK s6, $c002
  ST64 s4, 40, s6
  LDK s6, $one
  ADDF s6, s6, s5
  ST64 s4, 48, s6
  ADDI s3, s3, 1
  JLT s3, s1, init
  LDI s7, 0
  LDK s8, $steps
  MOV s10, s2
  MOV s11, s1
  LDK s12, $dt
step:
  CALL main.advance, s10, s13
  ADDI s7, s7, 1
  JLT s7, s8, step
  LDI s0, 0
  LDI s3, 0
sum:
  INDEXP s4, s2, s3, 56
  LD64 s5, s4, 0
  LD64 s6, s4, 8
  ADDF s5, s5, s6
  LD64 s6, s4, 16
  ADDF s5, s5, s6
  ADDF s0, s0, s5
  ADDI s3, s3, 1
  JLT s3, s1, sum
  RET
end
.entry main.main
`;
