/**
 * A fast reader for the part of a Go file the loader needs before parsing: the package clause
 * and the import declarations. It tokenizes only what can appear there (comments, identifiers,
 * string literals, parentheses, semicolons, dots) and stops at the first declaration that is
 * not an import, so selecting files and discovering dependencies never pays for a full parse.
 * A header it cannot read yields `error`; the full parser later reports the precise syntax error.
 */

export interface HeaderImport {
  path: string;
  /** 1-based line and byte column of the import spec */
  line: number;
  column: number;
  /** byte offset of the import spec in the file */
  offset: number;
  /** the string literal as written, quotes included */
  literal: string;
  /** 1-based byte column of the string literal (differs from `column` after a name) */
  literalColumn: number;
}

export interface FileHeaderInfo {
  packageName: string;
  imports: HeaderImport[];
  /** set when the header is malformed */
  error?: string;
  /**
   * set when the go command itself would refuse the file before compiling it: a NUL byte in the
   * header (`unexpected NUL in input`), or a package clause go/parser cannot read (`expected
   * 'package', found hello`); the position is where go reports it
   */
  goError?: { msg: string; line: number; column: number };
}

/** Reads the package name and imports of Go source `src`. */
export function readImports(src: string): FileHeaderInfo {
  const r = new HeaderScanner(src);
  const info: FileHeaderInfo = { packageName: "", imports: [] };
  try {
    let t0 = r.next();
    if (t0 !== "ident" || r.word() !== "package") throw r.expected("'package'", t0);
    t0 = r.next();
    if (t0 !== "ident" || GO_KEYWORDS.has(r.word())) throw r.expected("'IDENT'", t0);
    info.packageName = r.text;
    let t = r.next();
    if (t === ";") t = r.next();
    while (t === "ident" && r.word() === "import") {
      t = r.next();
      if (t === "(") {
        t = r.next();
        while (t !== ")") {
          if (t === ";") {
            t = r.next();
            continue;
          }
          t = readSpec(r, t, info);
        }
        t = r.next();
      } else {
        t = readSpec(r, t, info);
      }
      if (t === ";") t = r.next();
    }
  } catch (e) {
    if (!(e instanceof HeaderError)) throw e;
    info.error = e.message;
    // after a syntax error go/build reads the rest of the file, so a NUL anywhere is reported
    const nul = e.message === UNEXPECTED_NUL ? -1 : src.indexOf("\0");
    if (nul >= 0) info.goError = { msg: UNEXPECTED_NUL, ...r.lineCol(nul) };
    else if (e.goLevel) {
      const at = r.lineCol(e.at);
      info.goError = { msg: e.message, line: at.line, column: at.column };
    }
  }
  return info;
}

function readSpec(r: HeaderScanner, t: Tok, info: FileHeaderInfo): Tok {
  const start = r.tokStart;
  if (t === "ident" || t === ".") t = r.next();
  if (t !== "string") throw new HeaderError("expected import path");
  const pos = r.lineCol(start);
  const lit = r.lineCol(r.tokStart);
  info.imports.push({
    path: r.text, line: pos.line, column: pos.column, offset: pos.offset, literal: r.tokenText(), literalColumn: lit.column,
  });
  return r.next();
}

/** A header problem; `goLevel` ones are reported by the go command itself, at char index `at`. */
class HeaderError extends Error {
  constructor(msg: string, readonly goLevel = false, readonly at = 0) {
    super(msg);
  }
}

/** The message for a NUL byte in the header (go/build's reader refuses those). */
export const UNEXPECTED_NUL = "unexpected NUL in input";

const ENDING_KEYWORDS = new Set(["break", "continue", "fallthrough", "return"]);

const GO_KEYWORDS = new Set([
  "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto",
  "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
]);

type Tok = "ident" | "string" | "(" | ")" | ";" | "." | "eof" | "other";

class HeaderScanner {
  private i = 0;
  /** char index of the current token's start */
  tokStart = 0;
  text = "";
  /** whether a newline since the last token inserts a semicolon (Go's rule, simplified) */
  private lastCanEnd = false;

