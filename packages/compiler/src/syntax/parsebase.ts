/**
 * The parser's machinery, shared by the grammar in parser.ts: the current
 * token, gc-style error reporting (one syntax error per line, "unexpected
 * X" naming, stop after MaxErrors), recovery (`advance`, `list`), the
 * nesting guard, and comment collection/grouping (go/parser's doc and
 * line comment rules) plus //go: directive and build-line capture.
 */
import type * as ast from "./ast.js";
import type { Diagnostic } from "../diag.js";
import type { SourceFile, Pos } from "./position.js";
import { Scanner, Tok, tokString, decodeBytes } from "./scanner.js";

export type ParseMode = "full" | "importsOnly" | "packageClauseOnly";

/** gc stops after 10 errors; so do we (the rest of the file is not parsed). */
export const MaxErrors = 10;
/**
 * Maximum nesting of expressions/types/statements. Each level costs 1-12
 * JS frames; measured with Node 20's default stack, ~1100 levels of
 * parentheses (the most frame-hungry common case per counted level)
 * overflow, so 500 leaves room for callers' frames. Go's own test suite
 * needs ~260 (test/fixedbugs/issue29312.go nests 253 slice types).
 * Else-if chains are parsed iteratively and do not count.
 */
export const MaxNesting = 500;

/** Thrown to abandon the parse (too many errors, too deep); caught in Parser.parse. */
export class Bailout {
  constructor(readonly reason: string) {}
}

interface PendingComment {
  start: number; // byte offset
  end: number;
  line: number; // start line
  endLine: number;
}

export class ParserBase {
  protected readonly file: SourceFile;
  protected readonly base: number;
  protected readonly src: Uint8Array;
  protected readonly sc: Scanner;
  protected readonly keepComments: boolean;
  protected readonly mode: ParseMode;

  readonly errors: Diagnostic[] = [];
  protected errcnt = 0;
  protected lastSyntaxErrorLine = "";
  protected first = true;

  // current token (mirrors the scanner, cached for speed)
  protected tok_: Tok = Tok.EOF;
  /** current token (a method so TypeScript does not keep narrowings across next()) */
  protected tk(): Tok {
    return this.tok_;
  }
  protected pos: Pos = 0;
  protected lit = "";
  protected op = "";
  protected prec = 0;

  protected xnest = 0; // expression nesting; < 0 in control clause headers
  protected fnest = 0; // function nesting (for advance's stop set)
  protected depth = 0; // recursion depth guard

  // comments
  protected readonly comments: ast.CommentGroup[] = [];
  protected readonly directives: ast.Comment[] = [];
  protected pending: PendingComment[] = [];
  protected leadComment: ast.CommentGroup | undefined = undefined;
  protected lineComment: ast.CommentGroup | undefined = undefined;
  /** spec/field whose line comment may follow an explicit ';' (set by Parser.attachLineComment) */
  protected lineCommentTarget: { comment?: ast.CommentGroup } | undefined = undefined;
  protected prevTokEnd = 0; // byte offset just after the previous token
  protected beforePackage = true;
  protected goBuild: string | undefined = undefined;
  protected plusBuild: string[] = [];

  protected readonly maxNesting: number;

  constructor(file: SourceFile, keepComments: boolean, mode: ParseMode, maxNesting: number) {
    this.maxNesting = maxNesting;
    this.file = file;
    this.base = file.base;
    this.src = file.src;
    this.keepComments = keepComments;
    this.mode = mode;
    this.sc = new Scanner(file.src, (off, msg) => this.errorAt(this.base + off, msg));
    this.sc.onComment = (start, end) => this.onComment(start, end);
  }

  // -------------------------------------------------------------------------
  // Errors

  protected line(pos: Pos): number {
    return this.file.position(pos).line;
  }

  /**
   * Records an error with gc's filtering: only the first syntax error on a
   * line, and no repeat of the same other message on the same line as the
   * previous other error (e.g. one "invalid UTF-8 encoding" per line).
   */
  protected errorAt(pos: Pos, msg: string): void {
    const p = this.file.position(pos);
    const line = p.filename + ":" + p.line; // gc's sameline: same file and line
    if (msg.startsWith("syntax error")) {
      if (line === this.lastSyntaxErrorLine) return;
      this.lastSyntaxErrorLine = line;
    } else {
      if (line === this.lastOtherErrorLine && msg === this.lastOtherErrorMsg) return;
      this.lastOtherErrorLine = line;
      this.lastOtherErrorMsg = msg;
    }
    this.errorAtForce(pos, msg);
  }

  private lastOtherErrorLine = "";
  private lastOtherErrorMsg = "";

  protected errorAtForce(pos: Pos, msg: string): void {
    this.first = false;
    this.errcnt++;
    if (this.errors.length < MaxErrors) this.errors.push({ pos, msg });
    if (this.errcnt >= MaxErrors) throw new Bailout("too many errors");
  }

  protected error(msg: string): void {
    this.errorAt(this.pos, msg);
  }

