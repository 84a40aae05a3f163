/**
 * Multiverse: the results of `pkt multiverse` per claim. The specification curve with its
 * choice matrix, filters by fork option, a keyboard-usable list of the visible
 * specifications, and one specification's choices, reproduce commands and coefficient
 * table refitted in the browser and checked against specs.csv.
 */
import { FORKS } from "../../../src/multiverse/forks.js";
import type { SpecRow } from "../../../src/multiverse/read-specs.js";
import { getJson, getJsonPlain, variantParams, type Meta, type MultiverseMeta, type PanelResponse } from "../api.js";
import { button, fmt, fmtInt, fmtPValue, renderChart, renderTable } from "../charts.js";
import { el, select } from "../dom.js";
import { fitInWorker } from "../model/client.js";
import { SAMPLE_COLUMNS, agrees, applyFilters, concreteOf, curveOf, decodeSpecs, estimated, forksPresent, specSample, summaryLine, tallyOf, type Filters, type SpecPoint, type SpecsResponse } from "../model/multiverse.js";
import { variantOf } from "../model/study.js";
import { columnsOf } from "../../../src/study/spec.js";
import { MAX_DRAWN, curveSpec, thinned } from "./multiverse-curve.js";

/** Rows of the specification list per page. */
const PAGE = 20;

/** Text with `code` spans (the server's messages quote commands in backticks) as DOM nodes. */
function withCode(text: string): (string | HTMLElement)[] {
  return text.split("`").map((part, i) => (i % 2 === 1 ? el("code", { text: part }) : part));
}

