/**
 * opt.ts — the IR optimiser: slot-level clean-ups between lowering and codegen (ir.ts's design
 * comment foresaw this pass). The interpreter's cost is per dispatched instruction, so every
 * removed MOV/LDI is a saved dispatch (~2–5 ns); the lowering stays simple and exact, this pass
 * removes what it leaves behind.
 *
 * Passes (each over basic blocks, with a fixpoint over the control-flow graph where facts cross
 * blocks). First, constants loaded inside loops move to slots set once at entry (hoistConsts).
 * Then rounds until nothing changes (liveness runs first in each round, so the lowering's
 * `op t; MOV v, t` pairs are retargeted before propagation picks names):
 *   1. propagate: forward must-analysis of "slot d holds a copy of slot s" and "slot d holds the
 *      int32 constant k" (slots are zero at entry), plus "slot p is known non-nil". Uses are
 *      renamed to the copy's source; constants fold into immediate forms (ADD/SUB → ADDI,
 *      JEQ/JNE/JLT/JLE → JxxI, shifts → SHxI, MUL → MULK); a slot known to equal `base + k`
 *      (ADDP) folds into load/store offsets below the 4 KiB nil page; a NILCHK of a slot
 *      already checked (or dereferenced) on every path is dropped; MOVN of copied ranges reads
 *      the original range.
 *   1b. cse: within a block, a repeated BCHK is dropped and a repeated pure computation
 *      (INDEXP, ADDP, arithmetic) becomes a MOV from the slot that holds it.
 *   2. backward (liveness): dead pure instructions are removed; `I: op t, …; MOV d, t` with t
 *      dead after the MOV becomes `op d, …` (retargeting the def); `LT t, a, b; JT/JF t` with t
 *      dead becomes a fused compare-and-branch (JLT/JLE…, and the float forms JLTF/JNLTF…).
 *   3. branches: jumps to the next instruction vanish, jumps to jumps are threaded, a loop's
 *      `JMP top` whose `top:` is (up to 3 instructions and) its exit test is rotated into a
 *      copy of those instructions plus the inverted test (one dispatch less per iteration),
 *      unreachable code is dropped.
 * Then once: superinstructions (IJLT/IJLTI loop latches, LDX64/STX64/INDEXPC8 bounds-checked
 * slice element access, the PERF group of gen-opcodes.mjs), and slot compaction (unused slots
 * are renumbered away: smaller frames to zero on every call).
 *
 * SAFETY. The pass only touches functions it fully understands: every opcode must be in the
 * tables below (an opcode added later by someone else makes the function pass through
 * untouched), no FADDR (a slot whose address is taken can change behind the analysis' back), no
 * metadata it does not know on the function or its instructions (future defer/recover data may
 * name slots or labels), and no call of a native whose name suggests defer/recover/panic
 * machinery (a recovered panic resumes at a point the CFG does not show). Calls through CALLI
 * and CALLN use and clobber conservatively (every slot from their argument/result base up).
 * Panicking instructions are never removed or reordered; the fused forms panic exactly like the
 * sequence they replace (same kind, operands, line). `GORT_OPT=0` in the environment turns the
 * pass off (to compare, or to bisect a miscompile).
 *
 * Complexity: O(rounds × (blocks × slots + instructions × slots)) worst case; functions larger
 * than LIMIT (instructions × slots) are left alone.
 */
import { OP_KINDS, OP_NAME, Op } from "@gort/runtime/image";
import { Label, type Code, type Instr, type IrFunc } from "./ir.js";

/** What the optimiser needs from the image being built. */
export interface OptEnv {
  /** the constant pool's values (LDK operands) */
  consts: readonly bigint[];
  /** adds an int64 to the constant pool, returns its index (MULK) */
  addConst(v: bigint): number;
  /** native names by index (CALLN operands) */
  natives: readonly string[];
}

/** Functions bigger than this (instructions × slots) are not optimised (time and memory bound). */
const LIMIT = 40_000_000;

const KNOWN_FUNC_KEYS = new Set(["name", "file", "line", "flags", "nparams", "nresults", "ptrSlots", "code", "index"]);
const KNOWN_INSTR_KEYS = new Set(["op", "a", "b", "c", "d", "target", "fn", "fnB", "globalRel", "type", "file", "line"]);
/** FN_CLOSURE | FN_WRAPPER | FN_RUNTIME (format.ts): flags the pass knows to be harmless. */
const KNOWN_FLAGS = 1 | 2 | 8;
const RISKY_NATIVE = /defer|recover|panic|goexit/i;
/**
 * Slot counts [arguments, results] of natives the lowering calls with CALLN (their ABI is fixed
 * in lowercall.ts); any other native uses and clobbers every slot from its operands up.
 */
const NATIVE_ARITY = new Map<string, [number, number]>([
  ["runtime.memmove", [3, 0]],
  ["runtime.growslice", [5, 3]],
  ["runtime.makeslicelenerror", [0, 0]],
  ["runtime.makeslicecaperror", [0, 0]],
]);
/** Arity of the native CALLN `it` calls, when known (set by optimizeFunc for the current image). */
let nativeArity: (it: Instr) => [number, number] | undefined = () => undefined;

// ── opcode classes, by name (numbers are renumbered freely by gen-opcodes.mjs) ──
const byName = new Map<string, number>();
OP_NAME.forEach((n, i) => byName.set(n, i));
const ops = (...names: string[]): Set<number> => {
  const s = new Set<number>();
  for (const n of names) {
    const o = byName.get(n);
    if (o === undefined) throw new Error(`opt: unknown opcode ${n}`);
    s.add(o);
  }
  return s;
};

/**
 * The PERF group's opcodes (gen-opcodes.mjs), looked up by name at load: the compiler's tsc
 * build inlines `Op` members from the runtime's emitted declarations, which may predate them.
 */
const P = {
  JLTF: op1("JLTF"),
  JLEF: op1("JLEF"),
  JNLTF: op1("JNLTF"),
  JNLEF: op1("JNLEF"),
  IJLT: op1("IJLT"),
  IJLTI: op1("IJLTI"),
  LDX64: op1("LDX64"),
  STX64: op1("STX64"),
  INDEXPC8: op1("INDEXPC8"),
};
function op1(n: string): number {
  const o = byName.get(n);
  if (o === undefined) throw new Error(`opt: unknown opcode ${n}`);
  return o;
}

