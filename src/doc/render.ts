/** Figures: Vega-Lite specs rendered to SVG (Vega, headless) and PNG (resvg). Shared by the report and the cases page. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
/** A Vega-Lite specification (plain JSON). */
export type VegaLiteSpec = Record<string, unknown>;

/** Where the PNG renderer looks for DejaVu (the font the specs name). */
export const FONT_DIRS = ["/usr/share/fonts/truetype/dejavu"];

/** The DejaVu faces the figures use; loading only these (not every system font) keeps PNG rendering fast. */
export const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSansMono.ttf"]
  .map((f) => join(FONT_DIRS[0], f))
  .filter((p) => existsSync(p));

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

/**
 * Rasterise SVG text to PNG at `scale` times its size (2 = crisp on high-density screens).
 * Without DejaVu installed, falls back to the system fonts.
 */
export function renderPng(svg: string, scale = 2): Uint8Array {
  const r = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: FONT_FILES.length === 0, defaultFontFamily: "DejaVu Sans" },
    fitTo: { mode: "zoom", value: scale },
    background: "white",
  });
  return r.render().asPng();
}
