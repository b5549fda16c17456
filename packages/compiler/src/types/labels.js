import { nodePos } from "../syntax/ast.js";
import { Checker } from "./checker.js";
class LabelScope {
    check;
    labels = new Map();
    constructor(check) {
        this.check = check;
    }
    err(pos, msg) {
        this.check.error(pos, msg);
    }
    declare(b, s) {
        const name = s.label.name;
        const alt = this.labels.get(name);
        if (alt !== undefined) {
            this.err(s.label.pos, `label ${name} already defined at ${this.check.posString(alt.lstmt.label.pos)}`);
            return alt;
        }
        const l = { parent: b, lstmt: s, used: false };
        this.labels.set(name, l);
        return l;
    }
    gotoTarget(b, name) {
        const l = this.labels.get(name);
        if (l !== undefined) {
            l.used = true;
            for (; b !== null; b = b.parent)
                if (l.parent === b)
                    return l.lstmt;
        }
        return null;
    }
    /** The labeled statement enclosing b with that label; "invalid" if the label exists elsewhere; null if undefined. */
    enclosingTarget(b, name) {
        const l = this.labels.get(name);
        if (l !== undefined) {
            l.used = true;
            for (; b !== null; b = b.parent)
                if (l.lstmt === b.lstmt)
                    return l.lstmt;
            return "invalid";
        }
        return null;
    }
    blockBranches(parent, ctxt, lstmt0, start, body) {
        const b = { parent, start, lstmt: lstmt0 };
        let varPos = 0;
        let varName = "";
        let fwdGotos = [];
        let badGotos = [];
        const recordVarDecl = (pos, name) => {
            varPos = pos;
            varName = name;
            badGotos = fwdGotos.slice();
        };
        const jumpsOverVarDecl = (fwd) => varPos !== 0 && badGotos.includes(fwd);
        let lstmt = lstmt0;
        const innerBlock = (c, st, list) => {
            fwdGotos.push(...this.blockBranches(b, c, lstmt, st, list));
        };
        let n = body.length;
        while (n > 0 && body[n - 1].kind === "EmptyStmt")
            n--;
        for (let stmtIndex = 0; stmtIndex < n; stmtIndex++) {
            let stmt = body[stmtIndex];
            lstmt = null;
            for (;;) {
                if (stmt.kind === "LabeledStmt") {
                    const s = stmt;
                    const name = s.label.name;
                    if (name !== "_") {
                        const l = this.declare(b, s);
                        const keep = [];
                        for (const fwd of fwdGotos) {
                            if (fwd.label !== undefined && fwd.label.name === name) {
                                l.used = true;
                                if (jumpsOverVarDecl(fwd)) {
                                    this.err(fwd.label.pos, `goto ${name} jumps over declaration of ${varName} at ${this.check.posString(varPos)}`);
                                }
                            }
                            else
                                keep.push(fwd);
                        }
                        fwdGotos = keep;
                        lstmt = s;
                    }
                    stmt = s.stmt;
                    continue;
                }
                break;
            }
            const s = stmt;
            switch (s.kind) {
                case "DeclStmt":
                    if (s.decl.tok === "var" && s.decl.specs.length > 0) {
                        const vs = s.decl.specs[0];
                        if (vs.names.length > 0)
                            recordVarDecl(vs.names[0].pos, vs.names[0].name);
                    }
                    break;
                case "BranchStmt":
                    this.branch(b, ctxt, s, stmtIndex, n, fwdGotos);
                    break;
                case "AssignStmt":
                    if (s.tok === ":=") {
                        const l0 = s.lhs[0];
                        recordVarDecl(s.tokPos, l0.kind === "Ident" ? l0.name : "");
                    }
                    break;
                case "BlockStmt":
                    innerBlock({ breaks: ctxt.breaks, continues: ctxt.continues, caseIndex: -1 }, nodePos(s), s.list);
                    break;
                case "IfStmt": {
                    const inner = { breaks: ctxt.breaks, continues: ctxt.continues, caseIndex: -1 };
                    innerBlock(inner, nodePos(s.body), s.body.list);
                    if (s.else !== undefined)
                        innerBlock(inner, nodePos(s.else), [s.else]);
                    break;
                }
                case "ForStmt":
                case "RangeStmt":
                    innerBlock({ breaks: s, continues: s, caseIndex: -1 }, nodePos(s.body), s.body.list);
                    break;
                case "SwitchStmt":
                case "TypeSwitchStmt": {
                    const cls = s.body.list;
                    cls.forEach((cc, i) => innerBlock({ breaks: s, continues: ctxt.continues, caseIndex: i }, nodePos(cc), cc.body));
                    break;
                }
                case "SelectStmt": {
                    const cls = s.body.list;
                    for (const cc of cls)
                        innerBlock({ breaks: s, continues: ctxt.continues, caseIndex: -1 }, nodePos(cc), cc.body);
                    break;
                }
            }
        }
        return fwdGotos;
    }
    branch(b, ctxt, s, stmtIndex, n, fwdGotos) {
        if (s.label === undefined) {
            switch (s.tok) {
                case "break":
                    if (ctxt.breaks === null)
                        this.err(s.tokPos, "break is not in a loop, switch, or select");
                    break;
                case "continue":
                    if (ctxt.continues === null)
                        this.err(s.tokPos, "continue is not in a loop");
                    break;
                case "fallthrough": {
                    let msg = "fallthrough statement out of place";
                    const t = ctxt.breaks;
                    if (t !== null && (t.kind === "SwitchStmt" || t.kind === "TypeSwitchStmt")) {
                        if (t.kind === "TypeSwitchStmt")
                            msg = "cannot fallthrough in type switch";
                        else if (ctxt.caseIndex < 0 || stmtIndex + 1 < n) {
                            // nested in a block, or not the last statement
                        }
                        else if (ctxt.caseIndex + 1 === t.body.list.length)
                            msg = "cannot fallthrough final case in switch";
                        else
                            return;
                    }
                    this.err(s.tokPos, msg);
                    break;
                }
                case "goto":
                    break;
            }
            return;
        }
        const name = s.label.name;
        switch (s.tok) {
            case "break": {
                const t = this.enclosingTarget(b, name);
                if (t === null)
                    this.err(s.label.pos, `break label not defined: ${name}`);
                else if (t === "invalid")
                    this.err(s.label.pos, `invalid break label ${name}`);
                else {
                    const k = t.stmt.kind;
                    if (k !== "SwitchStmt" && k !== "TypeSwitchStmt" && k !== "SelectStmt" && k !== "ForStmt" && k !== "RangeStmt")
                        this.err(s.label.pos, `invalid break label ${name}`);
                }
                break;
            }
            case "continue": {
                const t = this.enclosingTarget(b, name);
                if (t === null)
                    this.err(s.label.pos, `continue label not defined: ${name}`);
                else if (t === "invalid" || (t.stmt.kind !== "ForStmt" && t.stmt.kind !== "RangeStmt"))
                    this.err(s.label.pos, `invalid continue label ${name}`);
                break;
            }
            case "goto":
                if (this.gotoTarget(b, name) === null)
                    fwdGotos.push(s);
                break;
        }
    }
}
/** Checks all branch statements and labels of a function body. */
export function checkBranches(check, body) {
    const ls = new LabelScope(check);
    const fwd = ls.blockBranches(null, { breaks: null, continues: null, caseIndex: -1 }, null, nodePos(body), body.list);
    for (const f of fwd) {
        const name = f.label.name;
        const l = ls.labels.get(name);
        if (l !== undefined) {
            l.used = true;
            ls.err(f.label.pos, `goto ${name} jumps into block starting at ${check.posString(l.parent.start)}`);
        }
        else
            ls.err(f.label.pos, `label ${name} not defined`);
    }
    for (const l of ls.labels.values()) {
        if (!l.used)
            ls.err(l.lstmt.label.pos, `label ${l.lstmt.label.name} defined and not used`);
    }
}
/**
 * Branch/label diagnostics for a file that will not be type-checked because
 * the parser reported syntax errors. gc's parser checks branches of every
 * function body (including function literals) that contains no syntax error
 * itself; this reproduces that so the CLI can report the same set of errors.
 */
export function branchDiagnostics(fset, file, syntaxErrors) {
    const pkg = new Package("", file.name.name, new Scope(null, NoPos, NoPos, "branches"));
    const check = new Checker({ fset, importer: { importPackage: () => ({ error: "no importer" }) } }, pkg, null);
    const bodies = [];
    inspect(file, (n) => {
        if (n.kind === "FuncDecl" && n.body !== undefined)
            bodies.push(n.body);
        else if (n.kind === "FuncLit")
            bodies.push(n.body);
        return true;
    });
    for (const b of bodies) {
        const start = nodePos(b);
        const end = nodeEnd(b);
        if (syntaxErrors.some((e) => e.pos >= start && e.pos <= end))
            continue;
        checkBranches(check, b);
    }
    return check.errors;
}
import { inspect, nodeEnd } from "../syntax/ast.js";
import { NoPos } from "../syntax/position.js";
import { Package } from "./object.js";
import { Scope } from "./scope.js";