/** Every 's' operand is a use (A included). */
const USE_ALL = ops(
  "ST8", "ST16", "ST32", "ST64", "STF32", "STP", "MOVE", "TYPEDMOVE", "ZERO", "NILCHK", "CHKSHIFT",
  "PRINTI", "PRINTU", "PRINTF", "PRINTB", "PRINTP", "JT", "JF", "JEQ", "JNE", "JLT", "JLE", "JLTU", "JLEU",
  "JEQI", "JNEI", "JLTI", "JLEI", "JGTI", "JGEI", "BCHK", "JLTF", "JLEF", "JNLTF", "JNLEF",
);
/** A is the only def, the other 's' operands are uses. */
const DEF_A = ops(
  "MOV", "LDI", "LDK", "SADDR", "TYPEADDR", "GETCTX", "ADD", "SUB", "MUL", "DIV", "DIVU", "REM", "REMU", "AND", "OR", "XOR",
  "ANDNOT", "NEG", "COM", "ADDK", "SUBK", "MULK", "ADDI", "SHL", "SHR", "SAR", "SHLI", "SHRI", "SARI", "SEXT8", "SEXT16",
  "SEXT32", "ZEXT8", "ZEXT16", "ZEXT32", "EQ", "NE", "LT", "LE", "LTU", "LEU", "NOTB", "ADDF", "SUBF", "MULF", "DIVF",
  "NEGF", "SQRTF", "ADDF32", "SUBF32", "MULF32", "DIVF32", "EQF", "NEF", "LTF", "LEF", "I2F", "U2F", "I2F32", "U2F32",
  "F2I", "F2U", "F2F32", "LD8", "LD8S", "LD16", "LD16S", "LD32", "LD32S", "LD64", "LDF32", "ADDP", "INDEXP", "NEW", "NEWARR",
  "INDEXPC8",
);
/** Removable when their defs are dead: no panic, no memory or scheduler effect. */
const PURE = ops(
  "NOP", "MOV", "MOVN", "LDI", "LDK", "SADDR", "TYPEADDR", "GETCTX", "ADD", "SUB", "MUL", "AND", "OR", "XOR", "ANDNOT", "NEG",
  "COM", "ADDK", "SUBK", "MULK", "ADDI", "SHL", "SHR", "SAR", "SHLI", "SHRI", "SARI", "SEXT8", "SEXT16", "SEXT32", "ZEXT8",
  "ZEXT16", "ZEXT32", "EQ", "NE", "LT", "LE", "LTU", "LEU", "NOTB", "ADDF", "SUBF", "MULF", "DIVF", "NEGF", "SQRTF", "ADDF32",
  "SUBF32", "MULF32", "DIVF32", "EQF", "NEF", "LTF", "LEF", "I2F", "U2F", "I2F32", "U2F32", "F2I", "F2U", "F2F32", "ADDP",
  "INDEXP",
);
/** Other opcodes the pass understands (handled case by case). */
const SPECIAL = ops("NOP", "JMP", "CALL", "CALLI", "CALLN", "RET", "PANIC", "HALT", "MOVN", "PRINTS", "PRINTSP", "PRINTNL", "IJLT", "IJLTI", "LDX64", "STX64");
const TERMINATORS = ops("JMP", "RET", "PANIC", "HALT");

/** Inverse of each conditional branch (same operands). */
const INVERT = new Map<number, number>([
  [Op.JT, Op.JF], [Op.JF, Op.JT], [Op.JEQ, Op.JNE], [Op.JNE, Op.JEQ], [Op.JEQI, Op.JNEI], [Op.JNEI, Op.JEQI],
  [Op.JLTI, Op.JGEI], [Op.JGEI, Op.JLTI], [Op.JLEI, Op.JGTI], [Op.JGTI, Op.JLEI],
  [P.JLTF, P.JNLTF], [P.JNLTF, P.JLTF], [P.JLEF, P.JNLEF], [P.JNLEF, P.JLEF],
]);
/** Two-slot branches whose inverse swaps the operands: !(a < b) = b <= a. */
const INVERT_SWAP = new Map<number, number>([
  [Op.JLT, Op.JLE], [Op.JLE, Op.JLT], [Op.JLTU, Op.JLEU], [Op.JLEU, Op.JLTU],
]);

const isInstr = (x: Instr | Label): x is Instr => !(x instanceof Label);

function mk(op: number, a: number, b: number, c: number, like: Instr, target?: Label): Instr {
  const it: Instr = { op, a, b, c, d: 0, file: like.file, line: like.line };
  if (target !== undefined) it.target = target;
  return it;
}

/** The pass is on unless GORT_OPT=0. */
export function optEnabled(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.GORT_OPT !== "0";
}

/** Optimises f in place (see the header). Returns false when f was left untouched. */
export function optimizeFunc(f: IrFunc, env: OptEnv): boolean {
  if (!analyzable(f, env)) return false;
  nativeArity = (it) => NATIVE_ARITY.get(env.natives[it.a] ?? "");
  const n = f.ptrSlots.length;
  if (f.code.length * Math.max(n, 1) > LIMIT) return false;
  const lastOf = (c: Code): Instr | undefined => {
    for (let i = c.length - 1; i >= 0; i--) {
      const it = c[i];
      if (isInstr(it)) return it;
    }
    return undefined;
  };
  const last0 = lastOf(f.code);
  if (last0 === undefined || !TERMINATORS.has(last0.op)) return false; // not the shape the passes assume
  // the passes edit instructions in place: keep a copy to fall back on if a result is malformed
  const origCode = f.code.map((it) => (isInstr(it) ? ({ ...it } as Instr) : it));
  const origSlots = f.ptrSlots.slice();
  hoistConsts(f);
  for (let round = 0; round < 6; round++) {
    // liveness first: the lowering's `op t, …; MOV v, t` pairs are retargeted before copy
    // propagation starts renaming variables to temps
    let changed = backward(f, false);
    changed = propagate(f, env) || changed;
    changed = cse(f) || changed;
    changed = backward(f, false) || changed;
    changed = branches(f) || changed;
    if (!changed) break;
  }
  backward(f, true);
  branches(f);
  const last = lastOf(f.code);
  if (last === undefined || !TERMINATORS.has(last.op)) {
    // the validator requires a terminator at the end; never ship a function that lost it
    f.code = origCode;
    f.ptrSlots = origSlots;
    return false;
  }
  compact(f);
  return true;
}

function analyzable(f: IrFunc, env: OptEnv): boolean {
  if ((f.flags & ~KNOWN_FLAGS) !== 0) return false;
  for (const k of Object.keys(f)) if (!KNOWN_FUNC_KEYS.has(k) && (f as unknown as Record<string, unknown>)[k] !== undefined) return false;
  let hasRet = false;
  for (const it of f.code) {
    if (!isInstr(it)) continue;
    const op = it.op;
    if (!USE_ALL.has(op) && !DEF_A.has(op) && !SPECIAL.has(op)) return false;
    for (const k of Object.keys(it)) if (!KNOWN_INSTR_KEYS.has(k) && (it as unknown as Record<string, unknown>)[k] !== undefined) return false;
    if (op === Op.CALLN && RISKY_NATIVE.test(env.natives[it.a] ?? "?")) return false;
    if (op === Op.RET) hasRet = true;
  }
  return hasRet || f.code.length > 0;
}

