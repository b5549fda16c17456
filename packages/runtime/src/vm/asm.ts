/**
 * asm.ts — a small assembler from text to ProgramImage, for tests and benchmarks (the compiler
 * builds images directly). Not a hot path; clarity over speed.
 *
 * Syntax (one directive or instruction per line; `;` starts a comment):
 *
 *   .file /home/gopher/demo/main.go          source file for following functions (default "main.go")
 *   .const NAME 12345 | 0x10 | -1 | 1.5f     constant-pool entry (int64 literal, or float64 with `f`)
 *   .string NAME "text"                      string bytes + a string header (ptr, len) in statics
 *   .data NAME i64 42 | f64 2.5 | f32 1.5    an 8-byte static value
 *   .type NAME size=16 ptrs=0,1 kind=25 str=main.T [align=8]   a type descriptor (typedesc.ts header)
 *         [elem=T [dir=3]]                 + uncommon 0, elem descriptor, dir (chan types, TYPEDESC.md)
 *   .global NAME SIZE [ptrs=0,2]             a zeroed global (bss), pointer words listed
 *   .native NAME                             declare a native symbol ("importpath.Name")
 *   .entry FUNC                              main entry (default: the first function)
 *   func NAME params=P results=R frame=S [zero=Z] [ptrs=a,b] [line=L] [closure] [runtime] [wrapper]
 *     .line L                                source line of the following instructions
 *     label:
 *     OPCODE operands…                       e.g. ADD s2, s0, s1 ; JLT s0, s1, loop ; CALL fib, s3, s4
 *   end
 *
 * Operands: sN slot · integer immediate · label (branch offsets) · function name (CALL, A of
 * CALLN is a native name) · $NAME constant · %NAME type · &NAME statics symbol (SADDR) ·
 * @NAME function index (an immediate, e.g. to build a closure).
 * `frame=S` is the number of slots (frame size 16 + 8·S). `ptrs=` lists the pointer slots; the
 * assembler emits that stack map at every safe point (calls, allocations, pointer stores).
 * `zero=` defaults to covering the results and every pointer slot (stale stack bytes must never
 * be seen through a stack map).
 */

import {
  emptyImage,
  FN_CLOSURE,
  FN_RUNTIME,
  FN_WRAPPER,
  type ImageFunc,
  type ProgramImage,
  type StackMap,
} from "../image/format.js";
import { NUM_OPCODES, OP_BRANCH_WORD, OP_FORMAT, OP_KINDS, OP_NAME, OP_WORDS, Op } from "../image/opcodes.js";

export class AsmError extends Error {}

const opByName = new Map<string, number>();
for (let i = 0; i < NUM_OPCODES; i++) opByName.set(OP_NAME[i], i);

const SAFE_POINT_OPS = new Set<number>([Op.CALL, Op.CALLI, Op.CALLN, Op.NEW, Op.NEWARR, Op.STP, Op.TYPEDMOVE]);

interface PendingFunc {
  f: ImageFunc;
  lines: { words: string[]; line: number; lineNo: number }[];
  labels: Map<string, number>;
  ptrs: number[];
}

class Statics {
  bytes: number[] = [];
  relocs: number[] = [];
  syms = new Map<string, number>();
  align(n: number): void {
    while (this.bytes.length % n) this.bytes.push(0);
  }
  u32(v: number): void {
    this.bytes.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255);
  }
  at(off: number, v: number): void {
    for (let i = 0; i < 4; i++) this.bytes[off + i] = (v >>> (8 * i)) & 255;
  }
}

function parseIntLit(t: string): bigint | null {
  if (/^-?(0x[0-9a-fA-F]+|\d+)$/.test(t)) return t.startsWith("-") ? -BigInt(t.slice(1)) : BigInt(t);
  return null;
}

