/** Country page, "Who sent the peacekeepers": a host's UN contributors by year, and how many of their personnel were women. */
import type { TopLevelSpec } from "vega-lite";
import { getJson, type ContributorsResponse, type Row } from "../api.js";
import { fmtInt, renderChart, renderTable } from "../charts.js";
import { el } from "../dom.js";

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
/** Contributors drawn by name; the rest are summed as "others". */
const TOP = 8;
/** Okabe-Ito-like, distinguishable colours for the named contributors, grey for the others. */
const COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
const OTHERS_COLOR = "#BBBBBB";

/** Year ranges (e.g. "1990–2008, 2015–2019") of `all` not in `have`. */
export function missingRanges([a, b]: readonly [number, number], have: ReadonlySet<number>): string {
  const out: string[] = [];
  let start: number | null = null;
  for (let y = a; y <= b + 1; y++) {
    const missing = y <= b && !have.has(y);
    if (missing && start === null) start = y;
    if (!missing && start !== null) {
      out.push(start === y - 1 ? String(start) : `${start}–${y - 1}`);
      start = null;
    }
  }
  return out.join(", ");
}

/** Render the contributors block of a country page into `box`: the IPI head-counts, then Geo-PKO's map estimates. */
export async function renderCountryContributors(box: HTMLElement, iso3: string, stale: () => boolean): Promise<void> {
  const c = await getJson<ContributorsResponse>(`/api/country/${encodeURIComponent(iso3)}/contributors`);
  if (stale()) return;
  const ipiBox = el("div", { id: "country-contributors-ipi" });
  const geoBox = el("div", { id: "country-contributors-geopko" });
  box.replaceChildren(el("h3", { text: "Who sent the peacekeepers: UN contributors by year" }), ipiBox, geoBox);
  await renderIpi(ipiBox, c, stale);
  if (stale()) return;
  await renderGeopko(geoBox, c, stale);
}

