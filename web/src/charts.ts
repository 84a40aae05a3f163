/** Render Vega-Lite specs with vega (SVG renderer) and attach SVG/PNG/CSV downloads. */
import { View, parse, type Item, type ScenegraphEvent } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { Row } from "./api.js";

const live = new Set<View>();

/** The dashboard's chart look: text at least 11 px on screen (charts are drawn at their CSS size, never scaled down). */
const BASE_CONFIG = {
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11 },
  legend: { labelFontSize: 11, titleFontSize: 11, symbolStrokeWidth: 1 },
  header: { labelFontSize: 11, titleFontSize: 11 },
  title: { fontSize: 13, subtitleFontSize: 11 },
  text: { fontSize: 11 },
};
const byHost = new WeakMap<HTMLElement, View>();

/** Finalize every chart of the previous view (frees timers and listeners). */
export function disposeCharts(): void {
  for (const v of live) v.finalize();
  live.clear();
}

/** Options of {@link renderChart}. */
export interface ChartOptions {
  /** File name stem for downloads, e.g. `map-2008`. */
  readonly name: string;
  /** Called with the datum under a click. */
  readonly onClick?: (datum: Record<string, unknown>) => void;
  /** The chart's data as a table, offered as CSV. */
  readonly table?: { columns: readonly string[]; rows: readonly Row[] };
}

/** Compile and render a Vega-Lite spec into `host` (replacing its content), with a download toolbar. */
export async function renderChart(host: HTMLElement, spec: TopLevelSpec, opts: ChartOptions): Promise<View> {
  const old = byHost.get(host);
  if (old) {
    old.finalize();
    live.delete(old);
  }
  host.replaceChildren();
  host.classList.add("chart");
  const box = document.createElement("div");
  box.className = "chart-body";
  const bar = document.createElement("div");
  bar.className = "downloads";
  host.append(box, bar);
  const t0 = performance.now();
  const withConfig = { ...spec, config: { ...BASE_CONFIG, ...((spec as { config?: object }).config ?? {}) } } as TopLevelSpec;
  const vg = compile(withConfig).spec;
  const t1 = performance.now();
  const runtime = parse(vg);
  const t2 = performance.now();
  const view = new View(runtime, { renderer: "svg", container: box });
  live.add(view);
  byHost.set(host, view);
  if (opts.onClick) {
    const cb = opts.onClick;
    view.addEventListener("click", (_e: ScenegraphEvent, item: Item | null | undefined) => {
      const d = item?.datum as Record<string, unknown> | undefined;
      if (d) cb(d);
    });
  }
  await view.runAsync();
  const t3 = performance.now();
  performance.mark(`pkt:chart:${opts.name}:compile=${(t1 - t0).toFixed(0)},parse=${(t2 - t1).toFixed(0)},run=${(t3 - t2).toFixed(0)}`);
  bar.append(
    button("SVG", `Download ${opts.name} as SVG`, async () => saveUrl(URL.createObjectURL(new Blob([await view.toSVG()], { type: "image/svg+xml" })), `${opts.name}.svg`)),
    button("PNG", `Download ${opts.name} as PNG`, async () => saveUrl(await view.toImageURL("png", 2), `${opts.name}.png`)),
  );
  if (opts.table) {
    const t = opts.table;
    bar.append(button("CSV", `Download the data of ${opts.name} as CSV`, () => saveText(toCsv(t.columns, t.rows), `${opts.name}.csv`, "text/csv")));
  }
  return view;
}

/** A small toolbar button. */
export function button(label: string, title: string, onClick: () => void | Promise<void>): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.title = title;
  b.className = "dl";
  b.addEventListener("click", () => void onClick());
  return b;
}

function saveUrl(url: string, filename: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  if (url.startsWith("blob:")) setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offer text as a file download. */
export function saveText(text: string, filename: string, type: string): void {
  saveUrl(URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` })), filename);
}

/** RFC 4180 CSV of `rows` over `columns` (missing values empty). */
export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return "";
    const s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map(cell).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\n") + "\n";
}

/** Render an HTML table with a CSV download button; `format` turns values into text. */
export function renderTable(
  host: HTMLElement,
  columns: readonly { key: string; label: string; format?: (v: unknown, row: Row) => string }[],
  rows: readonly Row[],
  name: string,
): HTMLTableElement {
  host.replaceChildren();
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const c of columns) {
    const th = document.createElement("th");
    th.textContent = c.label;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of rows) {
    const tr = body.insertRow();
    for (const c of columns) {
      const td = tr.insertCell();
      const v = r[c.key];
      td.textContent = c.format ? c.format(v, r) : v === null || v === undefined ? "" : String(v);
      if (typeof v === "number") td.className = "num";
    }
  }
  const bar = document.createElement("div");
  bar.className = "downloads";
  bar.append(button("CSV", `Download ${name} as CSV`, () => saveText(toCsv(columns.map((c) => c.key), rows), `${name}.csv`, "text/csv")));
  host.append(table, bar);
  return table;
}

/** Format a number with a fixed number of decimals, or an en dash when missing. */
export function fmt(v: unknown, digits = 3): string {
  return typeof v === "number" && Number.isFinite(v) ? v.toFixed(digits) : "–";
}

/** Format a count with thousands separators. */
export function fmtInt(v: unknown): string {
  return typeof v === "number" && Number.isFinite(v) ? Math.round(v).toLocaleString("en-US") : "–";
}

/** Format a p-value as tables in the report do: "< 0.001", else three decimals. */
export function fmtPValue(v: unknown): string {
  if (typeof v !== "number" || !Number.isFinite(v)) return "–";
  return v < 0.001 ? "<\u00a00.001" : v.toFixed(3);
}
