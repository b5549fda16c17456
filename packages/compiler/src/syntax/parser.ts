/**
 * Go parser: tokens from scanner.ts to the go/ast-shaped tree of ast.ts.
 *
 * Grammar decisions, error wording and error recovery follow gc's
 * cmd/compile/internal/syntax parser (written afresh here, not translated):
 * - syntax errors read "syntax error: unexpected X, expecting Y" / "... in
 *   composite literal; possibly missing comma or }" etc., where X names the
 *   current token the way gc does (a name's text, "newline", "literal 42",
 *   a keyword or operator);
 * - only the first syntax error per line is kept (gc drops the rest), and
 *   no syntax error is reported at EOF once an error has been seen;
 * - recovery skips to a follow set plus (inside functions) the keywords that
 *   start statements (`advance`);
 * - composite literals are not recognised in if/for/switch headers unless
 *   parenthesised (`xnest` < 0 there);
 * - `type T[P *C] ...` and similar array/type-parameter ambiguities are
 *   resolved the way gc does (extractName / isTypeElem).
 *
 * The tree, however, is go/ast's: ParenExpr nodes are kept, multi-name
 * fields are grouped into one Field, StarExpr/UnaryExpr/BinaryExpr instead
 * of gc's Operation, RangeStmt/TypeSwitchStmt instead of clauses.
 *
 * Layout: parsebase.ts holds the token/error/comment machinery this class
 * extends; parseutil.ts the syntax predicates. This file is the grammar
 * (~1,700 lines: one recursive-descent class, kept whole so the grammar
 * reads top to bottom like gc's parser.go).
 *
 * Limits: after MaxErrors errors, or when nesting exceeds MaxNesting levels
 * (expressions, types, blocks), parsing stops with a diagnostic; the partial
 * tree is returned. A JS stack overflow is caught and reported the same
 * way, so parseFile never throws.
 *
 * Rejected designs: building gc's own tree and converting it to go/ast
 * (twice the allocation, and the checker wants go/ast); go/parser's error
 * wording (users compare with `go build`, which is gc); relying on catching
 * stack overflow alone (its depth depends on the caller's stack and the
 * partial tree is lost).
 */
import type * as ast from "./ast.js";
import type { Diagnostic } from "../diag.js";
import type { FileSet, SourceFile, Pos } from "./position.js";
import { Tok, tokString } from "./scanner.js";
import { exprString, simpleStmtString } from "./printer.js";
import { ParserBase, Bailout, MaxNesting, tokstring, type ParseMode } from "./parsebase.js";
import { nodeStart, gcPos, isValue, extractName, isTypeSwitchAssign, plusBuildToExpr, type RangeClause, type SimpleStmt } from "./parseutil.js";

export { MaxErrors, MaxNesting, type ParseMode } from "./parsebase.js";
export { plusBuildToExpr } from "./parseutil.js";

export interface ParseOptions {
  mode?: ParseMode;
  /** keep all comments in File.comments and attach doc/line comments */
  comments?: boolean;
  /** nesting limit (default MaxNesting); mainly for tests */
  maxNesting?: number;
}
export interface ParseResult {
  file: ast.File;
  errors: Diagnostic[];
}

/** internal: one parameter before grouping into go/ast Fields */
interface PField {
  pos: Pos;
  name?: ast.Ident;
  type?: ast.Expr;
}

const encoder = new TextEncoder();

/** A Field with every property present (fixed object shape). */
function mkField(names: ast.Ident[], type: ast.Expr): ast.Field {
  return { kind: "Field", doc: undefined, names, type, tag: undefined, comment: undefined };
}

/** Parses one Go source file into `fset`. Never throws. */
export function parseFile(fset: FileSet, filename: string, src: Uint8Array | string, opts?: ParseOptions): ParseResult {
  const bytes = typeof src === "string" ? encoder.encode(src) : src;
  const file = fset.addFile(filename, bytes);
  const p = new Parser(file, opts?.comments === true, opts?.mode ?? "full", opts?.maxNesting ?? MaxNesting);
  return p.parse();
}

class Parser extends ParserBase {
  constructor(file: SourceFile, keepComments: boolean, mode: ParseMode, maxNesting: number) {
    super(file, keepComments, mode, maxNesting);
  }

  parse(): ParseResult {
    let f: ast.File | undefined;
    try {
      this.next();
      f = this.fileOrNil();
    } catch (e) {
      if (e instanceof Bailout) {
        // error already recorded
      } else if (e instanceof RangeError) {
        this.errorAtForce(this.pos || this.base, "exceeded max nesting depth");
      } else {
        // an internal bug must not escape as an exception; report it as a diagnostic
        this.errorAtForce(this.pos || this.base, "internal parser error: " + String(e instanceof Error ? e.message : e));
      }
    }
    if (f === undefined) f = this.partialFile ?? this.emptyFile();
    // report in source order, like gc
    if (this.errors.length > 1) this.errors.sort((a, b) => a.pos - b.pos);
    f.comments = this.comments;
    f.directives = this.directives;
    if (this.goBuild !== undefined) f.buildConstraint = this.goBuild;
    else if (this.plusBuild.length > 0) f.buildConstraint = plusBuildToExpr(this.plusBuild);
    if (this.plusBuild.length > 0) f.plusBuildLines = this.plusBuild;
    return { file: f, errors: this.errors };
  }

  private partialFile: ast.File | undefined = undefined;

  private emptyFile(): ast.File {
    return {
      kind: "File",
      doc: undefined,
      package: 0,
      name: { kind: "Ident", pos: 0, name: "_" },
      decls: [],
      imports: [],
      comments: [],
      fileStart: this.base,
      fileEnd: this.base + this.file.size,
      goVersion: "",
      buildConstraint: undefined,
      plusBuildLines: undefined,
      directives: [],
    };
  }

  // -------------------------------------------------------------------------
  // Files

  private fileOrNil(): ast.File | undefined {
    const doc = this.leadComment;
    const pkgPos = this.pos;
    if (this.tk() !== Tok.Package) {
      this.syntaxError("package statement must be first");
      return undefined;
    }
    this.beforePackage = false;
    this.next();
    const name = this.name();
    const f: ast.File = {
      kind: "File",
      doc,
      package: pkgPos,
      name,
      decls: [],
      imports: [],
      comments: [],
      fileStart: this.base,
      fileEnd: this.base + this.file.size,
      goVersion: "",
      buildConstraint: undefined,
      plusBuildLines: undefined,
      directives: [],
    };
    this.partialFile = f;
    if (this.mode === "packageClauseOnly") return f;
    this.want(Tok.Semi);
    if (!this.first) return f; // don't bother continuing if the package clause has errors

    while (this.tk() === Tok.Import) {
      const d = this.genDecl(Tok.Import);
      f.decls.push(d);
      for (const s of d.specs) f.imports.push(s as ast.ImportSpec);
      this.want(Tok.Semi);
    }
    if (this.mode === "importsOnly") return f;

    while (this.tk() !== Tok.EOF) {
      switch (this.tk()) {
        case Tok.Const:
        case Tok.Type:
        case Tok.Var:
          f.decls.push(this.genDecl(this.tk()));
          break;
        case Tok.Func: {
          const d = this.funcDeclOrNil();
          if (d !== undefined) f.decls.push(d);
          break;
        }
        default: {
          const last = f.decls.length > 0 ? f.decls[f.decls.length - 1] : undefined;
          if (this.tk() === Tok.Lbrace && last !== undefined && last.kind === "FuncDecl" && last.body === undefined) {
            this.syntaxError("unexpected semicolon or newline before {");
          } else {
            this.syntaxError("non-declaration statement outside function body");
          }
          this.advance(Tok.Const, Tok.Type, Tok.Var, Tok.Func);
          continue;
        }
      }
      if (this.tk() !== Tok.EOF && !this.got(Tok.Semi)) {
        this.syntaxError("after top level declaration");
        this.advance(Tok.Const, Tok.Type, Tok.Var, Tok.Func);
      }
    }
    return f;
  }


