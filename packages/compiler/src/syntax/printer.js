/** One-line Go source text for an expression or type, gc style. */
export function exprString(e) {
    const out = [];
    writeExpr(out, e);
    return out.join("");
}
function writeList(out, xs) {
    for (let i = 0; i < xs.length; i++) {
        if (i > 0)
            out.push(", ");
        writeExpr(out, xs[i]);
    }
}
function unparen(e) {
    while (e.kind === "ParenExpr")
        e = e.x;
    return e;
}
function writeParams(out, fl, open, close) {
    out.push(open);
    let first = true;
    for (const f of fl.list) {
        if (!first)
            out.push(", ");
        first = false;
        if (f.names.length > 0) {
            for (let i = 0; i < f.names.length; i++) {
                if (i > 0)
                    out.push(", ");
                out.push(f.names[i].name);
            }
            out.push(" ");
        }
        writeExpr(out, unparen(f.type));
    }
    out.push(close);
}
function writeSignature(out, t) {
    writeParams(out, t.params, "(", ")");
    const r = t.results;
    if (r !== undefined && r.list.length > 0) {
        out.push(" ");
        if (r.list.length === 1 && r.list[0].names.length === 0)
            writeExpr(out, r.list[0].type);
        else
            writeParams(out, r, "(", ")");
    }
}
function writeExpr(out, e) {
    switch (e.kind) {
        case "BadExpr":
            out.push("<bad expr>");
            return;
        case "Ident":
            out.push(e.name);
            return;
        case "BasicLit":
            out.push(e.value);
            return;
        case "Ellipsis":
            out.push("...");
            if (e.elt !== undefined)
                writeExpr(out, e.elt);
            return;
        case "FuncLit":
            writeExpr(out, e.type);
            out.push(e.body.list.length > 0 ? " {…}" : " {}");
            return;
        case "CompositeLit":
            if (e.type !== undefined)
                writeExpr(out, e.type);
            out.push(e.elts.length > 0 ? "{…}" : "{}");
            return;
        case "ParenExpr":
            out.push("(");
            writeExpr(out, e.x);
            out.push(")");
            return;
        case "SelectorExpr":
            writeExpr(out, e.x);
            out.push(".", e.sel.name);
            return;
        case "IndexExpr":
            writeExpr(out, e.x);
            out.push("[");
            writeExpr(out, e.index);
            out.push("]");
            return;
        case "IndexListExpr":
            writeExpr(out, e.x);
            out.push("[");
            writeList(out, e.indices);
            out.push("]");
            return;
        case "SliceExpr":
            writeExpr(out, e.x);
            out.push("[");
            if (e.low !== undefined)
                writeExpr(out, e.low);
            out.push(":");
            if (e.high !== undefined)
                writeExpr(out, e.high);
            if (e.slice3) {
                out.push(":");
                if (e.max !== undefined)
                    writeExpr(out, e.max);
            }
            out.push("]");
            return;
        case "TypeAssertExpr":
            writeExpr(out, e.x);
            out.push(".(");
            if (e.type !== undefined)
                writeExpr(out, e.type);
            else
                out.push("type");
            out.push(")");
            return;
        case "CallExpr":
            writeExpr(out, e.fun);
            out.push("(");
            writeList(out, e.args);
            if (e.ellipsis)
                out.push("...");
            out.push(")");
            return;
        case "StarExpr":
            out.push("*");
            writeExpr(out, e.x);
            return;
        case "UnaryExpr":
            out.push(e.op);
            writeExpr(out, e.x);
            return;
        case "BinaryExpr": {
            // iterate down the left spine: long left-associative chains (a 7000-term
            // string concatenation exists in GOROOT) must not recurse per term
            const spine = [];
            let x = e;
            while (x.kind === "BinaryExpr") {
                spine.push(x);
                x = x.x;
            }
            writeExpr(out, x);
            for (let i = spine.length - 1; i >= 0; i--) {
                out.push(" ", spine[i].op, " ");
                writeExpr(out, spine[i].y);
            }
            return;
        }
        case "KeyValueExpr":
            writeExpr(out, e.key);
            out.push(": ");
            writeExpr(out, e.value);
            return;
        case "ArrayType":
            out.push("[");
            if (e.len !== undefined)
                writeExpr(out, e.len);
            out.push("]");
            writeExpr(out, e.elt);
            return;
        case "StructType": {
            out.push("struct{");
            let first = true;
            for (const f of e.fields.list) {
                if (!first)
                    out.push("; ");
                first = false;
                if (f.names.length > 0) {
                    out.push(f.names.map((n) => n.name).join(", "), " ");
                }
                writeExpr(out, f.type);
                if (f.tag !== undefined)
                    out.push(" ", f.tag.value);
            }
            out.push("}");
            return;
        }
        case "FuncType":
            out.push("func");
            if (e.typeParams !== undefined)
                writeParams(out, e.typeParams, "[", "]");
            writeSignature(out, e);
            return;
        case "InterfaceType": {
            out.push("interface{");
            let first = true;
            for (const f of e.methods.list) {
                if (!first)
                    out.push("; ");
                first = false;
                if (f.names.length > 0 && f.type.kind === "FuncType") {
                    out.push(f.names[0].name);
                    writeSignature(out, f.type);
                }
                else {
                    writeExpr(out, f.type);
                }
            }
            out.push("}");
            return;
        }
        case "MapType":
            out.push("map[");
            writeExpr(out, e.key);
            out.push("]");
            writeExpr(out, e.value);
            return;
        case "ChanType":
            if (e.dir === "RECV")
                out.push("<-");
            out.push("chan");
            if (e.dir === "SEND")
                out.push("<-");
            out.push(" ");
            if (e.dir === "BOTH" && e.value.kind === "ChanType" && e.value.dir === "RECV") {
                out.push("(");
                writeExpr(out, e.value);
                out.push(")");
            }
            else {
                writeExpr(out, e.value);
            }
            return;
    }
}
/** One-line text of a simple statement (for "cannot use ... as value" messages). */
export function simpleStmtString(s) {
    switch (s.kind) {
        case "ExprStmt":
            return exprString(s.x);
        case "SendStmt":
            return exprString(s.chan) + " <- " + exprString(s.value);
        case "IncDecStmt":
            return exprString(s.x) + s.tok;
        case "AssignStmt":
            return s.lhs.map(exprString).join(", ") + " " + s.tok + " " + s.rhs.map(exprString).join(", ");
        case "EmptyStmt":
            return "";
        default:
            return s.kind;
    }
}
