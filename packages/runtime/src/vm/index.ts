/** The bytecode VM: loader, interpreter, panics/tracebacks, the test assembler. */
export { LoadedImage, FT_WORDS } from "./loader.js";
export { VM, RUN_EXIT, RUN_YIELD, RUN_PANIC, RUN_PARK, DEFAULT_BUDGET } from "./interp.js";
export type { NativeFn, BarrierHook, VMOptions } from "./interp.js";
export { runProgram } from "./run.js";
export type { RunOptions, RunResult } from "./run.js";
export { formatPanic, traceback, panicMessage, boundsMessage } from "./panic.js";
export { assemble, disassemble, funcIndex, AsmError } from "./asm.js";
export * from "./g.js";
