/**
 * Go scanner (lexer).
 *
 * Works directly on the UTF-8 bytes of a file: the current character is kept
 * as a code point in `ch` with its byte offset in `chOff`; ASCII is handled
 * inline and only bytes >= 0x80 go through the UTF-8 decoder. Like gc's
 * source reader, invalid UTF-8 bytes, NULs and BOMs after the start are
 * reported ("invalid UTF-8 encoding", "invalid NUL character", "invalid BOM
 * in the middle of the file") and then skipped.
 * Strings are created only for token literals (identifiers, literals,
 * comments that are kept), never per character.
 *
 * Token classes follow gc's cmd/compile/internal/syntax scanner (binary
 * operators share one token class with an operator string and a
 * precedence), because the parser's error messages are worded in terms of
 * those classes ("unexpected newline, expecting comma or }"). Error messages
 * use gc's wording.
 *
 * Automatic semicolons: after a line's final token is an identifier,
 * literal, one of the keywords break/continue/fallthrough/return, or one of
 * ++ -- ) ] }, a newline (or EOF, or a comment containing a newline) yields
 * a Semi token whose `lit` is "newline" (or "EOF"); an explicit ';' has lit
 * "semicolon".
 *
 * Comments: every comment is reported to `onComment` when that hook is set
 * (the parser sets it when comments are kept, and also to collect //go:
 * directives and +build lines). Without a hook comments are skipped with a
 * tight byte loop.
 *
 * //line directives are not interpreted.
 */

export enum Tok {
  EOF,
  Name,
  Literal,
  Operator, // op: binary or unary operator (+ - ! ^ & | etc.), prec > 0 for binary ones
  AssignOp, // op=  (op holds the operator without '=')
  IncOp, // ++ or -- (op holds "+" or "-")
  Assign, // =
  Define, // :=
  Arrow, // <-
  Star, // *
  Lparen,
  Lbrack,
  Lbrace,
  Rparen,
  Rbrack,
  Rbrace,
  Comma,
  Semi,
  Colon,
  Dot,
  DotDotDot,
  // keywords
  Break,
  Case,
  Chan,
  Const,
  Continue,
  Default,
  Defer,
  Else,
  Fallthrough,
  For,
  Func,
  Go,
  Goto,
  If,
  Import,
  Interface,
  Map,
  Package,
  Range,
  Return,
  Select,
  Struct,
  Switch,
  Type,
  Var,
}

/** Operator precedences, as in the Go spec. */
export const PrecOrOr = 1;
export const PrecAndAnd = 2;
export const PrecCmp = 3;
export const PrecAdd = 4;
export const PrecMul = 5;

const tokStrings: string[] = [
  "EOF", "name", "literal", "op", "op=", "opop", "=", ":=", "<-", "*",
  "(", "[", "{", ")", "]", "}", ",", ";", ":", ".", "...",
  "break", "case", "chan", "const", "continue", "default", "defer", "else",
  "fallthrough", "for", "func", "go", "goto", "if", "import", "interface",
  "map", "package", "range", "return", "select", "struct", "switch", "type", "var",
];

/** The source spelling (or class name) of a token kind. */
export function tokString(t: Tok): string {
  return tokStrings[t];
}

const keywords = new Map<string, Tok>([
  ["break", Tok.Break], ["case", Tok.Case], ["chan", Tok.Chan], ["const", Tok.Const],
  ["continue", Tok.Continue], ["default", Tok.Default], ["defer", Tok.Defer], ["else", Tok.Else],
  ["fallthrough", Tok.Fallthrough], ["for", Tok.For], ["func", Tok.Func], ["go", Tok.Go],
  ["goto", Tok.Goto], ["if", Tok.If], ["import", Tok.Import], ["interface", Tok.Interface],
  ["map", Tok.Map], ["package", Tok.Package], ["range", Tok.Range], ["return", Tok.Return],
  ["select", Tok.Select], ["struct", Tok.Struct], ["switch", Tok.Switch], ["type", Tok.Type],
  ["var", Tok.Var],
]);

export type LitKindName = "INT" | "FLOAT" | "IMAG" | "CHAR" | "STRING";

/** Receives scanner errors: byte offset within the file and message. */
export type ErrorHandler = (offset: number, msg: string) => void;
/** Receives comments: byte offsets [start, end) of the comment text (without trailing newline). */
export type CommentHandler = (start: number, end: number) => void;