  // -------------------------------------------------------------------------
  // Declarations

  private genDecl(tok: Tok): ast.GenDecl {
    const doc = this.leadComment;
    const d: ast.GenDecl = {
      kind: "GenDecl",
      doc,
      tokPos: this.pos,
      tok: tokString(tok) as ast.GenDecl["tok"],
      lparen: 0,
      specs: [],
      rparen: 0,
    };
    this.next();
    const spec = (): ast.Spec | undefined => {
      switch (tok) {
        case Tok.Import: return this.importSpec();
        case Tok.Const: return this.constSpec();
        case Tok.Type: return this.typeSpec();
        default: return this.varSpec();
      }
    };
    if (this.tk() === Tok.Lparen) {
      d.lparen = this.pos;
      this.next();
      d.rparen = this.list("grouped declaration", Tok.Semi, Tok.Rparen, () => {
        const s = spec();
        if (s !== undefined) {
          this.attachLineComment(s);
          d.specs.push(s);
        }
        return false;
      });
    } else {
      const s = spec();
      if (s !== undefined) {
        this.attachLineComment(s);
        d.specs.push(s);
      }
    }
    return d;
  }

  /**
   * At the ';' ending a spec or field: attach the line comment. With an
   * implicit semicolon the comment was seen before the ';' token; after an
   * explicit ';' it follows it, so it is attached by next().
   */
  private attachLineComment(s: { comment?: ast.CommentGroup }): void {
    if (!this.keepComments || this.tk() !== Tok.Semi) return;
    if (this.lineComment !== undefined) s.comment = this.lineComment;
    else if (this.lit === "semicolon") this.lineCommentTarget = s;
  }



  private importSpec(): ast.ImportSpec | undefined {
    const doc = this.leadComment;
    let name: ast.Ident | undefined;
    if (this.tk() === Tok.Name) name = this.name();
    else if (this.tk() === Tok.Dot) {
      name = { kind: "Ident", pos: this.pos, name: "." };
      this.next();
    }
    if (this.tk() !== Tok.Literal) {
      this.syntaxError("missing import path");
      this.advance(Tok.Semi, Tok.Rparen);
      return undefined;
    }
    const path = this.basicLit();
    if (path.litKind !== "STRING") {
      this.syntaxError("import path must be a string");
    }
    return { kind: "ImportSpec", doc, name, path, comment: undefined, endPos: 0 };
  }

  private constSpec(): ast.ValueSpec {
    const doc = this.leadComment;
    const names = this.nameList(this.name());
    let type: ast.Expr | undefined;
    let values: ast.Expr[] = [];
    if (this.tk() !== Tok.EOF && this.tk() !== Tok.Semi && this.tk() !== Tok.Rparen) {
      type = this.typeOrNil();
      if (this.gotAssign()) values = this.exprList();
    }
    return { kind: "ValueSpec", doc, names, type, values, comment: undefined };
  }

  private varSpec(): ast.ValueSpec {
    const doc = this.leadComment;
    const names = this.nameList(this.name());
    let type: ast.Expr | undefined;
    let values: ast.Expr[] = [];
    if (this.gotAssign()) {
      values = this.exprList();
    } else {
      type = this.type_();
      if (this.gotAssign()) values = this.exprList();
    }
    return { kind: "ValueSpec", doc, names, type, values, comment: undefined };
  }

  private typeSpec(): ast.TypeSpec {
    const doc = this.leadComment;
    const name = this.name();
    let typeParams: ast.FieldList | undefined;
    let assign: Pos = 0;
    let type: ast.Expr | undefined;
    if (this.tk() === Tok.Lbrack) {
      // array/slice type or type parameter list
      const lbrack = this.pos;
      this.next();
      if (this.tk() === Tok.Name) {
        let x: ast.Expr = this.name();
        if (this.tk() !== Tok.Lbrack) {
          this.xnest++;
          x = this.binaryExpr(this.pexpr(x), 0);
          this.xnest--;
        }
        const [pname, ptype] = extractName(x, this.tk() === Tok.Comma);
        if (pname !== undefined && (ptype !== undefined || this.tk() !== Tok.Rbrack)) {
          const list = this.paramList(pname, ptype, Tok.Rbrack, true);
          typeParams = { kind: "FieldList", opening: lbrack, list, closing: this.lastClose };
          if (this.tk() === Tok.Assign || this.tk() === Tok.Define) assign = this.pos;
          if (!this.gotAssign()) assign = 0;
          type = this.typeOrNil();
        } else {
          type = this.arrayType(lbrack, x);
        }
      } else if (this.tk() === Tok.Rbrack) {
        this.next();
        type = this.sliceType(lbrack);
      } else {
        type = this.arrayType(lbrack, undefined);
      }
    } else {
      if (this.tk() === Tok.Assign || this.tk() === Tok.Define) assign = this.pos;
      if (!this.gotAssign()) assign = 0;
      type = this.typeOrNil();
    }
    if (type === undefined) {
      type = this.badExpr();
      this.syntaxError("in type declaration");
      this.advance(Tok.Semi, Tok.Rparen);
    }
    return { kind: "TypeSpec", doc, name, typeParams, assign, type, comment: undefined };
  }

  private funcDeclOrNil(): ast.FuncDecl | undefined {
    const doc = this.leadComment;
    const funcPos = this.pos;
    this.next(); // func
    let recv: ast.FieldList | undefined;
    if (this.tk() === Tok.Lparen) {
      const opening = this.pos;
      this.next();
      const list = this.paramList(undefined, undefined, Tok.Rparen, false);
      recv = { kind: "FieldList", opening, list, closing: this.lastClose };
      let n = 0;
      for (const f of list) n += f.names.length > 0 ? f.names.length : 1;
      if (n === 0) this.error("method has no receiver");
      else if (n > 1) this.error("method has multiple receivers");
    }
    if (this.tk() !== Tok.Name) {
      this.syntaxError("expecting name or (");
      this.advance(Tok.Lbrace, Tok.Semi);
      return undefined;
    }
    const name = this.name();
    const type = this.funcType(recv !== undefined ? "method" : "", funcPos);
    const body = this.tk() === Tok.Lbrace ? this.funcBody() : undefined;
    return { kind: "FuncDecl", doc, recv, name, type, body };
  }

  private funcBody(): ast.BlockStmt {
    this.fnest++;
    const outer = this.xnest;
    this.xnest = 0;
    const body = this.blockStmt("");
    this.xnest = outer;
    this.fnest--;
    return body;
  }

  // -------------------------------------------------------------------------
  // Expressions

  private expr(): ast.Expr {
    return this.binaryExpr(undefined, 0);
  }

  private binaryExpr(x: ast.Expr | undefined, prec: number): ast.Expr {
    this.enter();
    if (x === undefined) x = this.unaryExpr();
    while ((this.tk() === Tok.Operator || this.tk() === Tok.Star) && this.prec > prec) {
      const opPos = this.pos;
      const op = this.op;
      const tprec = this.prec;
      this.next();
      const y = this.binaryExpr(undefined, tprec);
      x = { kind: "BinaryExpr", x, opPos, op, y };
    }
    this.leave();
    return x;
  }

