/**
 * serialize.ts — the program image's binary form (the on-disk cache format) and its validator.
 *
 *   offset  size
 *   0       8     magic "GORTIMG\0"
 *   8       4     u32 format version (IMAGE_VERSION)
 *   12      4     u32 payload bytes (everything after this 32-byte header)
 *   16      4     u32 FNV-1a checksum of the payload
 *   20      4     u32 section count
 *   24      8     reserved (0)
 *   32      …     sections: u32 tag, u32 length, `length` bytes, zero padding to 4
 *
 * All integers little-endian. Sections appear once each, in tag order (FILES … INITS); strings
 * are u32 byte length + UTF-8 bytes. A function record is: name, u32 file, u32 line, u32 flags,
 * i32 native, u32 frameSize, u32 nparams, u32 nresults, u32 zeroEnd, then four length-prefixed
 * i32 arrays: code, pcln, safePoints, deferInfo.
 *
 * Decoding checks everything the runtime relies on (`validateImage`): a corrupt, truncated or
 * inconsistent image raises one ImageError naming the file and the first problem found —
 * never a RangeError or an out-of-bounds read later in the VM.
 */

import { emptyImage, FN_NATIVE, IMAGE_MAGIC, IMAGE_VERSION, ImageError, type ImageFunc, type ProgramImage } from "./format.js";
import { NUM_OPCODES, OP_BRANCH_WORD, OP_KINDS, OP_NAME, OP_WORDS, Op } from "./opcodes.js";

const HEADER = 32;
const S_FILES = 1,
  S_FUNCS = 2,
  S_STACKMAPS = 3,
  S_CONSTS = 4,
  S_STATICS = 5,
  S_GLOBALS = 6,
  S_RELOCS = 7,
  S_TYPES = 8,
  S_ITABS = 9,
  S_NATIVES = 10,
  S_ENTRY = 11;
const SECTION_NAMES = ["", "files", "funcs", "stackmaps", "consts", "statics", "globals", "relocs", "types", "itabs", "natives", "entry"];
const NSECTIONS = 11;

function fnv1a(b: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return h >>> 0;
}

class Writer {
  buf = new Uint8Array(1024);
  dv = new DataView(this.buf.buffer);
  n = 0;
  private need(k: number): void {
    if (this.n + k <= this.buf.length) return;
    let c = this.buf.length * 2;
    while (c < this.n + k) c *= 2;
    const nb = new Uint8Array(c);
    nb.set(this.buf.subarray(0, this.n));
    this.buf = nb;
    this.dv = new DataView(nb.buffer);
  }
  u32(v: number): void {
    this.need(4);
    this.dv.setUint32(this.n, v >>> 0, true);
    this.n += 4;
  }
  i32(v: number): void {
    this.need(4);
    this.dv.setInt32(this.n, v | 0, true);
    this.n += 4;
  }
  bytes(b: Uint8Array): void {
    this.need(b.length);
    this.buf.set(b, this.n);
    this.n += b.length;
  }
  pad4(): void {
    while (this.n & 3) {
      this.need(1);
      this.buf[this.n++] = 0;
    }
  }
  str(s: string): void {
    const b = new TextEncoder().encode(s);
    this.u32(b.length);
    this.bytes(b);
    this.pad4();
  }
  i32arr(a: Int32Array | Uint32Array): void {
    this.u32(a.length);
    this.need(a.length * 4);
    for (let i = 0; i < a.length; i++) {
      this.dv.setUint32(this.n, a[i] >>> 0, true);
      this.n += 4;
    }
  }
  blob(b: Uint8Array): void {
    this.u32(b.length);
    this.bytes(b);
    this.pad4();
  }
  /** Starts a section; returns the position of its length word. */
  begin(tag: number): number {
    this.u32(tag);
    const at = this.n;
    this.u32(0);
    return at;
  }
  end(at: number): void {
    this.pad4();
    this.dv.setUint32(at, this.n - at - 4, true);
  }
}