// character class table for ASCII: 1 = letter or '_', 2 = decimal digit
const asciiClass = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f) asciiClass[c] = 1;
  else if (c >= 0x30 && c <= 0x39) asciiClass[c] = 2;
}

const reLetter = /^\p{L}$/u;
const reDigit = /^\p{Nd}$/u;
const rePrint = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

export function isUnicodeLetter(r: number): boolean {
  return reLetter.test(String.fromCodePoint(r));
}
export function isUnicodeDigit(r: number): boolean {
  return reDigit.test(String.fromCodePoint(r));
}

function hex(r: number, width: number): string {
  return r.toString(16).toUpperCase().padStart(width, "0");
}

/** Go's %#U formatting: U+0023 '#' (the quoted char only when printable). */
export function formatU(r: number): string {
  const s = "U+" + hex(r, 4);
  if (r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r < 0xe000) && (r === 0x20 || rePrint.test(String.fromCodePoint(r)))) {
    return s + " '" + String.fromCodePoint(r) + "'";
  }
  return s;
}

/** Go's %q formatting of a single rune, e.g. '8', '\n', '\x00'. */
export function quoteRune(r: number): string {
  switch (r) {
    case 0x07: return "'\\a'";
    case 0x08: return "'\\b'";
    case 0x0c: return "'\\f'";
    case 0x0a: return "'\\n'";
    case 0x0d: return "'\\r'";
    case 0x09: return "'\\t'";
    case 0x0b: return "'\\v'";
    case 0x5c: return "'\\\\'";
    case 0x27: return "'\\''";
  }
  if (r < 0) return "'\\uFFFD'"; // EOF placeholder
  if (r < 0x20 || r === 0x7f) return "'\\x" + hex(r, 2).toLowerCase() + "'";
  if (r === 0x20 || rePrint.test(String.fromCodePoint(r))) return "'" + String.fromCodePoint(r) + "'";
  if (r < 0x10000) return "'\\u" + hex(r, 4).toLowerCase() + "'";
  return "'\\U" + hex(r, 8).toLowerCase() + "'";
}

const utf8Decoder = new TextDecoder("utf-8");

/**
 * Direct-mapped cache of short ASCII token texts (identifiers, numbers,
 * short strings). Most identifiers repeat, so the cache avoids creating a
 * new string per occurrence, which measurably cut GC time when parsing
 * GOROOT. It is a pure cache: entries are only ever compared, so sharing it
 * between scanners is safe. Size: 16K slots (~0.2 MB); the hit rate
 * over GOROOT/src was > 90%.
 */
const internSize = 1 << 14;
const internTab: (string | undefined)[] = new Array<string | undefined>(internSize).fill(undefined);
const InternMaxLen = 40;

function hashBytes(src: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ src[i], 0x01000193);
  return (h ^ (h >>> 15)) & (internSize - 1);
}

/** Returns the ASCII text of src[start:end] (all bytes < 0x80), interned. */
function internAscii(src: Uint8Array, start: number, end: number): string {
  const n = end - start;
  const slot = hashBytes(src, start, end);
  const s = internTab[slot];
  if (s !== undefined && s.length === n) {
    let eq = true;
    for (let i = 0; i < n; i++) {
      if (s.charCodeAt(i) !== src[start + i]) {
        eq = false;
        break;
      }
    }
    if (eq) return s;
  }
  const str = String.fromCharCode.apply(null, src.subarray(start, end) as unknown as number[]);
  internTab[slot] = str;
  return str;
}

/**
 * Decodes bytes [start, end) of src to a string. Short ASCII runs are
 * interned (see internTab); anything else goes through the UTF-8 decoder.
 */
export function decodeBytes(src: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n <= InternMaxLen) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (src[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return n === 0 ? "" : internAscii(src, start, end);
  }
  return utf8Decoder.decode(src.subarray(start, end));
}

function baseName(base: number): string {
  switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    default: return "hexadecimal";
  }
}

function lower(c: number): number {
  return c | 0x20;
}
function isDecimal(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (lower(c) >= 0x61 && lower(c) <= 0x66);
}

