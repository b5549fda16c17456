/** Start position of an expression (like ast.nodePos but local and total). */
export function nodeStart(x) {
    for (;;) {
        switch (x.kind) {
            case "SelectorExpr":
                x = x.x;
                continue;
            case "IndexExpr":
                x = x.x;
                continue;
            case "IndexListExpr":
                x = x.x;
                continue;
            case "SliceExpr":
                x = x.x;
                continue;
            case "TypeAssertExpr":
                x = x.x;
                continue;
            case "CallExpr":
                x = x.fun;
                continue;
            case "BinaryExpr":
                x = x.x;
                continue;
            case "KeyValueExpr":
                x = x.key;
                continue;
            case "CompositeLit":
                if (x.type !== undefined) {
                    x = x.type;
                    continue;
                }
                return x.lbrace;
            case "BadExpr": return x.from;
            case "Ident": return x.pos;
            case "BasicLit": return x.pos;
            case "Ellipsis": return x.ellipsis;
            case "FuncLit": return x.type.func;
            case "ParenExpr": return x.lparen;
            case "StarExpr": return x.star;
            case "UnaryExpr": return x.opPos;
            case "ArrayType": return x.lbrack;
            case "StructType": return x.struct;
            case "FuncType": return x.func;
            case "InterfaceType": return x.interface;
            case "MapType": return x.map;
            case "ChanType": return x.begin;
        }
    }
}
/**
 * The position gc's syntax tree gives an expression, used where gc reports
 * an error "at the expression": operators and brackets rather than the
 * start (binary: the operator; call: "("; index/slice: "["; selector and
 * assertion: "."; composite literal: "{"; func type: the token after "func").
 */
export function gcPos(x) {
    switch (x.kind) {
        case "BinaryExpr": return x.opPos;
        case "CallExpr": return x.lparen;
        case "IndexExpr":
        case "IndexListExpr":
        case "SliceExpr": return x.lbrack;
        case "SelectorExpr": return x.sel.pos - 1;
        case "TypeAssertExpr": return x.lparen - 1;
        case "CompositeLit": return x.lbrace;
        case "KeyValueExpr": return x.colon;
        case "FuncType": return x.typeParams !== undefined ? x.typeParams.opening : x.params.opening;
        default: return nodeStart(x);
    }
}
/** Is x syntactically a value (never a type)? */
export function isValue(x) {
    switch (x.kind) {
        case "BasicLit":
        case "CompositeLit":
        case "FuncLit":
        case "SliceExpr":
        case "TypeAssertExpr":
        case "CallExpr":
            return true;
        case "UnaryExpr":
        case "BinaryExpr":
            return true;
        case "ParenExpr":
            return isValue(x.x);
        case "IndexExpr":
            return isValue(x.x) || isValue(x.index);
        case "IndexListExpr":
            return isValue(x.x);
    }
    return false;
}
/** Is x (possibly parenthesised) certainly a type element rather than a value? */
export function isTypeElem(x) {
    switch (x.kind) {
        case "ArrayType":
        case "StructType":
        case "FuncType":
        case "InterfaceType":
        case "MapType":
        case "ChanType":
            return true;
        case "BinaryExpr":
            return isTypeElem(x.x) || isTypeElem(x.y);
        case "UnaryExpr":
            return x.op === "~" || isTypeElem(x.x);
        case "StarExpr":
            return isTypeElem(x.x);
        case "ParenExpr":
            return isTypeElem(x.x);
    }
    return false;
}
/**
 * Splits x into (name, type) if x can be read as "name type" in a type
 * parameter list (see gc's extractName): P *C, P(C), P *E|F, ...
 */
export function extractName(x, force) {
    switch (x.kind) {
        case "Ident":
            return [x, undefined];
        case "BinaryExpr":
            if (x.op === "*") {
                if (x.x.kind === "Ident" && (force || isTypeElem(x.y))) {
                    return [x.x, { kind: "StarExpr", star: x.opPos, x: x.y }];
                }
            }
            else if (x.op === "|") {
                const [name, lhs] = extractName(x.x, force || isTypeElem(x.y));
                if (name !== undefined && lhs !== undefined) {
                    return [name, { kind: "BinaryExpr", x: lhs, opPos: x.opPos, op: "|", y: x.y }];
                }
            }
            break;
        case "CallExpr":
            if (x.fun.kind === "Ident" && x.args.length === 1 && x.ellipsis === 0 && (force || isTypeElem(x.args[0]))) {
                return [x.fun, x.args[0]];
            }
            break;
    }
    return [undefined, x];
}
export function isTypeSwitchAssign(s) {
    return (s.kind === "AssignStmt" &&
        s.tok === ":=" &&
        s.lhs.length === 1 &&
        s.lhs[0].kind === "Ident" &&
        s.rhs.length === 1 &&
        s.rhs[0].kind === "TypeAssertExpr" &&
        s.rhs[0].type === undefined);
}
/** Converts `// +build` line contents to a //go:build-style expression. */
export function plusBuildToExpr(lines) {
    const parts = [];
    for (const line of lines) {
        const opts = line.split(/\s+/).filter((s) => s !== "");
        if (opts.length === 0)
            continue;
        const ors = opts.map((o) => {
            const terms = o.split(",").filter((s) => s !== "");
            return terms.length > 1 ? "(" + terms.join(" && ") + ")" : terms[0] ?? "";
        });
        parts.push(ors.length > 1 && lines.length > 1 ? "(" + ors.join(" || ") + ")" : ors.join(" || "));
    }
    return parts.join(" && ");
}