/** Encodes an image (does not validate it; call validateImage first if it is untrusted). */
export function encodeImage(img: ProgramImage): Uint8Array {
  const w = new Writer();
  for (let i = 0; i < HEADER; i++) w.bytes(new Uint8Array(1));
  let at = w.begin(S_FILES);
  w.u32(img.files.length);
  for (const f of img.files) w.str(f);
  w.end(at);
  at = w.begin(S_FUNCS);
  w.u32(img.funcs.length);
  for (const f of img.funcs) {
    w.str(f.name);
    w.u32(f.file);
    w.u32(f.line);
    w.u32(f.flags);
    w.i32(f.native);
    w.u32(f.frameSize);
    w.u32(f.nparams);
    w.u32(f.nresults);
    w.u32(f.zeroEnd);
    w.i32arr(f.code);
    w.i32arr(f.pcln);
    w.i32arr(f.safePoints);
    w.i32arr(f.deferInfo);
  }
  w.end(at);
  at = w.begin(S_STACKMAPS);
  w.u32(img.stackMaps.length);
  for (const m of img.stackMaps) {
    w.u32(m.nslots);
    w.i32arr(m.bits);
  }
  w.end(at);
  at = w.begin(S_CONSTS);
  w.blob(new Uint8Array(img.consts.buffer, img.consts.byteOffset, img.consts.byteLength));
  w.end(at);
  at = w.begin(S_STATICS);
  w.blob(img.statics);
  w.u32(img.bssSize);
  w.end(at);
  at = w.begin(S_GLOBALS);
  w.u32(img.globalsOff);
  w.u32(img.globalsSize);
  w.blob(img.globalsPtrMask);
  w.end(at);
  at = w.begin(S_RELOCS);
  w.i32arr(img.relocs);
  w.end(at);
  at = w.begin(S_TYPES);
  w.i32arr(img.types);
  w.end(at);
  at = w.begin(S_ITABS);
  w.i32arr(img.itabs);
  w.end(at);
  at = w.begin(S_NATIVES);
  w.u32(img.natives.length);
  for (const s of img.natives) w.str(s);
  w.end(at);
  at = w.begin(S_ENTRY);
  w.u32(img.entry);
  w.i32arr(Int32Array.from(img.inits));
  w.end(at);
  const out = w.buf.slice(0, w.n);
  const dv = new DataView(out.buffer);
  const magic = new TextEncoder().encode(IMAGE_MAGIC);
  out.set(magic, 0);
  dv.setUint32(8, IMAGE_VERSION, true);
  dv.setUint32(12, w.n - HEADER, true);
  dv.setUint32(16, fnv1a(out, HEADER, w.n), true);
  dv.setUint32(20, NSECTIONS, true);
  return out;
}

class Reader {
  readonly dv: DataView;
  pos: number;
  constructor(
    readonly b: Uint8Array,
    readonly file: string,
    readonly section: string,
    readonly start: number,
    readonly end: number,
  ) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    this.pos = start;
  }
  fail(what: string): never {
    throw new ImageError(this.file, `${this.section} section: ${what}`);
  }
  need(k: number, what: string): void {
    if (k < 0 || this.pos + k > this.end) this.fail(`truncated ${what}`);
  }
  u32(what: string): number {
    this.need(4, what);
    const v = this.dv.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  i32(what: string): number {
    this.need(4, what);
    const v = this.dv.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }
  count(what: string, unit: number): number {
    const n = this.u32(what + " count");
    if (n * unit > this.end - this.pos) this.fail(`${what} count ${n} exceeds the section`);
    return n;
  }
  skipPad(): void {
    this.pos = Math.min(this.end, (this.pos + 3) & ~3);
  }
  str(what: string): string {
    const n = this.count(what, 1);
    const s = new TextDecoder("utf-8", { fatal: false }).decode(this.b.subarray(this.pos, this.pos + n));
    this.pos += n;
    this.skipPad();
    return s;
  }
  i32arr(what: string): Int32Array {
    const n = this.count(what, 4);
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) a[i] = this.dv.getInt32(this.pos + 4 * i, true);
    this.pos += 4 * n;
    return a;
  }
  blob(what: string): Uint8Array {
    const n = this.count(what, 1);
    const a = this.b.slice(this.pos, this.pos + n);
    this.pos += n;
    this.skipPad();
    return a;
  }
  done(): void {
    if (this.pos !== this.end) this.fail(`${this.end - this.pos} unexpected trailing bytes`);
  }
}

