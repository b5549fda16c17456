/**
 * g.ts — the goroutine record as far as the VM needs it (Go's `g` in runtime2.go). The
 * scheduler (proc.ts, a later issue) owns allocation, status transitions and run queues; it
 * may append fields after G_RESERVED but must keep these offsets.
 *
 *   +0  lo, +4 hi, +8 fp, +12 guard   the stack record of stack.ts (STK_*), embedded
 *   +16 pc        u32  resume pc (absolute code word index) — valid while the G is not running;
 *                      written by the VM before it returns to the scheduler
 *   +20 status    u32  Go's _G* numbers (1 runnable, 2 running, 4 waiting, 6 dead)
 *   +24 goid      u32  goroutine id (1 = main)
 *   +28 ctx       u32  closure context register (CALLI → GETCTX), saved across parks
 *   +32 panic     u32  innermost _panic record (0 = not panicking); see vm/HACKING.md
 *   +36 defer     u32  innermost _defer record (0 = none)
 *   +40 waitreason u32 Go's waitReason number while waiting
 *   +44 pkind     u32  runtime error kind of the current panic (PK_*; 0 = a Go value)
 *   +48 px        i64  first operand of a runtime error (index, shift count, …)
 *   +56 py        i64  second operand (length, capacity, …)
 *   +64 pval      u32×2 panic(v) value: type descriptor addr, data word
 *   +72 …         reserved (scheduler: m, sched link, timers, assist credit…) up to G_BYTES
 */
export const G_PC = 16;
export const G_STATUS = 20;
export const G_GOID = 24;
export const G_CTX = 28;
export const G_PANIC = 32;
export const G_DEFER = 36;
export const G_WAITREASON = 40;
export const G_PKIND = 44;
export const G_PX = 48;
export const G_PY = 56;
export const G_PVAL = 64;
export const G_RESERVED = 72;
export const G_BYTES = 128;

export const GRUNNABLE = 1;
export const GRUNNING = 2;
export const GWAITING = 4;
export const GDEAD = 6;
