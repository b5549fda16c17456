import { Scanner, Tok, tokString, decodeBytes } from "./scanner.js";
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
    reason;
    constructor(reason) {
        this.reason = reason;
    }
}
export class ParserBase {
    file;
    base;
    src;
    sc;
    keepComments;
    mode;
    errors = [];
    errcnt = 0;
    lastSyntaxErrorLine = -1;
    first = true;
    // current token (mirrors the scanner, cached for speed)
    tok_ = Tok.EOF;
    /** current token (a method so TypeScript does not keep narrowings across next()) */
    tk() {
        return this.tok_;
    }
    pos = 0;
    lit = "";
    op = "";
    prec = 0;
    xnest = 0; // expression nesting; < 0 in control clause headers
    fnest = 0; // function nesting (for advance's stop set)
    depth = 0; // recursion depth guard
    // comments
    comments = [];
    directives = [];
    pending = [];
    leadComment = undefined;
    lineComment = undefined;
    /** spec/field whose line comment may follow an explicit ';' (set by Parser.attachLineComment) */
    lineCommentTarget = undefined;
    prevTokEnd = 0; // byte offset just after the previous token
    beforePackage = true;
    goBuild = undefined;
    plusBuild = [];
    maxNesting;
    constructor(file, keepComments, mode, maxNesting) {
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
    line(pos) {
        return this.file.position(pos).line;
    }
    /** Records an error (gc: errorAt); stops the parse after MaxErrors. */
    errorAt(pos, msg) {
        if (msg.startsWith("syntax error")) {
            const line = this.line(pos);
            if (line === this.lastSyntaxErrorLine)
                return; // one syntax error per line, like gc
            this.lastSyntaxErrorLine = line;
        }
        this.errorAtForce(pos, msg);
    }
    errorAtForce(pos, msg) {
        this.first = false;
        this.errcnt++;
        if (this.errors.length < MaxErrors)
            this.errors.push({ pos, msg });
        if (this.errcnt >= MaxErrors)
            throw new Bailout("too many errors");
    }
    error(msg) {
        this.errorAt(this.pos, msg);
    }
    syntaxError(msg) {
        this.syntaxErrorAt(this.pos, msg);
    }
    syntaxErrorAt(pos, msg) {
        if (this.tk() === Tok.EOF && !this.first)
            return; // avoid meaningless follow-up errors
        if (msg === "") {
            // nothing to add
        }
        else if (msg.startsWith("in ") || msg.startsWith("at ") || msg.startsWith("after ")) {
            msg = " " + msg;
        }
        else if (msg.startsWith("expecting ")) {
            msg = ", " + msg;
        }
        else {
            this.errorAt(pos, "syntax error: " + msg);
            return;
        }
        this.errorAt(pos, "syntax error: unexpected " + this.tokDesc() + msg);
    }
    /** The current token as gc names it in "unexpected X". */
    tokDesc() {
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
    next() {
        const sc = this.sc;
        if (this.keepComments)
            this.prevTokEnd = this.scEnd;
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
            if (this.pending.length > 0)
                this.groupComments();
            if (target !== undefined && this.lineComment !== undefined)
                target.comment = this.lineComment;
        }
    }
    scEnd = 0;
    got(tok) {
        if (this.tk() === tok) {
            this.next();
            return true;
        }
        return false;
    }
    want(tok) {
        if (!this.got(tok)) {
            this.syntaxError("expecting " + tokstring(tok));
            this.advance();
        }
    }
    gotAssign() {
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
    advance(...follow) {
        if (follow.length === 0) {
            if (this.tk() !== Tok.EOF)
                this.next();
            return;
        }
        for (;;) {
            const t = this.tk();
            if (t === Tok.EOF)
                return;
            if (follow.includes(t))
                return;
            if (this.fnest > 0 && isStopTok(t))
                return;
            this.next();
        }
    }
    enter() {
        if (++this.depth > this.maxNesting) {
            this.errorAtForce(this.pos, "exceeded max nesting depth");
            throw new Bailout("nesting");
        }
    }
    leave() {
        this.depth--;
    }
    // -------------------------------------------------------------------------
    // Comments
    onComment(start, end) {
        const src = this.src;
        const isLine = src[start + 1] === 0x2f;
        if (isLine && start + 4 < end && src[start + 2] === 0x67 && src[start + 3] === 0x6f && src[start + 4] === 0x3a) {
            // //go: directive
            const text = decodeBytes(src, start, end);
            this.directives.push({ kind: "Comment", slash: this.base + start, text });
            if (this.beforePackage && this.goBuild === undefined && text.startsWith("//go:build") && (text.length === 10 || text.charCodeAt(10) === 0x20 || text.charCodeAt(10) === 0x09)) {
                this.goBuild = text.slice(10).trim();
            }
        }
        else if (isLine && this.beforePackage && src[start + 2] === 0x20 && src[start + 3] === 0x2b) {
            const text = decodeBytes(src, start, end);
            const m = /^\/\/ \+build(?:\s+(.*))?$/.exec(text);
            if (m !== null)
                this.plusBuild.push((m[1] ?? "").trim());
        }
        if (this.keepComments) {
            const f = this.file;
            this.pending.push({ start, end, line: f.position(this.base + start).line, endLine: f.position(this.base + end - 1).line });
        }
    }
    makeGroup(list) {
        const g = {
            kind: "CommentGroup",
            list: list.map((c) => ({ kind: "Comment", slash: this.base + c.start, text: decodeBytes(this.src, c.start, c.end) })),
        };
        this.comments.push(g);
        return g;
    }
    /** Groups the comments seen before the current token (go/parser rules). */
    groupComments() {
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
            if (tokLine !== endLine || this.tk() === Tok.Semi || this.tk() === Tok.EOF)
                this.lineComment = g;
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
            if (j === pend.length && endLine + 1 === tokLine)
                this.leadComment = g;
            i = j;
        }
    }
    // -------------------------------------------------------------------------
    // Lists
    /** list = [ f { sep f } [sep] ] close ; returns the position of close. */
    list(context, sep, close, f) {
        let done = false;
        while (this.tk() !== Tok.EOF && this.tk() !== close && !done) {
            done = f();
            if (!this.got(sep) && this.tk() !== close) {
                this.syntaxError(`in ${context}; possibly missing ${tokstring(sep)} or ${tokstring(close)}`);
                this.advance(Tok.Rparen, Tok.Rbrack, Tok.Rbrace);
                if (this.tk() !== close)
                    return this.pos;
            }
        }
        const pos = this.pos;
        this.want(close);
        return pos;
    }
}
/** gc's tokstring: English words for "," and ";" in messages. */
export function tokstring(t) {
    switch (t) {
        case Tok.Comma: return "comma";
        case Tok.Semi: return "semicolon or newline";
    }
    return tokString(t);
}
function isStopTok(t) {
    switch (t) {
        case Tok.Break:
        case Tok.Const:
        case Tok.Continue:
        case Tok.Defer:
        case Tok.Fallthrough:
        case Tok.For:
        case Tok.Go:
        case Tok.Goto:
        case Tok.If:
        case Tok.Return:
        case Tok.Select:
        case Tok.Switch:
        case Tok.Type:
        case Tok.Var:
            return true;
    }
    return false;
}
