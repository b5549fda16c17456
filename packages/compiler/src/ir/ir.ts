/**
 * ir.ts — gort's intermediate representation: what lowering (lower.ts) produces from the typed
 * AST and what codegen (../codegen) turns into the program image.
 *
 * ─── DESIGN ──────────────────────────────────────────────────────────────────────────────────
 * The IR is a *slot-level, label-addressed* form of the VM's register bytecode: every IR
 * instruction is one VM opcode (Op from @gort/runtime/image) over frame slots, plus symbolic
 * operands that codegen resolves (branch targets as Label objects, callees as IrFunc objects,
 * types as Type objects registered in the image's type table, statics as symbolic offsets).
 * Lowering does all Go-level work (evaluation order, conversions, bounds/nil checks, escape
 * decisions); codegen only encodes, lays out and produces metadata: it computes branch offsets,
 * the PC→line table from each instruction's position, and a stack map at every safe point.
 *
 * Why not SSA first: the interpreter's cost is per dispatched instruction, and the first goal
 * is an exact, whole-language translation. A slot-level IR keeps the lowering direct; an SSA
 * pass (copy propagation, fused compare-and-branch, bounds-check elimination) can later be
 * inserted between lowering and codegen without changing either end, because both speak IrFunc.
 *
 * Frames. A function's slots are [params][results][locals+temps] (format.ts). Each slot has a
 * fixed *class* for the whole function, pointer or non-pointer (IrFunc.ptrSlots); temps are
 * recycled only within their class. All slots are zeroed at entry (zeroEnd = nslots), so one
 * stack map per function is exact about *where* pointers may be (a dead pointer slot only
 * retains an object a little longer, as conservative liveness would); codegen attaches it to
 * every safe point (calls, allocations, pointer stores, TYPEDMOVE, branches = budget yields).
 * Per-pc liveness maps are a later refinement in codegen alone.
 *
 * Values. Scalars (ints, floats, bools, pointers) take one slot in canonical form; string = 2
 * slots (ptr, len), slice = 3 (ptr, len, cap), interface = 2 (type/itab, data), func/map/chan =
 * 1 pointer. Structs and arrays are *by address*: one pointer slot holding the address of
 * memory that holds the value; assignment copies with TYPEDMOVE/MOVE, and passing or returning
 * one passes a pointer to a fresh copy the receiver owns (a temporary convention: flattening
 * small aggregates into slots is an optimisation for later).
 *
 * Escape analysis (today: conservative). A local whose address is taken (&x, x.f / x[i] of an
 * aggregate, pointer-method calls on x) or that is an aggregate lives in a heap object
 * allocated at its declaration (so each loop iteration's `x := …` is a new variable, as Go
 * requires); other locals live in slots. The planned analysis (Go's escape.go data-flow graph:
 * locations, assignment edges with deref counts, "flows to heap / result") then moves
 * non-escaping address-taken variables into the frame (FADDR), which the stack copier already
 * supports because the frame's pointer slots are adjusted.
 *
 * The whole language, as planned on this IR:
 * - Closures: a heap record {fn index, captured vars by reference (pointer to the escaped
 *   variable) or by value when never reassigned}; calls through CALLI, GETCTX in the body.
 *   Method values are closures over a receiver copy; method expressions are plain functions.
 * - defer (lowerdefer.ts, runtime vm/defer.ts): a per-frame list of heap records {deferwrap,
 *   link, callee, args} headed by a pointer slot, run LIFO by bytecode at each return
 *   (deferreturn) and by runtime.gopanic frames during panics; ImageFunc.deferInfo = [head
 *   slot, recovery pc, flags]. Open-coded defers (Go's bits slot, no allocation) are a later
 *   optimisation for functions with ≤ 8 defers outside loops.
 * - panic/recover: PANIC opcode with an interface value (run-time errors are VM panic kinds);
 *   RECOVER is valid only in a deferred call's frame; recovered run-time errors are
 *   runtime.Error values (runtime/error.go) when the program links package runtime.
 * - goroutines: `go f(x)` evaluates f and args into a heap closure and calls the runtime's
 *   newproc; channels/select are runtime calls (chansend, chanrecv, selectgo) that park.
 * - maps: runtime calls (mapaccess1/2, mapassign, mapdelete, mapiterinit/next) over the map
 *   type descriptor (TYPEDESC.md §3 Map), with Go's hashing and randomised iteration.
 * - interfaces (loweriface.ts; runtime iface.ts): a value is 2 slots, shape "np" — word 0 the
 *   type descriptor (interface{}) or itab (non-empty), static/persistent memory the GC ignores,
 *   so not a pointer slot; word 1 the data word (pointer slot): the value itself for directIface
 *   types (pointers, maps, chans, funcs, unsafe.Pointer, 1-field structs/1-element arrays of
 *   those), else a pointer to a fresh immutable copy. In memory: 16 bytes, word 0 stored
 *   with ST64 (no barrier), word 1 with STP. Nil = (0, 0). Conversions happen at every
 *   assignment point (`convertTo`: assignments, declarations, returns, call arguments,
 *   composite literal elements, append, comparisons): concrete → I uses the itab the compiler
 *   emits into the statics (TypeTable.itab), I → J calls runtime.convI2I. A method call is
 *   `NILCHK itab; ADDP f, itab, 16+4k; CALLI f` (CALLI reads fun[k] as the function id). x.(T)
 *   and type-switch cases on concrete T compare the type word inline (descriptor identity: one
 *   descriptor per type); cases/assertions on interfaces call runtime.assertE2I[2] (getitab).
 *   Interface == compares type words, then runtime.efaceeq (descriptor-driven equality in Go's order, iface.ts).
 * - generics (generics.ts, GENERICS.md): *full stenciling*, one body per instantiation, with
 *   the type parameters substituted through a per-instance view of Info, so the rest of the
 *   lowering is unchanged. Go's scheme (one body per GC shape plus a dictionary of descriptors,
 *   itabs and sub-dictionaries) was the first plan; measured, it would save 0.3–3% of instance
 *   code on the Go test suite and on our tests (most instantiations differ in shape), while
 *   every dictionary load or indirect method call costs a full dispatch here (+40–50% on a
 *   loop calling a constraint method). Stenciled code is exactly the hand-written code.
 */
