import type { Command } from "commander";
import { readFileSync } from "node:fs";
import { InputError, OptionError, PktError } from "../core/errors.js";
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

/** 1-based character column where field `field` (0-based) starts on a CSV line. */
function fieldColumn(line: string, field: number): number {
  let k = 0, quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (k === field) return i + 1;
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === "," && !quoted) k++;
  }
  return line.length + 1;
}

/**
 * The engine names data rows (`data row 3, column x: expected a number, got "abc"`); on
 * the command line the same problem is `file:line:column` in the CSV the user gave.
 */
function locateInFile(err: PktError, path: string): PktError {
  const m = /^data row (\d+), column (.+?): expected (.+?), got ("(?:[^"\\]|\\.)*")(.*)$/s.exec(err.message);
  if (m === null) return err;
  const t = readUserCsv("--data", path);
  const k = Number(m[1]) - 1;
  const j = t.header.indexOf(m[2]);
  if (k < 0 || k >= t.lines.length || j < 0) return err;
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
  const line = t.lines[k];
  return new InputError(path, line, fieldColumn(text[line - 1] ?? "", j), `${m[3]} in column ${m[2]}`, `${m[4]}${m[5]}`);
}

/** Drop the records whose column (as text) is one of the values of `spec` = `COL=v1,v2`; errors name `--exclude`. */
export function excludeRows(rows: Record<string, string | null>[], spec: string): Record<string, string | null>[] {
  const m = /^\s*([^=\s]+)\s*=\s*(.+)$/.exec(spec);
  if (!m) throw new OptionError(`--exclude ${JSON.stringify(spec)}: expected COL=VALUE1,VALUE2`);
  const col = m[1];
  if (rows.length > 0 && !(col in rows[0])) throw new OptionError(`--exclude: the data have no column ${JSON.stringify(col)}`);
  const drop = new Set(m[2].split(",").map((v) => v.trim()));
  return rows.filter((r) => r[col] === null || !drop.has(r[col]!));
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
    .option("--exclude <col=values>", "leave out rows whose COL is one of the comma-separated values, e.g. ccode=343,344")
    .option("--json", "print JSON (model, formula, vcov_type, tidy, glance, warnings)")
    .action((opts: { data: string; formula: string; model: string; vcov: string; seed: string; level: string; exclude?: string; json?: boolean }) => {
      if (!(MODELS as readonly string[]).includes(opts.model)) {
        throw new OptionError(`--model ${JSON.stringify(opts.model)}: expected one of ${MODELS.join(", ")}`);
      }
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed)) throw new OptionError(`--seed ${JSON.stringify(opts.seed)}: expected a whole number`);
      const level = Number(opts.level);
      if (!(level > 0 && level < 1)) throw new OptionError(`--level ${JSON.stringify(opts.level)}: expected a number between 0 and 1`);
      let rows = readCsvRecords(opts.data);
      if (opts.exclude !== undefined) rows = excludeRows(rows, opts.exclude);
      let r: ModelResults;
      try {
        const progress = (m: string): void => console.error(`pkt fit: ${m}`);
        r = fit(opts.formula, rows, { model: opts.model as ModelKind, vcov: opts.vcov, seed, level, progress });
      } catch (err) {
        // The engine names its option `vcov`; the user typed `--vcov`.
        if (err instanceof OptionError && err.message.startsWith("vcov ")) throw new OptionError(`--${err.message}`);
        if (err instanceof PktError) throw locateInFile(err, opts.data);
        throw err;
      }
      console.log(opts.json ? JSON.stringify(fitJson(r), null, 2) : formatRegressionTable(r));
    });
}
