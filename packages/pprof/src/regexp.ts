/**
 * Regular expressions given on the command line (-focus, -list, ...) are RE2 syntax in pprof.
 * JavaScript's syntax agrees for everything function-name patterns use, except a leading flag
 * group such as (?i), which this turns into RegExp flags (i, m, s). Throws SyntaxError.
 */
export function goRegExp(src: string): RegExp {
  const m = /^\(\?([ims]+)\)/.exec(src);
  if (m === null) return new RegExp(src);
  return new RegExp(src.slice(m[0].length), [...new Set(m[1])].join(""));
}
