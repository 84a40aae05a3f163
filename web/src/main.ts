/** The dashboard: a hash router over its views, and the provenance footer. */
import "./style.css";
import { getJson, type Meta } from "./api.js";
import { disposeCharts } from "./charts.js";
import { debounce, el } from "./dom.js";
import { prefetchShapes } from "./geo.js";
import { renderCountry } from "./views/country.js";
import { renderExplorer } from "./views/explorer.js";
import { renderMap } from "./views/map.js";
import { renderMultiverse } from "./views/multiverse.js";
import { renderSimulator } from "./views/simulator.js";
import { renderSources } from "./views/sources.js";

const view = document.getElementById("view") as HTMLElement;
const footer = document.getElementById("provenance") as HTMLElement;
let generation = 0;

/**
 * Views that size their charts from the page's width when they draw them (the others' charts
 * have fixed sizes): when the width changes by more than a little (a resized window, a turned
 * phone), they are drawn again from the URL, which holds their state, at the same scroll position.
 */
const SIZED_VIEWS = new Set(["map", "country", "multiverse"]);
const REDRAW_PX = 32;
/** The view's width when it was last drawn. */
let drawnWidth = 0;

/** Parse `#/name/arg?k=v` into parts. */
function route(): { name: string; arg: string | null; params: URLSearchParams } {
  const h = location.hash.replace(/^#\/?/, "");
  const [path, query] = h.split("?", 2) as [string, string | undefined];
  const [name, arg] = path.split("/", 2) as [string, string | undefined];
  return { name: name || "map", arg: arg ? decodeURIComponent(arg) : null, params: new URLSearchParams(query ?? "") };
}

async function show(meta: Meta): Promise<void> {
  const g = ++generation;
  const r = route();
  disposeCharts();
  for (const a of document.querySelectorAll<HTMLAnchorElement>("nav a")) a.classList.toggle("active", a.dataset.view === r.name);
  const host = el("div", { class: `view view-${r.name}` });
  view.replaceChildren(host);
  drawnWidth = view.clientWidth;
  const stale = () => g !== generation;
  try {
    if (r.name === "country" && r.arg) await renderCountry(host, meta, r.arg, stale);
    else if (r.name === "models") await renderExplorer(host, meta, stale);
    else if (r.name === "simulate") await renderSimulator(host, meta, r.params, stale);
    else if (r.name === "multiverse") await renderMultiverse(host, meta, r.params, stale);
    else if (r.name === "sources") renderSources(host, meta);
    else await renderMap(host, meta, r.params, stale);
  } catch (err) {
    if (!stale()) host.replaceChildren(el("p", { class: "error", role: "alert", text: err instanceof Error ? err.message : String(err) }));
  }
  // For tests and tools: the width the finished view was drawn for.
  if (!stale()) document.body.dataset.drawnWidth = String(drawnWidth);
}

/** Draw a sized view again when the page's width has changed since it was drawn (see SIZED_VIEWS). */
function redrawOnResize(meta: Meta): void {
  window.addEventListener("resize", debounce(() => {
    if (!SIZED_VIEWS.has(route().name) || Math.abs(view.clientWidth - drawnWidth) < REDRAW_PX) return;
    const y = window.scrollY;
    void show(meta).then(() => window.scrollTo(0, y));
  }, 200));
}

function renderFooter(meta: Meta): void {
  footer.replaceChildren(
    el("p", {}, `Data: ${meta.origin}. Panel ${meta.years[0]}–${meta.years[1]}, built by ${meta.program.name} ${meta.program.version}. `,
      el("a", { href: "#/sources", text: `${meta.sources.length} source files with SHA-256 and citations` }), "."),
  );
}

async function start(): Promise<void> {
  performance.mark("pkt:script");
  prefetchShapes();
  const meta = await getJson<Meta>("/api/meta");
  performance.mark("pkt:meta");
  renderFooter(meta);
  window.addEventListener("hashchange", () => void show(meta));
  redrawOnResize(meta);
  await show(meta);
  document.body.dataset.ready = "1";
}

start().catch((err: unknown) => {
  view.replaceChildren(el("p", { class: "error", role: "alert", text: `Could not load the dashboard: ${err instanceof Error ? err.message : String(err)}` }));
});