  constructor(private readonly src: string) {}

  /** The text of the last identifier or string token. */
  word(): string {
    return this.text;
  }

  next(): Tok {
    const s = this.src;
    for (;;) {
      const c = s.charCodeAt(this.i);
      if (this.i >= s.length) return this.tok("eof", this.i);
      if (c === 0) throw new HeaderError(UNEXPECTED_NUL, true, this.i);
      if (c === 0x0a) {
        this.i++;
        if (this.lastCanEnd) {
          this.lastCanEnd = false;
          return this.tok(";", this.i - 1);
        }
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0xfeff) {
        this.i++;
        continue;
      }
      if (c === 0x2f /* / */ && s.charCodeAt(this.i + 1) === 0x2f) {
        const j = s.indexOf("\n", this.i);
        const end = j < 0 ? s.length : j;
        this.checkNoNul(end);
        this.i = end;
        continue;
      }
      if (c === 0x2f && s.charCodeAt(this.i + 1) === 0x2a /* * */) {
        const j = s.indexOf("*/", this.i + 2);
        if (j < 0) throw new HeaderError("comment not terminated");
        this.checkNoNul(j);
        const body = s.slice(this.i, j);
        this.i = j + 2;
        if (body.includes("\n") && this.lastCanEnd) {
          this.lastCanEnd = false;
          return this.tok(";", this.i);
        }
        continue;
      }
      break;
    }
    const start = this.i;
    const c = s[this.i];
    if (isLetter(c)) {
      let j = this.i + 1;
      while (j < s.length && (isLetter(s[j]) || (s[j] >= "0" && s[j] <= "9"))) j++;
      this.text = s.slice(this.i, j);
      this.i = j;
      // a newline ends the statement after an identifier, not after most keywords
      this.lastCanEnd = !GO_KEYWORDS.has(this.text) || ENDING_KEYWORDS.has(this.text);
      return this.tok("ident", start);
    }
    if (c === '"') {
      let j = this.i + 1;
      let out = "";
      while (j < s.length && s[j] !== '"') {
        if (s[j] === "\n") throw new HeaderError("string literal not terminated");
        if (s[j] === "\0") throw new HeaderError(UNEXPECTED_NUL, true, j);
        if (s[j] === "\\") {
          const e = s[j + 1];
          const simple: Record<string, string> = { n: "\n", t: "\t", "\\": "\\", '"': '"', a: "\x07", b: "\b", f: "\f", r: "\r", v: "\v" };
          if (e !== undefined && e in simple) {
            out += simple[e];
            j += 2;
            continue;
          }
          if (e === "x" || e === "u" || e === "U") {
            const n = e === "x" ? 2 : e === "u" ? 4 : 8;
            const v = parseInt(s.slice(j + 2, j + 2 + n), 16);
            // a \x byte of 0x80 or more is not UTF-8 on its own: keep it as U+FFFD so the
            // import path check reports it as an invalid UTF-8 sequence
            out += e === "x" && v >= 0x80 ? "\ufffd" : String.fromCodePoint(v);
            j += 2 + n;
            continue;
          }
          if (e !== undefined && e >= "0" && e <= "7") {
            const v = parseInt(s.slice(j + 1, j + 4), 8);
            out += v >= 0x80 ? "\ufffd" : String.fromCharCode(v);
            j += 4;
            continue;
          }
          throw new HeaderError("unsupported escape in import path");
        }
        out += s[j];
        j++;
      }
      if (j >= s.length) throw new HeaderError("string literal not terminated");
      this.text = out;
      this.i = j + 1;
      this.lastCanEnd = true;
      return this.tok("string", start);
    }
    if (c === "`") {
      const j = s.indexOf("`", this.i + 1);
      if (j < 0) throw new HeaderError("raw string literal not terminated");
      this.checkNoNul(j);
      this.text = s.slice(this.i + 1, j).replace(/\r/g, "");
      this.i = j + 1;
      this.lastCanEnd = true;
      return this.tok("string", start);
    }
    this.i++;
    if (c === "(" || c === ";" || c === ".") {
      this.lastCanEnd = false;
      return this.tok(c, start);
    }
    if (c === ")") {
      this.lastCanEnd = true;
      return this.tok(")", start);
    }
    this.lastCanEnd = false;
    return this.tok("other", start);
  }