/** Index of the first misplaced '_' in a number literal's text, or -1 (Go spec rules). */
function invalidSep(x: string): number {
  let x1 = 0x20; // prefix char, only 'x' matters
  let d = 0x2e; // '.' = other, '0' = digit, '_' = separator
  let i = 0;
  if (x.length >= 2 && x.charCodeAt(0) === 0x30) {
    x1 = lower(x.charCodeAt(1));
    if (x1 === 0x78 || x1 === 0x6f || x1 === 0x62) {
      d = 0x30;
      i = 2;
    }
  }
  for (; i < x.length; i++) {
    const p = d;
    d = x.charCodeAt(i);
    if (d === 0x5f) {
      if (p !== 0x30) return i;
    } else if (isDecimal(d) || (x1 === 0x78 && isHex(d))) {
      d = 0x30;
    } else {
      if (p === 0x5f) return i - 1;
      d = 0x2e;
    }
  }
  if (d === 0x5f) return x.length - 1;
  return -1;
}

export class Scanner {
  readonly src: Uint8Array;
  private readonly errh: ErrorHandler;
  /** set by the parser to receive comments; undefined = skip comments fast */
  onComment: CommentHandler | undefined = undefined;

  // current character
  private ch = -1; // code point, -1 at EOF
  private chOff = 0; // byte offset of ch
  private rOff = 0; // byte offset after ch

  // current token (valid after next())
  tok: Tok = Tok.EOF;
  /** byte offset of the token's first byte */
  off = 0;
  /** name, literal text, or for Semi: "semicolon" | "newline" | "EOF" */
  lit = "";
  litKind: LitKindName = "INT";
  /** literal had an error (already reported) */
  bad = false;
  /** operator text for Operator/AssignOp/IncOp/Star/Arrow */
  op = "";
  /** binary precedence of op, 0 if not binary */
  prec = 0;

  private nlsemi = false;
  /** number of errors reported */
  errCount = 0;

  constructor(src: Uint8Array, errh: ErrorHandler) {
    this.src = src;
    this.errh = errh;
    // skip a BOM at file start
    if (src.length >= 3 && src[0] === 0xef && src[1] === 0xbb && src[2] === 0xbf) this.rOff = 3;
    this.nextch();
  }

  private error(off: number, msg: string): void {
    this.errCount++;
    this.errh(off, msg);
  }

  /** Advances ch to the next character (decoding UTF-8, skipping NUL/BOM with errors). */
  private nextch(): void {
    for (;;) {
      const src = this.src;
      const off = this.rOff;
      this.chOff = off;
      if (off >= src.length) {
        this.ch = -1;
        return;
      }
      const b = src[off];
      if (b < 0x80) {
        this.rOff = off + 1;
        if (b === 0) {
          this.error(off, "invalid NUL character");
          continue;
        }
        this.ch = b;
        return;
      }
      if (!this.decodeSlow(off)) {
        // like gc, an invalid byte is reported and skipped
        this.error(off, "invalid UTF-8 encoding");
        continue;
      }
      if (this.ch === 0xfeff) {
        this.error(off, "invalid BOM in the middle of the file");
        continue;
      }
      return;
    }
  }