/** Render the Multiverse view; `params` may hold `claim`, fork filters and `spec`. */
export async function renderMultiverse(host: HTMLElement, meta: Meta, params: URLSearchParams, stale: () => boolean): Promise<void> {
  host.append(
    el("h2", { text: "Multiverse" }),
    el("p", {}, ...withCode("Every defensible way to build the panel and fit the study's four claims, as `pkt multiverse` fitted them (docs/multiverse.md). Each point is one specification; the matrix below says which choices it made.")),
  );
  let mv: MultiverseMeta;
  try {
    mv = await getJsonPlain<MultiverseMeta>("/api/multiverse");
  } catch (err) {
    if (stale()) return;
    host.append(el("p", { class: "notice", id: "mv-missing", role: "status" }, ...withCode(err instanceof Error ? err.message : String(err))));
    return;
  }
  if (stale()) return;
  const claims = mv.summary.claims.filter((c) => (mv.counts[c.claim] ?? 0) > 0);
  if (claims.length === 0) {
    host.append(el("p", { class: "notice", id: "mv-missing", text: "specs.csv has no specifications." }));
    return;
  }
  const st = {
    claim: claims.some((c) => c.claim === params.get("claim")) ? params.get("claim")! : claims[0].claim,
    filters: {} as Record<string, string>,
    page: 0,
    selected: params.has("spec") ? Number(params.get("spec")) : null,
  };
  for (const f of FORKS) if (params.get(f.id)) st.filters[f.id] = params.get(f.id)!;

  const filterBox = el("div", { class: "controls wrap", id: "mv-filters", role: "group", "aria-label": "Filters by choice" });
  const summary = el("p", { class: "status", id: "mv-summary", "aria-live": "polite" });
  const curveBox = el("div", { id: "mv-curve" });
  const caption = el("p", { class: "caption", id: "mv-curve-caption" });
  const listBox = el("div", { id: "mv-list" });
  const detail = el("section", { id: "mv-detail", class: "mv-detail", "aria-live": "polite" });
  const grid = mv.summary.grid;
  host.append(
    el("p", { class: "caption", text: `${fmtInt(mv.summary.fitted ?? 0)} specifications fitted${grid ? ` of the ${mv.summary.request?.grid ?? "default"} grid's ${fmtInt(grid.total)}` : ""}${mv.summary.request?.max != null ? ` (a seeded random subset: --max ${mv.summary.request.max} --seed ${mv.summary.request.seed ?? 1})` : ""}, by ${mv.summary.program?.name ?? "pkt"} ${mv.summary.program?.version ?? ""}.` }),
    el("div", { class: "controls wrap" },
      select("mv-claim", "Claim", claims.map((c) => [c.claim, c.title] as const), st.claim, (v) => {
        st.claim = v;
        st.filters = {};
        st.selected = null;
        detail.replaceChildren();
        void loadClaim();
      })),
    filterBox, summary, curveBox, caption,
    el("h3", { text: "Specifications" }),
    el("p", { class: "caption", text: "The visible specifications ranked by estimate; open one for its choices, the commands that reproduce it, and its coefficients refitted in your browser." }),
    listBox, detail,
  );

  let rows: SpecPoint[] = [];
  const syncUrl = () => {
    const q = new URLSearchParams({ claim: st.claim, ...Object.fromEntries(Object.entries(st.filters).filter(([, v]) => v !== "")) });
    if (st.selected !== null) q.set("spec", String(st.selected));
    history.replaceState(null, "", `#/multiverse?${q.toString()}`);
  };

  const loadClaim = async () => {
    summary.textContent = "Loading…";
    const res = await getJson<SpecsResponse>("/api/multiverse/specs", { claim: st.claim });
    if (stale()) return;
    rows = decodeSpecs(res);
    host.dataset.claim = st.claim;
    const forks = forksPresent(rows);
    for (const k of Object.keys(st.filters)) if (!forks.some((f) => f.id === k && f.options.includes(st.filters[k]))) delete st.filters[k];
    filterBox.replaceChildren(
      ...forks.map((f) => select(`mv-f-${f.id}`, f.label, [["", "all"], ...f.options.map((o) => [o, o] as const)], st.filters[f.id] ?? "", (v) => {
        st.filters[f.id] = v;
        st.page = 0;
        void update();
      })),
      button("Reset filters", "Show every specification of this claim", () => {
        st.filters = {};
        for (const s of filterBox.querySelectorAll("select")) s.value = "";
        st.page = 0;
        void update();
      }),
    );
    filterBox.querySelector("button")!.id = "mv-reset";
    st.page = 0;
    await update();
    if (st.selected !== null && rows.some((r) => r.index === st.selected)) void openSpec(st.selected, false);
  };

  const update = async () => {
    const visible = applyFilters(rows, st.filters as Filters);
    const t = tallyOf(visible, rows.length);
    summary.textContent = summaryLine(t);
    summary.dataset.shown = String(t.shown);
    summary.dataset.total = String(t.total);
    host.dataset.shown = String(t.shown);
    syncUrl();
    const curve = curveOf(visible);
    renderList(curve.ranked, visible.filter((r) => !curve.ranked.includes(r)));
    if (curve.ranked.length === 0) {
      curveBox.replaceChildren(el("p", { class: "caption", text: "No estimated specification matches these filters." }));
      caption.textContent = "";
      return;
    }
    const narrow = host.clientWidth < 640;
    const labelLimit = narrow ? 145 : 220;
    const width = Math.max(160, (curveBox.clientWidth || host.clientWidth) - labelLimit - 40);
    const { step, drawn } = thinned(curve);
    const forks = forksPresent(drawn);
    caption.textContent = [
      `${fmtInt(curve.ranked.length)} specifications on the ${curve.scale} scale, ranked by estimate, with 95% intervals; blue: positive with p < 0.05, vermillion: negative with p < 0.05, grey: p ≥ 0.05.`,
      step > 1 ? `Every ${step}th ranked specification is drawn (at most ${MAX_DRAWN}); the list below has them all.` : "",
      curve.otherScale > 0 ? `${fmtInt(curve.otherScale)} estimated specifications on another scale (probit or linear probability) are not drawn on this axis; filter by estimator to see them.` : "",
      "Click a point or a tick to open its specification.",
    ].filter((s) => s !== "").join(" ");
    await renderChart(curveBox, curveSpec(curve, forks, { width, labelLimit, narrow, selected: st.selected }), {
      name: `multiverse-${st.claim}`,
      onClick: (d) => {
        if (typeof d.index === "number") void openSpec(d.index, true);
      },
      table: { columns: ["index", "estimate", "conf_low", "conf_high", "p_value", "kind"], rows: curve.ranked.map((r) => ({ index: r.index, estimate: r.estimate, conf_low: r.conf_low, conf_high: r.conf_high, p_value: r.p_value, kind: r.kind })) },
    });
  };

  const renderList = (ranked: readonly SpecPoint[], rest: readonly SpecPoint[]) => {
    const all = [...ranked, ...rest];
    const pages = Math.max(1, Math.ceil(all.length / PAGE));
    st.page = Math.min(st.page, pages - 1);
    const slice = all.slice(st.page * PAGE, (st.page + 1) * PAGE);
    const varying = forksPresent(all).filter((f) => f.id !== "estimator");
    const table = el("table", { id: "mv-table" });
    table.append(el("thead", {}, el("tr", {}, ...["", "rank", "spec", "estimator", "estimate", "95% CI", "p", "N", "choices"].map((h) => el("th", { scope: "col", text: h })))));
    const body = el("tbody");
    slice.forEach((r, i) => {
      const rank = st.page * PAGE + i + 1;
      const open = el("button", { type: "button", class: "mv-open", "data-index": r.index, "aria-label": `Open specification ${r.index}`, text: "Open" });
      open.addEventListener("click", () => void openSpec(r.index, true));
      const ok = estimated(r);
      body.append(el("tr", { class: r.index === st.selected ? "selected" : undefined },
        el("td", {}, open),
        el("td", { class: "num", text: ok && rank <= ranked.length ? String(rank) : "–" }),
        el("td", { class: "num", text: String(r.index) }),
        el("td", { text: r.choices.estimator }),
        el("td", { class: "num", text: ok ? fmt(r.estimate, 3) : "not estimated" }),
        el("td", { class: "num", text: ok ? `${fmt(r.conf_low, 3)} to ${fmt(r.conf_high, 3)}` : "" }),
        el("td", { class: "num", text: ok ? fmtPValue(r.p_value) : "" }),
        el("td", { class: "num", text: fmtInt(r.nobs) }),
        el("td", { class: "mv-choices", text: varying.map((f) => r.choices[f.id]).filter((o) => o !== undefined && o !== "-").join(" · ") }),
      ));
    });
    table.append(body);
    const pager = el("div", { class: "controls", id: "mv-pager" });
    const prev = button("Previous", "Previous page of specifications", () => { st.page--; renderList(ranked, rest); });
    const next = button("Next", "Next page of specifications", () => { st.page++; renderList(ranked, rest); });
    prev.id = "mv-prev";
    next.id = "mv-next";
    prev.disabled = st.page === 0;
    next.disabled = st.page >= pages - 1;
    pager.append(prev, el("span", { id: "mv-page", text: all.length === 0 ? "none" : `${st.page * PAGE + 1}–${st.page * PAGE + slice.length} of ${fmtInt(all.length)}` }), next);
    listBox.replaceChildren(el("div", { class: "table-wrap" }, table), pager);
  };

  let fitSeq = 0;
  const openSpec = async (index: number, scroll: boolean) => {
    const my = ++fitSeq;
    if (st.selected !== index) {
      st.selected = index;
      void update();
    }
    detail.dataset.index = String(index);
    delete detail.dataset.fit;
    // The heading stays when the details arrive, so keyboard focus stays on it.
    const title = el("h3", { id: "mv-detail-title", tabindex: -1, text: `Specification ${index}` });
    detail.replaceChildren(title, el("p", { class: "status", text: "Loading…" }));
    if (scroll) {
      detail.scrollIntoView({ block: "start" });
      title.focus({ preventScroll: true });
    }
    const row = await getJson<SpecRow>(`/api/multiverse/spec/${index}`);
    if (stale() || my !== fitSeq) return;
    await renderDetail(row, title, () => stale() || my !== fitSeq);
  };

  const renderDetail = async (row: SpecRow, title: HTMLElement, gone: () => boolean) => {
    const choiceRows = FORKS.filter((f) => row.choices[f.id] !== "-").map((f) => ({
      fork: f.label, option: row.choices[f.id], why: f.options.find((o) => o.id === row.choices[f.id])?.reason ?? "",
    }));
    const choicesBox = el("div", { class: "table-wrap", id: "mv-choices" });
    renderTable(choicesBox, [{ key: "fork", label: "fork" }, { key: "option", label: "option" }, { key: "why", label: "why defensible" }], choiceRows, `spec-${row.index}-choices`);
    const server = row.error !== null
      ? `specs.csv: not estimated (${row.error}).`
      : `specs.csv: ${row.term} = ${fmt(row.estimate, 6)} (SE ${fmt(row.std_error, 6)}, p ${fmtPValue(row.p_value)}, 95% CI ${fmt(row.conf_low, 4)} to ${fmt(row.conf_high, 4)}), N = ${fmtInt(row.nobs)}, ${fmtInt(row.n_clusters)} clusters${row.converged ? "" : ", NOT converged"}${row.warnings ? `; warnings: ${row.warnings}` : ""}.`;
    const fitStatus = el("p", { class: "status", id: "mv-fit-status", text: "Fitting in your browser…" });
    const compare = el("p", { id: "mv-compare", class: "status" });
    const coefBox = el("div", { id: "mv-coef", class: "table-wrap" });
    title.textContent = `Specification ${row.index}: ${row.model}, ${row.choices.estimator}, ${row.choices.sample}`;
    while (detail.lastChild !== null && detail.lastChild !== title) detail.lastChild.remove();
    detail.append(
      el("p", { class: "caption", text: `Formula: ${row.formula}. Estimator: ${row.kind}; variance: ${row.vcov}${row.exclude.length > 0 ? `; countries left out (COW): ${row.exclude.join(", ")}` : ""}.` }),
      el("p", { id: "mv-server", class: "status", text: server }),
      choicesBox,
      el("h4", { text: "Reproduce" }),
      el("pre", { class: "options", id: "mv-reproduce" }, el("code", { text: row.reproduce.replace(/ && /g, " &&\n  ") })),
      el("h4", { text: "Coefficients, refitted in your browser" }),
      fitStatus, compare, coefBox,
    );
    const cs = concreteOf(row);
    const known = new Set(meta.columns.map((c) => c.name));
    const cols = [...new Set([...SAMPLE_COLUMNS, ...columnsOf(cs.model)])].filter((c) => known.has(c));
    const first = Math.max(meta.years[0], cs.options.yearFrom - 2);
    const last = Math.min(meta.years[1], cs.options.yearTo);
    const panel = await getJson<PanelResponse>("/api/panel", { years: `${first}-${last}`, columns: cols.join(","), ...variantParams(variantOf(cs.options), meta.variants.defaults) });
    if (gone()) return;
    const { rows: sample } = specSample(cs, row.choices.sample, panel.rows);
    let fit;
    try {
      fit = await fitInWorker(cs.formula, sample, cs.kind, cs.vcov);
    } catch (err) {
      if (gone()) return;
      fitStatus.classList.add("error");
      const why = err instanceof Error ? err.message : String(err);
      fitStatus.textContent = row.error !== null
        ? `The browser's engine could not fit it either (${why}), as on the server.`
        : `The browser's engine could not fit this specification (${why}); the numbers above are specs.csv's, from the server.`;
      detail.dataset.fit = "failed";
      return;
    }
    if (gone()) return;
    const r = fit.result;
    fitStatus.textContent = `Refitted in ${fit.ms.toFixed(0)} ms by the project's engine in a Web Worker: ${r.model}, ${r.vcov_description.replace(/\bccode\b/g, "country")}; N = ${fmtInt(r.glance.nobs)}${r.glance.converged ? "" : ", NOT converged"}.${cs.formula !== row.formula ? ` The formula differs from specs.csv's (${cs.formula}).` : ""}`;
    const t = r.tidy.find((x) => x.term === row.term);
    if (t === undefined || row.estimate === null) {
      compare.textContent = t === undefined ? `The browser's fit has no ${row.term} term.` : `Browser estimate of ${row.term}: ${t.estimate.toFixed(6)}; specs.csv has none.`;
      detail.dataset.fit = "no-compare";
    } else {
      const diff = Math.abs(t.estimate - row.estimate);
      const ok = agrees(t.estimate, row.estimate) && r.glance.nobs === row.nobs;
      compare.replaceChildren(
        `${row.term}: browser `, el("strong", { text: t.estimate.toPrecision(10) }), `, specs.csv `, el("strong", { text: row.estimate.toPrecision(10) }),
        `; difference ${diff.toExponential(1)}; SE ${t.std_error.toPrecision(6)} vs ${row.std_error?.toPrecision(6) ?? "–"}; N ${r.glance.nobs} vs ${row.nobs ?? "–"}. `,
        el("span", { class: ok ? "ok" : "error", text: ok ? "They agree (within 1e-6)." : "They DIFFER: the dashboard's panel or engine does not give specs.csv's numbers." }),
      );
      Object.assign(compare.dataset, { browser: String(t.estimate), csv: String(row.estimate), diff: String(diff), agree: ok ? "1" : "0" });
      detail.dataset.fit = "done";
    }
    renderTable(coefBox, [
      { key: "term", label: "term" },
      { key: "estimate", label: "estimate", format: (v) => fmt(v, 4) },
      { key: "std_error", label: "std. error", format: (v) => fmt(v, 4) },
      { key: "p_value", label: "p", format: fmtPValue },
      { key: "conf_low", label: "95% low", format: (v) => fmt(v, 4) },
      { key: "conf_high", label: "95% high", format: (v) => fmt(v, 4) },
    ], r.tidy.map((x) => ({ term: x.term, estimate: x.estimate, std_error: x.std_error, p_value: x.p_value, conf_low: x.conf_low, conf_high: x.conf_high })), `spec-${row.index}-coefficients`);
  };

  await loadClaim();
}
