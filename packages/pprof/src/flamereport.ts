/**
 * The flame-graph reports of `gort pprof`: --flame (terminal) and --html (page). Both prepare the
 * profile like the text reports (sample index, filters, function granularity; no trimming), build
 * the flame tree, and print the profile's header lines above the graph.
 */
import { flameTree, renderFlameText } from "./flame.js";
import { flameHtml } from "./html.js";
import type { Profile } from "./profile.js";
import { prepareReport, profileLabels, type Report, type ReportOptions, type ReportResult } from "./report.js";
import { percentage } from "./units.js";

/** pprof's "Active filters:" lines for the filters in use (none: no lines). */
function activeFilters(rpt: Report): string[] {
  return rpt.filters.length === 0 ? [] : ["Active filters:", ...rpt.filters.map((f) => `   ${f}`)];
}

/** --flame: the flame graph drawn for a terminal `width` columns wide, with or without colours. */
export function flameTextReport(p: Profile, o: ReportOptions, term: { width: number; color: boolean }): ReportResult {
  const rpt = prepareReport(p, { ...o, kind: "flame" });
  const root = flameTree(rpt);
  const shown = root.value;
  const header = [
    ...profileLabels(rpt),
    ...activeFilters(rpt),
    `Flame graph of ${rpt.formatValue(shown)}, ${percentage(shown, rpt.total).trim()} of ${rpt.formatValue(rpt.total)} total`,
    `(callers above callees, widths proportional to ${rpt.sampleType})`,
  ];
  const text = renderFlameText(root, { width: term.width, color: term.color, header, formatValue: (v) => rpt.formatValue(v), total: rpt.total });
  return { text, warnings: rpt.warnings };
}

/** --html: the self-contained interactive flame-graph page. */
export function flameHtmlReport(p: Profile, o: ReportOptions, title: string): ReportResult {
  const rpt = prepareReport(p, { ...o, kind: "flame" });
  const root = flameTree(rpt);
  const text = flameHtml(root, { title: `${title} — ${rpt.sampleType} flame graph`, header: [...profileLabels(rpt), ...activeFilters(rpt)], formatValue: (v) => rpt.formatValue(v), total: rpt.total });
  return { text, warnings: rpt.warnings };
}
