#!/usr/bin/env node
// Generates packages/runtime/src/image/opcodes.ts: gort's bytecode opcode table.
//
// Usage: node packages/runtime/scripts/gen-opcodes.mjs [--check]
//
// The table below is the single source of truth: opcode numbers are dense and assigned in
// table order (append new opcodes at the end of their group; renumbering is fine because images
// carry a format version and are rebuilt). Each row: name, operand format, doc.
//
// Formats (see the encoding diagram in src/image/format.ts):
//   ""      word0 only (A unused)
//   "A"     word0 = op | A<<8
//   "AB"    word0, B
//   "ABC"   word0, B, C
//   "ABCD"  word0, B, C, D
// Row: name, format, operand kinds (one letter per operand A, B, C, D), doc. Kinds:
//   s frame slot index   i signed immediate   k constant-pool index   t type index
//   o branch offset in words, relative to the instruction's first word
//   f function index     n native index       c bounds-check code     a statics offset   x unused
// The validator (image/serialize.ts) checks every operand by its kind.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const T = [
  // ── control ──
  ["NOP", "", "", "no operation"],
  ["JMP", "AB", "xo", "pc += B(o) (A unused); a backward jump is a safe point (budget)"],
  ["JT", "AB", "so", "if s[A] (low word ≠ 0) pc += B(o)"],
  ["JF", "AB", "so", "if s[A] is 0 pc += B(o)"],
  ["JEQ", "ABC", "sso", "if int64 s[A] == s[B] pc += C(o)"],
  ["JNE", "ABC", "sso", "if int64 s[A] != s[B] pc += C(o)"],
  ["JLT", "ABC", "sso", "if int64 s[A] < s[B] pc += C(o)"],
  ["JLE", "ABC", "sso", "if int64 s[A] <= s[B] pc += C(o)"],
  ["JLTU", "ABC", "sso", "if uint64 s[A] < s[B] pc += C(o)"],
  ["JLEU", "ABC", "sso", "if uint64 s[A] <= s[B] pc += C(o)"],
  ["JEQI", "ABC", "sio", "if int64 s[A] == B(i) pc += C(o) (int32 immediate, compared on int32 halves)"],
  ["JNEI", "ABC", "sio", "if int64 s[A] != B(i) pc += C(o)"],
  ["JLTI", "ABC", "sio", "if int64 s[A] < B(i) pc += C(o)"],
  ["JLEI", "ABC", "sio", "if int64 s[A] <= B(i) pc += C(o)"],
  ["JGTI", "ABC", "sio", "if int64 s[A] > B(i) pc += C(o)"],
  ["JGEI", "ABC", "sio", "if int64 s[A] >= B(i) pc += C(o)"],
  ["CALL", "ABC", "fss", "call function A(f): args from slots B.., results to slots C.."],
  ["CALLI", "ABC", "sss", "call the closure in s[A] (first word = function index): args B.., results C.."],
  ["CALLN", "ABC", "nss", "call native A(n) with args at slots B.., results at slots C.."],
  ["RET", "", "", "return to the caller (results are in this frame's result slots)"],
  ["GETCTX", "A", "s", "s[A] = closure context of the current call (set by CALLI)"],
  ["PANIC", "A", "s", "panic with the interface value in s[A] (type) and s[A+1] (data)"],
  ["HALT", "", "", "end the goroutine (tests; main returns through RET)"],
  // ── moves and constants ──
  ["MOV", "AB", "ss", "s[A] = s[B] (8 bytes, bit copy)"],
  ["MOVN", "ABC", "ssi", "copy C slots from s[B..] to s[A..]"],
  ["LDI", "AB", "si", "s[A] = int64(B(i)) (sign-extended 32-bit immediate)"],
  ["LDK", "AB", "sk", "s[A] = consts[B(k)] (8-byte bit pattern: int64, uint64 or float64)"],
  ["SADDR", "AB", "sa", "s[A] = address of statics + B(a) (globals, strings, descriptors)"],
  ["FADDR", "AB", "ss", "s[A] = address of frame slot B (a stack-allocated variable)"],
  ["TYPEADDR", "AB", "st", "s[A] = address of type descriptor B(t)"],
  // ── 64-bit integer arithmetic (operands hold canonical 64-bit values) ──
  ["ADD", "ABC", "sss", "s[A] = s[B] + s[C] (wraps)"],
  ["SUB", "ABC", "sss", "s[A] = s[B] - s[C]"],
  ["MUL", "ABC", "sss", "s[A] = s[B] * s[C]"],
  ["DIV", "ABC", "sss", "s[A] = s[B] / s[C] signed, truncated; 0 divisor panics"],
  ["DIVU", "ABC", "sss", "s[A] = s[B] / s[C] unsigned"],
  ["REM", "ABC", "sss", "s[A] = s[B] % s[C] signed (sign of dividend)"],
  ["REMU", "ABC", "sss", "s[A] = s[B] % s[C] unsigned"],
  ["AND", "ABC", "sss", "s[A] = s[B] & s[C]"],
  ["OR", "ABC", "sss", "s[A] = s[B] | s[C]"],
  ["XOR", "ABC", "sss", "s[A] = s[B] ^ s[C]"],
  ["ANDNOT", "ABC", "sss", "s[A] = s[B] &^ s[C]"],
  ["NEG", "AB", "ss", "s[A] = -s[B]"],
  ["COM", "AB", "ss", "s[A] = ^s[B]"],
  ["ADDK", "ABC", "ssk", "s[A] = s[B] + consts[C(k)]"],
  ["SUBK", "ABC", "ssk", "s[A] = s[B] - consts[C(k)]"],
  ["MULK", "ABC", "ssk", "s[A] = s[B] * consts[C(k)]"],
  ["ADDI", "ABC", "ssi", "s[A] = s[B] + C(i)"],
  ["SHL", "ABC", "sss", "s[A] = s[B] << s[C] (count as uint64; >= 64 gives 0)"],
  ["SHR", "ABC", "sss", "s[A] = s[B] >> s[C] logical (uint64)"],
  ["SAR", "ABC", "sss", "s[A] = s[B] >> s[C] arithmetic (int64; >= 64 gives sign fill)"],
  ["SHLI", "ABC", "ssi", "s[A] = s[B] << C (0 <= C < 64)"],
  ["SHRI", "ABC", "ssi", "s[A] = s[B] >>> C logical"],
  ["SARI", "ABC", "ssi", "s[A] = s[B] >> C arithmetic"],
  ["CHKSHIFT", "A", "s", "panic \"negative shift amount\" if int64 s[A] < 0"],
  ["SEXT8", "AB", "ss", "s[A] = int64(int8(s[B]))"],
  ["SEXT16", "AB", "ss", "s[A] = int64(int16(s[B]))"],
  ["SEXT32", "AB", "ss", "s[A] = int64(int32(s[B]))"],
  ["ZEXT8", "AB", "ss", "s[A] = uint64(uint8(s[B]))"],
  ["ZEXT16", "AB", "ss", "s[A] = uint64(uint16(s[B]))"],
  ["ZEXT32", "AB", "ss", "s[A] = uint64(uint32(s[B]))"],
  // ── comparisons (result 0/1) ──
  ["EQ", "ABC", "sss", "s[A] = s[B] == s[C] (64-bit)"],
  ["NE", "ABC", "sss", "s[A] = s[B] != s[C]"],
  ["LT", "ABC", "sss", "s[A] = int64 s[B] < s[C]"],
  ["LE", "ABC", "sss", "s[A] = int64 s[B] <= s[C]"],
  ["LTU", "ABC", "sss", "s[A] = uint64 s[B] < s[C]"],
  ["LEU", "ABC", "sss", "s[A] = uint64 s[B] <= s[C]"],
  ["NOTB", "AB", "ss", "s[A] = !s[B] (bool)"],
  // ── floating point (float32 values live in slots as float64 already rounded) ──
  ["ADDF", "ABC", "sss", "s[A] = s[B] + s[C] float64"],
  ["SUBF", "ABC", "sss", "float64 -"],
  ["MULF", "ABC", "sss", "float64 *"],
  ["DIVF", "ABC", "sss", "float64 /"],
  ["NEGF", "AB", "ss", "float64 negation (sign bit flip)"],
  ["SQRTF", "AB", "ss", "s[A] = sqrt(s[B]) (math.Sqrt intrinsic; correctly rounded, so also float32's)"],
  ["ADDF32", "ABC", "sss", "s[A] = fround(s[B] + s[C])"],
  ["SUBF32", "ABC", "sss", "float32 -"],
  ["MULF32", "ABC", "sss", "float32 *"],
  ["DIVF32", "ABC", "sss", "float32 /"],
  ["EQF", "ABC", "sss", "s[A] = s[B] == s[C] (float; NaN unequal)"],
  ["NEF", "ABC", "sss", "s[A] = s[B] != s[C] (float)"],
  ["LTF", "ABC", "sss", "s[A] = s[B] < s[C] (float)"],
  ["LEF", "ABC", "sss", "s[A] = s[B] <= s[C] (float)"],
  ["I2F", "AB", "ss", "s[A] = float64(int64 s[B]) (correctly rounded)"],
  ["U2F", "AB", "ss", "s[A] = float64(uint64 s[B])"],
  ["I2F32", "AB", "ss", "s[A] = float32(int64 s[B]) (correctly rounded, no double rounding)"],
  ["U2F32", "AB", "ss", "s[A] = float32(uint64 s[B])"],
  ["F2I", "AB", "ss", "s[A] = int64(float s[B]) truncated; NaN/out of range gives Go amd64's 0x8000000000000000"],
  ["F2U", "AB", "ss", "s[A] = uint64(float s[B]) with Go amd64's results out of range"],
  ["F2F32", "AB", "ss", "s[A] = float32(float64 s[B]) (Math.fround)"],
  // ── memory (A = value slot for loads; nil base panics) ──
  ["LD8", "ABC", "ssi", "s[A] = uint8 *(s[B] + C(i))"],
  ["LD8S", "ABC", "ssi", "s[A] = int8 *(s[B] + C)"],
  ["LD16", "ABC", "ssi", "s[A] = uint16 *(s[B] + C)"],
  ["LD16S", "ABC", "ssi", "s[A] = int16 *(s[B] + C)"],
  ["LD32", "ABC", "ssi", "s[A] = uint32 *(s[B] + C)"],
  ["LD32S", "ABC", "ssi", "s[A] = int32 *(s[B] + C)"],
  ["LD64", "ABC", "ssi", "s[A] = 8 bytes at s[B] + C (int64, uint64, float64, pointer)"],
  ["LDF32", "ABC", "ssi", "s[A] = float64(float32 *(s[B] + C))"],
  ["ST8", "ABC", "sis", "*(s[A] + B(i)) = uint8 s[C]"],
  ["ST16", "ABC", "sis", "*(s[A] + B) = uint16 s[C]"],
  ["ST32", "ABC", "sis", "*(s[A] + B) = uint32 s[C]"],
  ["ST64", "ABC", "sis", "*(s[A] + B) = s[C] (8 bytes, no barrier: non-pointer data)"],
  ["STF32", "ABC", "sis", "*(s[A] + B) = float32 s[C]"],
  ["STP", "ABC", "sis", "*(s[A] + B) = pointer s[C] through the write barrier"],
  ["ADDP", "ABC", "ssi", "s[A] = s[B] + C(i) (field address)"],
  ["INDEXP", "ABCD", "sssi", "s[A] = s[B] + s[C] * D (element address; index already bounds-checked)"],
  ["NILCHK", "A", "s", "panic nil dereference if s[A] is nil"],
  ["BCHK", "ABC", "css", "bounds check of kind A(c) on x = s[B], y = s[C] (see panic.ts)"],
  ["MOVE", "ABC", "ssi", "copy C(i) bytes from address s[B] to address s[A] (pointer-free data)"],
  ["TYPEDMOVE", "ABC", "sst", "copy a value of type C(t) from s[B] to s[A] with write barriers"],
  ["ZERO", "AB", "si", "zero B(i) bytes at address s[A] (pointer-free, or freshly allocated)"],
  // ── allocation ──
  ["NEW", "AB", "st", "s[A] = new(type B(t)) via mallocgc"],
  ["NEWARR", "ABC", "sts", "s[A] = new([s[C]]type B(t)) zeroed (count already checked)"],
  // ── builtin print/println (stderr) ──
  ["PRINTI", "A", "s", "print int64 s[A]"],
  ["PRINTU", "A", "s", "print uint64 s[A]"],
  ["PRINTF", "A", "s", "print float64 s[A] in the runtime's format (+1.500000e+000)"],
  ["PRINTB", "A", "s", "print bool s[A]"],
  ["PRINTS", "A", "s", "print the string whose header (ptr, len) is in s[A], s[A+1]"],
  ["PRINTP", "A", "s", "print pointer s[A] as 0x..."],
  ["PRINTSP", "", "", "print a space"],
  ["PRINTNL", "", "", "print a newline"],
  // ── PERF group: fused forms emitted only by the compiler's optimiser (packages/compiler/src/ir/opt.ts);
  //    each equals the instruction sequence named in its doc, panics included ──
  ["JLTF", "ABC", "sso", "if float s[A] < s[B] pc += C(o) (LTF + JT)"],
  ["JLEF", "ABC", "sso", "if float s[A] <= s[B] pc += C(o) (LEF + JT)"],
  ["JNLTF", "ABC", "sso", "if !(float s[A] < s[B]) pc += C(o) (LTF + JF: taken when either is NaN)"],
  ["JNLEF", "ABC", "sso", "if !(float s[A] <= s[B]) pc += C(o) (LEF + JF)"],
  ["IJLT", "ABC", "sso", "s[A] += 1; if int64 s[A] < s[B] pc += C(o) (ADDI + JLT: a counted loop's latch)"],
  ["IJLTI", "ABC", "sio", "s[A] += 1; if int64 s[A] < B(i) pc += C(o) (ADDI + JLTI)"],
  ["LDX64", "ABCD", "ssss", "s[A] = 8 bytes at s[B] + 8*s[C], index checked against length s[D] (BCHK index + INDEXP + LD64)"],
  ["STX64", "ABCD", "ssss", "8 bytes at s[A] + 8*s[B] = s[C], index checked against length s[D] (BCHK index + INDEXP + ST64)"],
  ["INDEXPC8", "ABCD", "ssss", "s[A] = s[B] + 8*s[C], index checked against length s[D] (BCHK index + INDEXP of an 8-byte element)"],
  // ── DEFER group: panics running deferred calls, recover (runtime/src/vm/defer.ts) ──
  ["DEFERNEXT", "AB", "so", "runtime.gopanic's step: resume the frame whose deferred call recovered, else s[A] = the next deferred call (pc += B(o) when its frame's defers are not open-coded), else end the panic (fatal) or Goexit"],
  ["RECOVER", "ABC", "sti", "s[A], s[A+1] = recover(): the current panic's value if the caller (C(i)=1: the caller's caller, for `defer recover()`) is its deferred call, else nil; B(t) = type string (boxes run-time errors)"],
];

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "../src/image/opcodes.ts");
const width = { "": 1, A: 1, AB: 2, ABC: 3, ABCD: 4 };
let s = "";
s += "// Code generated by packages/runtime/scripts/gen-opcodes.mjs; DO NOT EDIT.\n";
s += "// gort bytecode opcodes: dense integers in table order. Encoding: see format.ts.\n\n";
s += "/** Opcode numbers (a const enum: tsc inlines the literals into the interpreter's switch). */\n";
s += "export const enum Op {\n";
T.forEach(([n, f, , d], i) => {
  s += `  /** ${f || "-"}: ${d} */\n  ${n} = ${i},\n`;
});
s += "}\n\n";
s += `/** Number of opcodes. */\nexport const NUM_OPCODES = ${T.length};\n\n`;
s += "/** Instruction length in 32-bit words, by opcode. */\n";
s += `export const OP_WORDS: readonly number[] = [${T.map(([, f]) => width[f]).join(", ")}];\n\n`;
s += "/** Operand format (\"\", \"A\", \"AB\", \"ABC\", \"ABCD\"), by opcode. */\n";
s += `export const OP_FORMAT: readonly string[] = [${T.map(([, f]) => JSON.stringify(f)).join(", ")}];\n\n`;
s += "/** Operand kinds, one letter per operand (see the generator's header), by opcode. */\n";
s += `export const OP_KINDS: readonly string[] = [${T.map(([, , k]) => JSON.stringify(k)).join(", ")}];\n\n`;
s += "/** Mnemonic, by opcode. */\n";
s += `export const OP_NAME: readonly string[] = [\n${T.map(([n]) => `  ${JSON.stringify(n)},`).join("\n")}\n];\n\n`;
s += "/** Opcodes whose operand words include a pc-relative branch offset, and which word it is (1..3). */\n";
const br = T.map(([, , k], i) => [i, k.indexOf("o")]).filter(([, w]) => w > 0);
s += `export const OP_BRANCH_WORD: Readonly<Record<number, number>> = { ${br.map(([i, w]) => `${i}: ${w}`).join(", ")} };\n`;
if (process.argv.includes("--check")) {
  if (readFileSync(out, "utf8") !== s) {
    console.error("opcodes.ts is stale: run node packages/runtime/scripts/gen-opcodes.mjs");
    process.exit(1);
  }
} else {
  writeFileSync(out, s);
  console.log(`wrote ${out} (${T.length} opcodes)`);
}
