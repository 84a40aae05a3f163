import { htiSource, readHti, type HtiLabel } from "../../sources/hti.js";
import type { PanelOptions, ResolvedPanelOptions } from "../options.js";
import { column, rowIndex, rowKey, type ColumnDoc, type Panel } from "../panel.js";
import { applyStep, emptyColumn, type PanelStep, type SourceLoader } from "../pipeline.js";
import { Unplaced } from "./join.js";


/** First and last TIP report year in HTI. */
export const HTI_REPORT_YEARS: readonly [number, number] = [2001, 2011];

/** The calendar year a TIP report of year `reportYear` is joined to. */
export function calendarYearOfReport(reportYear: number, alignment: ResolvedPanelOptions["reportAlignment"]): number {
  return alignment === "t" ? reportYear : reportYear - 1;
}

function alignmentText(o: ResolvedPanelOptions): string {
  return o.reportAlignment === "t"
    ? "TIP report year t is joined to calendar year t (option reportAlignment = t)"
    : "TIP report year t is joined to calendar year t-1, the year the report mostly covers (option reportAlignment = t-1)";
}

/** Code a three-way HTI label as 0/1/null under the chosen coding of "No mention". */
export function codeHtiLabel(label: HtiLabel, noMention: ResolvedPanelOptions["htiNoMention"]): number | null {
  if (label === "Yes") return 1;
  if (label === "No") return 0;
  return noMention === "zero" ? 0 : null;
}

function docs(o: ResolvedPanelOptions): ColumnDoc[] {
  const cal = HTI_REPORT_YEARS.map((y) => calendarYearOfReport(y, o.reportAlignment)).join("-");
  const missing =
    `A country-year with no HTI row (the country is not in that report, or the year is outside calendar years ${cal}) is missing, never 0. ` +
    alignmentText(o) + ".";
  const nm = o.htiNoMention === "zero" ? '"No mention" = 0 (option htiNoMention = zero)' : '"No mention" = missing (option htiNoMention = missing)';
  return [
    {
      name: "pdest",
      type: "binary",
      description: "Destination country for forced prostitution (sex trafficking) in the TIP report: the study's outcome.",
      unit: "0/1",
      sources: [htiSource.id],
      derivation: `HTI column pdest: "Yes" = 1, "No" = 0, ${nm}. HTI's South Korea code 730 is read as COW 732 (by the HTI reader). ${missing}`,
    },
    {
      name: "destination",
      type: "binary",
      description: "Destination country for any type of trafficking in the TIP report.",
      unit: "0/1",
      sources: [htiSource.id],
      derivation: `HTI column destination (labels Yes/No): "Yes" = 1, "No" = 0. ${missing}`,
    },
    {
      name: "psource",
      type: "binary",
      description: "Source country for forced prostitution in the TIP report.",
      unit: "0/1",
      sources: [htiSource.id],
      derivation: `HTI column psource, coded like pdest: "Yes" = 1, "No" = 0, ${nm}. ${missing}`,
    },
    {
      name: "hti_in_report",
      type: "binary",
      description: "The country has a row in the HTI data for the TIP report joined to this year.",
      unit: "0/1",
      sources: [htiSource.id],
      derivation: `1 when HTI has a row for (ccode, report year), 0 when it has none for a year within calendar years ${cal}, missing outside them. ${alignmentText(o)}.`,
    },
  ];
}

/** HTI outcomes: `pdest`, `destination`, `psource`, `hti_in_report`. */
export const traffickingStep: PanelStep = {
  name: "addTrafficking",
  requires: ["ccode", "year"],
  produces: ["pdest", "destination", "psource", "hti_in_report"],
  docs,
  compute(panel, ctx) {
    const { options, sources } = ctx;
    const rows = sources.load("hti", [htiSource], readHti);
    const unplaced = new Unplaced();
    const n = panel.nrows;
    const idx = rowIndex(panel);
    const pdest = emptyColumn(n);
    const destination = emptyColumn(n);
    const psource = emptyColumn(n);
    const inReport = emptyColumn(n);
    const years = column(panel, "year") as readonly number[];
    const first = calendarYearOfReport(HTI_REPORT_YEARS[0], options.reportAlignment);
    const last = calendarYearOfReport(HTI_REPORT_YEARS[1], options.reportAlignment);
    for (let i = 0; i < n; i++) if (years[i] >= first && years[i] <= last) inReport[i] = 0;
    for (const r of rows) {
      const y = calendarYearOfReport(r.year, options.reportAlignment);
      const i = idx.get(rowKey(r.ccode, y));
      if (i === undefined) {
        if (y >= panel.meta.years[0] && y <= panel.meta.years[1]) unplaced.add(`${r.ccode} ${r.country}`);
        continue;
      }
      pdest[i] = codeHtiLabel(r.pdest, options.htiNoMention);
      psource[i] = codeHtiLabel(r.psource, options.htiNoMention);
      destination[i] = r.destination === "Yes" ? 1 : 0;
      inReport[i] = 1;
    }
    unplaced.report(ctx, `rows of ${htiSource.file}`, "have no country-year in the panel (after report-year alignment), by code and name");
    return { pdest, destination, psource, hti_in_report: inReport };
  },
};

/**
 * Add the HTI trafficking outcomes. Options used: `htiNoMention`, `reportAlignment`.
 * @param input data directory or a shared SourceLoader.
 */
export function addTrafficking(panel: Panel, input: string | SourceLoader, overrides?: PanelOptions): Panel {
  return applyStep(panel, traffickingStep, input, overrides);
}
