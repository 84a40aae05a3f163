import { sourceById } from "../sources/registry.js";
import type { Panel } from "./panel.js";

/** Where a column has values: first and last year with a non-missing value, and how many. */
export interface Coverage {
  readonly firstYear: number | null;
  readonly lastYear: number | null;
  readonly nonMissing: number;
  readonly rows: number;
}

/** Coverage of one column. */
export function coverage(panel: Panel, name: string): Coverage {
  const values = panel.columns.get(name)?.values ?? [];
  const years = panel.columns.get("year")!.values as readonly number[];
  let first: number | null = null;
  let last: number | null = null;
  let n = 0;
  for (let i = 0; i < panel.nrows; i++) {
    if (values[i] === null) continue;
    n++;
    const y = years[i];
    if (first === null || y < first) first = y;
    if (last === null || y > last) last = y;
  }
  return { firstYear: first, lastYear: last, nonMissing: n, rows: panel.nrows };
}

/**
 * The codebook as Markdown: what the panel is, the options used, then one section per
 * column (meaning, unit, type, source ids, coverage, derivation) and the sources cited.
 */
export function codebookMarkdown(panel: Panel): string {
  const m = panel.meta;
  const out: string[] = [];
  out.push("# Country-year panel: codebook", "");
  out.push(
    `One row per Correlates of War (COW) state and calendar year, ${m.years[0]}-${m.years[1]}: ` +
      `${panel.nrows} rows, ${panel.columns.size} columns. Rows are sorted by \`ccode\`, then \`year\`. ` +
      "Missing values are empty cells in panel.csv (null in Parquet). Binary columns are 0/1.",
    "",
  );
  out.push("## Options", "", "| option | value |", "|---|---|");
  for (const [k, v] of Object.entries(m.options)) out.push(`| \`${k}\` | \`${JSON.stringify(v)}\` |`);
  out.push("", `Steps: ${m.steps.map((s) => `\`${s}\``).join(" -> ")}.`, "");
  out.push("## Columns", "");
  out.push("| column | type | unit | years | non-missing |", "|---|---|---|---|---|");
  for (const [name, c] of panel.columns) {
    const cov = coverage(panel, name);
    out.push(`| [\`${name}\`](#${name}) | ${c.doc.type} | ${esc(c.doc.unit)} | ${years(cov)} | ${cov.nonMissing} |`);
  }
  out.push("");
  for (const [name, c] of panel.columns) {
    const cov = coverage(panel, name);
    out.push(`### ${name}`, "");
    out.push(c.doc.description, "");
    out.push(`- Type: ${c.doc.type}; unit: ${c.doc.unit}`);
    out.push(`- Sources: ${c.doc.sources.length === 0 ? "none" : c.doc.sources.map((s) => `\`${s}\``).join(", ")}`);
    out.push(`- Coverage: ${years(cov)}; ${cov.nonMissing} of ${cov.rows} rows non-missing`);
    out.push(`- Derivation: ${c.doc.derivation}`, "");
  }
  if (m.warnings.length > 0) {
    out.push("## Warnings", "", "What the steps left out or could not place:", "");
    for (const w of m.warnings) out.push(`- ${w}`);
    out.push("");
  }
  out.push("## Sources", "");
  for (const id of m.sources) {
    const s = sourceById(id);
    out.push(s === undefined ? `- \`${id}\`` : `- \`${id}\` (\`${s.file}\`, SHA-256 \`${s.sha256}\`): ${s.citation}`);
  }
  out.push("");
  return out.join("\n");
}

function years(c: Coverage): string {
  return c.firstYear === null ? "none" : `${c.firstYear}-${c.lastYear}`;
}

function esc(s: string): string {
  return s.replace(/\|/g, "\\|");
}
