import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyseModeration } from "../../src/contributors/models.js";
import { contributorsPanel, moderationRows } from "../../src/contributors/run.js";
import { MODERATORS, OUTCOMES } from "../../src/contributors/spec.js";
import type { PanelRow } from "../../src/panel/panel.js";
import { fit } from "../../src/stats/index.js";
import { DATA_DIR } from "../util/data.js";

/**
 * R reference for two moderation models: scripts/reference/contributors_moderation.R run on the
 * panel written by `pkt panel build` (default options). When the panel's construction changes,
 * rebuild that panel and rerun the script (see its header).
 */
interface RFit { id: string; outcome: string; moderator: string; model: string; nobs: number; hosts: number; n_clusters: number; terms: string[]; coef: number[]; se: number[] }
const ref = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/reference/contributors_moderation.json"), "utf8")) as { source: { R: string }; fits: RFit[] };

let panel: PanelRow[];
beforeAll(() => {
  panel = contributorsPanel(DATA_DIR);
});

const close = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThan(tol * Math.max(1, Math.abs(b)));

describe(`contributor moderation models against R (${ref.source.R})`, () => {
  it.each(ref.fits.map((f) => [f.id, f] as const))("%s: N, hosts, clusters, coefficients and clustered SEs", (_id, f) => {
    const o = OUTCOMES.find((x) => x.col === f.outcome)!;
    const m = MODERATORS.find((x) => x.col === f.moderator)!;
    expect(o.model).toBe(f.model);
    const rows = moderationRows(panel, o, m);
    const r = analyseModeration(rows, o, m.col, { seed: 1, nsim: 10 });
    expect(r.n).toBe(f.nobs);
    expect(r.hosts).toBe(f.hosts);
    expect(r.clusters).toBe(f.n_clusters);
    // The full model as analyseModeration fits it (its formula, the same rows and filter).
    const sample = rows.filter((x) => [x.y, x.moderator, x.un_total, x.gdppc, x.pop, x.v2x_polyarchy, x.civil_conflict, x.trend].every((v) => v !== null) && (x.gdppc as number) > 0 && (x.pop as number) > 0);
    const full = fit(r.formula, sample, { model: o.model, vcov: { type: "cluster", by: ["ccode"] } });
    expect(full.terms.map((t) => t.replace(/\s/g, ""))).toEqual(f.terms.map((t) => t.replace(/\s/g, "")));
    full.coef.forEach((b, i) => close(b, f.coef[i], 1e-8));
    full.tidy.forEach((t, i) => close(t.std_error, f.se[i], 1e-8));
    const j = f.terms.length - 1;
    close(r.interaction.estimate, f.coef[j], 1e-8);
    close(r.interaction.std_error, f.se[j], 1e-8);
  });
});