async function renderIpi(host: HTMLElement, c: ContributorsResponse, stale: () => boolean): Promise<void> {
  const iso3 = c.iso3;
  const name = c.country ?? iso3;
  const chartBox = el("div", { id: "country-contributors-chart" });
  const tableBox = el("div", { id: "country-contributors-table", class: "table-wrap" });
  host.append(el("h4", { text: "Head-counts, with women (IPI contributor-by-sex file)" }));
  if (c.source === null) {
    host.append(el("p", { class: "caption", id: "country-contributors-note", text: "No contributor data is available in this data set." }));
    return;
  }
  const s = c.source;
  const have = new Set(c.years.map((y) => y.year));
  const covered = new Set(s.years);
  const outside = missingRanges(c.panelYears, covered);
  const insideEmpty = s.years.filter((y) => !have.has(y));
  const notes = [
    `Source: ${s.what} (${s.file}, ${s.from} to ${s.to}). Mean personnel per month over the months the file covers in each year (${s.years[0]}: from ${s.from}; ${s.years[s.years.length - 1]}: to ${s.to}).`,
    outside === "" ? "" : `No contributor data for ${outside}: those years are left out, not drawn as zero.`,
    insideEmpty.length > 0 && have.size > 0 ? `No UN personnel in ${name} in the file in ${insideEmpty.join(", ")}.` : "",
  ].filter((t) => t !== "");
  if (c.years.length === 0) {
    host.append(el("p", { class: "caption", id: "country-contributors-note", text: `No UN contributors in ${name} in the contributor file (${s.from} to ${s.to}). ${notes.slice(1).join(" ")}` }));
    return;
  }
  host.append(el("p", { class: "caption", id: "country-contributors-note", text: notes.join(" ") }), chartBox, tableBox);

  const totals = new Map<string, { name: string; personnel: number }>();
  for (const y of c.years) for (const k of y.contributors) totals.set(k.iso3, { name: k.name, personnel: (totals.get(k.iso3)?.personnel ?? 0) + k.personnel });
  const top = [...totals.entries()].sort((a, b) => b[1].personnel - a[1].personnel).slice(0, TOP).map(([k, v]) => [k, v.name] as const);
  const topSet = new Set(top.map(([k]) => k));
  const nOthers = totals.size - topSet.size;
  const othersLabel = `others (${nOthers} countries)`;
  const grouped: Row[] = [];
  for (const y of c.years) {
    for (const [k, label] of top) {
      const x = y.contributors.find((v) => v.iso3 === k);
      if (x !== undefined) grouped.push({ year: y.year, contributor: label, personnel: x.personnel, women: x.women });
    }
    const rest = y.contributors.filter((v) => !topSet.has(v.iso3));
    if (rest.length > 0) {
      const p = rest.reduce((a, v) => a + v.personnel, 0);
      const w = rest.reduce((a, v) => a + v.women, 0);
      grouped.push({ year: y.year, contributor: `${othersLabel.replace(/\(\d+ countries\)/, `(${rest.length} countries)`)}`, group: othersLabel, personnel: Math.round(p * 10) / 10, women: Math.round(w * 10) / 10 });
    }
  }
  for (const r of grouped) r.group ??= r.contributor;
  const domain = [...top.map(([, label]) => label), ...(nOthers > 0 ? [othersLabel] : [])];
  const range = [...COLORS.slice(0, top.length), ...(nOthers > 0 ? [OTHERS_COLOR] : [])];
  const years = c.years.map((y) => y.year);
  // Room for the y axis and its title beside the plot.
  const width = Math.max(200, Math.min(760, chartBox.clientWidth - 90));
  const color = { field: "group", type: "nominal", title: null, scale: { domain, range }, sort: domain, legend: { orient: "bottom", direction: "vertical", columns: width > 500 ? 3 : 1, labelLimit: 240 } };
  // Every year the file covers (an empty slot is a covered year without UN personnel here, as the note says).
  const x = { field: "year", type: "ordinal", title: null, scale: { domain: s.years }, axis: { labelAngle: 0 } };
  const bars = (field: "personnel" | "women", title: string, height: number) => ({
    width, height,
    mark: { type: "bar", stroke: "#fff", strokeWidth: 0.5 },
    encoding: {
      x, color,
      y: { field, type: "quantitative", stack: "zero", title, axis: { format: "~s" } },
      order: { field: "rank", type: "quantitative" },
      tooltip: [{ field: "year" }, { field: "contributor" }, { field: "personnel", format: ",.0f" }, { field: "women", format: ",.0f" }],
    },
  });
  const ranked = grouped.map((r) => ({ ...r, rank: domain.indexOf(String(r.group)) }));
  await renderChart(chartBox, {
    $schema: SCHEMA,
    title: { text: `UN uniformed personnel in ${name} by contributing country`, subtitle: "Top: all personnel. Bottom: of whom women (own scale).", anchor: "start" },
    data: { values: ranked },
    vconcat: [bars("personnel", "personnel (mean per month)", 170), bars("women", "women", 90)],
    resolve: { scale: { color: "shared" } },
  } as TopLevelSpec, { name: `${iso3}-contributors-by-year`, table: { columns: ["year", "contributor", "personnel", "women"], rows: c.years.flatMap((y) => y.contributors.map((k) => ({ year: y.year, contributor: k.name, iso3: k.iso3, personnel: k.personnel, women: k.women }))) } });
  if (stale()) return;

  // One row per contributor (the chart's groups), one column per year: "personnel / women".
  const cell = (p: number, w: number): string => `${fmtInt(p)} / ${fmtInt(w)}`;
  const tableRows: Row[] = [{ contributor: "all contributors", ...Object.fromEntries(c.years.map((y) => [`y${y.year}`, cell(y.personnel, y.women)])) }];
  for (const g of domain) {
    const row: Row = { contributor: g };
    for (const y of years) {
      const r = grouped.find((v) => v.year === y && v.group === g);
      row[`y${y}`] = r === undefined ? "–" : cell(r.personnel as number, r.women as number);
    }
    tableRows.push(row);
  }
  const table = renderTable(tableBox, [
    { key: "contributor", label: "contributor" },
    ...years.map((y) => ({ key: `y${y}`, label: `${y}` })),
  ], tableRows, `${iso3}-contributors-table`);
  for (const td of table.querySelectorAll("tbody td:not(:first-child)")) td.className = "num";
  table.createCaption().textContent = `Personnel / of whom women, by contributor and year`;
  tableBox.before(el("p", { class: "caption", text: `Table: mean personnel per month / of whom women, for the ${top.length} largest contributors to ${name} over ${years[0]}–${years[years.length - 1]}, the rest as "others" (the chart's CSV lists every contributor); "–": none that year.` }));
}