/** Decodes and validates an image read from `file` (the name is only used in errors). */
export function decodeImage(bytes: Uint8Array, file: string, opts: { trusted?: boolean } = {}): ProgramImage {
  const bad = (p: string): never => {
    throw new ImageError(file, p);
  };
  if (bytes.length < HEADER) bad(`truncated header (${bytes.length} bytes, need ${HEADER})`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== IMAGE_MAGIC) bad("bad magic (not a gort program image)");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(8, true);
  if (version !== IMAGE_VERSION) bad(`format version ${version}, this runtime reads version ${IMAGE_VERSION}`);
  const plen = dv.getUint32(12, true);
  if (HEADER + plen > bytes.length) bad(`truncated: header says ${HEADER + plen} bytes, file has ${bytes.length}`);
  if (HEADER + plen < bytes.length) bad(`${bytes.length - HEADER - plen} trailing bytes after the payload`);
  if (fnv1a(bytes, HEADER, HEADER + plen) !== dv.getUint32(16, true)) bad("checksum mismatch (corrupt file)");
  const nsec = dv.getUint32(20, true);
  if (nsec !== NSECTIONS) bad(`section count ${nsec}, expected ${NSECTIONS}`);
  const img = emptyImage();
  let pos = HEADER;
  for (let tag = 1; tag <= NSECTIONS; tag++) {
    if (pos + 8 > bytes.length) bad(`truncated before the ${SECTION_NAMES[tag]} section`);
    const t = dv.getUint32(pos, true);
    const len = dv.getUint32(pos + 4, true);
    if (t !== tag) bad(`expected the ${SECTION_NAMES[tag]} section at offset ${pos}, found tag ${t}`);
    if (pos + 8 + len > bytes.length || (len & 3) !== 0) bad(`${SECTION_NAMES[tag]} section length ${len} is invalid`);
    const r = new Reader(bytes, file, SECTION_NAMES[tag], pos + 8, pos + 8 + len);
    readSection(tag, r, img);
    r.skipPad();
    r.done();
    pos += 8 + len;
  }
  if (pos !== bytes.length) bad("data after the last section");
  // trusted: written by this same gort build (the image cache keys on it) and checksummed above,
  // so the structural validation (~10–20 ms for fmt-sized images) is skipped
  if (opts.trusted !== true) validateImage(img, file);
  return img;
}

