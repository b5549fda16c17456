/**
 * gort's Go type checker (the counterpart of go/types / types2).
 * See HACKING.md in this folder.
 */
export { checkFiles, Checker, startPos, type Config, type Importer } from "./checker.js";
export { branchDiagnostics } from "./labels.js";
export { Info, TypeAndValue, Selection, SelectionKind, type Instance, type Initializer } from "./info.js";
export { Mode } from "./operand.js";
export * from "./type.js";
export * from "./object.js";
export { Scope } from "./scope.js";
export { Universe, Unsafe, anyType, errorType, comparableType } from "./universe.js";
export { typeString } from "./typestring.js";