  protected syntaxError(msg: string): void {
    this.syntaxErrorAt(this.pos, msg);
  }

  protected syntaxErrorAt(pos: Pos, msg: string): void {
    if (this.tk() === Tok.EOF && !this.first) return; // avoid meaningless follow-up errors
    if (msg === "") {
      // nothing to add
    } else if (msg.startsWith("in ") || msg.startsWith("at ") || msg.startsWith("after ")) {
      msg = " " + msg;
    } else if (msg.startsWith("expecting ")) {
      msg = ", " + msg;
    } else {
      this.errorAt(pos, "syntax error: " + msg);
      return;
    }
    this.errorAt(pos, "syntax error: unexpected " + this.tokDesc() + msg);
  }

  /** The current token as gc names it in "unexpected X". */
  protected tokDesc(): string {
    switch (this.tk()) {
      case Tok.Name:
      case Tok.Semi:
        return this.lit;
      case Tok.Literal:
        return "literal " + this.lit;
      case Tok.Operator:
      case Tok.Star:
      case Tok.Arrow:
        return this.op;
      case Tok.AssignOp:
        return this.op + "=";
      case Tok.IncOp:
        return this.op + this.op;
      default:
        return tokstring(this.tk());
    }
  }

  // -------------------------------------------------------------------------
  // Tokens

  protected next(): void {
    const sc = this.sc;
    if (this.keepComments) this.prevTokEnd = this.scEnd;
    sc.next();
    this.tok_ = sc.tok;
    this.pos = this.base + sc.off;
    this.lit = sc.lit;
    this.op = sc.op;
    this.prec = sc.prec;
    if (this.keepComments) {
      this.scEnd = sc.endOffset();
      this.leadComment = undefined;
      this.lineComment = undefined;
      const target = this.lineCommentTarget;
      this.lineCommentTarget = undefined;
      if (this.pending.length > 0) this.groupComments();
      if (target !== undefined && this.lineComment !== undefined) target.comment = this.lineComment;
    }
  }

  protected scEnd = 0;

  protected got(tok: Tok): boolean {
    if (this.tk() === tok) {
      this.next();
      return true;
    }
    return false;
  }

  protected want(tok: Tok): void {
    if (!this.got(tok)) {
      this.syntaxError("expecting " + tokstring(tok));
      this.advance();
    }
  }

  protected gotAssign(): boolean {
    switch (this.tk()) {
      case Tok.Define:
        this.syntaxError("expecting =");
        this.next();
        return true;
      case Tok.Assign:
        this.next();
        return true;
    }
    return false;
  }

  /**
   * Skips tokens until one in `follow` (or, inside a function, a statement
   * keyword) is found; with an empty follow list exactly one token is skipped.
   */
  protected advance(...follow: Tok[]): void {
    if (follow.length === 0) {
      if (this.tk() !== Tok.EOF) this.next();
      return;
    }
    for (;;) {
      const t = this.tk();
      if (t === Tok.EOF) return;
      if (follow.includes(t)) return;
      if (this.fnest > 0 && isStopTok(t)) return;
      this.next();
    }
  }

  protected enter(): void {
    if (++this.depth > this.maxNesting) {
      this.errorAtForce(this.pos, "exceeded max nesting depth");
      throw new Bailout("nesting");
    }
  }

  protected leave(): void {
    this.depth--;
  }

  // -------------------------------------------------------------------------
  // Comments

  protected onComment(start: number, end: number): void {
    const src = this.src;
    const isLine = src[start + 1] === 0x2f;
    if (isLine && start + 4 < end && src[start + 2] === 0x67 && src[start + 3] === 0x6f && src[start + 4] === 0x3a) {
      // //go: directive
      const text = decodeBytes(src, start, end);
      this.directives.push({ kind: "Comment", slash: this.base + start, text });
      if (this.beforePackage && this.goBuild === undefined && text.startsWith("//go:build") && (text.length === 10 || text.charCodeAt(10) === 0x20 || text.charCodeAt(10) === 0x09)) {
        this.goBuild = text.slice(10).trim();
      }
    } else if (src[start + 2] === 0x6c && start + 7 <= end && decodeBytes(src, start + 2, start + 7) === "line ") {
      // //line at the start of a line, or /*line*/ anywhere
      if (!isLine) this.lineDirective(start, end - 2, end);
      else if (start === 0 || src[start - 1] === 0x0a) {
        const nl = src.indexOf(0x0a, end);
        this.lineDirective(start, end, nl < 0 ? src.length : nl + 1);
      }
    } else if (isLine && this.beforePackage && src[start + 2] === 0x20 && src[start + 3] === 0x2b) {
      const text = decodeBytes(src, start, end);
      const m = /^\/\/ \+build(?:\s+(.*))?$/.exec(text);
      if (m !== null) this.plusBuild.push((m[1] ?? "").trim());
    }
    if (this.keepComments) {
      const f = this.file;
      this.pending.push({ start, end, line: f.position(this.base + start).line, endLine: f.position(this.base + end - 1).line });
    }
  }