// ── per-instruction uses and defs ──

/** Calls fn(slot) for every slot the instruction may read. `n` = slot count of the frame. */
function forUses(it: Instr, f: IrFunc, n: number, fn: (s: number) => void): void {
  const op = it.op;
  const k = OP_KINDS[op];
  if (USE_ALL.has(op)) {
    if (k[0] === "s") fn(it.a);
    if (k[1] === "s") fn(it.b);
    if (k[2] === "s") fn(it.c);
    return;
  }
  if (DEF_A.has(op)) {
    if (k[1] === "s") fn(it.b);
    if (k[2] === "s") fn(it.c);
    if (k[3] === "s") fn(it.d);
    return;
  }
  switch (op) {
    case Op.MOVN:
      for (let i = 0; i < it.c; i++) fn(it.b + i);
      return;
    case Op.PRINTS:
    case Op.PANIC:
      fn(it.a);
      fn(it.a + 1);
      return;
    case Op.CALL:
      if (it.fn !== undefined) {
        for (let i = 0; i < it.fn.nparams; i++) fn(it.b + i);
        return;
      }
      for (let s = it.b; s < n; s++) fn(s);
      return;
    case Op.CALLI:
      fn(it.a);
      for (let s = Math.min(it.b, it.c); s < n; s++) fn(s);
      return;
    case Op.CALLN: {
      const ar = nativeArity(it);
      if (ar !== undefined) {
        for (let i = 0; i < ar[0]; i++) fn(it.b + i);
        return;
      }
      for (let s = Math.min(it.b, it.c); s < n; s++) fn(s);
      return;
    }
    case Op.RET:
      for (let i = 0; i < f.nresults; i++) fn(f.nparams + i);
      return;
    case P.IJLT:
      fn(it.a);
      fn(it.b);
      return;
    case P.IJLTI:
      fn(it.a);
      return;
    case P.LDX64:
      fn(it.b);
      fn(it.c);
      fn(it.d);
      return;
    case P.STX64:
      fn(it.a);
      fn(it.b);
      fn(it.c);
      fn(it.d);
      return;
    default:
      return;
  }
}

/**
 * Calls fn(slot) for every slot the instruction certainly writes (a liveness kill). Calls with
 * an unknown result count report nothing here; `clobberFrom` gives their may-write range.
 */
function forDefs(it: Instr, fn: (s: number) => void): void {
  const op = it.op;
  if (DEF_A.has(op)) {
    fn(it.a);
    return;
  }
  switch (op) {
    case Op.MOVN:
      for (let i = 0; i < it.c; i++) fn(it.a + i);
      return;
    case Op.CALL:
      if (it.fn !== undefined) for (let i = 0; i < it.fn.nresults; i++) fn(it.c + i);
      return;
    case Op.CALLN: {
      const ar = nativeArity(it);
      if (ar !== undefined) for (let i = 0; i < ar[1]; i++) fn(it.c + i);
      return;
    }
    case P.IJLT:
    case P.IJLTI:
    case P.LDX64:
      fn(it.a);
      return;
    default:
      return;
  }
}

/** First slot an instruction may write without saying which (calls of unknown arity), or -1. */
function clobberFrom(it: Instr): number {
  if (it.op === Op.CALLN && nativeArity(it) !== undefined) return -1;
  if (it.op === Op.CALLI || it.op === Op.CALLN || (it.op === Op.CALL && it.fn === undefined)) return it.c;
  return -1;
}

// ── basic blocks ──

interface Block {
  start: number; // index into code of the first item (label or instruction)
  end: number; // one past the last item
  succ: number[];
  pred: number[];
}

function blocks(code: Code): { bs: Block[]; labelBlock: Map<Label, number> } {
  const bs: Block[] = [];
  const labelBlock = new Map<Label, number>();
  let start = 0;
  let i = 0;
  while (i < code.length) {
    // a block = leading labels, then instructions up to a branch/terminator (inclusive)
    start = i;
    while (i < code.length && !isInstr(code[i])) labelBlock.set(code[i++] as Label, bs.length);
    while (i < code.length) {
      const it = code[i];
      if (!isInstr(it)) break;
      i++;
      if (it.target !== undefined || TERMINATORS.has(it.op)) break;
    }
    bs.push({ start, end: i, succ: [], pred: [] });
  }
  bs.forEach((b, bi) => {
    const last = b.end > b.start ? code[b.end - 1] : undefined;
    const fall = last === undefined || !isInstr(last) || !TERMINATORS.has(last.op);
    if (last !== undefined && isInstr(last) && last.target !== undefined) {
      const t = labelBlock.get(last.target);
      if (t !== undefined) b.succ.push(t);
    }
    if (fall && bi + 1 < bs.length && !b.succ.includes(bi + 1)) b.succ.push(bi + 1);
  });
  bs.forEach((b, bi) => b.succ.forEach((s) => bs[s].pred.push(bi)));
  return { bs, labelBlock };
}

// ── local common subexpressions ──

/** Pure ops worth reusing within a block (cheap ones like MOV/LDI are handled by propagation). */
const CSE_OPS = new Set<number>([
  Op.ADD, Op.SUB, Op.MUL, Op.AND, Op.OR, Op.XOR, Op.ANDNOT, Op.ADDI, Op.SHLI, Op.SHRI, Op.SARI,
  Op.ADDF, Op.SUBF, Op.MULF, Op.DIVF, Op.I2F, Op.ADDP, Op.INDEXP, Op.SADDR, Op.TYPEADDR,
]);

/**
 * Within each block: a second BCHK of the same operands (neither redefined since) is dropped,
 * and a pure computation already available in a slot becomes a MOV from it (tuple swaps
 * `a[i], a[j] = a[j], a[i]` check and index each element twice).
 */
