/** Synthetic data with a known moderation of the size effect, for the contributors tests. */
import type { ModRow } from "../../src/contributors/models.js";
import { createRng } from "../../src/stats/random.js";

/** Normal draw (Box-Muller) from the project's seeded generator. */
export function normal(rng: ReturnType<typeof createRng>): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

/**
 * A synthetic panel: `countries` x 6 years, a third of countries host UN personnel (log-normal
 * size) with a host-level share in 0..1; y from a logit (or linear) model with size slope 0.3
 * and interaction `inter` (a country intercept in the linear model only).
 */
export function simulate(inter: number, model: "logit" | "ols", seed: number, countries = 300): ModRow[] {
  const rng = createRng(seed);
  const rows: ModRow[] = [];
  for (let c = 1; c <= countries; c++) {
    const host = rng.next() < 0.35;
    const share = rng.next();
    // A country intercept only in the linear model: omitted heterogeneity attenuates logit coefficients.
    const alpha = model === "ols" ? normal(rng) * 0.5 : 0;
    const gdppc = Math.exp(8 + normal(rng));
    for (let t = 0; t < 6; t++) {
      const un = host ? Math.exp(3 + 2 * normal(rng)) : 0;
      const L = Math.log1p(un);
      const poly = rng.next();
      const conflict = rng.next() < 0.2 ? 1 : 0;
      const pop = Math.exp(2 + normal(rng));
      const eta = -1 + alpha + 0.3 * L + inter * L * (host ? share : 0) - 0.8 * share * (host ? 1 : 0) + 0.1 * Math.log(gdppc) - 0.1 * Math.log(pop) - 0.5 * poly + 0.4 * conflict + 0.05 * t;
      const y = model === "logit" ? (rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0) : eta + normal(rng) * 0.7;
      rows.push({ ccode: c, year: 2009 + t, y, un_total: un, moderator: host ? share : 0, gdppc, pop, v2x_polyarchy: poly, civil_conflict: conflict, trend: t });
    }
  }
  return rows;
}
