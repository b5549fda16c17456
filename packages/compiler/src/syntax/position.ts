/**
 * Source positions.
 *
 * A `Pos` is a single number that identifies a byte in one of the files of a
 * `FileSet`, exactly like go/token: every file added to a set is given the
 * range [base, base+size] (the extra slot is the end-of-file position), the
 * first file gets base 1 and the next file's base is base+size+1, so 0 is
 * never a valid position and serves as `NoPos`.
 *
 * Line tables are computed lazily, on the first position query for a file,
 * so that parsing thousands of files never pays for them unless a diagnostic
 * or a PC→line table actually asks.
 *
 * Columns are 1-based BYTE columns, as the gc toolchain reports them.
 *
 * Line directives: the parser registers `//line file:line[:col]` directives
 * (and their block-comment form) with `SourceFile.addLineInfo`; `position`
 * then reports the directive-adjusted filename/line/column, as gc and
 * go/token do (column 0 = unknown, when the directive gave none);
 * `positionFor(pos, false)` gives the raw file position.
 */

export type Pos = number;

/** The zero position: "no position". */
export const NoPos: Pos = 0;

/** A resolved position. `line`/`column` are 1-based; `column` counts bytes. */
export interface Position {
  filename: string;
  line: number;
  column: number;
  /** byte offset from the start of the file (0-based). */
  offset: number;
}

/** Returns true when `p` names a real position (not NoPos). */
export function isValidPos(p: Pos): boolean {
  return p > 0;
}

/** A //line directive's effect: from byte `offset` on, positions are relative to (filename, line, col). */
export interface LineInfo {
  offset: number;
  filename: string;
  line: number;
  /** 0 if the directive had no column: columns are then unknown */
  col: number;
}

/** One source file in a FileSet: its bytes, its base and its line table. */
export class SourceFile {
  readonly name: string;
  readonly base: number;
  readonly size: number;
  readonly src: Uint8Array;
  /** byte offsets of the first byte of each line; built lazily. */
  private lineOffsets: Int32Array | undefined;
  /** //line directives in offset order (written by the parser); usually empty */
  private readonly lineInfos: LineInfo[] = [];

  constructor(name: string, base: number, src: Uint8Array) {
    this.name = name;
    this.base = base;
    this.size = src.length;
    this.src = src;
    this.lineOffsets = undefined;
  }

  /** Records a line directive taking effect at byte `offset` (offsets must increase). */
  addLineInfo(offset: number, filename: string, line: number, col: number): void {
    const l = this.lineInfos;
    if (l.length > 0 && l[l.length - 1].offset >= offset) return;
    l.push({ offset, filename, line, col });
  }

  /** The recorded line directives. */
  lineDirectives(): readonly LineInfo[] {
    return this.lineInfos;
  }

  /** Line start offsets (index i = line i+1). */
  lines(): Int32Array {
    let l = this.lineOffsets;
    if (l === undefined) {
      const src = this.src;
      let n = 1;
      for (let i = 0; i < src.length; i++) if (src[i] === 0x0a) n++;
      l = new Int32Array(n);
      let k = 1;
      for (let i = 0; i < src.length; i++) if (src[i] === 0x0a) l[k++] = i + 1;
      this.lineOffsets = l;
    }
    return l;
  }

  /** Number of lines in the file (a file with no newline has one line). */
  lineCount(): number {
    return this.lines().length;
  }

  /** Converts a byte offset within this file to a Pos. */
  pos(offset: number): Pos {
    if (offset < 0) offset = 0;
    if (offset > this.size) offset = this.size;
    return this.base + offset;
  }

  /** Converts a Pos inside this file to a byte offset. */
  offset(pos: Pos): number {
    let off = pos - this.base;
    if (off < 0) off = 0;
    if (off > this.size) off = this.size;
    return off;
  }

  /** Resolves a Pos inside this file to filename, line and byte column. */
  position(pos: Pos): Position {
    return this.positionFor(pos, true);
  }

  /** Like position; with adjusted = false, //line directives are ignored. */
  positionFor(pos: Pos, adjusted: boolean): Position {
    const raw = this.rawPosition(pos);
    const infos = this.lineInfos;
    if (!adjusted || infos.length === 0) return raw;
    const off = raw.offset;
    let lo = 0;
    let hi = infos.length - 1;
    if (infos[0].offset > off) return raw;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (infos[mid].offset <= off) lo = mid;
      else hi = mid - 1;
    }
    const info = infos[lo];
    const at = this.rawPosition(this.base + info.offset);
    const line = info.line + (raw.line - at.line);
    let column = raw.column;
    if (info.col === 0) column = 0;
    else if (raw.line === at.line) column = info.col + (raw.column - at.column);
    return { filename: info.filename, line, column, offset: off };
  }

  private rawPosition(pos: Pos): Position {
    const off = this.offset(pos);
    const lines = this.lines();
    // binary search for the last line start <= off
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return { filename: this.name, line: lo + 1, column: off - lines[lo] + 1, offset: off };
  }

  /** The Pos of the first byte of the 1-based `line` (clamped). */
  lineStart(line: number): Pos {
    const lines = this.lines();
    if (line < 1) line = 1;
    if (line > lines.length) line = lines.length;
    return this.base + lines[line - 1];
  }

  /** 1-based line number of `pos`. */
  line(pos: Pos): number {
    return this.position(pos).line;
  }
}

/** A set of source files sharing one Pos space. */
export class FileSet {
  private readonly files: SourceFile[] = [];
  private nextBase = 1;
  private last: SourceFile | undefined = undefined;

  /** Adds a file; its positions are [base, base+src.length] (the last one is its EOF). */
  addFile(name: string, src: Uint8Array): SourceFile {
    const f = new SourceFile(name, this.nextBase, src);
    this.nextBase += src.length + 1; // +1 for the EOF position (go/token's rule)
    this.files.push(f);
    this.last = f;
    return f;
  }

  /** The base the next added file will receive. */
  base(): number {
    return this.nextBase;
  }

  /** The file containing `pos`, or undefined for NoPos or an unknown position. */
  file(pos: Pos): SourceFile | undefined {
    if (pos <= 0) return undefined;
    const last = this.last;
    if (last !== undefined && pos >= last.base && pos <= last.base + last.size) return last;
    const files = this.files;
    let lo = 0;
    let hi = files.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const f = files[mid];
      if (pos < f.base) hi = mid - 1;
      else if (pos > f.base + f.size) lo = mid + 1;
      else {
        this.last = f;
        return f;
      }
    }
    return undefined;
  }

  /** Resolves `pos`; an unknown position yields filename "" and line 0. */
  position(pos: Pos): Position {
    const f = this.file(pos);
    if (f === undefined) return { filename: "", line: 0, column: 0, offset: 0 };
    return f.position(pos);
  }

  /** Like position; with adjusted = false, //line directives are ignored. */
  positionFor(pos: Pos, adjusted: boolean): Position {
    const f = this.file(pos);
    if (f === undefined) return { filename: "", line: 0, column: 0, offset: 0 };
    return f.positionFor(pos, adjusted);
  }

  /** All files, in the order they were added. */
  allFiles(): readonly SourceFile[] {
    return this.files;
  }
}
