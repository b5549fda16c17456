/**
 * go.mod: the subset gort needs. `module`, `go`, `require` and `replace` directives (single-line
 * and parenthesised blocks), `//` comments, quoted or bare tokens. Other directives (exclude,
 * retract, toolchain) are accepted and ignored. A replacement whose target is a local directory
 * (starts with "./", "../" or "/") is how a module depends on another module's source; remote
 * replacements are kept but gort cannot fetch modules.
 */
import * as fs from "node:fs";
import * as path from "node:path";
/** Splits one go.mod line into tokens (quoted strings unquoted), dropping a trailing comment. */
function tokenize(line) {
    const toks = [];
    let i = 0;
    while (i < line.length) {
        const c = line[i];
        if (c === " " || c === "\t" || c === "\r") {
            i++;
            continue;
        }
        if (c === "/" && line[i + 1] === "/")
            break;
        if (c === '"') {
            let j = i + 1;
            while (j < line.length && line[j] !== '"')
                j += line[j] === "\\" ? 2 : 1;
            if (j >= line.length)
                return { error: "unterminated quoted string" };
            try {
                toks.push(JSON.parse(line.slice(i, j + 1)));
            }
            catch {
                return { error: "invalid quoted string" };
            }
            i = j + 1;
            continue;
        }
        if (c === "`") {
            const j = line.indexOf("`", i + 1);
            if (j < 0)
                return { error: "unterminated raw string" };
            toks.push(line.slice(i + 1, j));
            i = j + 1;
            continue;
        }
        if (c === "(" || c === ")") {
            toks.push(c);
            i++;
            continue;
        }
        if (c === "=" && line[i + 1] === ">") {
            toks.push("=>");
            i += 2;
            continue;
        }
        let j = i;
        while (j < line.length && !" \t\r()\"`".includes(line[j]) && !(line[j] === "/" && line[j + 1] === "/") && !(line[j] === "=" && line[j + 1] === ">"))
            j++;
        toks.push(line.slice(i, j));
        i = j;
    }
    return toks;
}
/** Parses go.mod text. `file` names it in errors and fixes the module root. */
export function parseGoMod(file, text) {
    const mod = { file, dir: path.dirname(file), modulePath: "", goVersion: "", requires: [], replaces: [] };
    const lines = text.split("\n");
    let block;
    const err = (n, msg) => ({ error: `${file}:${n}: ${msg}` });
    for (let n = 1; n <= lines.length; n++) {
        const t = tokenize(lines[n - 1]);
        if (!Array.isArray(t))
            return err(n, t.error);
        if (t.length === 0)
            continue;
        let verb;
        let args;
        if (block !== undefined) {
            if (t[0] === ")") {
                block = undefined;
                continue;
            }
            verb = block;
            args = t;
        }
        else {
            verb = t[0];
            args = t.slice(1);
            if (args.length === 1 && args[0] === "(") {
                block = verb;
                continue;
            }
        }
        switch (verb) {
            case "module":
                if (args.length !== 1)
                    return err(n, "usage: module module/path");
                mod.modulePath = args[0];
                break;
            case "go":
                if (args.length !== 1 || !/^1(\.\d+){1,2}((rc|beta)\d+)?$/.test(args[0])) {
                    return err(n, `invalid go version '${args.join(" ")}': must match format 1.23`);
                }
                mod.goVersion = args[0];
                break;
            case "require":
                if (args.length !== 2)
                    return err(n, "usage: require module/path v1.2.3");
                mod.requires.push({ path: args[0], version: args[1] });
                break;
            case "replace": {
                const arrow = args.indexOf("=>");
                if (arrow < 1 || arrow > 2 || args.length - arrow - 1 < 1 || args.length - arrow - 1 > 2) {
                    return err(n, "usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace module/path [v1.2.3] => ../local/directory");
                }
                const r = { oldPath: args[0], newPath: args[arrow + 1] };
                if (arrow === 2)
                    r.oldVersion = args[1];
                if (args.length - arrow - 1 === 2)
                    r.newVersion = args[arrow + 2];
                mod.replaces.push(r);
                break;
            }
            case "exclude":
            case "retract":
            case "toolchain":
            case "godebug":
                break;
            default:
                return err(n, `unknown directive: ${verb}`);
        }
    }
    if (mod.modulePath === "")
        return { error: `${file}: no module declaration in go.mod. To specify the module path:\n\tgo mod edit -module=example.com/mymodule` };
    return { mod };
}
/** Whether a replacement target is a local directory. */
export function isLocalReplacement(p) {
    return p.startsWith("./") || p.startsWith("../") || path.isAbsolute(p) || p === "." || p === "..";
}
/** The nearest directory at or above `dir` that holds a go.mod, or undefined. */
export function findModuleRoot(dir) {
    let d = path.resolve(dir);
    for (;;) {
        if (fs.existsSync(path.join(d, "go.mod")))
            return d;
        const parent = path.dirname(d);
        if (parent === d)
            return undefined;
        d = parent;
    }
}
/** Reads and parses the go.mod in `root`. */
export function loadGoMod(root) {
    const file = path.join(root, "go.mod");
    let text;
    try {
        text = fs.readFileSync(file, "utf8");
    }
    catch (e) {
        return { error: `reading ${file}: ${e.message}` };
    }
    return parseGoMod(file, text);
}
/** "1.19" / "1.21.3" → "go1.19" / "go1.21" (the checker's language version). */
export function langVersion(goDirective) {
    const m = /^1\.(\d+)/.exec(goDirective);
    return m === null ? "" : `go1.${m[1]}`;
}