  private unaryExpr(): ast.Expr {
    switch (this.tk()) {
      case Tok.Operator:
      case Tok.Star:
        switch (this.op) {
          case "*": {
            const star = this.pos;
            this.next();
            this.enter();
            const x = this.unaryExpr();
            this.leave();
            return { kind: "StarExpr", star, x };
          }
          case "+": case "-": case "!": case "^": case "~": case "&": {
            const opPos = this.pos;
            const op = this.op;
            this.next();
            this.enter();
            const x = this.unaryExpr();
            this.leave();
            return { kind: "UnaryExpr", opPos, op, x };
          }
        }
        break;
      case Tok.Arrow: {
        const arrow = this.pos;
        this.next();
        this.enter();
        const x = this.unaryExpr();
        this.leave();
        if (x.kind === "ChanType") {
          // <-chan T: re-associate the arrow with the channel type
          let dir: ast.ChanDir = "SEND";
          let t: ast.Expr = x;
          let arrowPos = arrow;
          while (dir === "SEND") {
            if (t.kind !== "ChanType") break;
            dir = t.dir;
            if (dir === "RECV") this.syntaxError("unexpected <-, expecting chan");
            const nextArrow = t.arrow;
            t.dir = "RECV";
            t.begin = arrowPos;
            t.arrow = arrowPos;
            arrowPos = nextArrow;
            t = t.value;
          }
          if (dir === "SEND") this.syntaxError(`unexpected ${exprString(t)}, expecting chan`);
          return x;
        }
        return { kind: "UnaryExpr", opPos: arrow, op: "<-", x };
      }
    }
    return this.pexpr(undefined);
  }

  /** go/defer: the operand must be a call. */
  private callStmt(): ast.GoStmt | ast.DeferStmt {
    const kw = this.tk();
    const kwPos = this.pos;
    const kwName = kw === Tok.Go ? "go" : "defer";
    this.next();
    let x = this.pexpr(undefined);
    let t = x;
    while (t.kind === "ParenExpr") t = t.x;
    if (t !== x) {
      this.errorAt(gcPos(x), `expression in ${kwName} must not be parenthesized`);
      x = t;
    }
    let call: ast.CallExpr;
    if (x.kind === "CallExpr") call = x;
    else {
      this.errorAt(gcPos(x), `expression in ${kwName} must be function call`);
      call = { kind: "CallExpr", fun: x, lparen: 0, args: [], ellipsis: 0, rparen: 0 };
    }
    if (kw === Tok.Go) return { kind: "GoStmt", go: kwPos, call };
    return { kind: "DeferStmt", defer: kwPos, call };
  }