function readSection(tag: number, r: Reader, img: ProgramImage): void {
  switch (tag) {
    case S_FILES: {
      const n = r.count("file", 4);
      for (let i = 0; i < n; i++) img.files.push(r.str("file name"));
      break;
    }
    case S_FUNCS: {
      const n = r.count("function", 4);
      for (let i = 0; i < n; i++) {
        const f: ImageFunc = {
          name: r.str("function name"),
          file: r.u32("file"),
          line: r.u32("line"),
          flags: r.u32("flags"),
          native: r.i32("native"),
          frameSize: r.u32("frame size"),
          nparams: r.u32("nparams"),
          nresults: r.u32("nresults"),
          zeroEnd: r.u32("zeroEnd"),
          code: r.i32arr("code"),
          pcln: r.i32arr("pcln"),
          safePoints: r.i32arr("safe points"),
          deferInfo: r.i32arr("defer info"),
        };
        img.funcs.push(f);
      }
      break;
    }
    case S_STACKMAPS: {
      const n = r.count("stack map", 8);
      for (let i = 0; i < n; i++) {
        const nslots = r.u32("nslots");
        const bits = new Uint32Array(r.i32arr("stack map bits").buffer);
        if (bits.length !== (nslots + 31) >>> 5) r.fail(`stack map ${i}: ${bits.length} words for ${nslots} slots`);
        img.stackMaps.push({ nslots, bits });
      }
      break;
    }
    case S_CONSTS: {
      const b = r.blob("constant pool");
      if (b.length & 7) r.fail("constant pool length is not a multiple of 8");
      img.consts = new BigInt64Array(b.buffer, 0, b.length >>> 3);
      break;
    }
    case S_STATICS:
      img.statics = r.blob("statics");
      img.bssSize = r.u32("bss size");
      break;
    case S_GLOBALS:
      img.globalsOff = r.u32("globals offset");
      img.globalsSize = r.u32("globals size");
      img.globalsPtrMask = r.blob("globals pointer mask");
      break;
    case S_RELOCS:
      img.relocs = new Uint32Array(r.i32arr("relocations").buffer);
      break;
    case S_TYPES:
      img.types = new Uint32Array(r.i32arr("types").buffer);
      break;
    case S_ITABS:
      img.itabs = new Uint32Array(r.i32arr("itabs").buffer);
      break;
    case S_NATIVES: {
      const n = r.count("native", 4);
      for (let i = 0; i < n; i++) img.natives.push(r.str("native name"));
      break;
    }
    case S_ENTRY:
      img.entry = r.u32("entry");
      img.inits = Array.from(r.i32arr("inits"));
      break;
  }
}

/**
 * Checks the invariants the loader and the VM rely on (no bounds checks happen at run time on
 * image metadata). Throws ImageError(file, problem) on the first violation.
 */
export function validateImage(img: ProgramImage, file: string): void {
  const bad = (p: string): never => {
    throw new ImageError(file, p);
  };
  const nf = img.funcs.length;
  if (img.statics.length & 7) bad("statics length is not a multiple of 8");
  if (img.bssSize & 7) bad("bss size is not a multiple of 8");
  const staticsEnd = img.statics.length + img.bssSize;
  if (img.globalsOff & 7 || img.globalsSize & 7 || img.globalsOff + img.globalsSize > staticsEnd) bad("globals range outside statics");
  if (img.globalsPtrMask.length * 64 < img.globalsSize) bad("globals pointer mask too short");
  for (const o of img.relocs) if (o & 3 || o + 4 > img.statics.length) bad(`relocation at ${o} outside statics`);
  for (const o of img.types) if (o & 7 || o + 32 > img.statics.length) bad(`type descriptor at ${o} outside statics`);
  for (const o of img.itabs) if (o & 7 || o + 16 > img.statics.length) bad(`itab at ${o} outside statics`);
  if (nf > 0 && img.entry >= nf) bad(`entry function ${img.entry} out of range`);
  for (const i of img.inits) if (i < 0 || i >= nf) bad(`init function ${i} out of range`);
  for (let k = 0; k < img.stackMaps.length; k++) {
    const m = img.stackMaps[k];
    if (m.bits.length !== (m.nslots + 31) >>> 5) bad(`stack map ${k} has the wrong number of words`);
  }
  for (let fi = 0; fi < nf; fi++) {
    const f = img.funcs[fi];
    const where = `function ${fi} (${f.name})`;
    if (f.file >= img.files.length) bad(`${where}: file index ${f.file} out of range`);
    if (f.frameSize < 16 || f.frameSize & 7) bad(`${where}: frame size ${f.frameSize}`);
    const nslots = (f.frameSize - 16) >>> 3;
    if (f.nparams + f.nresults > nslots || f.zeroEnd > nslots || f.zeroEnd < f.nparams) bad(`${where}: parameter/result slots exceed the frame`);
    if (f.flags & FN_NATIVE) {
      if (f.native < 0 || f.native >= img.natives.length) bad(`${where}: native index ${f.native} out of range`);
      continue;
    }
    if (f.code.length === 0) bad(`${where}: empty code`);
    if (f.pcln.length % 3) bad(`${where}: line table length`);
    for (let i = 0; i < f.pcln.length; i += 3) {
      if (i > 0 && f.pcln[i] < f.pcln[i - 3]) bad(`${where}: line table not sorted`);
      if (f.pcln[i + 1] < 0 || f.pcln[i + 1] >= img.files.length) bad(`${where}: line table file index`);
    }
    if (f.safePoints.length & 1) bad(`${where}: safe-point table length`);
    for (let i = 0; i < f.safePoints.length; i += 2) {
      if (i > 0 && f.safePoints[i] <= f.safePoints[i - 2]) bad(`${where}: safe points not sorted`);
      const m = f.safePoints[i + 1];
      if (m < 0 || m >= img.stackMaps.length) bad(`${where}: stack map index ${m} out of range`);
      if (img.stackMaps[m].nslots > nslots) bad(`${where}: stack map ${m} larger than the frame`);
    }
    validateCode(img, f, nslots, (p) => bad(`${where}: ${p}`));
  }
}