function cse(f: IrFunc): boolean {
  const code = f.code;
  let did = false;
  // available: key → result slot (BCHK: −1); operand slots of each entry for invalidation
  const avail = new Map<string, { r: number; slots: number[] }>();
  for (let i = 0; i < code.length; i++) {
    const it = code[i];
    if (!isInstr(it)) {
      avail.clear();
      continue;
    }
    const op = it.op;
    const k = OP_KINDS[op];
    if (op === Op.BCHK || (CSE_OPS.has(op) && it.globalRel !== true && it.fnB === undefined)) {
      const key = op === Op.BCHK ? `${op},${it.a},${it.b},${it.c}` : `${op},${it.b},${it.c},${it.d}`;
      const e = avail.get(key);
      if (e !== undefined) {
        code[i] = op === Op.BCHK || e.r === it.a ? mk(Op.NOP, 0, 0, 0, it) : mk(Op.MOV, it.a, e.r, 0, it);
        did = true;
      }
    }
    const cur = code[i] as Instr;
    // invalidate entries reading or holding a slot this instruction writes
    const killed: number[] = [];
    forDefs(cur, (d) => killed.push(d));
    if (clobberFrom(cur) >= 0 || cur.op === Op.CALL) avail.clear();
    else if (killed.length > 0)
      for (const [key, e] of avail) if (killed.includes(e.r) || e.slots.some((x) => killed.includes(x))) avail.delete(key);
    if (cur === it && (op === Op.BCHK || (CSE_OPS.has(op) && it.globalRel !== true && it.fnB === undefined))) {
      const slots: number[] = [];
      for (let j = 1; j < k.length; j++) if (k[j] === "s") slots.push((j === 1 ? it.b : j === 2 ? it.c : it.d) as number);
      if (op === Op.BCHK) avail.set(`${op},${it.a},${it.b},${it.c}`, { r: -1, slots });
      else if (!slots.includes(it.a)) avail.set(`${op},${it.b},${it.c},${it.d}`, { r: it.a, slots });
    }
    if (TERMINATORS.has(cur.op) || cur.target !== undefined) avail.clear();
  }
  if (did) removeNops(f);
  return did;
}

// ── constants in loops ──

/**
 * LDI/LDK inside a loop (between a backward branch and its target) load from a slot set once
 * at function entry instead (`MOV d, c`, which propagation then removes by reading c directly):
 * one dispatch less per constant per iteration, a few more slots per frame.
 */
function hoistConsts(f: IrFunc): boolean {
  const code = f.code;
  const pos = new Map<Label, number>();
  code.forEach((it, i) => {
    if (!isInstr(it)) pos.set(it, i);
  });
  const inLoop = new Uint8Array(code.length);
  code.forEach((it, j) => {
    if (!isInstr(it) || it.target === undefined) return;
    const i = pos.get(it.target);
    if (i !== undefined && i <= j) inLoop.fill(1, i, j + 1);
  });
  const slotFor = new Map<string, number>();
  const inits: Instr[] = [];
  code.forEach((it, j) => {
    if (inLoop[j] === 0 || !isInstr(it) || (it.op !== Op.LDI && it.op !== Op.LDK) || it.fnB !== undefined || it.globalRel === true) return;
    const key = `${it.op}:${it.b}`;
    let c = slotFor.get(key);
    if (c === undefined) {
      c = f.ptrSlots.length;
      f.ptrSlots.push(false);
      slotFor.set(key, c);
      inits.push(mk(it.op, c, it.b, 0, it));
    }
    code[j] = mk(Op.MOV, it.a, c, 0, it);
  });
  if (inits.length === 0) return false;
  f.code = [...inits, ...code];
  return true;
}

// ── 1. forward propagation ──

const NONE = 0;
const COPY = 1;
const CONST = 2;
/** slot holds s[val] + off (ADDP): folded into LD/ST offsets */
const ADDR = 3;

class Facts {
  kind: Int8Array;
  val: Int32Array;
  off: Int32Array;
  nn: Uint8Array;
  constructor(n: number) {
    this.kind = new Int8Array(n);
    this.val = new Int32Array(n);
    this.off = new Int32Array(n);
    this.nn = new Uint8Array(n);
  }
  copyFrom(o: Facts): void {
    this.kind.set(o.kind);
    this.val.set(o.val);
    this.off.set(o.off);
    this.nn.set(o.nn);
  }
  equals(o: Facts): boolean {
    for (let i = 0; i < this.kind.length; i++)
      if (this.kind[i] !== o.kind[i] || this.val[i] !== o.val[i] || this.off[i] !== o.off[i] || this.nn[i] !== o.nn[i]) return false;
    return true;
  }
  meet(o: Facts): void {
    for (let i = 0; i < this.kind.length; i++) {
      if (this.kind[i] === CONST && o.kind[i] === CONST && this.val[i] === o.val[i]) {
        if (this.off[i] !== o.off[i]) this.off[i] = 0; // same constant, different holders
      } else if (this.kind[i] !== o.kind[i] || this.val[i] !== o.val[i] || this.off[i] !== o.off[i]) this.kind[i] = NONE;
      this.nn[i] &= o.nn[i];
    }
  }
  kill(d: number): void {
    this.kind[d] = NONE;
    this.nn[d] = 0;
    this.off[d] = 0;
    for (let x = 0; x < this.kind.length; x++) {
      if ((this.kind[x] === COPY || this.kind[x] === ADDR) && this.val[x] === d) this.kind[x] = NONE;
      else if (this.kind[x] === CONST && this.off[x] === d + 1) this.off[x] = 0;
    }
  }
  /** The slot whose value s holds (s itself unless s is a known copy). */
  root(s: number): number {
    return this.kind[s] === COPY ? this.val[s] : s;
  }
  isConst(s: number): boolean {
    return this.kind[s] === CONST;
  }
}

function constOf(env: OptEnv, idx: number): number | null {
  const v = env.consts[idx];
  if (v === undefined) return null;
  return v >= -2147483648n && v <= 2147483647n ? Number(v) : null;
}

