import type { Command } from "commander";
import { OptionError } from "../core/errors.js";
import { readUserCsv } from "../core/read-user-csv.js";
import { formatRegressionTable } from "../report/console-table.js";
import { fit } from "../stats/index.js";
import type { ModelKind, ModelResults } from "../stats/results.js";

const MODELS: readonly ModelKind[] = ["logit", "probit", "ols", "firth", "relogit", "clogit", "feols"];

/** The `--json` shape: broom-style tidy and glance, plus warnings. */
export function fitJson(r: ModelResults): Record<string, unknown> {
  const g = r.glance;
  return {
    model: r.model,
    formula: r.formula,
    vcov_type: r.vcov_type,
    tidy: r.tidy.map((t) => ({
      term: t.term,
      estimate: t.estimate,
      std_error: t.std_error,
      statistic: t.statistic,
      p_value: t.p_value,
      conf_low: t.conf_low,
      conf_high: t.conf_high,
      aliased: t.aliased === true,
    })),
    glance: { nobs: g.nobs, n_dropped_missing: g.n_dropped_missing, n_dropped_nan: g.n_dropped_nan, n_clusters: g.n_clusters, loglik: g.loglik, loglik_penalized: g.loglik_penalized, aic: g.aic, bic: g.bic, converged: g.converged, iterations: g.iterations },
    warnings: r.warnings,
  };
}

/** Read the `--data` CSV into records (cells as text; empty and NA are missing); errors name the flag or file:line:column. */
export function readCsvRecords(path: string, flag = "--data"): Record<string, string | null>[] {
  const t = readUserCsv(flag, path);
  return t.rows.map((row) => Object.fromEntries(t.header.map((h, j) => [h, t.na.has(row[j]) ? null : row[j]])));
}

/** `pkt fit --data FILE.csv --formula "..." [--model] [--vcov] [--seed] [--level] [--json]`. */
export function registerFitCommand(program: Command): void {
  program
    .command("fit")
    .description("Fit a model to any CSV file and print a regression table (or JSON).")
    .requiredOption("--data <file>", "CSV file with a header line")
    .requiredOption("--formula <formula>", 'model formula, e.g. "y ~ x1 + log1p(x2) * x3 + factor(region)"')
    .option("--model <model>", `estimator: ${MODELS.join(", ")}`, "logit")
    .option("--vcov <type>", "classical, hc0, hc1, hc2, hc3, cluster:COL[+COL2], bootstrap:COL:REPS", "classical")
    .option("--seed <n>", "seed for the bootstrap", "1")
    .option("--level <p>", "confidence level", "0.95")
    .option("--json", "print JSON (model, formula, vcov_type, tidy, glance, warnings)")
    .action((opts: { data: string; formula: string; model: string; vcov: string; seed: string; level: string; json?: boolean }) => {
      if (!(MODELS as readonly string[]).includes(opts.model)) {
        throw new OptionError(`--model ${JSON.stringify(opts.model)}: expected one of ${MODELS.join(", ")}`);
      }
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed)) throw new OptionError(`--seed ${JSON.stringify(opts.seed)}: expected a whole number`);
      const level = Number(opts.level);
      if (!(level > 0 && level < 1)) throw new OptionError(`--level ${JSON.stringify(opts.level)}: expected a number between 0 and 1`);
      const rows = readCsvRecords(opts.data);
      let r: ModelResults;
      try {
        const progress = (m: string): void => console.error(`pkt fit: ${m}`);
        r = fit(opts.formula, rows, { model: opts.model as ModelKind, vcov: opts.vcov, seed, level, progress });
      } catch (err) {
        // The engine names its option `vcov`; the user typed `--vcov`.
        if (err instanceof OptionError && err.message.startsWith("vcov ")) throw new OptionError(`--${err.message}`);
        throw err;
      }
      console.log(opts.json ? JSON.stringify(fitJson(r), null, 2) : formatRegressionTable(r));
    });
}