import type { Type } from "../types/index.js";

/** A branch target. `pc` is assigned by codegen. */
export class Label {
  pc = -1;
  constructor(readonly name = "") {}
}

/** One IR instruction = one VM opcode with possibly symbolic operands. */
export interface Instr {
  op: number;
  a: number;
  b: number;
  c: number;
  d: number;
  /** branch target (the operand word OP_BRANCH_WORD names is filled in by codegen) */
  target?: Label;
  /** callee (CALL: operand A = its function index) */
  fn?: IrFunc;
  /** a function whose index is operand B (LDI of a function index into a closure record) */
  fnB?: IrFunc;
  /** SADDR of a global: B is relative to the globals block (which follows the statics) */
  globalRel?: boolean;
  /** type operand (NEW, NEWARR: B; TYPEDMOVE: C; TYPEADDR: B) */
  type?: Type;
  /** source position: file index and line */
  file: number;
  line: number;
}

export type Code = (Instr | Label)[];

export interface IrFunc {
  /** qualified name as Go prints it: "main.main", "main.(*T).M", "main.init.0" */
  name: string;
  file: number;
  line: number;
  flags: number;
  nparams: number;
  nresults: number;
  /** one entry per slot: true = the slot holds a pointer (stack map bit) */
  ptrSlots: boolean[];
  code: Code;
  /** set by codegen */
  index: number;
  /**
   * Functions with defer statements (lowerdefer.ts): the defer head slot, the recovery point
   * (reached only from the VM after a recover: keep it even though no jump leads to it) and
   * flags; encoded as ImageFunc.deferInfo = [slot, recover pc offset, flags].
   */
  deferInfo?: { slot: number; recover: Label; flags: number };
}

export function newFunc(name: string, file: number, line: number): IrFunc {
  return { name, file, line, flags: 0, nparams: 0, nresults: 0, ptrSlots: [], code: [], index: -1 };
}