/** Applies instruction it to the facts (after any rewrite). */
function transfer(it: Instr, st: Facts, env: OptEnv, n: number): void {
  const op = it.op;
  if (op === Op.MOVN && (it.a + it.c <= it.b || it.b + it.c <= it.a)) {
    // n independent copies (the ranges do not overlap)
    for (let i = 0; i < it.c; i++) transfer({ op: Op.MOV, a: it.a + i, b: it.b + i, c: 0, d: 0, file: 0, line: 0 }, st, env, n);
    return;
  }
  if (op === Op.MOV) {
    const s = st.root(it.b);
    if (s === it.a) return;
    const wasConst = st.isConst(it.b);
    const cv = st.val[it.b];
    const nn = st.nn[s];
    st.kill(it.a);
    if (wasConst) {
      // remember a slot that holds the constant (uses of it.a can read that slot instead)
      const holder = st.off[it.b] !== 0 ? st.off[it.b] : it.b + 1;
      st.kind[it.a] = CONST;
      st.val[it.a] = cv;
      st.off[it.a] = holder - 1 === it.a ? 0 : holder;
    } else {
      st.kind[it.a] = COPY;
      st.val[it.a] = s;
    }
    st.nn[it.a] = nn;
    return;
  }
  if (op === Op.LDI) {
    st.kill(it.a);
    if (it.fnB !== undefined) return; // a function index: b is a placeholder until codegen
    st.kind[it.a] = CONST;
    st.val[it.a] = it.b;
    return;
  }
  if (op === Op.ADDP) {
    // d = base + k, base a slot other than d (with base's own ADDR fact folded in)
    let base = st.root(it.b);
    let k = it.c;
    if (st.kind[base] === ADDR) {
      k += st.off[base];
      base = st.val[base];
    }
    st.kill(it.a);
    if (base !== it.a && k >= 0 && k < FOLD_LIMIT) {
      st.kind[it.a] = ADDR;
      st.val[it.a] = base;
      st.off[it.a] = k;
    }
    return;
  }
  if (op === Op.LDK) {
    st.kill(it.a);
    const k = constOf(env, it.b);
    if (k !== null) {
      st.kind[it.a] = CONST;
      st.val[it.a] = k;
    }
    return;
  }
  // non-nil knowledge from a successful check or dereference (before the def: LD64 p, p, 0)
  let nnSlot = -1;
  if (op === Op.NILCHK) nnSlot = it.a;
  else if (OP_NAME[op].startsWith("LD") && DEF_A.has(op) && OP_KINDS[op] === "ssi" && op !== Op.LDI) nnSlot = it.b;
  else if (op === Op.ST8 || op === Op.ST16 || op === Op.ST32 || op === Op.ST64 || op === Op.STF32 || op === Op.STP) nnSlot = it.a;
  const cl = clobberFrom(it);
  if (cl >= 0) for (let s = cl; s < n; s++) st.kill(s);
  forDefs(it, (d) => st.kill(d));
  if (nnSlot >= 0) {
    let redefined = false;
    forDefs(it, (d) => (redefined ||= d === nnSlot));
    if (!redefined) st.nn[st.root(nnSlot)] = 1;
    if (!redefined) st.nn[nnSlot] = 1;
  }
}

/** Single-slot use operands that may be renamed: [field, …] of the instruction. */
function renamable(it: Instr): ("a" | "b" | "c")[] {
  const op = it.op;
  const k = OP_KINDS[op];
  const r: ("a" | "b" | "c")[] = [];
  if (USE_ALL.has(op)) {
    if (k[0] === "s") r.push("a");
    if (k[1] === "s") r.push("b");
    if (k[2] === "s") r.push("c");
  } else if (DEF_A.has(op)) {
    if (k[1] === "s") r.push("b");
    if (k[2] === "s") r.push("c");
  } else if (op === P.IJLT) r.push("b");
  else if (op === Op.CALLI) r.push("a");
  return r;
}

const fits32 = (v: number): boolean => v >= -2147483648 && v <= 2147483647;
/**
 * Largest folded field offset: below the nil guard page (4096), a load at base+k from a nil
 * base faults exactly when the unfolded ADDP + load would, with the same address.
 */
const FOLD_LIMIT = 4096;
const LOADS = new Set<number>([Op.LD8, Op.LD8S, Op.LD16, Op.LD16S, Op.LD32, Op.LD32S, Op.LD64, Op.LDF32]);
const STORES = new Set<number>([Op.ST8, Op.ST16, Op.ST32, Op.ST64, Op.STF32, Op.STP]);

/** Rewrites it (in place or by returning a replacement) using the facts before it. */
function rewrite(it: Instr, st: Facts, env: OptEnv): Instr {
  for (const fld of renamable(it)) {
    const s = it[fld];
    if (st.kind[s] === COPY) it[fld] = st.val[s];
    else if (st.kind[s] === CONST && st.off[s] !== 0) it[fld] = st.off[s] - 1;
  }
  const op = it.op;
  const kc = (s: number): number | null => (st.isConst(s) ? st.val[s] : null);
  // LD d, p, c / ST p, c, v with p = base + k  →  LD d, base, k + c / ST base, k + c, v
  if (LOADS.has(op) && st.kind[it.b] === ADDR && it.c >= 0 && st.off[it.b] + it.c < FOLD_LIMIT)
    return mk(op, it.a, st.val[it.b], st.off[it.b] + it.c, it);
  if (STORES.has(op) && st.kind[it.a] === ADDR && it.b >= 0 && st.off[it.a] + it.b < FOLD_LIMIT)
    return mk(op, st.val[it.a], st.off[it.a] + it.b, it.c, it);
  switch (op) {
    case Op.MOVN: {
      // source range made of copies of one contiguous range: copy from that range instead
      if (it.c <= 0 || st.kind[it.b] !== COPY) break;
      const base = st.val[it.b];
      let ok = true;
      for (let i = 1; i < it.c; i++) if (st.kind[it.b + i] !== COPY || st.val[it.b + i] !== base + i) ok = false;
      if (!ok) break;
      if (base === it.a) return mk(Op.NOP, 0, 0, 0, it);
      return mk(Op.MOVN, it.a, base, it.c, it);
    }
    case Op.MOV: {
      if (it.a === it.b || (st.kind[it.a] === COPY && st.val[it.a] === it.b)) return mk(Op.NOP, 0, 0, 0, it);
      break;
    }
    case Op.ADD: {
      const c = kc(it.c);
      if (c !== null) return mk(Op.ADDI, it.a, it.b, c, it);
      const b = kc(it.b);
      if (b !== null) return mk(Op.ADDI, it.a, it.c, b, it);
      break;
    }
    case Op.SUB: {
      const c = kc(it.c);
      if (c !== null && fits32(-c)) return mk(Op.ADDI, it.a, it.b, -c, it);
      break;
    }
    case Op.MUL: {
      const c = kc(it.c);
      if (c !== null) return mk(Op.MULK, it.a, it.b, env.addConst(BigInt(c)), it);
      const b = kc(it.b);
      if (b !== null) return mk(Op.MULK, it.a, it.c, env.addConst(BigInt(b)), it);
      break;
    }
    case Op.SHL:
    case Op.SHR:
    case Op.SAR: {
      const c = kc(it.c);
      if (c !== null && c >= 0 && c < 64) return mk(op === Op.SHL ? Op.SHLI : op === Op.SHR ? Op.SHRI : Op.SARI, it.a, it.b, c, it);
      break;
    }
    case Op.JEQ:
    case Op.JNE:
    case Op.JLT:
    case Op.JLE: {
      if (it.a === it.b) return op === Op.JNE || op === Op.JLT ? mk(Op.NOP, 0, 0, 0, it) : mk(Op.JMP, 0, 0, 0, it, it.target);
      const b = kc(it.b);
      if (b !== null) {
        const nop = op === Op.JEQ ? Op.JEQI : op === Op.JNE ? Op.JNEI : op === Op.JLT ? Op.JLTI : Op.JLEI;
        return mk(nop, it.a, b, 0, it, it.target);
      }
      const a = kc(it.a);
      if (a !== null) {
        // k == b, k != b, k < b ⇔ b > k, k <= b ⇔ b >= k
        const nop = op === Op.JEQ ? Op.JEQI : op === Op.JNE ? Op.JNEI : op === Op.JLT ? Op.JGTI : Op.JGEI;
        return mk(nop, it.b, a, 0, it, it.target);
      }
      break;
    }
    case Op.ADDP: {
      const b = it.b;
      if (st.kind[b] === ADDR && it.c >= 0 && st.off[b] + it.c < FOLD_LIMIT) return mk(Op.ADDP, it.a, st.val[b], st.off[b] + it.c, it);
      break;
    }
    case Op.LDI:
      if (it.fnB === undefined && st.kind[it.a] === CONST && st.val[it.a] === it.b) return mk(Op.NOP, 0, 0, 0, it); // already holds k
      break;
    case Op.NILCHK:
      if (st.nn[it.a] === 1 || st.nn[st.root(it.a)] === 1) return mk(Op.NOP, 0, 0, 0, it);
      break;
  }
  return it;
}