/** Geo-PKO's contributors by year: estimated troops from the UN's maps, a different measure, drawn separately. */
async function renderGeopko(host: HTMLElement, c: ContributorsResponse, stale: () => boolean): Promise<void> {
  const g = c.geopko;
  if (g === null) return;
  const name = c.country ?? c.iso3;
  host.append(el("h4", { text: "Named on UN deployment maps, troops estimated (Geo-PKO)" }));
  const years = g.years.filter((y) => y.troops > 0);
  const withMaps = new Set(g.years.map((y) => y.year));
  const [a, b] = [Math.min(c.panelYears[0], g.source.years[0]), Math.max(c.panelYears[1], g.source.years[1])];
  const noMaps = missingRanges([a, b], withMaps);
  const noTroops = g.years.filter((y) => y.troops === 0).map((y) => y.year);
  const note = [
    `Source: ${g.source.what} (${g.source.file}, ${g.source.years[0]}–${g.source.years[1]}). Not comparable with the head-counts above: a different measure, so it is shown apart and not used to fill their gaps.`,
    noMaps === "" ? "" : `No Geo-PKO map of a mission in ${name} for ${noMaps}: left out, not drawn as zero.`,
    noTroops.length > 0 ? `Maps without troop contingents (observers or police only) in ${noTroops.join(", ")}.` : "",
  ].filter((t) => t !== "").join(" ");
  host.append(el("p", { class: "caption", id: "country-geopko-note", text: note }));
  if (years.length === 0) return;
  const chartBox = el("div", { id: "country-geopko-chart" });
  const tableBox = el("div", { id: "country-geopko-table", class: "table-wrap" });
  host.append(chartBox, tableBox);
  const totals = new Map<string, number>();
  for (const y of years) for (const k of y.contributors) totals.set(k.name, (totals.get(k.name) ?? 0) + k.troops);
  const top = [...totals.entries()].filter(([, t]) => t > 0).sort((x, y) => y[1] - x[1]).slice(0, TOP).map(([k]) => k);
  const topSet = new Set(top);
  const nOthers = [...totals.keys()].filter((k) => !topSet.has(k)).length;
  const othersLabel = `others (${nOthers} countries)`;
  const rows: Row[] = [];
  for (const y of years) {
    for (const k of top) {
      const x = y.contributors.find((v) => v.name === k);
      if (x !== undefined && x.troops > 0) rows.push({ year: y.year, contributor: k, group: k, troops: x.troops, rank: top.indexOf(k) });
    }
    const rest = y.contributors.filter((v) => !topSet.has(v.name)).reduce((s, v) => s + v.troops, 0);
    if (rest > 0) rows.push({ year: y.year, contributor: "others", group: othersLabel, troops: Math.round(rest * 10) / 10, rank: top.length });
  }
  const domain = [...top, ...(nOthers > 0 ? [othersLabel] : [])];
  const range = [...COLORS.slice(0, top.length), ...(nOthers > 0 ? [OTHERS_COLOR] : [])];
  const width = Math.max(200, Math.min(760, chartBox.clientWidth - 90));
  await renderChart(chartBox, {
    $schema: SCHEMA,
    title: { text: `Troops in ${name} by contributor, as UN maps draw them`, subtitle: "Geo-PKO estimates from unit symbols; mean over a mission-year's maps.", anchor: "start" },
    width, height: 170,
    data: { values: rows },
    mark: { type: "bar", stroke: "#fff", strokeWidth: 0.5 },
    encoding: {
      x: { field: "year", type: "ordinal", title: null, scale: { domain: years.map((y) => y.year) }, axis: { labelAngle: years.length > 8 ? -90 : 0 } },
      y: { field: "troops", type: "quantitative", stack: "zero", title: "troops (estimated)", axis: { format: "~s" } },
      color: { field: "group", type: "nominal", title: null, scale: { domain, range }, sort: domain, legend: { orient: "bottom", direction: "vertical", columns: width > 500 ? 3 : 1, labelLimit: 240 } },
      order: { field: "rank", type: "quantitative" },
      tooltip: [{ field: "year" }, { field: "contributor" }, { field: "troops", format: ",.0f" }],
    },
  } as TopLevelSpec, { name: `${c.iso3}-geopko-contributors`, table: { columns: ["year", "contributor", "troops"], rows: years.flatMap((y) => y.contributors.map((k) => ({ year: y.year, contributor: k.name, troops: k.troops }))) } });
  if (stale()) return;
  const tableRows: Row[] = [{ contributor: "all named", ...Object.fromEntries(years.map((y) => [`y${y.year}`, fmtInt(y.troops)])) }];
  for (const g2 of domain) {
    const row: Row = { contributor: g2 };
    for (const y of years) {
      const r = rows.find((v) => v.year === y.year && v.group === g2);
      row[`y${y.year}`] = r === undefined ? "–" : fmtInt(r.troops);
    }
    tableRows.push(row);
  }
  const table = renderTable(tableBox, [{ key: "contributor", label: "contributor" }, ...years.map((y) => ({ key: `y${y.year}`, label: `${y.year}` }))], tableRows, `${c.iso3}-geopko-table`);
  for (const td of table.querySelectorAll("tbody td:not(:first-child)")) td.className = "num";
  table.createCaption().textContent = "Estimated troops by contributor and year (Geo-PKO)";
}