/** Assembles `src` into a validated-shape ProgramImage (run validateImage for full checks). */
export function assemble(src: string): ProgramImage {
  const img = emptyImage();
  const consts: bigint[] = [];
  const constIdx = new Map<string, number>();
  const types = new Map<string, number>();
  const typeOffs: number[] = [];
  const natives = new Map<string, number>();
  const st = new Statics();
  const globals: { name: string; size: number; ptrs: number[] }[] = [];
  const funcs: PendingFunc[] = [];
  const funcIdx = new Map<string, number>();
  let file = -1;
  let cur: PendingFunc | null = null;
  let line = 0;
  let entryName = "";
  const mapKey = new Map<string, number>();
  const fileIdx = (name: string): number => {
    let i = img.files.indexOf(name);
    if (i < 0) i = img.files.push(name) - 1;
    return i;
  };
  const strHeader = (s: string): number => {
    const b = new TextEncoder().encode(s);
    st.align(8);
    const data = st.bytes.length;
    st.bytes.push(...b);
    st.align(8);
    const hdr = st.bytes.length;
    st.relocs.push(hdr);
    st.u32(data);
    st.u32(0);
    st.u32(b.length);
    st.u32(0);
    return hdr;
  };

  const srcLines = src.split("\n");
  for (let ln = 0; ln < srcLines.length; ln++) {
    const raw = srcLines[ln].replace(/;.*$/, "").trim();
    if (raw === "") continue;
    const err = (m: string): never => {
      throw new AsmError(`asm line ${ln + 1}: ${m}: ${raw}`);
    };
    // Directives split on spaces (their lists use commas: ptrs=1,4); instructions also on commas.
    const isDirective = cur === null || raw.startsWith(".");
    const words: string[] = raw.match(isDirective ? /"(?:[^"\\]|\\.)*"|\S+/g : /"(?:[^"\\]|\\.)*"|[^\s,]+/g) ?? [];
    const kw = words[0] ?? "";
    const kv = (k: string): string | undefined => {
      const w = words.find((x) => x.startsWith(k + "="));
      return w === undefined ? undefined : w.slice(k.length + 1);
    };
    const list = (k: string): number[] => {
      const v = kv(k);
      return v === undefined || v === "" ? [] : v.split(/[,;]/).map(Number);
    };
    if (cur !== null) {
      if (kw === "end") {
        cur = null;
        continue;
      }
      if (kw === ".line") {
        line = Number(words[1]);
        continue;
      }
      if (kw.endsWith(":") && words.length === 1) {
        cur.labels.set(kw.slice(0, -1), cur.lines.length);
        continue;
      }
      if (!opByName.has(kw)) err(`unknown opcode ${kw}`);
      cur.lines.push({ words, line, lineNo: ln + 1 });
      continue;
    }
    switch (kw) {
      case ".file":
        file = fileIdx(words[1]);
        break;
      case ".const": {
        const t = words[2];
        let v: bigint;
        if (t.endsWith("f")) {
          const f = new Float64Array([Number(t.slice(0, -1))]);
          v = new BigInt64Array(f.buffer)[0];
        } else {
          const p = parseIntLit(t);
          if (p === null) err("bad constant");
          v = BigInt.asIntN(64, p as bigint);
        }
        constIdx.set(words[1], consts.push(v) - 1);
        break;
      }
      case ".string":
        st.syms.set(words[1], strHeader(JSON.parse(words[2]) as string));
        break;
      case ".data": {
        st.align(8);
        st.syms.set(words[1], st.bytes.length);
        const b = new ArrayBuffer(8);
        if (words[2] === "i64") new BigInt64Array(b)[0] = BigInt.asIntN(64, parseIntLit(words[3]) ?? err("bad i64"));
        else if (words[2] === "f64") new Float64Array(b)[0] = Number(words[3]);
        else if (words[2] === "f32") new Float32Array(b)[0] = Number(words[3]);
        else err("bad .data kind");
        st.bytes.push(...new Uint8Array(b));
        break;
      }
      case ".type": {
        const size = Number(kv("size") ?? err("size= required"));
        const ptrs = list("ptrs");
        const kind = Number(kv("kind") ?? 25);
        const align = Number(kv("align") ?? 8);
        const name = kv("str");
        const nameHdr = name !== undefined ? strHeader(name) : -1;
        let mask = -1;
        if (ptrs.length > 0) {
          const maxw = Math.max(...ptrs);
          mask = st.bytes.length;
          const m = new Array<number>((maxw >>> 3) + 1).fill(0);
          for (const p of ptrs) m[p >>> 3] |= 1 << (p & 7);
          st.bytes.push(...m);
        }
        st.align(8);
        const t = st.bytes.length;
        st.u32(size);
        st.u32(ptrs.length > 0 ? (Math.max(...ptrs) + 1) * 8 : 0);
        st.u32((Math.imul(size, 0x9e3779b1) ^ types.size) >>> 0);
        st.bytes.push(0, align, align, kind);
        st.u32(0); // equal
        if (mask >= 0) st.relocs.push(st.bytes.length);
        st.u32(mask >= 0 ? mask : 0);
        if (nameHdr >= 0) st.relocs.push(st.bytes.length);
        st.u32(nameHdr >= 0 ? nameHdr : 0);
        st.u32(0); // ptrToThis
        const elem = kv("elem");
        if (elem !== undefined) {
          // Chan/pointer/slice-style kind-specific words (TYPEDESC.md): +32 uncommon 0, +36 elem.
          const ei = types.get(elem) ?? err(`elem=${elem}: unknown type (declare it first)`);
          st.u32(0);
          st.relocs.push(st.bytes.length);
          st.u32(typeOffs[ei]);
          st.u32(Number(kv("dir") ?? 3));
        }
        types.set(words[1], typeOffs.push(t) - 1);
        break;
      }
      case ".global":
        globals.push({ name: words[1], size: Number(words[2]), ptrs: list("ptrs") });
        break;
      case ".native":
        natives.set(words[1], img.natives.push(words[1]) - 1);
        break;
      case ".entry":
        entryName = words[1];
        break;
      case "func": {
        if (file < 0) file = fileIdx("main.go");
        const params = Number(kv("params") ?? 0);
        const results = Number(kv("results") ?? 0);
        const slots = Number(kv("frame") ?? params + results);
        const f: ImageFunc = {
          name: words[1],
          file,
          line: Number(kv("line") ?? 0),
          flags: (words.includes("closure") ? FN_CLOSURE : 0) | (words.includes("runtime") ? FN_RUNTIME : 0) | (words.includes("wrapper") ? FN_WRAPPER : 0),
          native: -1,
          code: new Int32Array(0),
          frameSize: 16 + 8 * slots,
          nparams: params,
          nresults: results,
          // Default: results and every pointer slot, so no stack map ever covers stale bits.
          zeroEnd: Number(kv("zero") ?? Math.max(params + results, ...list("ptrs").map((p) => p + 1))),
          pcln: new Int32Array(0),
          safePoints: new Int32Array(0),
          deferInfo: new Int32Array(0),
        };
        line = f.line;
        cur = { f, lines: [], labels: new Map(), ptrs: list("ptrs") };
        funcIdx.set(f.name, funcs.push(cur) - 1);
        break;
      }
      default:
        err("unknown directive");
    }
  }
  if (cur !== null) throw new AsmError(`asm: function ${cur.f.name} has no end`);

  // Globals go to bss, after everything else.
  st.align(8);
  const dataEnd = st.bytes.length;
  let goff = dataEnd;
  const gmask: number[] = [];
  for (const g of globals) {
    st.syms.set(g.name, goff);
    for (const p of g.ptrs) {
      const wi = (goff - dataEnd) / 8 + p;
      while (gmask.length <= wi >>> 3) gmask.push(0);
      gmask[wi >>> 3] |= 1 << (wi & 7);
    }
    goff += Math.ceil(g.size / 8) * 8;
  }

  // Encode functions.
  for (const pf of funcs) {
    const f = pf.f;
    const starts: number[] = [];
    let pc = 0;
    for (const l of pf.lines) {
      starts.push(pc);
      pc += OP_WORDS[opByName.get(l.words[0])!];
    }
    starts.push(pc);
    const code = new Int32Array(pc);
    const pcln: number[] = [];
    const sps: number[] = [];
    let mapIdx = -1;
    if (pf.ptrs.length > 0 || true) {
      const nslots = (f.frameSize - 16) / 8;
      const key = `${nslots}:${pf.ptrs.join(",")}`;
      let m = mapKey.get(key);
      if (m === undefined) {
        const bits = new Uint32Array((nslots + 31) >>> 5);
        for (const p of pf.ptrs) bits[p >>> 5] |= 1 << (p & 31);
        const sm: StackMap = { nslots, bits };
        m = img.stackMaps.push(sm) - 1;
        mapKey.set(key, m);
      }
      mapIdx = m;
    }
    pf.lines.forEach((l, i) => {
      const at = starts[i];
      const op = opByName.get(l.words[0])!;
      const fmt = OP_FORMAT[op];
      const ops = l.words.slice(1);
      const err = (m: string): never => {
        throw new AsmError(`asm line ${l.lineNo}: ${m}: ${l.words.join(" ")}`);
      };
      if (ops.length !== fmt.length) err(`${OP_NAME[op]} takes ${fmt.length} operands`);
      const vals: number[] = [];
      ops.forEach((t, k) => {
        const wordNo = k === 0 ? 0 : k;
        const isBranch = OP_BRANCH_WORD[op] === wordNo && k > 0;
        let v: number;
        if (isBranch) {
          const target = pf.labels.get(t);
          if (target === undefined) err(`unknown label ${t}`);
          v = starts[target as number] - at;
        } else if (/^s\d+$/.test(t)) v = Number(t.slice(1));
        else if (t.startsWith("$")) v = constIdx.get(t.slice(1)) ?? err(`unknown constant ${t}`);
        else if (t.startsWith("%")) v = types.get(t.slice(1)) ?? err(`unknown type ${t}`);
        else if (t.startsWith("&")) v = st.syms.get(t.slice(1)) ?? err(`unknown symbol ${t}`);
        else if (t.startsWith("@")) v = funcIdx.get(t.slice(1)) ?? err(`unknown function ${t}`);
        else if (parseIntLit(t) !== null) v = Number(parseIntLit(t));
        else if (k === 0 && op === Op.CALLN) v = natives.get(t) ?? err(`unknown native ${t}`);
        else if (k === 0 && op === Op.CALL) v = funcIdx.get(t) ?? err(`unknown function ${t}`);
        else v = err(`bad operand ${t}`);
        vals.push(v);
      });
      if (fmt.length > 0 && (vals[0] < 0 || vals[0] >= 1 << 24)) err("A operand out of range");
      code[at] = op | ((fmt.length > 0 ? vals[0] : 0) << 8);
      for (let k = 1; k < vals.length; k++) code[at + k] = vals[k];
      if (pcln.length === 0 || pcln[pcln.length - 1] !== l.line) pcln.push(at, f.file, l.line);
      if (SAFE_POINT_OPS.has(op)) sps.push(starts[i + 1], mapIdx);
    });
    f.code = code;
    f.pcln = Int32Array.from(pcln);
    f.safePoints = Int32Array.from(sps);
    img.funcs.push(f);
  }
  img.consts = BigInt64Array.from(consts);
  img.statics = Uint8Array.from(st.bytes);
  img.bssSize = goff - dataEnd;
  img.globalsOff = dataEnd;
  img.globalsSize = goff - dataEnd;
  img.globalsPtrMask = Uint8Array.from(gmask.length > 0 ? gmask : [0]);
  img.relocs = Uint32Array.from(st.relocs);
  img.types = Uint32Array.from(typeOffs);
  img.entry = entryName === "" ? 0 : (funcIdx.get(entryName) ?? 0);
  return img;
}