function propagate(f: IrFunc, env: OptEnv): boolean {
  const code = f.code;
  const n = f.ptrSlots.length;
  const { bs } = blocks(code);
  if (bs.length === 0) return false;
  const outs: (Facts | null)[] = bs.map(() => null);
  const entry = new Facts(n);
  for (let s = f.nparams; s < n; s++) {
    entry.kind[s] = CONST; // every slot past the parameters is zeroed at entry (zeroEnd = nslots)
    entry.val[s] = 0;
  }
  const inState = (bi: number, into: Facts): boolean => {
    if (bi === 0) {
      into.copyFrom(entry);
      for (const p of bs[bi].pred) if (outs[p] !== null) into.meet(outs[p] as Facts);
      return true;
    }
    let any = false;
    for (const p of bs[bi].pred) {
      const o = outs[p];
      if (o === null) continue;
      if (!any) into.copyFrom(o);
      else into.meet(o);
      any = true;
    }
    return any;
  };
  const st = new Facts(n);
  let changed = true;
  let iter = 0;
  while (changed && iter++ < 50) {
    changed = false;
    for (let bi = 0; bi < bs.length; bi++) {
      if (!inState(bi, st)) continue;
      for (let i = bs[bi].start; i < bs[bi].end; i++) {
        const it = code[i];
        if (isInstr(it)) transfer(it, st, env, n);
      }
      const o = outs[bi];
      if (o === null) {
        const c = new Facts(n);
        c.copyFrom(st);
        outs[bi] = c;
        changed = true;
      } else if (!o.equals(st)) {
        o.copyFrom(st);
        changed = true;
      }
    }
  }
  if (changed) return false; // no fixpoint (cannot happen with monotone facts): leave the code alone
  let did = false;
  for (let bi = 0; bi < bs.length; bi++) {
    if (!inState(bi, st)) continue;
    for (let i = bs[bi].start; i < bs[bi].end; i++) {
      const it = code[i];
      if (!isInstr(it)) continue;
      const before = `${it.op},${it.a},${it.b},${it.c}`;
      const nw = rewrite(it, st, env);
      if (nw !== it) code[i] = nw;
      if (nw !== it || `${nw.op},${nw.a},${nw.b},${nw.c}` !== before) did = true;
      transfer(nw, st, env, n);
    }
  }
  if (did) removeNops(f);
  return did;
}

function removeNops(f: IrFunc): void {
  f.code = f.code.filter((it) => !isInstr(it) || it.op !== Op.NOP);
}

// ── 2. liveness: dead code, def retargeting, compare-and-branch fusion, superinstructions ──

function liveness(f: IrFunc, bs: Block[]): Uint8Array[] {
  const code = f.code;
  const n = f.ptrSlots.length;
  const liveIn = bs.map(() => new Uint8Array(n));
  const liveOut = bs.map(() => new Uint8Array(n));
  const cur = new Uint8Array(n);
  let changed = true;
  while (changed) {
    changed = false;
    for (let bi = bs.length - 1; bi >= 0; bi--) {
      const b = bs[bi];
      const out = liveOut[bi];
      for (const s of b.succ) {
        const li = liveIn[s];
        for (let x = 0; x < n; x++) if (li[x] !== 0) out[x] = 1;
      }
      cur.set(out);
      for (let i = b.end - 1; i >= b.start; i--) {
        const it = code[i];
        if (!isInstr(it)) continue;
        forDefs(it, (d) => (cur[d] = 0));
        forUses(it, f, n, (u) => (cur[u] = 1));
      }
      const li = liveIn[bi];
      for (let x = 0; x < n; x++)
        if (cur[x] !== li[x]) {
          li[x] = cur[x];
          changed = true;
        }
    }
  }
  return liveOut;
}

const FUSE_JT = new Map<number, [number, boolean]>([
  // compare op → [branch op when JT, operands swapped]
  [Op.LT, [Op.JLT, false]], [Op.LE, [Op.JLE, false]], [Op.LTU, [Op.JLTU, false]], [Op.LEU, [Op.JLEU, false]],
  [Op.EQ, [Op.JEQ, false]], [Op.NE, [Op.JNE, false]], [Op.LTF, [P.JLTF, false]], [Op.LEF, [P.JLEF, false]],
]);
const FUSE_JF = new Map<number, [number, boolean]>([
  [Op.LT, [Op.JLE, true]], [Op.LE, [Op.JLT, true]], [Op.LTU, [Op.JLEU, true]], [Op.LEU, [Op.JLTU, true]],
  [Op.EQ, [Op.JNE, false]], [Op.NE, [Op.JEQ, false]], [Op.LTF, [P.JNLTF, false]], [Op.LEF, [P.JNLEF, false]],
]);

/**
 * One backward pass per block with exact live sets: removes dead pure instructions, retargets
 * defs into the MOV that follows them, fuses compares into branches; with `supers`, also forms
 * the superinstructions. Returns whether the code changed.
 */
