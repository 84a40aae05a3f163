/**
 * Dashboard data from the source files: the panel (built once per variant and
 * cached), per-operation timelines, the sources used, and the ISO numeric table.
 */
import { createCountryYears, DEFAULT_OPTIONS, PANEL_STEPS, runSteps, SourceLoader, toRows, type Panel, type PanelOptions } from "../panel/index.js";
import { placeUnMonths } from "../panel/steps/add-un-peacekeeping.js";
import { nonUnType } from "../panel/steps/add-non-un-operations.js";
import { readNonUnMonths } from "../panel/steps/non-un-source.js";
import { kosovoHost, KOSOVO_MISSIONS, missionKey } from "../panel/steps/un-hosts.js";
import { geopkoHostContributors } from "../contributors/geopko-host-contributors.js";
import { hostContributors } from "../contributors/host-contributors.js";
import { readCountrycodeCodelist, countrycodeCodelistSource } from "../sources/countrycode-codelist.js";
import { baraHultmanPkoSource } from "../sources/bara-hultman-pko.js";
import { SOURCES } from "../sources/registry.js";
import { DEFAULT_VARIANT, variantKey, type ColumnInfo, type DashboardData, type MissionYear, type PanelRow, type PanelVariant, type SourceInfo } from "./data.js";

/** The panel options a dashboard variant stands for. */
export function panelOptionsOf(v: PanelVariant): PanelOptions {
  return { reportAlignment: v.reportAlignment, unSource: v.unSource, multiHost: v.multiHost, kosovo: v.kosovo, usTroops: v.usTroops };
}

/** Organisation labels of Bara and Hultman's non-UN types, as the country page shows them. */
const ORG_LABEL: Readonly<Record<string, string>> = { nato: "NATO", eu: "EU", regional: "regional", single_state: "single state" };

/**
 * Build the dashboard data from `dataDir`: the default panel now (so the first
 * request is fast), other variants on first request. Throws the panel's errors
 * (missing or changed source files name the file).
 */
export function loadDashboardData(dataDir: string): DashboardData {
  const panels = new Map<string, { panel: Panel; rows: readonly PanelRow[] }>();
  // One loader for every variant: each source file is verified and parsed once, and
  // variants only re-run the steps (what buildPanel does, with the reads shared).
  const loader = new SourceLoader(dataDir);
  const build = (v: PanelVariant) => {
    const key = variantKey(v);
    let hit = panels.get(key);
    if (hit === undefined) {
      const panel = runSteps(createCountryYears(loader, panelOptionsOf(v)), PANEL_STEPS, loader);
      hit = { panel, rows: Object.freeze(toRows(panel).map((r) => Object.freeze(r as PanelRow))) };
      panels.set(key, hit);
    }
    return hit;
  };
  const base = build(DEFAULT_VARIANT);
  const iso3Of = new Map<string, string>();
  for (const r of base.rows) if (typeof r.iso3 === "string") iso3Of.set(`${String(r.ccode)}:${String(r.year)}`, r.iso3);

  const missions = missionTimelines(dataDir, loader, iso3Of);
  const isoNumeric: Record<string, string> = {};
  for (const c of readCountrycodeCodelist(dataDir)) {
    if (c.iso3n !== null && c.iso3c !== null) isoNumeric[String(c.iso3n).padStart(3, "0")] = c.iso3c;
  }
  const used = new Set([...base.panel.meta.sources, countrycodeCodelistSource.id, baraHultmanPkoSource.id]);
  const sources: SourceInfo[] = SOURCES.filter((s) => used.has(s.id)).map((s) => ({
    id: s.id, file: s.file, sha256: s.sha256, citation: s.citation, license: s.license, what: s.what,
  }));
  const columns: ColumnInfo[] = [...base.panel.columns.values()].map((c) => ({
    name: c.doc.name, type: c.doc.type === "string" ? "string" : "number", label: `${c.doc.description} (${c.doc.unit})`,
  }));
  // Contributors by host-year: placed once, on the first country page that asks.
  let placed: ReturnType<typeof hostContributors> | null = null;
  const contributors = (iso3: string) => {
    placed ??= hostContributors(loader);
    const p = placed;
    const ccodes = new Set(base.rows.filter((r) => r.iso3 === iso3).map((r) => r.ccode as number));
    const years = [...ccodes].flatMap((c) => p.byHost(c).filter((y) => iso3Of.get(`${c}:${y.year}`) === iso3)).sort((a, b) => a.year - b.year);
    return { source: p.source, years };
  };
  let geopko: ReturnType<typeof geopkoHostContributors> | null = null;
  const geopkoContributors = (iso3: string) => {
    geopko ??= geopkoHostContributors(loader);
    const g = geopko;
    // Geo-PKO writes current COW codes: every code the country has in the panel, any year.
    const ccodes = new Set(base.rows.filter((r) => r.iso3 === iso3).map((r) => r.ccode as number));
    return { source: g.source, years: [...ccodes].flatMap((c) => g.byHost(c)).sort((a, b) => a.year - b.year) };
  };
  return {
    // The server does not tell the browser where its files live on disk: the file names and hashes identify them.
    origin: `${sources.length} published source files (SHA-256 verified)`,
    sources,
    panelOptions: { ...base.panel.meta.options },
    columns,
    years: [base.panel.meta.years[0], base.panel.meta.years[1]],
    isoNumeric,
    panel: async (v) => build(v).rows,
    missions: (iso3) => missions.get(iso3) ?? [],
    contributors,
    geopkoContributors,
  };
}

