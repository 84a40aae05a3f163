import { drawFigure } from "../doc/figure.js";
import { renderPng } from "../doc/render.js";
import { moderatorSpec } from "./files.js";
import type { ContributorsResults } from "./run.js";

/** Figures folder of the contributor figures, relative to the output directory. */
export const CONTRIBUTORS_FIGURE_DIR = "figures/contributors";

/** One moderator's figure: its file stem, the HTML to inline (wide and narrow SVG) and its files. */
export interface ContributorsFigure {
  readonly moderator: string;
  /** File stem under {@link CONTRIBUTORS_FIGURE_DIR}, e.g. `size-by-female`. */
  readonly stem: string;
  readonly html: string;
  readonly files: readonly { readonly path: string; readonly data: string | Uint8Array }[];
}

/**
 * Draw the effect of size across each moderator's range (moderatorSpec) wide and narrow
 * (drawFigure), as `pkt contributors` and the report both write them:
 * `figures/contributors/size-by-<moderator>.{vl.json,svg,png}`.
 */
export async function contributorsFigures(res: ContributorsResults, opts: { png?: boolean } = {}): Promise<ContributorsFigure[]> {
  const out: ContributorsFigure[] = [];
  for (const m of res.moderators) {
    if (!res.results.some((r) => r.moderator === m.col)) continue;
    const spec = moderatorSpec(m, res.results, res.outcomes);
    const stem = `size-by-${m.id}`;
    const { svg, html } = await drawFigure(`contributors-${stem}`, spec);
    const base = `${CONTRIBUTORS_FIGURE_DIR}/${stem}`;
    const files: { path: string; data: string | Uint8Array }[] = [
      { path: `${base}.vl.json`, data: JSON.stringify(spec, null, 1) + "\n" },
      { path: `${base}.svg`, data: svg },
    ];
    if (opts.png !== false) files.push({ path: `${base}.png`, data: renderPng(svg) });
    out.push({ moderator: m.col, stem, html, files });
  }
  return out;
}