function backward(f: IrFunc, supers: boolean): boolean {
  const code = f.code;
  const n = f.ptrSlots.length;
  const { bs } = blocks(code);
  const liveOut = liveness(f, bs);
  const dead = new Uint8Array(code.length);
  const live = new Uint8Array(n);
  let did = false;
  for (let bi = 0; bi < bs.length; bi++) {
    const b = bs[bi];
    live.set(liveOut[bi]);
    for (let i = b.end - 1; i >= b.start; i--) {
      const it = code[i];
      if (!isInstr(it)) continue;
      const op = it.op;
      // dead pure instruction: every def dead (and at least one def)
      if (PURE.has(op)) {
        let anyLive = false;
        let anyDef = false;
        forDefs(it, (d) => {
          anyDef = true;
          if (live[d] !== 0) anyLive = true;
        });
        if (op === Op.NOP || (anyDef && !anyLive)) {
          dead[i] = 1;
          did = true;
          continue;
        }
      }
      const prev = prevInstr(code, i, b.start, dead);
      // I: op t, …; (up to 8 instructions touching neither t nor d); MOV d, t  (t dead after)
      //   →  op d, …
      if (op === Op.MOV && prev >= 0 && it.a !== it.b && live[it.b] === 0) {
        const t = it.b;
        const d = it.a;
        let j = prev;
        for (let steps = 0; j >= 0 && steps < 8; steps++) {
          const p = code[j] as Instr;
          if (DEF_A.has(p.op) && p.a === t) break;
          let touches = false;
          forUses(p, f, n, (u) => (touches ||= u === t || u === d));
          forDefs(p, (x) => (touches ||= x === t || x === d));
          if (touches || clobberFrom(p) >= 0 || p.target !== undefined) {
            j = -1;
            break;
          }
          j = prevInstr(code, j, b.start, dead);
        }
        if (j >= 0 && (code[j] as Instr).a === t && DEF_A.has((code[j] as Instr).op)) {
          const p = code[j] as Instr;
          let readsD = false;
          forUses(p, f, n, (u) => (readsD ||= u === d));
          if (j === prev || !readsD) {
            p.a = d;
            dead[i] = 1;
            did = true;
            continue; // live stays as after the MOV; the retargeted def is processed in turn
          }
        }
      }
      // CMP t, a, b; JT/JF t  →  Jcmp a, b
      if ((op === Op.JT || op === Op.JF) && prev >= 0) {
        const p = code[prev] as Instr;
        const m = (op === Op.JT ? FUSE_JT : FUSE_JF).get(p.op);
        if (m !== undefined && p.a === it.a && live[it.a] === 0) {
          const [bop, swap] = m;
          code[i] = mk(bop, swap ? p.c : p.b, swap ? p.b : p.c, 0, it, it.target);
          dead[prev] = 1;
          did = true;
          i++; // process the new branch at the same index
          continue;
        }
        if (p.op === Op.NOTB && p.a === it.a && live[it.a] === 0) {
          code[i] = mk(op === Op.JT ? Op.JF : Op.JT, p.b, 0, 0, it, it.target);
          dead[prev] = 1;
          did = true;
          i++;
          continue;
        }
      }
      if (supers && prev >= 0) {
        const p = code[prev] as Instr;
        // ADDI i, i, 1; JLT i, n, L  →  IJLT i, n, L   (and the immediate form)
        if ((op === Op.JLT || op === Op.JLTI) && p.op === Op.ADDI && p.a === p.b && p.c === 1 && p.a === it.a && (op === Op.JLTI || it.b !== it.a)) {
          code[i] = mk(op === Op.JLT ? P.IJLT : P.IJLTI, it.a, it.b, 0, it, it.target);
          dead[prev] = 1;
          did = true;
          i++;
          continue;
        }
        // BCHK index x < len; INDEXP q, ptr, x, 8  →  INDEXPC8 q, ptr, x, len  (the address is
        // still needed: a tuple swap stores through it after other loads)
        if (op === Op.INDEXP && it.d === 8 && p.op === Op.BCHK && p.a === 0 && p.b === it.c && it.a !== it.b && it.a !== it.c && it.a !== p.c) {
          code[i] = mk(P.INDEXPC8, it.a, it.b, it.c, it);
          (code[i] as Instr).d = p.c;
          (code[i] as Instr).line = p.line; // panics report the bounds check's line
          (code[i] as Instr).file = p.file;
          dead[prev] = 1;
          did = true;
          i++;
          continue;
        }
        // BCHK index x < len; INDEXP q, ptr, x, 8; LD64 d, q, 0 / ST64 q, 0, v  (q dead)  →  LDX64 / STX64
        if ((op === Op.LD64 && it.c === 0) || (op === Op.ST64 && it.b === 0)) {
          const q = op === Op.LD64 ? it.b : it.a;
          const pp = prevInstr(code, prev, b.start, dead);
          if (p.op === Op.INDEXP && p.a === q && p.d === 8 && live[q] === 0 && (op === Op.LD64 || it.c !== q) && pp >= 0) {
            const bc = code[pp] as Instr;
            if (bc.op === Op.BCHK && bc.a === 0 && bc.b === p.c && p.b !== q && p.c !== q && bc.c !== q) {
              code[i] = op === Op.LD64 ? mk(P.LDX64, it.a, p.b, p.c, it) : mk(P.STX64, p.b, p.c, it.c, it);
              (code[i] as Instr).d = bc.c; // the length slot
              (code[i] as Instr).line = bc.line; // panics report the bounds check's line
              (code[i] as Instr).file = bc.file;
              dead[prev] = 1;
              dead[pp] = 1;
              did = true;
              i++;
              continue;
            }
          }
        }
      }
      forDefs(it, (d) => (live[d] = 0));
      forUses(it, f, n, (u) => (live[u] = 1));
    }
  }
  if (did) f.code = code.filter((_, i) => dead[i] === 0);
  return did;
}

/** Index of the nearest live instruction before i within the block (no label between), or -1. */
function prevInstr(code: Code, i: number, start: number, dead: Uint8Array): number {
  for (let j = i - 1; j >= start; j--) {
    const it = code[j];
    if (!isInstr(it)) return -1;
    if (dead[j] === 0) return j;
  }
  return -1;
}

// ── 3. branches ──