  private tok(t: Tok, start: number): Tok {
    this.tokStart = start;
    return t;
  }

  /** Throws the NUL error when a NUL char lies in src[i, end). */
  /** the first NUL at or after the last search start (-1: none in the rest of the file) */
  private nextNul = -2;

  private checkNoNul(end: number): void {
    // search once per NUL, not once per token: most files have none, and scanning the whole
    // rest of a big file for every header comment showed up in profiles
    if (this.nextNul !== -1 && this.nextNul < this.i) this.nextNul = this.src.indexOf("\0", this.i);
    if (this.nextNul >= 0 && this.nextNul < end) throw new HeaderError(UNEXPECTED_NUL, true, this.nextNul);
  }

  /**
   * go/parser's complaint when token `t` (just read) is not `what`: `expected 'package', found
   * hello` (identifiers and literals as written, other tokens quoted, a newline as "newline"),
   * or go/scanner's `illegal character U+007F` for a character Go has no token for.
   */
  expected(what: string, t: Tok): HeaderError {
    let found: string;
    if (t === "eof") found = "'EOF'";
    else if (t === ";") found = this.src[this.tokStart] === ";" ? "';'" : "newline";
    else if (t === "ident") found = GO_KEYWORDS.has(this.text) ? `'${this.text}'` : this.text;
    else if (t === "string") found = this.tokenText();
    else {
      const ch = String.fromCodePoint(this.src.codePointAt(this.tokStart) ?? 0);
      if (/^[0-9]$/.test(ch)) {
        found = /^[0-9a-zA-Z_.]*/.exec(this.src.slice(this.tokStart))?.[0] ?? ch;
      } else if (!"+-*/%&|^<>=!()[]{},;.:~'".includes(ch)) {
        const r = ch.codePointAt(0) ?? 0;
        const u = `U+${r.toString(16).toUpperCase().padStart(4, "0")}`;
        const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(ch);
        return new HeaderError(`illegal character ${u}${printable ? ` '${ch}'` : ""}`, true, this.tokStart);
      } else {
        found = `'${ch}'`;
      }
    }
    return new HeaderError(`expected ${what}, found ${found}`, true, this.tokStart);
  }

  /** The source text of the last token. */
  tokenText(): string {
    return this.src.slice(this.tokStart, this.i);
  }

  /** Line, byte column and byte offset of char index `idx`. */
  lineCol(idx: number): { line: number; column: number; offset: number } {
    // import specs ask in increasing order: continue from the last answer instead of rescanning
    // the file from its start for each (that showed up in profiles of big import lists)
    let c = this.lcCache;
    if (c === undefined || idx < c.idx) c = { idx: 0, line: 1, lineStart: 0, lineStartOffset: 0 };
    let { line, lineStart, lineStartOffset } = c;
    for (let k = c.idx; k < idx; k++) {
      if (this.src.charCodeAt(k) === 0x0a) {
        lineStartOffset += Buffer.byteLength(this.src.slice(lineStart, k + 1), "utf8");
        line++;
        lineStart = k + 1;
      }
    }
    this.lcCache = { idx, line, lineStart, lineStartOffset };
    const column = Buffer.byteLength(this.src.slice(lineStart, idx), "utf8");
    return { line, column: column + 1, offset: lineStartOffset + column };
  }

  private lcCache: { idx: number; line: number; lineStart: number; lineStartOffset: number } | undefined;
}

/** Characters go/parser refuses in an import path, besides non-graphic and space characters. */
const ILLEGAL_IMPORT_CHARS = "!\"#$%&'()*,:;<=>?[\\]^{|}`\ufffd";

/** Path elements Windows reserves; the go command refuses them everywhere (module.CheckImportPath). */
const WINDOWS_RESERVED = new Set([
  "con", "prn", "aux", "nul",
  "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
  "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
]);