  /**
   * Decodes the multi-byte sequence at off into ch/rOff. Returns false for
   * invalid UTF-8 (rOff then skips just the first byte, as Go's DecodeRune
   * with RuneError width 1).
   */
  private decodeSlow(off: number): boolean {
    const src = this.src;
    const b0 = src[off];
    const n = src.length;
    let r = -1;
    let size = 1;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      if (off + 1 < n && (src[off + 1] & 0xc0) === 0x80) {
        r = ((b0 & 0x1f) << 6) | (src[off + 1] & 0x3f);
        size = 2;
      }
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      if (off + 2 < n && (src[off + 1] & 0xc0) === 0x80 && (src[off + 2] & 0xc0) === 0x80) {
        const c = ((b0 & 0x0f) << 12) | ((src[off + 1] & 0x3f) << 6) | (src[off + 2] & 0x3f);
        if (c >= 0x800 && !(c >= 0xd800 && c < 0xe000)) {
          r = c;
          size = 3;
        }
      }
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      if (off + 3 < n && (src[off + 1] & 0xc0) === 0x80 && (src[off + 2] & 0xc0) === 0x80 && (src[off + 3] & 0xc0) === 0x80) {
        const c = ((b0 & 0x07) << 18) | ((src[off + 1] & 0x3f) << 12) | ((src[off + 2] & 0x3f) << 6) | (src[off + 3] & 0x3f);
        if (c >= 0x10000 && c <= 0x10ffff) {
          r = c;
          size = 4;
        }
      }
    }
    if (r < 0) {
      this.rOff = off + 1;
      return false;
    }
    this.ch = r;
    this.rOff = off + size;
    return true;
  }

  /** Byte offset just after the current token (before any following white space). */
  endOffset(): number {
    return this.ch < 0 ? this.src.length : this.chOff;
  }

  /** Scans the next token into tok/off/lit/op/prec. */
  next(): void {
    const nlsemi = this.nlsemi;
    this.nlsemi = false;
    const src = this.src;

    for (;;) {
      // skip white space
      let ch = this.ch;
      while (ch === 0x20 || ch === 0x09 || ch === 0x0d || (ch === 0x0a && !nlsemi)) {
        // fast path over ASCII whitespace without nextch calls
        const o = this.rOff;
        if (o < src.length && src[o] < 0x80 && src[o] !== 0) {
          this.chOff = o;
          this.rOff = o + 1;
          ch = this.ch = src[o];
        } else {
          this.nextch();
          ch = this.ch;
        }
      }

      this.off = this.chOff;

      if (ch < 0x80 ? ch >= 0 && asciiClass[ch] === 1 : ch >= 0 && this.atIdentStart()) {
        this.ident();
        return;
      }

      switch (ch) {
        case -1:
          if (nlsemi) {
            this.lit = "EOF";
            this.tok = Tok.Semi;
            return;
          }
          this.tok = Tok.EOF;
          return;
        case 0x0a: // '\n'
          this.nextch();
          this.lit = "newline";
          this.tok = Tok.Semi;
          return;
        case 0x30: case 0x31: case 0x32: case 0x33: case 0x34:
        case 0x35: case 0x36: case 0x37: case 0x38: case 0x39:
          this.number(false);
          return;
        case 0x22: // '"'
          this.stdString();
          return;
        case 0x60: // '`'
          this.rawString();
          return;
        case 0x27: // '\''
          this.rune();
          return;
        case 0x28: // (
          this.nextch();
          this.tok = Tok.Lparen;
          return;
        case 0x5b: // [
          this.nextch();
          this.tok = Tok.Lbrack;
          return;
        case 0x7b: // {
          this.nextch();
          this.tok = Tok.Lbrace;
          return;
        case 0x2c: // ,
          this.nextch();
          this.tok = Tok.Comma;
          return;
        case 0x3b: // ;
          this.nextch();
          this.lit = "semicolon";
          this.tok = Tok.Semi;
          return;
        case 0x29: // )
          this.nextch();
          this.nlsemi = true;
          this.tok = Tok.Rparen;
          return;
        case 0x5d: // ]
          this.nextch();
          this.nlsemi = true;
          this.tok = Tok.Rbrack;
          return;
        case 0x7d: // }
          this.nextch();
          this.nlsemi = true;
          this.tok = Tok.Rbrace;
          return;
        case 0x3a: // :
          this.nextch();
          if (this.ch === 0x3d) {
            this.nextch();
            this.tok = Tok.Define;
            return;
          }
          this.tok = Tok.Colon;
          return;
        case 0x2e: // .
          this.nextch();
          if (isDecimal(this.ch)) {
            this.number(true);
            return;
          }
          if (this.ch === 0x2e && this.rOff < src.length && src[this.rOff] === 0x2e) {
            this.nextch();
            this.nextch();
            this.tok = Tok.DotDotDot;
            return;
          }
          this.tok = Tok.Dot;
          return;
        case 0x2b: // +
          this.nextch();
          this.op = "+";
          this.prec = PrecAdd;
          if (this.ch === 0x2b) {
            this.nextch();
            this.nlsemi = true;
            this.tok = Tok.IncOp;
            return;
          }
          this.assignOp();
          return;
        case 0x2d: // -
          this.nextch();
          this.op = "-";
          this.prec = PrecAdd;
          if (this.ch === 0x2d) {
            this.nextch();
            this.nlsemi = true;
            this.tok = Tok.IncOp;
            return;
          }
          this.assignOp();
          return;
        case 0x2a: // *
          this.nextch();
          this.op = "*";
          this.prec = PrecMul;
          if (this.ch === 0x3d) {
            this.nextch();
            this.tok = Tok.AssignOp;
            return;
          }
          this.tok = Tok.Star;
          return;
        case 0x2f: // /
          this.nextch();
          if (this.ch === 0x2f) {
            this.nextch();
            this.lineComment();
            continue;
          }
          if (this.ch === 0x2a) {
            this.nextch();
            const start = this.off;
            const hadNewline = this.fullComment();
            if (hadNewline && nlsemi) {
              // a multi-line comment acts like a newline
              this.off = start;
              this.lit = "newline";
              this.tok = Tok.Semi;
              return;
            }
            continue;
          }
          this.op = "/";
          this.prec = PrecMul;
          this.assignOp();
          return;
        case 0x25: // %
          this.nextch();
          this.op = "%";
          this.prec = PrecMul;
          this.assignOp();
          return;
        case 0x26: // &
          this.nextch();
          if (this.ch === 0x26) {
            this.nextch();
            this.op = "&&";
            this.prec = PrecAndAnd;
            this.tok = Tok.Operator;
            return;
          }
          this.op = "&";
          this.prec = PrecMul;
          if (this.ch === 0x5e) {
            this.nextch();
            this.op = "&^";
          }
          this.assignOp();
          return;
        case 0x7c: // |
          this.nextch();
          if (this.ch === 0x7c) {
            this.nextch();
            this.op = "||";
            this.prec = PrecOrOr;
            this.tok = Tok.Operator;
            return;
          }
          this.op = "|";
          this.prec = PrecAdd;
          this.assignOp();
          return;
        case 0x5e: // ^
          this.nextch();
          this.op = "^";
          this.prec = PrecAdd;
          this.assignOp();
          return;
        case 0x3c: // <
          this.nextch();
          if (this.ch === 0x3d) {
            this.nextch();
            this.op = "<=";
            this.prec = PrecCmp;
            this.tok = Tok.Operator;
            return;
          }
          if (this.ch === 0x3c) {
            this.nextch();
            this.op = "<<";
            this.prec = PrecMul;
            this.assignOp();
            return;
          }
          if (this.ch === 0x2d) {
            this.nextch();
            this.op = "<-";
            this.prec = 0;
            this.tok = Tok.Arrow;
            return;
          }
          this.op = "<";
          this.prec = PrecCmp;
          this.tok = Tok.Operator;
          return;
        case 0x3e: // >
          this.nextch();
          if (this.ch === 0x3d) {
            this.nextch();
            this.op = ">=";
            this.prec = PrecCmp;
            this.tok = Tok.Operator;
            return;
          }
          if (this.ch === 0x3e) {
            this.nextch();
            this.op = ">>";
            this.prec = PrecMul;
            this.assignOp();
            return;
          }
          this.op = ">";
          this.prec = PrecCmp;
          this.tok = Tok.Operator;
          return;
        case 0x3d: // =
          this.nextch();
          if (this.ch === 0x3d) {
            this.nextch();
            this.op = "==";
            this.prec = PrecCmp;
            this.tok = Tok.Operator;
            return;
          }
          this.tok = Tok.Assign;
          return;
        case 0x21: // !
          this.nextch();
          if (this.ch === 0x3d) {
            this.nextch();
            this.op = "!=";
            this.prec = PrecCmp;
            this.tok = Tok.Operator;
            return;
          }
          this.op = "!";
          this.prec = 0;
          this.tok = Tok.Operator;
          return;
        case 0x7e: // ~
          this.nextch();
          this.op = "~";
          this.prec = 0;
          this.tok = Tok.Operator;
          return;
        default:
          this.error(this.chOff, "invalid character " + formatU(ch));
          this.nextch();
          continue;
      }
    }
  }

  private assignOp(): void {
    if (this.ch === 0x3d) {
      this.nextch();
      this.tok = Tok.AssignOp;
      return;
    }
    this.tok = Tok.Operator;
  }

  /**
   * Called with ch >= 0x80 at a token start. Like gc, any non-ASCII
   * character starts an identifier; non-letters are reported.
   */
  private atIdentStart(): boolean {
    const ch = this.ch;
    if (isUnicodeLetter(ch)) return true;
    if (isUnicodeDigit(ch)) this.error(this.chOff, "identifier cannot begin with digit " + formatU(ch));
    else this.error(this.chOff, "invalid character " + formatU(ch) + " in identifier");
    return true;
  }

  private ident(): void {
    const src = this.src;
    const start = this.chOff;
    // ASCII fast path
    let o = this.rOff;
    while (o < src.length) {
      const b = src[o];
      if (b < 0x80 && asciiClass[b] !== 0) o++;
      else break;
    }
    this.rOff = o;
    const errs = this.errCount;
    this.nextch();
    let ascii = src[start] < 0x80;
    // non-ASCII continuation (or mixed)
    for (;;) {
      const ch = this.ch;
      if (ch < 0) break;
      if (ch < 0x80) {
        if (asciiClass[ch] === 0) break;
      } else {
        if (!isUnicodeLetter(ch) && !isUnicodeDigit(ch)) {
          this.error(this.chOff, "invalid character " + formatU(ch) + " in identifier");
        }
        ascii = false;
      }
      this.nextch();
    }
    const end = this.chOff;
    let lit: string;
    // (skipped invalid bytes report an error: then the text is not pure ASCII)
    if (ascii && end - start <= InternMaxLen && this.errCount === errs) {
      lit = internAscii(src, start, end);
    } else {
      lit = utf8Decoder.decode(src.subarray(start, end));
    }
    this.lit = lit;
    if (end - start >= 2 && end - start <= 11) {
      const kw = keywords.get(lit);
      if (kw !== undefined) {
        this.tok = kw;
        this.nlsemi = kw === Tok.Break || kw === Tok.Continue || kw === Tok.Fallthrough || kw === Tok.Return;
        return;
      }
    }
    this.nlsemi = true;
    this.tok = Tok.Name;
  }

  /** offset (from the literal start) of the first digit invalid for the base, or -1; set by digits() */
  private invalidDigit = -1;

  /** Scans { digit | '_' }; returns bit 0 if digits were seen, bit 1 if separators were. */
  private digits(base: number, recordInvalid: boolean, start: number): number {
    let digsep = 0;
    if (base <= 10) {
      const max = 0x30 + base;
      while (isDecimal(this.ch) || this.ch === 0x5f) {
        let ds = 1;
        if (this.ch === 0x5f) ds = 2;
        else if (this.ch >= max && recordInvalid && this.invalidDigit < 0) this.invalidDigit = this.chOff - start;
        digsep |= ds;
        this.nextch();
      }
    } else {
      while (isHex(this.ch) || this.ch === 0x5f) {
        digsep |= this.ch === 0x5f ? 2 : 1;
        this.nextch();
      }
    }
    return digsep;
  }

  private number(seenPoint: boolean): void {
    const start = this.off;
    let ok = true;
    let kind: LitKindName = "INT";
    let base = 10;
    let prefix = 0; // 0 decimal, '0' 0-octal, 'x', 'o', 'b'
    let digsep = 0;
    this.invalidDigit = -1;

    if (!seenPoint) {
      if (this.ch === 0x30) {
        this.nextch();
        switch (lower(this.ch)) {
          case 0x78:
            this.nextch();
            base = 16;
            prefix = 0x78;
            break;
          case 0x6f:
            this.nextch();
            base = 8;
            prefix = 0x6f;
            break;
          case 0x62:
            this.nextch();
            base = 2;
            prefix = 0x62;
            break;
          default:
            base = 8;
            prefix = 0x30;
            digsep = 1; // leading 0
        }
      }
      digsep |= this.digits(base, true, start);
      if (this.ch === 0x2e) {
        if (prefix === 0x6f || prefix === 0x62) {
          this.error(this.chOff, "invalid radix point in " + baseName(base) + " literal");
          ok = false;
        }
        this.nextch();
        seenPoint = true;
      }
    }

    if (seenPoint) {
      kind = "FLOAT";
      digsep |= this.digits(base, true, start);
    }

    if ((digsep & 1) === 0 && ok) {
      this.error(this.chOff, baseName(base) + " literal has no digits");
      ok = false;
    }

    const e = lower(this.ch);
    if (e === 0x65 || e === 0x70) {
      if (ok) {
        if (e === 0x65 && prefix !== 0 && prefix !== 0x30) {
          this.error(this.chOff, quoteRune(this.ch) + " exponent requires decimal mantissa");
          ok = false;
        } else if (e === 0x70 && prefix !== 0x78) {
          this.error(this.chOff, quoteRune(this.ch) + " exponent requires hexadecimal mantissa");
          ok = false;
        }
      }
      this.nextch();
      kind = "FLOAT";
      if (this.ch === 0x2b || this.ch === 0x2d) this.nextch();
      digsep = this.digits(10, false, start) | (digsep & 2);
      if ((digsep & 1) === 0 && ok) {
        this.error(this.chOff, "exponent has no digits");
        ok = false;
      }
    } else if (prefix === 0x78 && kind === "FLOAT" && ok) {
      this.error(this.chOff, "hexadecimal mantissa requires a 'p' exponent");
      ok = false;
    }

    if (this.ch === 0x69) {
      kind = "IMAG";
      this.nextch();
    }

    const lit = decodeBytes(this.src, start, this.chOff);
    this.setLit(kind, lit);

    const invalid = this.invalidDigit;
    if (kind === "INT" && invalid >= 0 && ok) {
      this.error(start + invalid, "invalid digit " + quoteRune(lit.charCodeAt(invalid)) + " in " + baseName(base) + " literal");
      ok = false;
    }
    if ((digsep & 2) !== 0 && ok) {
      const i = invalidSep(lit);
      if (i >= 0) {
        this.error(start + i, "'_' must separate successive digits");
        ok = false;
      }
    }
    this.bad = !ok;
  }

  private setLit(kind: LitKindName, lit: string): void {
    this.nlsemi = true;
    this.tok = Tok.Literal;
    this.lit = lit;
    this.litKind = kind;
    this.bad = false;
  }

  private rune(): void {
    const start = this.off;
    let ok = true;
    this.nextch();
    let n = 0;
    for (; ; n++) {
      if (this.ch === 0x27) {
        if (ok) {
          if (n === 0) {
            this.error(this.chOff, "empty rune literal or unescaped '");
            ok = false;
          } else if (n !== 1) {
            this.error(start, "more than one character in rune literal");
            ok = false;
          }
        }
        this.nextch();
        break;
      }
      if (this.ch === 0x5c) {
        this.nextch();
        if (!this.escape(0x27)) ok = false;
        continue;
      }
      if (this.ch === 0x0a) {
        if (ok) {
          this.error(this.chOff, "newline in rune literal");
          ok = false;
        }
        break;
      }
      if (this.ch < 0) {
        if (ok) {
          this.error(start, "rune literal not terminated");
          ok = false;
        }
        break;
      }
      this.nextch();
    }
    this.setLit("CHAR", decodeBytes(this.src, start, this.chOff));
    this.bad = !ok;
  }

  private stdString(): void {
    const start = this.off;
    const src = this.src;
    let ok = true;
    this.nextch();
    for (;;) {
      // fast path over plain ASCII bytes
      let o = this.chOff;
      let b = this.ch;
      while (b >= 0x20 && b < 0x80 && b !== 0x22 && b !== 0x5c) {
        o++;
        b = o < src.length ? src[o] : -1;
        if (b >= 0x80 || b === 0) break;
      }
      if (o !== this.chOff) {
        this.rOff = o;
        this.nextch();
      }
      const ch = this.ch;
      if (ch === 0x22) {
        this.nextch();
        break;
      }
      if (ch === 0x5c) {
        this.nextch();
        if (!this.escape(0x22)) ok = false;
        continue;
      }
      if (ch === 0x0a) {
        this.error(this.chOff, "newline in string");
        ok = false;
        break;
      }
      if (ch < 0) {
        this.error(start, "string not terminated");
        ok = false;
        break;
      }
      this.nextch();
    }
    this.setLit("STRING", decodeBytes(src, start, this.chOff));
    this.bad = !ok;
  }

  private rawString(): void {
    const start = this.off;
    const src = this.src;
    let ok = true;
    let hasCR = false;
    this.nextch();
    for (;;) {
      // fast path over ASCII
      let o = this.chOff;
      let b = this.ch;
      while (b > 0 && b < 0x80 && b !== 0x60) {
        if (b === 0x0d) hasCR = true;
        o++;
        b = o < src.length ? src[o] : -1;
        if (b >= 0x80) break;
      }
      if (o !== this.chOff) {
        this.rOff = o;
        this.nextch();
      }
      if (this.ch === 0x60) {
        this.nextch();
        break;
      }
      if (this.ch < 0) {
        this.error(start, "string not terminated");
        ok = false;
        break;
      }
      if (this.ch === 0x0d) hasCR = true;
      this.nextch();
    }
    let lit = decodeBytes(src, start, this.chOff);
    // carriage returns are not part of a raw string's value (Go spec)
    if (hasCR) lit = lit.replace(/\r/g, "");
    this.setLit("STRING", lit);
    this.bad = !ok;
  }

  private escape(quote: number): boolean {
    let n: number;
    let base: number;
    let max: number;
    const ch = this.ch;
    switch (ch) {
      case quote: case 0x61: case 0x62: case 0x66: case 0x6e: case 0x72: case 0x74: case 0x76: case 0x5c:
        this.nextch();
        return true;
      case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37:
        n = 3; base = 8; max = 255;
        break;
      case 0x78:
        this.nextch();
        n = 2; base = 16; max = 255;
        break;
      case 0x75:
        this.nextch();
        n = 4; base = 16; max = 0x10ffff;
        break;
      case 0x55:
        this.nextch();
        n = 8; base = 16; max = 0x10ffff;
        break;
      default:
        if (ch < 0) return true; // caller complains about EOF
        this.error(this.chOff, "unknown escape");
        return false;
    }
    let x = 0;
    for (let i = n; i > 0; i--) {
      if (this.ch < 0) return true;
      let d = base;
      if (isDecimal(this.ch)) d = this.ch - 0x30;
      else if (lower(this.ch) >= 0x61 && lower(this.ch) <= 0x66) d = lower(this.ch) - 0x61 + 10;
      if (d >= base) {
        this.error(this.chOff, "invalid character " + quoteRune(this.ch) + " in " + baseName(base) + " escape");
        return false;
      }
      x = x * base + d;
      this.nextch();
    }
    if (x > max && base === 8) {
      this.error(this.chOff, "octal escape value " + x + " > 255");
      return false;
    }
    if (x > max || (x >= 0xd800 && x < 0xe000)) {
      this.error(this.chOff, "escape is invalid Unicode code point " + formatU(x));
      return false;
    }
    return true;
  }

  /** After "//": skips to end of line (not consuming '\n'), reporting the comment. */
  private lineComment(): void {
    const src = this.src;
    const start = this.off;
    let o = this.chOff;
    if (this.ch < 0) o = src.length;
    // scan bytes to newline; validate non-ASCII
    let sawHigh = false;
    let sawNul = false;
    while (o < src.length) {
      const b = src[o];
      if (b === 0x0a) break;
      if (b >= 0x80) sawHigh = true;
      else if (b === 0) sawNul = true;
      o++;
    }
    if (sawHigh || sawNul) {
      // slow path: go through nextch for error reporting
      while (this.ch >= 0 && this.ch !== 0x0a) this.nextch();
    } else {
      this.rOff = o;
      this.nextch();
    }
    let end = this.chOff;
    if (this.ch < 0) end = src.length;
    // trailing CR is not part of the comment text
    if (end > start && src[end - 1] === 0x0d) end--;
    const h = this.onComment;
    if (h !== undefined) h(start, end);
  }

  /** After "/*": skips the comment; returns true if it contained a newline. */
  private fullComment(): boolean {
    const src = this.src;
    const start = this.off;
    let newline = false;
    let o = this.chOff;
    if (this.ch < 0) o = src.length;
    let sawHigh = false;
    let closed = false;
    while (o < src.length) {
      const b = src[o];
      if (b === 0x2a && o + 1 < src.length && src[o + 1] === 0x2f) {
        closed = true;
        o += 2;
        break;
      }
      if (b === 0x0a) newline = true;
      else if (b >= 0x80 || b === 0) sawHigh = true;
      o++;
    }
    if (sawHigh) {
      // re-scan with validation
      for (;;) {
        if (this.ch < 0) break;
        if (this.ch === 0x2a && this.rOff < src.length && src[this.rOff] === 0x2f) {
          this.nextch();
          this.nextch();
          break;
        }
        this.nextch();
      }
    } else {
      this.rOff = o;
      this.nextch();
    }
    if (!closed) {
      this.error(start, "comment not terminated");
      return newline;
    }
    const h = this.onComment;
    if (h !== undefined) h(start, this.ch < 0 ? src.length : this.chOff);
    return newline;
  }
}