  /** Operand; parentheses are always kept as ParenExpr (go/ast), unlike gc which drops most. */
  private operand(): ast.Expr {
    switch (this.tk()) {
      case Tok.Name:
        return this.name();
      case Tok.Literal:
        return this.basicLit();
      case Tok.Lparen: {
        const lparen = this.pos;
        this.next();
        this.xnest++;
        const x = this.expr();
        this.xnest--;
        const rparen = this.pos;
        this.want(Tok.Rparen);
        return { kind: "ParenExpr", lparen, x, rparen };
      }
      case Tok.Func: {
        const pos = this.pos;
        this.next();
        const type = this.funcType("function type", pos);
        if (this.tk() === Tok.Lbrace) {
          this.xnest++;
          const body = this.funcBody();
          this.xnest--;
          return { kind: "FuncLit", type, body };
        }
        return type;
      }
      case Tok.Lbrack:
      case Tok.Chan:
      case Tok.Map:
      case Tok.Struct:
      case Tok.Interface:
        return this.type_();
      default: {
        const x = this.badExpr();
        this.syntaxError("expecting expression");
        this.advance(Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
        return x;
      }
    }
  }

  private pexpr(x: ast.Expr | undefined): ast.Expr {
    if (x === undefined) x = this.operand();
    loop: for (;;) {
      const pos = this.pos;
      switch (this.tk()) {
        case Tok.Dot: {
          this.next();
          if (this.tk() === Tok.Name) {
            x = { kind: "SelectorExpr", x, sel: this.name() };
          } else if (this.tk() === Tok.Lparen) {
            const lparen = this.pos;
            this.next();
            if (this.tk() === Tok.Type) {
              this.next();
              const rparen = this.pos;
              this.want(Tok.Rparen);
              x = { kind: "TypeAssertExpr", x, lparen, type: undefined, rparen };
            } else {
              const type = this.type_();
              const rparen = this.pos;
              this.want(Tok.Rparen);
              x = { kind: "TypeAssertExpr", x, lparen, type, rparen };
            }
          } else {
            this.syntaxError("expecting name or (");
            this.advance(Tok.Semi, Tok.Rparen);
          }
          break;
        }
        case Tok.Lbrack: {
          this.next();
          if (this.tk() === Tok.Rbrack) {
            // invalid empty instance, slice or index expression; accept but complain
            this.syntaxError("expecting operand");
            const rbrack = this.pos;
            this.next();
            x = { kind: "IndexExpr", x, lbrack: pos, index: { kind: "BadExpr", from: rbrack, to: rbrack }, rbrack };
            break;
          }
          let i: ast.Expr | undefined;
          if (this.tk() !== Tok.Colon) {
            const [list, comma] = this.typeList();
            if (comma || this.tk() === Tok.Rbrack) {
              const rbrack = this.pos;
              this.want(Tok.Rbrack);
              if (list.length === 1) x = { kind: "IndexExpr", x, lbrack: pos, index: list[0], rbrack };
              else x = { kind: "IndexListExpr", x, lbrack: pos, indices: list, rbrack };
              break;
            }
            i = list[0];
          }
          // x[i:...
          if (!this.got(Tok.Colon)) {
            this.syntaxError("expecting comma, : or ]");
            this.advance(Tok.Comma, Tok.Colon, Tok.Rbrack);
          }
          this.xnest++;
          const s: ast.SliceExpr = { kind: "SliceExpr", x, lbrack: pos, low: i, high: undefined, max: undefined, slice3: false, rbrack: 0 };
          if (this.tk() !== Tok.Colon && this.tk() !== Tok.Rbrack) s.high = this.expr();
          if (this.tk() === Tok.Colon) {
            s.slice3 = true;
            if (s.high === undefined) {
              this.error("middle index required in 3-index slice");
              s.high = this.badExpr();
            }
            this.next();
            if (this.tk() !== Tok.Rbrack) s.max = this.expr();
            else {
              this.error("final index required in 3-index slice");
              s.max = this.badExpr();
            }
          }
          this.xnest--;
          s.rbrack = this.pos;
          this.want(Tok.Rbrack);
          x = s;
          break;
        }
        case Tok.Lparen: {
          this.next();
          x = this.argList(x, pos);
          break;
        }
        case Tok.Lbrace: {
          // composite literal or block?
          let t = x;
          while (t.kind === "ParenExpr") t = t.x;
          let complitOk = false;
          switch (t.kind) {
            case "Ident":
            case "SelectorExpr":
              complitOk = this.xnest >= 0;
              break;
            case "IndexExpr":
            case "IndexListExpr":
              complitOk = this.xnest >= 0 && !isValue(t);
              break;
            case "ArrayType":
            case "StructType":
            case "MapType":
              complitOk = true;
              break;
          }
          if (!complitOk) break loop;
          if (t !== x) this.syntaxError("cannot parenthesize type in composite literal");
          x = this.complitexpr(x);
          break;
        }
        default:
          break loop;
      }
    }
    return x;
  }

  private bareComplitexpr(): ast.Expr {
    if (this.tk() === Tok.Lbrace) return this.complitexpr(undefined);
    return this.expr();
  }

  private complitexpr(type: ast.Expr | undefined): ast.CompositeLit {
    this.enter();
    const lbrace = this.pos;
    const elts: ast.Expr[] = [];
    this.xnest++;
    this.want(Tok.Lbrace);
    const rbrace = this.list("composite literal", Tok.Comma, Tok.Rbrace, () => {
      let e = this.bareComplitexpr();
      if (this.tk() === Tok.Colon) {
        const colon = this.pos;
        this.next();
        e = { kind: "KeyValueExpr", key: e, colon, value: this.bareComplitexpr() };
      }
      elts.push(e);
      return false;
    });
    this.xnest--;
    this.leave();
    return { kind: "CompositeLit", type, lbrace, elts, rbrace, incomplete: false };
  }

  /** Arguments after "("; the loop is `list` inlined (calls are the most common list). */
  private argList(fun: ast.Expr, lparen: Pos): ast.CallExpr {
    const args: ast.Expr[] = [];
    let ellipsis: Pos = 0;
    this.xnest++;
    let rparen: Pos = 0;
    let done = false;
    for (;;) {
      if (this.tk() === Tok.EOF || this.tk() === Tok.Rparen || done) {
        rparen = this.pos;
        this.want(Tok.Rparen);
        break;
      }
      args.push(this.expr());
      if (this.tk() === Tok.DotDotDot) {
        ellipsis = this.pos;
        this.next();
        done = true;
      }
      if (!this.got(Tok.Comma) && this.tk() !== Tok.Rparen) {
        this.syntaxError("in argument list; possibly missing comma or )");
        this.advance(Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
        if (this.tk() !== Tok.Rparen) {
          rparen = this.pos;
          break;
        }
      }
    }
    this.xnest--;
    return { kind: "CallExpr", fun, lparen, args, ellipsis, rparen };
  }

  private badExpr(): ast.BadExpr {
    return { kind: "BadExpr", from: this.pos, to: this.pos };
  }

  private basicLit(): ast.BasicLit {
    const b: ast.BasicLit = { kind: "BasicLit", pos: this.pos, litKind: this.sc.litKind, value: this.lit, bad: this.sc.bad };
    this.next();
    return b;
  }

  // -------------------------------------------------------------------------
  // Types

  private type_(): ast.Expr {
    const t = this.typeOrNil();
    if (t !== undefined) return t;
    const b = this.badExpr();
    this.syntaxError("expecting type");
    this.advance(Tok.Comma, Tok.Colon, Tok.Semi, Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
    return b;
  }

  private typeOrNil(): ast.Expr | undefined {
    this.enter();
    const t = this.typeOrNil0();
    this.leave();
    return t;
  }

  private typeOrNil0(): ast.Expr | undefined {
    const pos = this.pos;
    switch (this.tk()) {
      case Tok.Star: {
        this.next();
        return { kind: "StarExpr", star: pos, x: this.type_() };
      }
      case Tok.Arrow: {
        this.next();
        this.want(Tok.Chan);
        return { kind: "ChanType", begin: pos, arrow: pos, dir: "RECV", value: this.chanElem() };
      }
      case Tok.Func: {
        this.next();
        return this.funcType("function type", pos);
      }
      case Tok.Lbrack: {
        this.next();
        if (this.got(Tok.Rbrack)) return this.sliceType(pos);
        return this.arrayType(pos, undefined);
      }
      case Tok.Chan: {
        this.next();
        let arrow: Pos = 0;
        let dir: ast.ChanDir = "BOTH";
        if (this.tk() === Tok.Arrow) {
          arrow = this.pos;
          dir = "SEND";
          this.next();
        }
        return { kind: "ChanType", begin: pos, arrow, dir, value: this.chanElem() };
      }
      case Tok.Map: {
        this.next();
        this.want(Tok.Lbrack);
        const key = this.type_();
        this.want(Tok.Rbrack);
        const value = this.type_();
        return { kind: "MapType", map: pos, key, value };
      }
      case Tok.Struct:
        return this.structType();
      case Tok.Interface:
        return this.interfaceType();
      case Tok.Name:
        return this.qualifiedName(undefined);
      case Tok.Lparen: {
        this.next();
        const x = this.type_();
        const rparen = this.pos;
        this.want(Tok.Rparen);
        return { kind: "ParenExpr", lparen: pos, x, rparen };
      }
    }
    return undefined;
  }

  private typeInstance(typ: ast.Expr): ast.Expr {
    const lbrack = this.pos;
    this.want(Tok.Lbrack);
    let list: ast.Expr[];
    if (this.tk() === Tok.Rbrack) {
      this.syntaxError("expecting type");
      list = [this.badExpr()];
    } else {
      list = this.typeList()[0];
    }
    const rbrack = this.pos;
    this.want(Tok.Rbrack);
    if (list.length === 1) return { kind: "IndexExpr", x: typ, lbrack, index: list[0], rbrack };
    return { kind: "IndexListExpr", x: typ, lbrack, indices: list, rbrack };
  }

  /** Parses [TypeParams] Parameters [Result]; "func" (at funcPos) is already consumed. */
  private funcType(context: string, funcPos: Pos): ast.FuncType {
    const t: ast.FuncType = { kind: "FuncType", func: funcPos, typeParams: undefined, params: { kind: "FieldList", opening: 0, list: [], closing: 0 }, results: undefined };
    if (this.tk() === Tok.Lbrack) {
      const lbrack = this.pos;
      this.next();
      if (context !== "") this.syntaxErrorAt(lbrack, context + " must have no type parameters");
      if (this.tk() === Tok.Rbrack) {
        this.syntaxError("empty type parameter list");
        this.next();
      } else {
        const list = this.paramList(undefined, undefined, Tok.Rbrack, true);
        t.typeParams = { kind: "FieldList", opening: lbrack, list, closing: this.lastClose };
      }
    }
    const opening = this.pos;
    this.want(Tok.Lparen);
    const list = this.paramList(undefined, undefined, Tok.Rparen, false);
    t.params = { kind: "FieldList", opening, list, closing: this.lastClose };
    const results = this.funcResult();
    if (results !== undefined) t.results = results;
    return t;
  }

  private arrayType(lbrack: Pos, len: ast.Expr | undefined): ast.Expr {
    if (len === undefined) {
      if (this.tk() === Tok.DotDotDot) {
        len = { kind: "Ellipsis", ellipsis: this.pos, elt: undefined };
        this.next();
      } else {
        this.xnest++;
        len = this.expr();
        this.xnest--;
      }
    }
    if (this.tk() === Tok.Comma) {
      this.syntaxError("unexpected comma; expecting ]");
      this.next();
    }
    this.want(Tok.Rbrack);
    const elt = this.type_();
    return { kind: "ArrayType", lbrack, len, elt };
  }

  private sliceType(lbrack: Pos): ast.ArrayType {
    return { kind: "ArrayType", lbrack, len: undefined, elt: this.type_() };
  }

  private chanElem(): ast.Expr {
    const t = this.typeOrNil();
    if (t !== undefined) return t;
    const b = this.badExpr();
    this.syntaxError("missing channel element type");
    return b;
  }

  private structType(): ast.StructType {
    const pos = this.pos;
    this.want(Tok.Struct);
    const opening = this.pos;
    this.want(Tok.Lbrace);
    const list: ast.Field[] = [];
    const closing = this.list("struct type", Tok.Semi, Tok.Rbrace, () => {
      const f = this.fieldDecl();
      if (f !== undefined) {
        this.attachLineComment(f);
        list.push(f);
      }
      return false;
    });
    return { kind: "StructType", struct: pos, fields: { kind: "FieldList", opening, list, closing }, incomplete: false };
  }

  private fieldDecl(): ast.Field | undefined {
    const doc = this.leadComment;
    const pos = this.pos;
    switch (this.tk()) {
      case Tok.Name: {
        const name = this.name();
        if (this.tk() === Tok.Dot || this.tk() === Tok.Literal || this.tk() === Tok.Semi || this.tk() === Tok.Rbrace) {
          // embedded type
          return this.newField(doc, [], this.qualifiedName(name));
        }
        const names = this.nameList(name);
        if (names.length === 1 && this.tk() === Tok.Lbrack) {
          const typ = this.arrayOrTArgs();
          if (typ.kind === "IndexExpr" || typ.kind === "IndexListExpr") {
            // embedded instantiated type T[P1, P2]
            typ.x = name;
            return this.newField(doc, [], typ);
          }
          return this.newField(doc, names, typ);
        }
        return this.newField(doc, names, this.type_());
      }
      case Tok.Star: {
        this.next();
        let typ: ast.Expr;
        if (this.tk() === Tok.Lparen) {
          this.syntaxError("cannot parenthesize embedded type");
          this.next();
          typ = this.qualifiedName(undefined);
          this.got(Tok.Rparen);
        } else {
          typ = this.qualifiedName(undefined);
        }
        return this.newField(doc, [], { kind: "StarExpr", star: pos, x: typ });
      }
      case Tok.Lparen: {
        this.syntaxError("cannot parenthesize embedded type");
        this.next();
        let typ: ast.Expr;
        if (this.tk() === Tok.Star) {
          const star = this.pos;
          this.next();
          typ = { kind: "StarExpr", star, x: this.qualifiedName(undefined) };
        } else {
          typ = this.qualifiedName(undefined);
        }
        this.got(Tok.Rparen);
        return this.newField(doc, [], typ);
      }
      default:
        this.syntaxError("expecting field name or embedded type");
        this.advance(Tok.Semi, Tok.Rbrace);
        return undefined;
    }
  }

  /** A struct field with an optional tag (the current token). */
  private newField(doc: ast.CommentGroup | undefined, names: ast.Ident[], type: ast.Expr): ast.Field {
    const f = mkField(names, type);
    if (doc !== undefined) f.doc = doc;
    if (this.tk() === Tok.Literal) f.tag = this.basicLit();
    return f;
  }

  /** After a name: "[" ... "]" is either an array/slice type or type arguments (x filled in by the caller). */
  private arrayOrTArgs(): ast.Expr {
    const lbrack = this.pos;
    this.want(Tok.Lbrack);
    if (this.got(Tok.Rbrack)) return this.sliceType(lbrack);
    const [list, comma] = this.typeList();
    const rbrack = this.pos;
    this.want(Tok.Rbrack);
    if (!comma) {
      const elt = this.typeOrNil();
      if (elt !== undefined) return { kind: "ArrayType", lbrack, len: list[0], elt };
    }
    const placeholder: ast.Expr = { kind: "BadExpr", from: lbrack, to: lbrack };
    if (list.length === 1) return { kind: "IndexExpr", x: placeholder, lbrack, index: list[0], rbrack };
    return { kind: "IndexListExpr", x: placeholder, lbrack, indices: list, rbrack };
  }

  private interfaceType(): ast.InterfaceType {
    const pos = this.pos;
    this.want(Tok.Interface);
    const opening = this.pos;
    this.want(Tok.Lbrace);
    const list: ast.Field[] = [];
    const closing = this.list("interface type", Tok.Semi, Tok.Rbrace, () => {
      const doc = this.leadComment;
      let f: ast.Field | undefined;
      if (this.tk() === Tok.Name) f = this.methodDecl();
      if (f === undefined || f.names.length === 0) f = this.embeddedElem(f);
      if (doc !== undefined) f.doc = doc;
      this.attachLineComment(f);
      list.push(f);
      return false;
    });
    return { kind: "InterfaceType", interface: pos, methods: { kind: "FieldList", opening, list, closing }, incomplete: false };
  }

  private funcResult(): ast.FieldList | undefined {
    if (this.tk() === Tok.Lparen) {
      const opening = this.pos;
      this.next();
      const list = this.paramList(undefined, undefined, Tok.Rparen, false);
      return { kind: "FieldList", opening, list, closing: this.lastClose };
    }
    const typ = this.typeOrNil();
    if (typ !== undefined) return { kind: "FieldList", opening: 0, list: [mkField([], typ)], closing: 0 };
    return undefined;
  }

  private methodDecl(): ast.Field {
    const name = this.name();
    const context = "interface method";
    switch (this.tk()) {
      case Tok.Lparen:
        return mkField([name], this.funcType(context, 0));
      case Tok.Lbrack: {
        const lbrack = this.pos;
        this.next();
        if (this.tk() === Tok.Rbrack) {
          const pos = this.pos;
          this.next();
          if (this.tk() === Tok.Lparen) {
            this.errorAt(pos, "empty type parameter list");
            return mkField([name], this.funcType(context, 0));
          }
          this.errorAt(pos, "empty type argument list");
          return mkField([], name);
        }
        const list = this.paramList(undefined, undefined, Tok.Rbrack, false);
        const rbrack = this.lastClose;
        if (list.length === 0) {
          if (this.tk() === Tok.Lparen) return mkField([name], this.funcType(context, 0));
          return mkField([], name);
        }
        if (list[0].names.length > 0) {
          // generic method: accept but complain
          const type = this.funcType(context, 0);
          this.errorAt(lbrack, "interface method must have no type parameters");
          return mkField([name], type);
        }
        const indices = list.map((f) => f.type);
        if (indices.length === 1) return mkField([], { kind: "IndexExpr", x: name, lbrack, index: indices[0], rbrack });
        return mkField([], { kind: "IndexListExpr", x: name, lbrack, indices, rbrack });
      }
      default:
        return mkField([], this.qualifiedName(name));
    }
  }

  private embeddedElem(f: ast.Field | undefined): ast.Field {
    if (f === undefined) f = mkField([], this.embeddedTerm());
    while (this.tk() === Tok.Operator && this.op === "|") {
      const opPos = this.pos;
      this.next();
      f.type = { kind: "BinaryExpr", x: f.type, opPos, op: "|", y: this.embeddedTerm() };
    }
    return f;
  }

  private embeddedTerm(): ast.Expr {
    if (this.tk() === Tok.Operator && this.op === "~") {
      const opPos = this.pos;
      this.next();
      return { kind: "UnaryExpr", opPos, op: "~", x: this.type_() };
    }
    const t = this.typeOrNil();
    if (t !== undefined) return t;
    const b = this.badExpr();
    this.syntaxError("expecting ~ term or type");
    this.advance(Tok.Operator, Tok.Semi, Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
    return b;
  }

  private atOr(): boolean {
    return this.tk() === Tok.Operator && this.op === "|";
  }

  /** At "|" after the union term `type`: parses the remaining terms. */
  private unionRest(type: ast.Expr): ast.Expr {
    return this.embeddedElem(mkField([], type)).type;
  }

  /** ParameterDecl = [ IdentifierList ] [ "..." ] Type (one name at a time). */
  private paramDeclOrNil(name: ast.Ident | undefined, follow: Tok): PField | undefined {
    const typeSetsOk = follow === Tok.Rbrack;
    let pos = this.pos;
    if (name !== undefined) pos = name.pos;
    else if (typeSetsOk && this.tk() === Tok.Operator && this.op === "~") {
      return { pos, type: this.embeddedElem(undefined).type };
    }
    const f: PField = { pos };

    if (this.tk() === Tok.Name || name !== undefined) {
      if (name === undefined) name = this.name();
      if (this.tk() === Tok.Lbrack) {
        let t = this.arrayOrTArgs();
        if (t.kind === "IndexExpr" || t.kind === "IndexListExpr") {
          t.x = name;
        } else {
          f.name = name;
        }
        if (typeSetsOk && this.atOr()) t = this.unionRest(t);
        f.type = t;
        return f;
      }
      if (this.tk() === Tok.Dot) {
        let t = this.qualifiedName(name);
        if (typeSetsOk && this.atOr()) t = this.unionRest(t);
        f.type = t;
        return f;
      }
      if (typeSetsOk && this.atOr()) {
        f.type = this.unionRest(name);
        return f;
      }
      f.name = name;
    }

    if (this.tk() === Tok.DotDotDot) {
      const ellipsis = this.pos;
      this.next();
      let elt = this.typeOrNil();
      if (elt === undefined) {
        elt = this.badExpr();
        this.syntaxError("... is missing type");
      }
      f.type = { kind: "Ellipsis", ellipsis, elt };
      return f;
    }

    if (typeSetsOk && this.tk() === Tok.Operator && this.op === "~") {
      f.type = this.embeddedElem(undefined).type;
      return f;
    }

    const t = this.typeOrNil();
    if (t !== undefined) f.type = typeSetsOk && this.atOr() ? this.unionRest(t) : t;
    if (f.name !== undefined || f.type !== undefined) return f;

    this.syntaxError("expecting " + tokstring(follow));
    this.advance(Tok.Comma, follow);
    return undefined;
  }

  /** Position of the closing token of the last paramList. */
  private lastClose: Pos = 0;

  /**
   * Parameters (after "(" or "[") up to and including `close`. With `name`
   * (and `typ`) the first parameter was already parsed by the caller.
   * Returns go/ast fields: consecutive names sharing one type are grouped.
   */
  private paramList(name: ast.Ident | undefined, typ: ast.Expr | undefined, close: Tok, requireNames: boolean): ast.Field[] {
    if (name !== undefined && typ !== undefined && this.tk() === close) {
      this.lastClose = this.pos;
      this.next();
      return [mkField([name], typ)];
    }
    const list: PField[] = [];
    let named = 0;
    let typed = 0;
    const end = this.list("parameter list", Tok.Comma, close, () => {
      let par: PField | undefined;
      if (typ !== undefined && name !== undefined) {
        par = { pos: name.pos, name, type: typ };
      } else {
        par = this.paramDeclOrNil(name, close);
      }
      name = undefined;
      typ = undefined;
      if (par !== undefined) {
        if (par.name !== undefined && par.type !== undefined) named++;
        if (par.type !== undefined) typed++;
        list.push(par);
      }
      return false;
    });
    this.lastClose = end;
    if (list.length === 0) return [];

    if (named === 0 && !requireNames) {
      // all unnamed => found names are type names
      const out: ast.Field[] = [];
      for (const par of list) {
        out.push(mkField([], par.type ?? (par.name as ast.Ident)));
      }
      return out;
    }
    if (named !== list.length) {
      // some named => all must have names and types
      let errPos: Pos = 0;
      let t: ast.Expr | undefined;
      for (let i = list.length - 1; i >= 0; i--) {
        const par = list[i];
        if (par.type !== undefined) {
          t = par.type;
          if (par.name === undefined) {
            errPos = nodeStart(t);
            par.name = { kind: "Ident", pos: errPos, name: "_" };
          }
        } else if (t !== undefined) {
          par.type = t;
        } else {
          // only a name
          errPos = (par.name as ast.Ident).pos;
          par.type = { kind: "BadExpr", from: errPos, to: errPos };
        }
      }
      if (errPos !== 0) {
        let msg: string;
        if (requireNames) {
          if (named === typed) {
            errPos = end;
            msg = "missing type constraint";
          } else {
            msg = "type parameters must be named";
          }
        } else {
          msg = "mixed named and unnamed parameters";
        }
        this.syntaxErrorAt(errPos, msg);
      }
    }
    // group consecutive names sharing the same type node
    const out: ast.Field[] = [];
    for (const par of list) {
      const last = out.length > 0 ? out[out.length - 1] : undefined;
      if (last !== undefined && last.type === par.type && last.names.length > 0 && par.name !== undefined) {
        last.names.push(par.name);
      } else if (par.name !== undefined) {
        out.push(mkField([par.name], par.type as ast.Expr));
      } else {
        out.push(mkField([], par.type as ast.Expr));
      }
    }
    return out;
  }

  // -------------------------------------------------------------------------
  // Statements

  private simpleStmt(lhsIn: ast.Expr[] | undefined, keyword: Tok): SimpleStmt {
    if (keyword === Tok.For && this.tk() === Tok.Range) {
      // for range x
      return this.rangeClause([], 0, "ILLEGAL");
    }
    const lhs = lhsIn ?? this.exprList();

    if (lhs.length === 1 && this.tk() !== Tok.Assign && this.tk() !== Tok.Define) {
      const x = lhs[0];
      const pos = this.pos;
      switch (this.tk()) {
        case Tok.AssignOp: {
          const op = this.op;
          this.next();
          return { kind: "AssignStmt", lhs, tokPos: pos, tok: (op + "=") as ast.AssignTok, rhs: [this.expr()] };
        }
        case Tok.IncOp: {
          const op = this.op;
          this.next();
          return { kind: "IncDecStmt", x, tokPos: pos, tok: op === "+" ? "++" : "--" };
        }
        case Tok.Arrow: {
          this.next();
          return { kind: "SendStmt", chan: x, arrow: pos, value: this.expr() };
        }
        default:
          return { kind: "ExprStmt", x };
      }
    }

    switch (this.tk()) {
      case Tok.Assign:
      case Tok.Define: {
        const pos = this.pos;
        const tok = this.tk() === Tok.Define ? ":=" : "=";
        this.next();
        if (keyword === Tok.For && this.tk() === Tok.Range) return this.rangeClause(lhs, pos, tok);
        const rhs = this.exprList();
        return { kind: "AssignStmt", lhs, tokPos: pos, tok, rhs };
      }
      default: {
        this.syntaxError("expecting := or = or comma");
        this.advance(Tok.Semi, Tok.Rbrace);
        return { kind: "ExprStmt", x: lhs[0] };
      }
    }
  }

  private rangeClause(lhs: ast.Expr[], tokPos: Pos, tok: RangeClause["tok"]): RangeClause {
    const range = this.pos;
    this.next();
    const x = this.expr();
    const r: RangeClause = { kind: "RangeClause", tokPos, tok, range, x };
    if (lhs.length > 0) r.key = lhs[0];
    if (lhs.length > 1) r.value = lhs[1];
    if (lhs.length > 2) this.errorAt(nodeStart(lhs[2]), "range clause permits at most two iteration variables");
    return r;
  }

  private labeledStmtOrNil(label: ast.Ident): ast.Stmt | undefined {
    const colon = this.pos;
    this.want(Tok.Colon);
    if (this.tk() === Tok.Rbrace) {
      return { kind: "LabeledStmt", label, colon, stmt: { kind: "EmptyStmt", semicolon: this.pos, implicit: true } };
    }
    const stmt = this.stmtOrNil();
    if (stmt !== undefined) return { kind: "LabeledStmt", label, colon, stmt };
    this.syntaxErrorAt(colon, "missing statement after label");
    return undefined;
  }

  private blockStmt(context: string): ast.BlockStmt {
    this.enter();
    const lbrace = this.pos;
    const b: ast.BlockStmt = { kind: "BlockStmt", lbrace, list: [], rbrace: 0 };
    if (!this.got(Tok.Lbrace)) {
      this.syntaxError("expecting { after " + context);
      this.advance(Tok.Name, Tok.Rbrace);
      b.rbrace = this.pos;
      if (this.got(Tok.Rbrace)) {
        this.leave();
        return b;
      }
    }
    b.list = this.stmtList();
    b.rbrace = this.pos;
    this.want(Tok.Rbrace);
    this.leave();
    return b;
  }

  private declStmt(tok: Tok): ast.DeclStmt {
    return { kind: "DeclStmt", decl: this.genDecl(tok) };
  }

  private forStmt(): ast.Stmt {
    const forPos = this.pos;
    const h = this.header(Tok.For);
    const body = this.blockStmt("for clause");
    if (h.init !== undefined && h.init.kind === "RangeClause") {
      const r = h.init;
      return { kind: "RangeStmt", for: forPos, key: r.key, value: r.value, tokPos: r.tokPos, tok: r.tok, range: r.range, x: r.x, body };
    }
    return { kind: "ForStmt", for: forPos, init: h.init as ast.Stmt | undefined, cond: h.cond, post: h.post as ast.Stmt | undefined, body };
  }

  /**
   * Control clause header of if/for/switch. Returns init, cond (as an
   * expression) and post; for switch, `condStmt` holds a type switch guard
   * statement.
   */
  private header(keyword: Tok): { init?: SimpleStmt; cond?: ast.Expr; post?: SimpleStmt; guard?: ast.Stmt } {
    this.next(); // keyword
    const res: { init?: SimpleStmt; cond?: ast.Expr; post?: SimpleStmt; guard?: ast.Stmt } = {};
    if (this.tk() === Tok.Lbrace) {
      if (keyword === Tok.If) {
        this.syntaxError("missing condition in if statement");
        res.cond = this.badExpr();
      }
      return res;
    }
    const outer = this.xnest;
    this.xnest = -1;

    let init: SimpleStmt | undefined;
    if (this.tk() !== Tok.Semi) {
      if (this.got(Tok.Var)) {
        this.syntaxError(`var declaration not allowed in ${tokstring(keyword)} initializer`);
      }
      init = this.simpleStmt(undefined, keyword);
      if (init.kind === "RangeClause") {
        this.xnest = outer;
        res.init = init;
        return res;
      }
    }

    let condStmt: SimpleStmt | undefined;
    let semiPos: Pos = 0;
    let semiLit = "";
    done: {
      if (this.tk() !== Tok.Lbrace) {
        if (this.tk() === Tok.Semi) {
          semiPos = this.pos;
          semiLit = this.lit;
          this.next();
        } else {
          this.want(Tok.Lbrace);
          if (this.tk() !== Tok.Lbrace) this.advance(Tok.Lbrace, Tok.Rbrace);
        }
        if (keyword === Tok.For) {
          if (this.tk() !== Tok.Semi) {
            if (this.tk() === Tok.Lbrace) {
              this.syntaxError("expecting for loop condition");
              break done;
            }
            condStmt = this.simpleStmt(undefined, 0);
          }
          this.want(Tok.Semi);
          if (this.tk() !== Tok.Lbrace) {
            const post = this.simpleStmt(undefined, 0);
            if (post.kind === "AssignStmt" && post.tok === ":=") {
              this.syntaxErrorAt(post.tokPos, "cannot declare in post statement of for loop");
            }
            res.post = post;
          }
        } else if (this.tk() !== Tok.Lbrace) {
          condStmt = this.simpleStmt(undefined, keyword);
        }
      } else {
        condStmt = init;
        init = undefined;
      }
    }
    if (init !== undefined) res.init = init;

    if (condStmt === undefined) {
      if (keyword === Tok.If && semiPos !== 0) {
        if (semiLit !== "semicolon") this.syntaxErrorAt(semiPos, `unexpected ${semiLit}, expecting { after if clause`);
        else this.syntaxErrorAt(semiPos, "missing condition in if statement");
        res.cond = { kind: "BadExpr", from: semiPos, to: semiPos };
      }
    } else if (condStmt.kind === "ExprStmt") {
      res.cond = condStmt.x;
    } else if (keyword === Tok.Switch && isTypeSwitchAssign(condStmt)) {
      res.guard = condStmt as ast.Stmt;
    } else {
      let str: string;
      let pos: Pos;
      if (condStmt.kind === "AssignStmt" && condStmt.tok === "=") {
        str = "assignment (" + condStmt.lhs.map(exprString).join(", ") + ") = (" + condStmt.rhs.map(exprString).join(", ") + ")";
      } else {
        str = condStmt.kind === "RangeClause" ? "range clause" : simpleStmtString(condStmt);
      }
      switch (condStmt.kind) {
        case "AssignStmt": case "IncDecStmt": pos = condStmt.tokPos; break;
        case "SendStmt": pos = condStmt.arrow; break;
        default: pos = this.pos;
      }
      this.syntaxErrorAt(pos, `cannot use ${str} as value`);
      res.cond = { kind: "BadExpr", from: pos, to: pos };
    }
    this.xnest = outer;
    return res;
  }

  /** if/else-if chains are parsed iteratively, so long chains cost no stack. */
  private ifStmt(): ast.IfStmt {
    this.enter();
    const first = this.ifClause();
    let cur = first;
    while (this.got(Tok.Else)) {
      if (this.tk() === Tok.If) {
        const next = this.ifClause();
        cur.else = next;
        cur = next;
        continue;
      }
      if (this.tk() === Tok.Lbrace) {
        cur.else = this.blockStmt("");
      } else {
        this.syntaxError("else must be followed by if or statement block");
        this.advance(Tok.Name, Tok.Rbrace);
      }
      break;
    }
    this.leave();
    return first;
  }

  /** "if" header and body, without the else part. */
  private ifClause(): ast.IfStmt {
    const ifPos = this.pos;
    const h = this.header(Tok.If);
    const body = this.blockStmt("if clause");
    const cond: ast.Expr = h.cond ?? { kind: "BadExpr", from: ifPos, to: ifPos };
    return { kind: "IfStmt", if: ifPos, init: h.init as ast.Stmt | undefined, cond, body, else: undefined };
  }

  private switchStmt(): ast.SwitchStmt | ast.TypeSwitchStmt {
    const switchPos = this.pos;
    const h = this.header(Tok.Switch);
    const lbrace = this.pos;
    if (!this.got(Tok.Lbrace)) {
      this.syntaxError("missing { after switch clause");
      this.advance(Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const list: ast.Stmt[] = [];
    while (this.tk() !== Tok.EOF && this.tk() !== Tok.Rbrace) list.push(this.caseClause());
    const rbrace = this.pos;
    this.want(Tok.Rbrace);
    const body: ast.BlockStmt = { kind: "BlockStmt", lbrace, list, rbrace };
    let guard = h.guard;
    if (guard === undefined && h.cond !== undefined && h.cond.kind === "TypeAssertExpr" && h.cond.type === undefined) {
      guard = { kind: "ExprStmt", x: h.cond };
    }
    if (guard !== undefined) {
      return { kind: "TypeSwitchStmt", switch: switchPos, init: h.init as ast.Stmt | undefined, assign: guard, body };
    }
    return { kind: "SwitchStmt", switch: switchPos, init: h.init as ast.Stmt | undefined, tag: h.cond, body };
  }

  private selectStmt(): ast.SelectStmt {
    const selectPos = this.pos;
    this.next();
    const lbrace = this.pos;
    if (!this.got(Tok.Lbrace)) {
      this.syntaxError("missing { after select clause");
      this.advance(Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const list: ast.Stmt[] = [];
    while (this.tk() !== Tok.EOF && this.tk() !== Tok.Rbrace) list.push(this.commClause());
    const rbrace = this.pos;
    this.want(Tok.Rbrace);
    return { kind: "SelectStmt", select: selectPos, body: { kind: "BlockStmt", lbrace, list, rbrace } };
  }

  private caseClause(): ast.CaseClause {
    const pos = this.pos;
    let list: ast.Expr[] = [];
    switch (this.tk()) {
      case Tok.Case:
        this.next();
        list = this.exprList();
        break;
      case Tok.Default:
        this.next();
        break;
      default:
        this.syntaxError("expecting case or default or }");
        this.advance(Tok.Colon, Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const colon = this.pos;
    this.want(Tok.Colon);
    const body = this.stmtList();
    return { kind: "CaseClause", case: pos, list, colon, body };
  }

  private commClause(): ast.CommClause {
    const pos = this.pos;
    let comm: ast.Stmt | undefined;
    switch (this.tk()) {
      case Tok.Case: {
        this.next();
        const s = this.simpleStmt(undefined, 0);
        comm = s as ast.Stmt;
        break;
      }
      case Tok.Default:
        this.next();
        break;
      default:
        this.syntaxError("expecting case or default or }");
        this.advance(Tok.Colon, Tok.Case, Tok.Default, Tok.Rbrace);
    }
    const colon = this.pos;
    this.want(Tok.Colon);
    const body = this.stmtList();
    return { kind: "CommClause", case: pos, comm, colon, body };
  }

  private stmtOrNil(): ast.Stmt | undefined {
    if (this.tk() === Tok.Name) {
      const lhs = this.exprList();
      if (lhs.length === 1 && lhs[0].kind === "Ident" && this.tk() === Tok.Colon) return this.labeledStmtOrNil(lhs[0]);
      return this.simpleStmt(lhs, 0) as ast.Stmt;
    }
    switch (this.tk()) {
      case Tok.Var:
      case Tok.Const:
      case Tok.Type:
        return this.declStmt(this.tk());
      case Tok.Lbrace:
        return this.blockStmt("");
      case Tok.Operator:
      case Tok.Star:
        switch (this.op) {
          case "+": case "-": case "*": case "&": case "^": case "!":
            return this.simpleStmt(undefined, 0) as ast.Stmt;
        }
        return undefined;
      case Tok.Literal:
      case Tok.Func:
      case Tok.Lparen:
      case Tok.Lbrack:
      case Tok.Struct:
      case Tok.Map:
      case Tok.Chan:
      case Tok.Interface:
      case Tok.Arrow:
        return this.simpleStmt(undefined, 0) as ast.Stmt;
      case Tok.For:
        return this.forStmt();
      case Tok.Switch:
        return this.switchStmt();
      case Tok.Select:
        return this.selectStmt();
      case Tok.If:
        return this.ifStmt();
      case Tok.Fallthrough: {
        const tokPos = this.pos;
        this.next();
        return { kind: "BranchStmt", tokPos, tok: "fallthrough", label: undefined };
      }
      case Tok.Break:
      case Tok.Continue: {
        const tokPos = this.pos;
        const tok = this.tk() === Tok.Break ? "break" : "continue";
        this.next();
        const label = this.tk() === Tok.Name ? this.name() : undefined;
        return { kind: "BranchStmt", tokPos, tok, label };
      }
      case Tok.Go:
      case Tok.Defer:
        return this.callStmt();
      case Tok.Goto: {
        const tokPos = this.pos;
        this.next();
        return { kind: "BranchStmt", tokPos, tok: "goto", label: this.name() };
      }
      case Tok.Return: {
        const pos = this.pos;
        this.next();
        let results: ast.Expr[] = [];
        if (this.tk() !== Tok.Semi && this.tk() !== Tok.Rbrace) results = this.exprList();
        return { kind: "ReturnStmt", return: pos, results };
      }
      case Tok.Semi:
        return { kind: "EmptyStmt", semicolon: this.pos, implicit: this.lit !== "semicolon" };
    }
    return undefined;
  }

  private stmtList(): ast.Stmt[] {
    const l: ast.Stmt[] = [];
    while (this.tk() !== Tok.EOF && this.tk() !== Tok.Rbrace && this.tk() !== Tok.Case && this.tk() !== Tok.Default) {
      const s = this.stmtOrNil();
      if (s === undefined) break;
      l.push(s);
      if (!this.got(Tok.Semi) && this.tk() !== Tok.Rbrace) {
        this.syntaxError("at end of statement");
        this.advance(Tok.Semi, Tok.Rbrace, Tok.Case, Tok.Default);
        this.got(Tok.Semi);
      }
    }
    return l;
  }

  // -------------------------------------------------------------------------
  // Common productions

  private name(): ast.Ident {
    if (this.tk() === Tok.Name) {
      const n: ast.Ident = { kind: "Ident", pos: this.pos, name: this.lit };
      this.next();
      return n;
    }
    const n: ast.Ident = { kind: "Ident", pos: this.pos, name: "_" };
    this.syntaxError("expecting name");
    this.advance();
    return n;
  }

  private nameList(first: ast.Ident): ast.Ident[] {
    const l = [first];
    while (this.got(Tok.Comma)) l.push(this.name());
    return l;
  }

  private qualifiedName(name: ast.Ident | undefined): ast.Expr {
    let x: ast.Expr;
    if (name !== undefined) x = name;
    else if (this.tk() === Tok.Name) x = this.name();
    else {
      x = { kind: "Ident", pos: this.pos, name: "_" };
      this.syntaxError("expecting name");
      this.advance(Tok.Dot, Tok.Semi, Tok.Rbrace);
    }
    if (this.tk() === Tok.Dot) {
      this.next();
      x = { kind: "SelectorExpr", x, sel: this.name() };
    }
    if (this.tk() === Tok.Lbrack) x = this.typeInstance(x);
    return x;
  }

  private exprList(): ast.Expr[] {
    const l = [this.expr()];
    while (this.got(Tok.Comma)) l.push(this.expr());
    return l;
  }

  /** typeList = arg { "," type } [ "," ]; returns the list and whether a comma was seen. */
  private typeList(): [ast.Expr[], boolean] {
    this.xnest++;
    const l = [this.expr()];
    let comma = false;
    if (this.got(Tok.Comma)) {
      comma = true;
      let t = this.typeOrNil();
      if (t !== undefined) {
        l.push(t);
        while (this.got(Tok.Comma)) {
          t = this.typeOrNil();
          if (t === undefined) break;
          l.push(t);
        }
      }
    }
    this.xnest--;
    return [l, comma];
  }
}
