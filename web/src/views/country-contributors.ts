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

/** Years as ranges, e.g. "1997–2003, 2005". */
export function yearRanges(years: readonly number[]): string {
  if (years.length === 0) return "";
  const [a, b] = [Math.min(...years), Math.max(...years)];
  const listed = new Set(years);
  const gaps = new Set<number>();
  for (let y = a; y <= b; y++) if (!listed.has(y)) gaps.add(y);
  return missingRanges([a, b], gaps);
}

/**
 * A Geo-PKO troop count for a table cell: "unknown" where the maps give no number at all,
 * "≥ n" where they give none at some locations (n sums the known ones), else n.
 */
export function geopkoCell(troops: number | null, unknownAt: number): string {
  if (troops === null) return "unknown";
  return unknownAt > 0 ? `≥ ${fmtInt(troops)}` : fmtInt(troops);
}

/** Geo-PKO's contributors by year: estimated troops from the UN's maps, a different measure, drawn separately. */
async function renderGeopko(host: HTMLElement, c: ContributorsResponse, stale: () => boolean): Promise<void> {
  const g = c.geopko;
  if (g === null) return;
  const name = c.country ?? c.iso3;
  host.append(el("h4", { text: "Named on UN deployment maps, troops estimated (Geo-PKO)" }));
  // Years with a contributor named: in the table; in the chart only where some troops are known.
  const years = g.years.filter((y) => y.troops !== 0 || y.unknownAt > 0);
  const drawn = years.filter((y) => y.troops !== null && y.troops > 0);
  const withMaps = new Set(g.years.map((y) => y.year));
  const [a, b] = [Math.min(c.panelYears[0], g.source.years[0]), Math.max(c.panelYears[1], g.source.years[1])];
  const noMaps = missingRanges([a, b], withMaps);
  const noTroops = g.years.filter((y) => y.troops === 0 && y.unknownAt === 0).map((y) => y.year);
  const allUnknown = yearRanges(years.filter((y) => y.troops === null).map((y) => y.year));
  const someUnknown = yearRanges(drawn.filter((y) => y.unknownAt > 0).map((y) => y.year));
  const note = [
    `Source: ${g.source.what} (${g.source.file}, ${g.source.years[0]}–${g.source.years[1]}). Not comparable with the head-counts above: a different measure, so it is shown apart and not used to fill their gaps.`,
    noMaps === "" ? "" : `No Geo-PKO map of a mission in ${name} for ${noMaps}: left out, not drawn as zero.`,
    noTroops.length > 0 ? `Maps without troop contingents (observers or police only) in ${noTroops.join(", ")}.` : "",
    allUnknown === "" ? "" : `In ${allUnknown} the maps name contributors but give no troop numbers: troops unknown, left out of the chart, not drawn as zero.`,
    someUnknown === "" ? "" : `In ${someUnknown} the maps give no troop number at some locations: the chart and the table count only the known numbers, so those years' troops are at least what is shown (≥ in the table).`,
  ].filter((t) => t !== "").join(" ");
  host.append(el("p", { class: "caption", id: "country-geopko-note", text: note }));
  if (years.length === 0) return;
  const chartBox = el("div", { id: "country-geopko-chart" });
  const tableBox = el("div", { id: "country-geopko-table", class: "table-wrap" });
  host.append(chartBox, tableBox);
  // Largest known troops first; contributors whose troops are unknown everywhere after them, most locations first.
  const totals = new Map<string, { troops: number; unknownAt: number }>();
  for (const y of years) {
    for (const k of y.contributors) {
      const t = totals.get(k.name) ?? { troops: 0, unknownAt: 0 };
      totals.set(k.name, { troops: t.troops + (k.troops ?? 0), unknownAt: t.unknownAt + k.unknownAt });
    }
  }
  const top = [...totals.entries()].sort((x, y) => y[1].troops - x[1].troops || y[1].unknownAt - x[1].unknownAt || x[0].localeCompare(y[0])).slice(0, TOP).map(([k]) => k);
  const topSet = new Set(top);
  const nOthers = [...totals.keys()].filter((k) => !topSet.has(k)).length;
  const othersLabel = `others (${nOthers} countries)`;
  /** Per year and group: known troops (null: none known) and locations with a count unknown. */
  const cells: { year: number; group: string; troops: number | null; unknownAt: number }[] = [];
  for (const y of years) {
    for (const k of top) {
      const x = y.contributors.find((v) => v.name === k);
      if (x !== undefined) cells.push({ year: y.year, group: k, troops: x.troops, unknownAt: x.unknownAt });
    }
    const rest = y.contributors.filter((v) => !topSet.has(v.name));
    if (rest.length > 0) {
      const known = rest.filter((v) => v.troops !== null);
      cells.push({
        year: y.year, group: othersLabel,
        troops: known.length > 0 ? Math.round(known.reduce((s, v) => s + v.troops!, 0) * 10) / 10 : null,
        unknownAt: rest.reduce((s, v) => s + v.unknownAt, 0),
      });
    }
  }
  const rows: Row[] = cells
    .filter((r) => r.troops !== null && r.troops > 0)
    .map((r) => ({ year: r.year, contributor: r.group === othersLabel ? "others" : r.group, group: r.group, troops: r.troops, unknownAt: r.unknownAt, rank: r.group === othersLabel ? top.length : top.indexOf(r.group) }));
  const drawnGroups = new Set(rows.map((r) => r.group));
  const chartTop = top.filter((k) => drawnGroups.has(k));
  const domain = [...chartTop, ...(drawnGroups.has(othersLabel) ? [othersLabel] : [])];
  const range = [...COLORS.slice(0, chartTop.length), ...(drawnGroups.has(othersLabel) ? [OTHERS_COLOR] : [])];
  const width = Math.max(200, Math.min(760, chartBox.clientWidth - 90));
  if (drawn.length > 0) {
    await renderChart(chartBox, {
      $schema: SCHEMA,
      title: { text: `Troops in ${name} by contributor, as UN maps draw them`, subtitle: "Geo-PKO estimates from unit symbols; mean over a mission-year's maps.", anchor: "start" },
      width, height: 170,
      data: { values: rows },
      mark: { type: "bar", stroke: "#fff", strokeWidth: 0.5 },
      encoding: {
        x: { field: "year", type: "ordinal", title: null, scale: { domain: drawn.map((y) => y.year) }, axis: { labelAngle: drawn.length > 8 ? -90 : 0 } },
        y: { field: "troops", type: "quantitative", stack: "zero", title: "known troops (estimated)", axis: { format: "~s" } },
        color: { field: "group", type: "nominal", title: null, scale: { domain, range }, sort: domain, legend: { orient: "bottom", direction: "vertical", columns: width > 500 ? 3 : 1, labelLimit: 240 } },
        order: { field: "rank", type: "quantitative" },
        tooltip: [{ field: "year" }, { field: "contributor" }, { field: "troops", title: "troops (known)", format: ",.0f" }, { field: "unknownAt", title: "locations with troops unknown" }],
      },
    } as TopLevelSpec, { name: `${c.iso3}-geopko-contributors`, table: { columns: ["year", "contributor", "troops", "unknown_at"], rows: years.flatMap((y) => y.contributors.map((k) => ({ year: y.year, contributor: k.name, troops: k.troops, unknown_at: k.unknownAt }))) } });
    if (stale()) return;
  }
  const tableRows: Row[] = [{ contributor: "all named", ...Object.fromEntries(years.map((y) => [`y${y.year}`, geopkoCell(y.troops, y.unknownAt)])) }];
  if (years.some((y) => y.unknownAt > 0)) tableRows.push({ contributor: "locations with troops unknown", ...Object.fromEntries(years.map((y) => [`y${y.year}`, y.unknownAt > 0 ? fmtInt(y.unknownAt) : "–"])) });
  for (const g2 of [...top, ...(nOthers > 0 ? [othersLabel] : [])]) {
    const row: Row = { contributor: g2 };
    for (const y of years) {
      const r = cells.find((v) => v.year === y.year && v.group === g2);
      row[`y${y.year}`] = r === undefined ? "–" : geopkoCell(r.troops, r.unknownAt);
    }
    tableRows.push(row);
  }
  const table = renderTable(tableBox, [{ key: "contributor", label: "contributor" }, ...years.map((y) => ({ key: `y${y.year}`, label: `${y.year}` }))], tableRows, `${c.iso3}-geopko-table`);
  for (const td of table.querySelectorAll("tbody td:not(:first-child)")) td.className = "num";
  table.createCaption().textContent = "Estimated troops by contributor and year (Geo-PKO)";
  tableBox.before(el("p", { class: "caption", id: "country-geopko-table-note", text: `Table: estimated troops; "≥ n": the maps give no number at some of the contributor's locations, n counts the known ones; "unknown": no number at any; "–": not named that year. "Locations with troops unknown" counts each location on each map of the year.` }));
}
