/**
 * A figure for a page that is read at 1280 px, at 420 px and on paper: the spec drawn
 * at full width and again narrow (concatenated views stacked, titles wrapped, legends
 * below), so that on a phone its text is not scaled below about 11 px.
 */
import { escapeHtml } from "./html.js";
import { renderSvg, type VegaLiteSpec } from "./render.js";

/** Width of a plot in the narrow version (the page is about 400 px wide at 420). */
export const NARROW_WIDTH = 270;

/** Split text into lines of at most `n` characters at spaces. */
export function wrapText(text: string, n: number): string[] {
  const lines: string[] = [];
  let cur = "";
  for (const w of text.split(/\s+/)) {
    if (cur !== "" && cur.length + 1 + w.length > n) {
      lines.push(cur);
      cur = w;
    } else cur = cur === "" ? w : `${cur} ${w}`;
  }
  if (cur !== "") lines.push(cur);
  return lines;
}

function wrapTitle(t: unknown, n: number): unknown {
  if (typeof t === "string") return t.length > n ? { text: wrapText(t, n) } : t;
  if (t === null || typeof t !== "object") return t;
  const o = { ...(t as Record<string, unknown>) };
  if (typeof o.text === "string" && o.text.length > n) o.text = wrapText(o.text, n);
  if (typeof o.subtitle === "string" && o.subtitle.length > n) o.subtitle = wrapText(o.subtitle, n);
  if (Array.isArray(o.subtitle)) o.subtitle = (o.subtitle as unknown[]).flatMap((l) => (typeof l === "string" ? wrapText(l, n) : [l]));
  return o;
}

/** The narrow version of a spec: side-by-side views stacked, plots at most `width` wide, titles wrapped. */
export function narrowSpec(spec: VegaLiteSpec, width = NARROW_WIDTH, top = true): VegaLiteSpec {
  const s: Record<string, unknown> = { ...spec };
  const chars = Math.floor(width / 9);
  if (Array.isArray(s.hconcat)) {
    s.vconcat = (s.hconcat as VegaLiteSpec[]).map((c) => narrowSpec(c, width, false));
    delete s.hconcat;
  } else if (Array.isArray(s.vconcat)) {
    s.vconcat = (s.vconcat as VegaLiteSpec[]).map((c) => narrowSpec(c, width, false));
  }
  // A wrapped facet (`facet` + `columns` + inner `spec`): one column of narrow panels.
  if (s.facet !== undefined && s.spec !== null && typeof s.spec === "object") {
    if (typeof s.columns === "number") s.columns = 1;
    s.spec = narrowSpec(s.spec as VegaLiteSpec, width, false);
  }
  if (typeof s.width === "number" && s.width > width) {
    if (s.projection !== undefined && typeof s.height === "number") s.height = Math.round((s.height * width) / s.width);
    s.width = width;
  }
  if (s.title !== undefined) s.title = wrapTitle(s.title, chars);
  if (Array.isArray(s.layer)) s.layer = (s.layer as VegaLiteSpec[]).map((l) => narrowSpec(l, width, false));
  if (s.encoding !== null && typeof s.encoding === "object") {
    const enc: Record<string, unknown> = {};
    for (const [ch, def] of Object.entries(s.encoding as Record<string, unknown>)) {
      let d = def as Record<string, unknown> | null;
      // A long axis title would widen the figure past the narrow width: wrap it into lines.
      if (d !== null && typeof d === "object" && typeof d.title === "string" && d.title.length > chars) d = { ...d, title: wrapText(d.title, chars) };
      enc[ch] = d !== null && typeof d === "object" && d.legend !== null && typeof d.legend === "object"
        ? { ...d, legend: { ...(d.legend as Record<string, unknown>), direction: "vertical", titleOrient: "top", orient: "bottom", labelLimit: width } }
        : d;
    }
    s.encoding = enc;
  }
  if (top) {
    const config = { ...((s.config as Record<string, unknown> | undefined) ?? {}) };
    config.legend = { ...((config.legend as Record<string, unknown> | undefined) ?? {}), orient: "bottom", direction: "vertical", labelLimit: width };
    s.config = config;
  }
  return s;
}

function widest(spec: Record<string, unknown>): number | null {
  if (typeof spec.width === "number") return spec.width;
  if (spec.facet !== undefined && spec.spec !== null && typeof spec.spec === "object") {
    const w = widest(spec.spec as Record<string, unknown>);
    return w === null ? null : w * (typeof spec.columns === "number" ? spec.columns : 1);
  }
  const kids = [...((spec.vconcat as Record<string, unknown>[] | undefined) ?? []), ...((spec.hconcat as Record<string, unknown>[] | undefined) ?? []), ...((spec.layer as Record<string, unknown>[] | undefined) ?? [])];
  const ws = kids.map(widest).filter((w): w is number => w !== null);
  return ws.length ? Math.max(...ws) : null;
}

/** Wrap every title and subtitle to the width of its view (about 6.5 px a character), so text never widens a figure. */
export function fitTitles(spec: VegaLiteSpec): VegaLiteSpec {
  const s: Record<string, unknown> = { ...spec };
  const w = widest(s);
  if (s.title !== undefined && w !== null) s.title = wrapTitle(s.title, Math.max(30, Math.floor(w / 6.5)));
  for (const k of ["vconcat", "hconcat"] as const) if (Array.isArray(s[k])) s[k] = (s[k] as VegaLiteSpec[]).map(fitTitles);
  return s;
}

/** Give every id in an SVG a prefix so several inline SVGs on one page do not clash. */
export function prefixSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`);
}

function inline(svg: string, prefix: string): string {
  return prefixSvgIds(svg, prefix).replace(/^<\?xml[^>]*>\s*/, "");
}

/** A figure drawn wide and narrow: the wide SVG (for files) and the HTML showing the one that fits the screen. */
export interface DrawnFigure {
  readonly svg: string;
  readonly html: string;
}

/** Render a spec wide and narrow; the HTML holds both, and CSS (`.fig-wide`, `.fig-narrow`) shows one. */
export async function drawFigure(id: string, spec: VegaLiteSpec): Promise<DrawnFigure> {
  const svg = await renderSvg(fitTitles(spec));
  const narrow = await renderSvg(narrowSpec(spec));
  const label = (cls: string) => `<div class="${cls}">`;
  return { svg, html: `${label("fig-wide")}${inline(svg, escapeHtml(id))}</div>${label("fig-narrow")}${inline(narrow, `${escapeHtml(id)}-n`)}</div>` };
}
