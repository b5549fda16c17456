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
}

export interface FileHeaderInfo {
  packageName: string;
  imports: HeaderImport[];
  /** set when the header is malformed */
  error?: string;
}

/** Reads the package name and imports of Go source `src`. */
export function readImports(src: string): FileHeaderInfo {
  const r = new HeaderScanner(src);
  const info: FileHeaderInfo = { packageName: "", imports: [] };
  try {
    if (r.next() !== "ident" || r.word() !== "package") throw new HeaderError("expected 'package'");
    if (r.next() !== "ident") throw new HeaderError("expected package name");
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
  }
  return info;
}

function readSpec(r: HeaderScanner, t: Tok, info: FileHeaderInfo): Tok {
  const start = r.tokStart;
  if (t === "ident" || t === ".") t = r.next();
  if (t !== "string") throw new HeaderError("expected import path");
  const pos = r.lineCol(start);
  info.imports.push({ path: r.text, line: pos.line, column: pos.column, offset: pos.offset });
  return r.next();
}

class HeaderError extends Error {}

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
        this.i = j < 0 ? s.length : j;
        continue;
      }
      if (c === 0x2f && s.charCodeAt(this.i + 1) === 0x2a /* * */) {
        const j = s.indexOf("*/", this.i + 2);
        if (j < 0) throw new HeaderError("comment not terminated");
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
      this.lastCanEnd = true;
      return this.tok("ident", start);
    }
    if (c === '"') {
      let j = this.i + 1;
      let out = "";
      while (j < s.length && s[j] !== '"') {
        if (s[j] === "\n") throw new HeaderError("string literal not terminated");
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

  /** Line, byte column and byte offset of char index `idx`. */
  lineCol(idx: number): { line: number; column: number; offset: number } {
    const before = this.src.slice(0, idx);
    let line = 1;
    let ls = 0;
    for (let k = 0; k < before.length; k++) {
      if (before.charCodeAt(k) === 0x0a) {
        line++;
        ls = k + 1;
      }
    }
    return {
      line,
      column: Buffer.byteLength(before.slice(ls), "utf8") + 1,
      offset: Buffer.byteLength(before, "utf8"),
    };
  }
}

/**
 * The import path checks gc applies to every import spec (syntax only, before any lookup);
 * returns the error message, or undefined when the path is well formed.
 */
export function checkImportPath(p: string): string | undefined {
  if (p === "") return "import path is empty";
  if (p.includes("\0")) return "import path contains NUL";
  if (p === "go" || p === "type") return `import path ${goQuote(p)} is reserved and cannot be used`;
  for (const ch of p) {
    const r = ch.codePointAt(0) ?? 0;
    if (r === 0xfffd) return `import path contains invalid UTF-8 sequence: ${goQuote(p)}`;
    if (r < 0x20 || r === 0x7f) return `import path contains control character: ${goQuote(p)}`;
    if (ch === "\\") return `import path contains backslash; use slash: ${goQuote(p)}`;
    if (/\s/u.test(ch)) return `import path contains space character: ${goQuote(p)}`;
    if ("!\"#$%&'()*,:;<=>?[]^`{|}".includes(ch)) return `import path contains invalid character '${ch}': ${goQuote(p)}`;
  }
  if (p.startsWith("/")) return "import path cannot be absolute path";
  const clean = cleanPath(p);
  if (clean !== p && !p.startsWith("./") && !p.startsWith("../")) {
    return `non-canonical import path ${goQuote(p)} (should be ${goQuote(clean)})`;
  }
  return undefined;
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

/** A Go-style double-quoted string (as %q prints it for ASCII text). */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (r === 0xfffd) out += "\\ufffd";
    else if (r < 0x20 || r === 0x7f) out += r === 10 ? "\\n" : r === 9 ? "\\t" : `\\x${r.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + '"';
}

function isLetter(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_" || c > "\x7f";
}
