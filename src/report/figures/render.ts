import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { VegaLiteSpec } from "./specs.js";

/** Where the PNG renderer finds fonts (DejaVu, as the specs name). */
export const FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts"];

/** Render a Vega-Lite spec to SVG text with Vega's headless renderer. */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const compiled = compile(spec as unknown as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterise SVG text to PNG at `scale` times its size (2 = crisp on high-density screens). */
export function renderPng(svg: string, scale = 2): Uint8Array {
  const r = new Resvg(svg, {
    font: { fontDirs: FONT_DIRS, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    fitTo: { mode: "zoom", value: scale },
    background: "white",
  });
  return r.render().asPng();
}
