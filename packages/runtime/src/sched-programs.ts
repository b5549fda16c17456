/**
 * sched-programs.ts — assembler programs (vm/asm.ts) exercising the scheduler and channels,
 * shared by proc.test.ts and bench/vm/pingpong.mjs. @internal (tests and benchmarks only).
 *
 * Conventions: `chint` is `chan int` (elem `int`); a goroutine body is a closure whose captured
 * words follow the function index; natives are the runtime's real ones (runtime.makechan, …).
 */

export const CHAN_HEADER = `
.type int size=8 kind=2 str=int
.type chint size=8 ptrs=0 kind=18 str=chan int elem=int
.native runtime.makechan
.native runtime.chansend1
.native runtime.chanrecv1
.native runtime.chanrecv2
.native runtime.closechan
.native runtime.newproc
`;

/**
 * Ping-pong over two unbuffered channels: main sends i on c1, pong replies i+1 on c2, N round
 * trips (2N handoffs); main's result 0 = completed round trips (−1 on a wrong value).
 */
export function pingPong(n: number): string {
  return `${CHAN_HEADER}
.const N ${n}
.type clo2 size=24 ptrs=1,2 kind=19 str=func()
.file /tmp/pp/main.go
func main.pong params=0 results=0 frame=7 ptrs=0,1,2,3,4 closure line=20
  .line 21
  GETCTX s0
  LD64 s1, s0, 8
  LD64 s3, s0, 16
  FADDR s2, 5
  FADDR s4, 5
loop:
  .line 23
  CALLN runtime.chanrecv1, s1, s6
  JLTI s5, 0, done
  ADDI s5, s5, 1
  .line 24
  CALLN runtime.chansend1, s3, s6
  JMP 0, loop
done:
  RET
end
func main.main params=0 results=1 frame=13 ptrs=3,4,5,6,10 line=5
  .line 6
  TYPEADDR s1, %chint
  LDI s2, 0
  CALLN runtime.makechan, s1, s3
  CALLN runtime.makechan, s1, s5
  FADDR s4, 7
  FADDR s6, 8
  NEW s10, %clo2
  LDI s11, @main.pong
  ST64 s10, 0, s11
  STP s10, 8, s3
  STP s10, 16, s5
  .line 8
  CALLN runtime.newproc, s10, s11
  LDI s12, 0
  LDI s0, 0
  LDK s9, $N
loop:
  .line 10
  MOV s7, s12
  CALLN runtime.chansend1, s3, s11
  .line 11
  CALLN runtime.chanrecv1, s5, s11
  ADDI s11, s12, 1
  JNE s8, s11, bad
  ADDI s0, s0, 1
  ADDI s12, s12, 1
  JLT s12, s9, loop
  LDI s7, -1
  CALLN runtime.chansend1, s3, s11
  RET
bad:
  LDI s0, -1
  RET
end
.entry main.main
`;
}

/** `func main.spin` (a closure of type %clo0, also declared): `for {}` (preemption and thread tests). */
export const SPIN_FUNC = `.type clo0 size=8 kind=19 str=func()
func main.spin params=0 results=0 frame=2 closure
  LDI s0, 0
loop:
  ADDI s0, s0, 1
  JMP 0, loop
end
`;

/** Main counts to 20000 and returns it while two goroutines spin in `for {}` (preemption tests). */
export const SPIN_MAIN = `.native runtime.newproc
.native runtime.Gosched
${SPIN_FUNC}func main.main params=0 results=1 frame=6 ptrs=2
  NEW s2, %clo0
  LDI s3, @main.spin
  ST64 s2, 0, s3
  CALLN runtime.newproc, s2, s3
  CALLN runtime.newproc, s2, s3
  CALLN runtime.Gosched, s3, s3
  LDI s0, 0
  LDI s4, 20000
loop:
  ADDI s0, s0, 1
  JLT s0, s4, loop
  RET
end
.entry main.main
`;

/**
 * A goroutine (closure: func + chan) building a $N-node list of %node (NEW, next pointer stored
 * with STP, value in word 1), then walking it summing words 1 and 2 (2 is never written: a reused
 * freed object shows there); sends the sum on its channel. Needs CHAN_HEADER, .const N and
 * .type node (size 24, ptrs=0).
 */
export const LIST_BUILD = `func main.build params=0 results=0 frame=12 ptrs=0,1,2,3,4 closure
  GETCTX s0
  LD64 s1, s0, 8
  LDI s3, 0
  LDI s5, 0
  LDK s6, $N
loop:
  NEW s4, %node
  STP s4, 0, s3
  ST64 s4, 8, s5
  MOV s3, s4
  ADDI s5, s5, 1
  JLT s5, s6, loop
  LDI s9, 0
walk:
  JEQI s3, 0, done
  LD64 s8, s3, 8
  ADD s9, s9, s8
  LD64 s8, s3, 16
  ADD s9, s9, s8
  LD64 s3, s3, 0
  JMP 0, walk
done:
  FADDR s2, 9
  CALLN runtime.chansend1, s1, s10
  RET
end
`;

/**
 * main: starts k goroutines of main.build (a closure of type clo1 over one chan int: LIST_BUILD,
 * or a test's own build) and returns the sum of the k values they send. Needs CHAN_HEADER and
 * `.type clo1 size=16 ptrs=1 kind=19 str=func()`.
 */
export function sumOfBuilders(k: number): string {
  return `func main.main params=0 results=1 frame=12 ptrs=3,4,6,7
  TYPEADDR s1, %chint
  LDI s2, 0
  CALLN runtime.makechan, s1, s3
  NEW s4, %clo1
  LDI s5, @main.build
  ST64 s4, 0, s5
  STP s4, 8, s3
${"  CALLN runtime.newproc, s4, s5\n".repeat(k)}  LDI s0, 0
  LDI s11, 0
recv:
  MOV s6, s3
  FADDR s7, 9
  CALLN runtime.chanrecv1, s6, s8
  ADD s0, s0, s9
  ADDI s11, s11, 1
  LDI s5, ${k}
  JLT s11, s5, recv
  RET
end
`;
}
