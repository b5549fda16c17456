/**
 * Build constraints: the `//go:build` boolean expression language and the legacy `// +build`
 * line syntax, parsed into one small expression tree and evaluated against a tag predicate.
 *
 *   //go:build expr      expr := or ; or := and {"||" and} ; and := unary {"&&" unary}
 *                        unary := "!" unary | "(" or ")" | tag
 *   // +build a,!b c     space-separated options are ORed, comma-separated terms ANDed,
 *                        each term may start with one "!"; several lines are ANDed.
 *
 * A tag is a run of letters, digits, '_' and '.'. Parsing is a hand-written recursive descent
 * over a tiny tokenizer; errors are returned as values (a bad constraint makes the file
 * unbuildable, as in Go, and the caller reports it).
 */
function isTagChar(c) {
    return ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c === "_" || c === ".");
}
/** True when `line` (already trimmed or not) is a `//go:build` comment line. */
export function isGoBuildLine(line) {
    const t = line.trim();
    if (!t.startsWith("//go:build"))
        return false;
    const rest = t.slice("//go:build".length);
    return rest.length === 0 || rest[0] === " " || rest[0] === "\t";
}
/** True when `line` is a legacy `// +build` comment line. */
export function isPlusBuildLine(line) {
    const t = line.trim();
    if (!t.startsWith("//"))
        return false;
    const rest = t.slice(2).trimStart();
    if (!rest.startsWith("+build"))
        return false;
    const after = rest.slice("+build".length);
    return after.length === 0 || after[0] === " " || after[0] === "\t";
}
/** Parses the expression of a `//go:build` line (the text after "//go:build"). */
export function parseGoBuildExpr(text) {
    const toks = [];
    for (let i = 0; i < text.length;) {
        const c = text[i];
        if (c === " " || c === "\t" || c === "\r") {
            i++;
            continue;
        }
        if (c === "(" || c === ")" || c === "!") {
            toks.push(c);
            i++;
            continue;
        }
        if ((c === "&" || c === "|") && text[i + 1] === c) {
            toks.push(c + c);
            i += 2;
            continue;
        }
        if (isTagChar(c)) {
            let j = i;
            while (j < text.length && isTagChar(text[j]))
                j++;
            toks.push(text.slice(i, j));
            i = j;
            continue;
        }
        return { error: `unexpected character ${JSON.stringify(c)} in build constraint` };
    }
    let k = 0;
    const fail = (what) => {
        throw new ConstraintSyntaxError(what);
    };
    const parseOr = () => {
        let x = parseAnd();
        while (toks[k] === "||") {
            k++;
            x = { op: "or", x, y: parseAnd() };
        }
        return x;
    };
    const parseAnd = () => {
        let x = parseUnary();
        while (toks[k] === "&&") {
            k++;
            x = { op: "and", x, y: parseUnary() };
        }
        return x;
    };
    const parseUnary = () => {
        const t = toks[k];
        if (t === undefined)
            return fail("unexpected end of expression");
        if (t === "!") {
            k++;
            return { op: "not", x: parseUnary() };
        }
        if (t === "(") {
            k++;
            const x = parseOr();
            if (toks[k] !== ")")
                return fail("missing )");
            k++;
            return x;
        }
        if (t === ")" || t === "&&" || t === "||")
            return fail(`unexpected token ${t}`);
        k++;
        return { op: "tag", tag: t };
    };
    try {
        if (toks.length === 0)
            return { error: "empty //go:build line" };
        const expr = parseOr();
        if (k !== toks.length)
            return { error: `unexpected token ${toks[k]}` };
        return { expr };
    }
    catch (e) {
        if (e instanceof ConstraintSyntaxError)
            return { error: e.message };
        throw e;
    }
}
class ConstraintSyntaxError extends Error {
}
/** Parses the text after "+build" on one legacy line. */
export function parsePlusBuildLine(text) {
    let result;
    for (const option of text.trim().split(/[ \t]+/)) {
        if (option === "")
            continue;
        let conj;
        for (let term of option.split(",")) {
            let neg = false;
            if (term.startsWith("!")) {
                neg = true;
                term = term.slice(1);
            }
            if (term === "" || term.startsWith("!") || ![...term].every(isTagChar)) {
                return { error: `invalid +build term ${JSON.stringify(option)}` };
            }
            let x = { op: "tag", tag: term };
            if (neg)
                x = { op: "not", x };
            conj = conj === undefined ? x : { op: "and", x: conj, y: x };
        }
        if (conj === undefined)
            continue;
        result = result === undefined ? conj : { op: "or", x: result, y: conj };
    }
    if (result === undefined)
        return { error: "empty +build line" };
    return { expr: result };
}
/** Evaluates `x`, asking `has(tag)` for each tag reached. */
export function evalConstraint(x, has) {
    switch (x.op) {
        case "tag":
            return has(x.tag);
        case "not":
            return !evalConstraint(x.x, has);
        case "and": {
            // evaluate both sides, as Go does, so every consulted tag is seen by `has`
            const a = evalConstraint(x.x, has);
            const b = evalConstraint(x.y, has);
            return a && b;
        }
        case "or": {
            const a = evalConstraint(x.x, has);
            const b = evalConstraint(x.y, has);
            return a || b;
        }
    }
}
/** Formats an expression back in `//go:build` syntax (fully parenthesised where needed). */
export function constraintString(x) {
    switch (x.op) {
        case "tag":
            return x.tag;
        case "not":
            return x.x.op === "tag" || x.x.op === "not" ? `!${constraintString(x.x)}` : `!(${constraintString(x.x)})`;
        case "and": {
            const side = (e) => (e.op === "or" ? `(${constraintString(e)})` : constraintString(e));
            return `${side(x.x)} && ${side(x.y)}`;
        }
        case "or":
            return `${constraintString(x.x)} || ${constraintString(x.y)}`;
    }
}