/** Decodes every instruction: opcode range, lengths, branch targets, indexes into tables. */
function validateCode(img: ProgramImage, f: ImageFunc, nslots: number, bad: (p: string) => never): void {
  const code = f.code;
  const starts = new Uint8Array(code.length + 1);
  for (let pc = 0; pc < code.length; ) {
    starts[pc] = 1;
    const op = code[pc] & 0xff;
    if (op >= NUM_OPCODES) bad(`bad opcode ${op} at pc ${pc}`);
    const n = OP_WORDS[op];
    if (pc + n > code.length) bad(`${OP_NAME[op]} at pc ${pc} runs past the end of the code`);
    const kinds = OP_KINDS[op];
    for (let k = 0; k < kinds.length; k++) {
      const v = k === 0 ? code[pc] >>> 8 : code[pc + k];
      const u = v >>> 0;
      const at = () => `${OP_NAME[op]} at pc ${pc}`;
      switch (kinds.charCodeAt(k)) {
        case 115: // s
          if (u >= nslots) bad(`${at()}: slot ${v} outside the frame (${nslots} slots)`);
          break;
        case 107: // k
          if (u >= img.consts.length) bad(`${at()}: constant ${v} out of range`);
          break;
        case 116: // t
          if (u >= img.types.length) bad(`${at()}: type ${v} out of range`);
          break;
        case 102: // f
          if (u >= img.funcs.length) bad(`${at()}: function ${v} out of range`);
          break;
        case 110: // n
          if (u >= img.natives.length) bad(`${at()}: native ${v} out of range`);
          break;
        case 97: // a
          if (u > img.statics.length + img.bssSize) bad(`${at()}: offset ${v} outside statics`);
          break;
        case 99: // c
          if ((u & 0xf) > 8 || u > 0x1f) bad(`${at()}: bounds code ${v}`);
          break;
      }
    }
    // Two-slot operands (an interface or a string header).
    if ((op === Op.PANIC || op === Op.PRINTS) && (code[pc] >>> 8) + 1 >= nslots) bad(`${OP_NAME[op]} at pc ${pc}: slot pair outside the frame`);
    pc += n;
  }
  starts[code.length] = 0;
  for (let pc = 0; pc < code.length; pc += OP_WORDS[code[pc] & 0xff]) {
    const op = code[pc] & 0xff;
    const bw = OP_BRANCH_WORD[op];
    if (bw !== undefined) {
      const t = pc + code[pc + bw];
      if (t < 0 || t >= code.length || starts[t] === 0) bad(`${OP_NAME[op]} at pc ${pc}: branch target ${t} is not an instruction`);
    }
  }
  const last = lastInstr(code);
  const lop = code[last] & 0xff;
  if (lop !== Op.RET && lop !== Op.JMP && lop !== Op.HALT && lop !== Op.PANIC) bad("code does not end with RET, JMP, HALT or PANIC");
}

function lastInstr(code: Int32Array): number {
  let last = 0;
  for (let pc = 0; pc < code.length; pc += OP_WORDS[code[pc] & 0xff]) last = pc;
  return last;
}
