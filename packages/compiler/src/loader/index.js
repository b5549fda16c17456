/**
 * Package loading: build constraints, go.mod, import resolution, and the Loader that parses and
 * type-checks packages depth-first. See HACKING.md in this folder.
 */
export { defaultBuildContext, matchTag, goodOSArchFile, readConstraintHeader, headerMatches, KNOWN_OS, KNOWN_ARCH, UNIX_OS, NEWEST_GO_VERSION, NEWEST_GO_MINOR, } from "./buildctx.js";
export { parseGoBuildExpr, parsePlusBuildLine, evalConstraint, constraintString } from "./constraint.js";
export { parseGoMod, loadGoMod, findModuleRoot, langVersion } from "./gomod.js";
export { readImports } from "./header.js";
export { selectFiles, fileMatches } from "./select.js";
export { Resolver, isStdPath, defaultStdlibRoot } from "./resolve.js";
export { Loader, COMMAND_LINE_ARGUMENTS, } from "./loader.js";
export { loadPackages, walkPackageDirs } from "./patterns.js";