function branches(f: IrFunc): boolean {
  let did = false;
  let code = f.code;
  // labels → index of the first instruction at or after them
  const firstAt = (): Map<Label, number> => {
    const m = new Map<Label, number>();
    const pending: Label[] = [];
    code.forEach((it, i) => {
      if (!isInstr(it)) pending.push(it);
      else {
        for (const l of pending) m.set(l, i);
        pending.length = 0;
      }
    });
    for (const l of pending) m.set(l, code.length);
    return m;
  };
  let at = firstAt();
  // threading: a branch to a JMP goes straight to the JMP's target
  for (const it of code) {
    if (!isInstr(it) || it.target === undefined) continue;
    for (let hops = 0; hops < 8; hops++) {
      const j = at.get(it.target);
      const t = j === undefined ? undefined : code[j];
      if (t === undefined || !isInstr(t) || t.op !== Op.JMP || t.target === undefined || t.target === it.target || t === it) break;
      it.target = t.target;
      did = true;
    }
  }
  // rotation: JMP top; (labels incl. E)  where top: [up to 3 straight-line instructions] Jc …, E
  //   →  [copies of those instructions] Jinv …, top'   (the loop test is duplicated at the latch)
  for (let i = 0; i < code.length; i++) {
    const it = code[i];
    if (!isInstr(it) || it.op !== Op.JMP || it.target === undefined) continue;
    const j0 = at.get(it.target);
    if (j0 === undefined) continue;
    let j = j0;
    const pre: Instr[] = [];
    while (j < code.length && pre.length <= 3) {
      const x = code[j];
      if (!isInstr(x) || x.target !== undefined || TERMINATORS.has(x.op) || x.op === Op.CALL || clobberFrom(x) >= 0) break;
      pre.push(x);
      j++;
    }
    const c = code[j];
    if (c === undefined || !isInstr(c) || c.target === undefined || c === it || pre.length > 3) continue;
    const inv = INVERT.get(c.op);
    const invs = INVERT_SWAP.get(c.op);
    if (inv === undefined && invs === undefined) continue;
    let follows = false;
    for (let k = i + 1; k < code.length && !isInstr(code[k]); k++) if (code[k] === c.target) follows = true;
    if (!follows) continue;
    const body = new Label("rot");
    const nb = inv !== undefined ? mk(inv, c.a, c.b, 0, it, body) : mk(invs as number, c.b, c.a, 0, it, body);
    const copies = pre.map((x) => ({ ...x }) as Instr);
    const backward = j < i;
    code.splice(i, 1, ...copies, nb);
    const jj = backward ? j : j + copies.length; // index of c after the splice
    code.splice(jj + 1, 0, body);
    i += copies.length + (backward ? 1 : 0);
    at = firstAt();
    did = true;
  }
  // a branch to the next instruction; code after a terminator up to the next label
  const out: Code = [];
  for (let i = 0; i < code.length; i++) {
    const it = code[i];
    if (isInstr(it) && it.target !== undefined) {
      let next = false;
      for (let k = i + 1; k < code.length && !isInstr(code[k]); k++) if (code[k] === it.target) next = true;
      if (next && (it.op === Op.JMP || INVERT.has(it.op) || INVERT_SWAP.has(it.op) || it.op === Op.JLTU || it.op === Op.JLEU)) {
        did = true;
        continue;
      }
    }
    out.push(it);
    if (isInstr(it) && TERMINATORS.has(it.op)) {
      while (i + 1 < code.length && isInstr(code[i + 1])) {
        i++;
        did = true;
      }
    }
  }
  code = out;
  // unreachable blocks
  const { bs } = blocks(code);
  const seen = new Uint8Array(bs.length);
  const stack = bs.length > 0 ? [0] : [];
  while (stack.length > 0) {
    const b = stack.pop() as number;
    if (seen[b] !== 0) continue;
    seen[b] = 1;
    for (const s of bs[b].succ) stack.push(s);
  }
  const keep: Code = [];
  bs.forEach((b, bi) => {
    for (let i = b.start; i < b.end; i++) {
      if (seen[bi] !== 0 || !isInstr(code[i])) keep.push(code[i]);
      else did = true;
    }
  });
  // the code must still end with a terminator (the validator requires it)
  f.code = keep;
  return did;
}

// ── slot compaction ──

/** Renumbers the slots the code uses densely (params and results keep their numbers). */
function compact(f: IrFunc): void {
  const n = f.ptrSlots.length;
  const fixed = f.nparams + f.nresults;
  const used = new Uint8Array(n);
  for (let s = 0; s < Math.min(fixed, n); s++) used[s] = 1;
  let open = false; // an instruction with an open-ended slot range (unknown-arity call)
  for (const it of f.code) {
    if (!isInstr(it)) continue;
    if (clobberFrom(it) >= 0) open = true;
    forUses(it, f, n, (s) => (used[s] = 1));
    forDefs(it, (s) => (used[s] = 1));
  }
  if (open) return; // argument blocks of unknown size must keep their layout
  const map = new Int32Array(n).fill(-1);
  let next = 0;
  for (let s = 0; s < n; s++) if (used[s] !== 0) map[s] = next++;
  if (next === n) return;
  // slot ranges (MOVN, CALL args/results, PRINTS/PANIC pairs, LDX64/STX64 slices) must stay
  // contiguous: verify the renumbering preserves every range, else give up
  let ok = true;
  const range = (base: number, len: number): void => {
    for (let i = 1; i < len; i++) if (map[base + i] !== map[base] + i) ok = false;
  };
  for (const it of f.code) {
    if (!isInstr(it)) continue;
    switch (it.op) {
      case Op.MOVN:
        range(it.a, it.c);
        range(it.b, it.c);
        break;
      case Op.CALL:
        if (it.fn !== undefined) {
          range(it.b, it.fn.nparams);
          range(it.c, it.fn.nresults);
        }
        break;
      case Op.CALLN: {
        const ar = nativeArity(it);
        if (ar !== undefined) {
          range(it.b, ar[0]);
          range(it.c, ar[1]);
        }
        break;
      }
      case Op.PRINTS:
      case Op.PANIC:
        range(it.a, 2);
        break;
    }
  }
  if (!ok) return;
  const m = (s: number): number => (map[s] >= 0 ? map[s] : s);
  for (const it of f.code) {
    if (!isInstr(it)) continue;
    const k = OP_KINDS[it.op];
    // CALL's B/C name slots even with no params/results: map them if used, else keep in range
    if (k[0] === "s") it.a = m(it.a);
    if (k[1] === "s") it.b = m(it.b);
    if (k[2] === "s") it.c = m(it.c);
    if (k[3] === "s") it.d = m(it.d);
  }
  for (const it of f.code) {
    if (!isInstr(it)) continue;
    const k = OP_KINDS[it.op];
    for (let j = 0; j < k.length; j++) {
      if (k[j] !== "s") continue;
      const fld = (["a", "b", "c", "d"] as const)[j];
      if (it[fld] >= next) it[fld] = 0; // a slot operand the instruction does not access (e.g. CALL of a 0-param function)
    }
  }
  f.ptrSlots = f.ptrSlots.filter((_, s) => used[s] !== 0);
}