/** A bad import path: the go command's message, and whether it points at the literal. */
export interface ImportPathProblem {
  msg: string;
  /** true: at the string literal (go/parser's check); false: at the import spec */
  atLiteral: boolean;
}

/**
 * The import path checks `go build` applies before looking anything up, in its order (checked
 * against go1.19): go/parser's per-file check (`invalid import path: "a b"`, quoting the literal
 * as written), then absolute and relative paths, then the module rules for import paths
 * (`malformed import path "a//b": double slash`). `p` is the decoded path (invalid UTF-8 as
 * U+FFFD), `literal` the source text of the string literal.
 */
export function checkImportPath(p: string, literal: string): ImportPathProblem | undefined {
  const invalid = { msg: `invalid import path: ${literal}`, atLiteral: true };
  if (p === "") return invalid;
  for (const ch of p) {
    if (!isGraphic(ch) || /\s/u.test(ch) || ILLEGAL_IMPORT_CHARS.includes(ch)) return invalid;
  }
  const q = goQuote(p);
  if (p.startsWith("/")) return { msg: `${q} is not a package path; see 'go help packages'`, atLiteral: false };
  if (p === "." || p === ".." || p.startsWith("./") || p.startsWith("../")) {
    return { msg: `${q} is relative, but relative import paths are not supported in module mode`, atLiteral: false };
  }
  const why = malformedImportPath(p);
  if (why !== undefined) return { msg: `malformed import path ${q}: ${why}`, atLiteral: false };
  return undefined;
}

/** The module rules for an import path's spelling; the reason it breaks them, if it does. */
function malformedImportPath(p: string): string | undefined {
  if (p.startsWith("-")) return "leading dash";
  if (p.includes("//")) return "double slash";
  if (p.endsWith("/")) return "trailing slash";
  for (const elem of p.split("/")) {
    if (elem === "") return "empty path element";
    if (/^\.+$/.test(elem)) return `invalid path element ${goQuote(elem)}`;
    if (elem.endsWith(".")) return "trailing dot in path element";
    for (const ch of elem) {
      if (!/^[A-Za-z0-9\-._~+]$/.test(ch)) return `invalid char ${goQuoteRune(ch)}`;
    }
    const dot = elem.indexOf(".");
    const short = dot < 0 ? elem : elem.slice(0, dot);
    if (WINDOWS_RESERVED.has(short.toLowerCase())) return `${goQuote(short)} disallowed as path element component on Windows`;
  }
  return undefined;
}

/** Go's unicode.IsGraphic: letters, marks, numbers, punctuation, symbols and the space separators. */
function isGraphic(ch: string): boolean {
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]$/u.test(ch);
}

/** Lexical path cleaning with Go's path.Clean rules. */
export function cleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const el of p.split("/")) {
    if (el === "" || el === ".") continue;
    if (el === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(el);
  }
  const body = out.join("/");
  if (rooted) return "/" + body;
  return body === "" ? "." : body;
}

/** Go's %q for a string: printable characters as they are, the rest escaped. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += ch === '"' ? '\\"' : quoteChar(ch);
  return out + '"';
}

/** Go's %q for a rune. */
function goQuoteRune(ch: string): string {
  return `'${ch === "'" ? "\\'" : quoteChar(ch)}'`;
}

function quoteChar(ch: string): string {
  const r = ch.codePointAt(0) ?? 0;
  const named: Record<number, string> = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 0x5c: "\\\\" };
  if (r in named) return named[r];
  if (r === 0xfffd) return "\\ufffd";
  if (r < 0x20 || r === 0x7f) return `\\x${r.toString(16).padStart(2, "0")}`;
  if (!isGraphic(ch) || (/\s/u.test(ch) && ch !== " ")) {
    return r > 0xffff ? `\\U${r.toString(16).padStart(8, "0")}` : `\\u${r.toString(16).padStart(4, "0")}`;
  }
  return ch;
}

function isLetter(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || c > "\x7f";
}