  /**
   * A line directive whose text spans [start+7, textEnd) ("//line " or
   * "/*line " before it) takes effect at byte `at`: filename:line or
   * filename:line:col (an empty filename with a column keeps the current
   * one). Malformed directives are reported with gc's messages; a text
   * without ":" is not a directive at all.
   */
  private lineDirective(start: number, textEnd: number, at: number): void {
    const text = decodeBytes(this.src, start + 7, textEnd);
    const tpos = this.base + start + 7;
    const trailing = (t: string): { i: number; n: number; ok: boolean } => {
      const i = t.lastIndexOf(":");
      if (i < 0) return { i: 0, n: 0, ok: false };
      const digits = t.slice(i + 1);
      const ok = /^[0-9]+$/.test(digits);
      return { i: i + 1, n: ok ? Number(digits) : 0, ok };
    };
    const posMax = 1 << 30;
    const a = trailing(text);
    if (a.i === 0) return; // not a line directive
    if (!a.ok) {
      this.errorAt(tpos + a.i, "invalid line number: " + text.slice(a.i));
      return;
    }
    let i = a.i;
    let line: number;
    let col = 0;
    let rest = text;
    const b = trailing(text.slice(0, a.i - 1));
    if (b.ok) {
      // filename:line:col
      line = b.n;
      col = a.n;
      if (col === 0 || col > posMax) {
        this.errorAt(tpos + a.i, "invalid column number: " + text.slice(a.i));
        return;
      }
      rest = text.slice(0, a.i - 1);
      i = b.i;
    } else {
      line = a.n;
    }
    if (line === 0 || line > posMax) {
      this.errorAt(tpos + i, "invalid line number: " + rest.slice(i));
      return;
    }
    let filename = rest.slice(0, i - 1);
    if (filename === "" && b.ok) filename = this.file.positionFor(this.base + start, true).filename;
    this.file.addLineInfo(at, filename, line, col);
  }

  protected makeGroup(list: PendingComment[]): ast.CommentGroup {
    const g: ast.CommentGroup = {
      kind: "CommentGroup",
      list: list.map((c) => ({ kind: "Comment" as const, slash: this.base + c.start, text: decodeBytes(this.src, c.start, c.end) })),
    };
    this.comments.push(g);
    return g;
  }

  /** Groups the comments seen before the current token (go/parser rules). */
  protected groupComments(): void {
    const pend = this.pending;
    this.pending = [];
    const f = this.file;
    const prevLine = this.prevTokEnd > 0 ? f.position(this.base + this.prevTokEnd - 1).line : -1;
    const tokLine = this.tk() === Tok.EOF ? -2 : f.position(this.pos).line;
    let i = 0;
    // line comment: comments starting on the previous token's line
    if (prevLine >= 0 && pend[0].line === prevLine) {
      let j = 1;
      let endLine = pend[0].endLine;
      while (j < pend.length && pend[j].line === endLine) {
        endLine = pend[j].endLine;
        j++;
      }
      const g = this.makeGroup(pend.slice(0, j));
      if (tokLine !== endLine || this.tk() === Tok.Semi || this.tk() === Tok.EOF) this.lineComment = g;
      i = j;
    }
    // remaining groups: adjacent lines join; the last one directly above the token is the lead comment
    while (i < pend.length) {
      let j = i + 1;
      let endLine = pend[i].endLine;
      while (j < pend.length && pend[j].line <= endLine + 1) {
        endLine = pend[j].endLine;
        j++;
      }
      const g = this.makeGroup(pend.slice(i, j));
      if (j === pend.length && endLine + 1 === tokLine) this.leadComment = g;
      i = j;
    }
  }

  // -------------------------------------------------------------------------
  // Lists

  /** list = [ f { sep f } [sep] ] close ; returns the position of close. */
  protected list(context: string, sep: Tok, close: Tok, f: () => boolean): Pos {
    let done = false;
    while (this.tk() !== Tok.EOF && this.tk() !== close && !done) {
      done = f();
      if (!this.got(sep) && this.tk() !== close) {
        this.syntaxError(`in ${context}; possibly missing ${tokstring(sep)} or ${tokstring(close)}`);
        this.advance(Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
        if (this.tk() !== close) return this.pos;
      }
    }
    const pos = this.pos;
    this.want(close);
    return pos;
  }
}

/** gc's tokstring: English words for "," and ";" in messages. */
export function tokstring(t: Tok): string {
  switch (t) {
    case Tok.Comma: return "comma";
    case Tok.Semi: return "semicolon or newline";
  }
  return tokString(t);
}

function isStopTok(t: Tok): boolean {
  switch (t) {
    case Tok.Break: case Tok.Const: case Tok.Continue: case Tok.Defer: case Tok.Fallthrough:
    case Tok.For: case Tok.Go: case Tok.Goto: case Tok.If: case Tok.Return: case Tok.Select:
    case Tok.Switch: case Tok.Type: case Tok.Var:
      return true;
  }
  return false;
}