/** Function index by name (tests). */
export function funcIndex(img: ProgramImage, name: string): number {
  const i = img.funcs.findIndex((f) => f.name === name);
  if (i < 0) throw new AsmError(`no function ${name}`);
  return i;
}

/**
 * Disassembles function `fi` of img back to assembler text (branch targets become labels
 * L<pc>, calls use function names). `assemble(disassemble(...))` reproduces the same code.
 */
export function disassemble(img: ProgramImage, fi: number): string {
  const f = img.funcs[fi];
  const code = f.code;
  const targets = new Set<number>();
  for (let pc = 0; pc < code.length; pc += OP_WORDS[code[pc] & 0xff]) {
    const bw = OP_BRANCH_WORD[code[pc] & 0xff];
    if (bw !== undefined) targets.add(pc + code[pc + bw]);
  }
  const slots = (f.frameSize - 16) / 8;
  let s = `func ${f.name} params=${f.nparams} results=${f.nresults} frame=${slots} zero=${f.zeroEnd}\n`;
  for (let pc = 0; pc < code.length; pc += OP_WORDS[code[pc] & 0xff]) {
    if (targets.has(pc)) s += `L${pc}:\n`;
    const op = code[pc] & 0xff;
    const fmt = OP_FORMAT[op];
    const ops: string[] = [];
    for (let k = 0; k < fmt.length; k++) {
      const v = k === 0 ? code[pc] >>> 8 : code[pc + k];
      if (OP_BRANCH_WORD[op] === k && k > 0) ops.push(`L${pc + v}`);
      else if (k === 0 && op === Op.CALL) ops.push(img.funcs[v].name);
      else if (k === 0 && op === Op.CALLN) ops.push(img.natives[v]);
      else ops.push(OP_KINDS[op][k] === "s" ? `s${v}` : String(v));
    }
    s += `  ${OP_NAME[op]} ${ops.join(", ")}\n`.replace(/ \n$/, "\n");
  }
  return s + "end\n";
}
