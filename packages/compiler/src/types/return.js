import { unparen } from "../syntax/ast.js";
export function isTerminating(check, s, label) {
    switch (s.kind) {
        case "LabeledStmt":
            return isTerminating(check, s.stmt, s.label.name);
        case "ExprStmt": {
            const call = unparen(s.x);
            return call.kind === "CallExpr" && check.env.isPanic !== null && check.env.isPanic.has(call);
        }
        case "ReturnStmt":
            return true;
        case "BranchStmt":
            return s.tok === "goto" || s.tok === "fallthrough";
        case "BlockStmt":
            return isTerminatingList(check, s.list, "");
        case "IfStmt":
            return s.else !== undefined && isTerminating(check, s.body, "") && isTerminating(check, s.else, "");
        case "SwitchStmt":
        case "TypeSwitchStmt":
            return isTerminatingSwitch(check, s.body.list, label);
        case "SelectStmt":
            for (const cc of s.body.list) {
                if (!isTerminatingList(check, cc.body, "") || hasBreakList(cc.body, label, true))
                    return false;
            }
            return true;
        case "ForStmt":
            return s.cond === undefined && !hasBreak(s.body, label, true);
    }
    return false;
}
function isTerminatingList(check, list, label) {
    for (let i = list.length - 1; i >= 0; i--) {
        if (list[i].kind !== "EmptyStmt")
            return isTerminating(check, list[i], label);
    }
    return false;
}
function isTerminatingSwitch(check, body, label) {
    let hasDefault = false;
    for (const cc of body) {
        if (cc.list.length === 0)
            hasDefault = true;
        if (!isTerminatingList(check, cc.body, "") || hasBreakList(cc.body, label, true))
            return false;
    }
    return hasDefault;
}
function hasBreak(s, label, implicit) {
    switch (s.kind) {
        case "LabeledStmt":
            return hasBreak(s.stmt, label, implicit);
        case "BranchStmt":
            if (s.tok === "break") {
                if (s.label === undefined)
                    return implicit;
                if (s.label.name === label)
                    return true;
            }
            return false;
        case "BlockStmt":
            return hasBreakList(s.list, label, implicit);
        case "IfStmt":
            return hasBreak(s.body, label, implicit) || (s.else !== undefined && hasBreak(s.else, label, implicit));
        case "SwitchStmt":
        case "TypeSwitchStmt":
        case "SelectStmt":
            if (label !== "") {
                for (const cc of s.body.list)
                    if (hasBreakList(cc.body, label, false))
                        return true;
            }
            return false;
        case "ForStmt":
        case "RangeStmt":
            return label !== "" && hasBreak(s.body, label, false);
    }
    return false;
}
function hasBreakList(list, label, implicit) {
    for (const s of list)
        if (hasBreak(s, label, implicit))
            return true;
    return false;
}
