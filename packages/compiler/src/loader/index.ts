/**
 * Package loading: build constraints, go.mod, import resolution, and the Loader that parses and
 * type-checks packages depth-first. See HACKING.md in this folder.
 */
export {
  type BuildContext, defaultBuildContext, matchTag, goodOSArchFile, readConstraintHeader, headerMatches,
  KNOWN_OS, KNOWN_ARCH, UNIX_OS, NEWEST_GO_VERSION, NEWEST_GO_MINOR,
} from "./buildctx.js";
export { type ConstraintExpr, parseGoBuildExpr, parsePlusBuildLine, evalConstraint, constraintString } from "./constraint.js";
export { type GoMod, type ModRequire, type ModReplace, parseGoMod, loadGoMod, findModuleRoot, langVersion } from "./gomod.js";
export { type FileHeaderInfo, type HeaderImport, readImports } from "./header.js";
export { type SelectedFile, type DirSelection, selectFiles, fileMatches } from "./select.js";
export { type PackageKind, type ResolvedImport, Resolver, isStdPath, defaultStdlibRoot } from "./resolve.js";
export {
  type CheckFunction, type LoadError, type LoadedPackage, type LoaderOptions, Loader, COMMAND_LINE_ARGUMENTS,
} from "./loader.js";
export { type LoadResult, loadPackages, walkPackageDirs } from "./patterns.js";
export { type TestProgram, type TestFunc, type ExampleFunc, loadTestProgram, testMainSource } from "./testpkg.js";