/**
 * Per-operation personnel by host and year: UN missions placed as the panel places
 * them (default options), non-UN operations from Bara and Hultman. Personnel is the
 * mean over the year's months covered by the source (UN) or over 12 months (non-UN,
 * as the panel's nonun_* columns).
 */
function missionTimelines(dataDir: string, loader: SourceLoader, iso3Of: ReadonlyMap<string, string>): Map<string, MissionYear[]> {
  type Acc = { iso3: string; mission: string; org: string; year: number; total: number; troops: number; police: number; observers: number; tcc: number | null; months: number };
  const acc = new Map<string, Acc>();
  const add = (ccode: number, year: number, mission: string, org: string, v: { total: number; troops: number; police: number; observers: number; tcc: number | null }) => {
    const iso3 = iso3Of.get(`${ccode}:${year}`);
    if (iso3 === undefined) return;
    const k = `${iso3}|${mission}|${year}`;
    const a = acc.get(k) ?? { iso3, mission, org, year, total: 0, troops: 0, police: 0, observers: 0, tcc: null, months: 0 };
    a.total += v.total;
    a.troops += v.troops;
    a.police += v.police;
    a.observers += v.observers;
    if (v.tcc !== null) a.tcc = Math.max(a.tcc ?? 0, v.tcc);
    acc.set(k, a);
  };
  const placed = placeUnMonths({ options: DEFAULT_OPTIONS, sources: loader });
  const monthsIn = new Map<number, number>();
  for (const m of placed.covered) monthsIn.set(Math.floor(m / 12), (monthsIn.get(Math.floor(m / 12)) ?? 0) + 1);
  for (const r of placed.records) add(r.ccode, r.year, r.mission, "UN", r);
  for (const r of loader.load("bara_hultman_pko", [baraHultmanPkoSource], readNonUnMonths)) {
    if (r.org === 1 || r.total <= 0) continue;
    const ccode = KOSOVO_MISSIONS.has(missionKey(r.mission)) ? kosovoHost(r.year, DEFAULT_OPTIONS.kosovo) : r.ccode;
    add(ccode, r.year, r.mission, ORG_LABEL[nonUnType(r)] ?? "other", { total: r.total, troops: 0, police: 0, observers: 0, tcc: null });
  }
  const out = new Map<string, MissionYear[]>();
  for (const a of acc.values()) {
    const un = a.org === "UN";
    const months = un ? (monthsIn.get(a.year) ?? 12) : 12;
    const round = (x: number) => Math.round((x / months) * 10) / 10;
    const list = out.get(a.iso3) ?? [];
    list.push({
      mission: a.mission, org: a.org, year: a.year, personnel: round(a.total),
      troops: un ? round(a.troops) : null, police: un ? round(a.police) : null, observers: un ? round(a.observers) : null, tcc: a.tcc,
    });
    out.set(a.iso3, list);
  }
  for (const list of out.values()) list.sort((x, y) => x.year - y.year || x.mission.localeCompare(y.mission));
  return out;
}
