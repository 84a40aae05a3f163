/**
 * Predictions for new data from a fitted ModelResults alone: the design matrix is
 * rebuilt from the term names (`x1`, `log1p(x2):x3`, `factor(region)b`), so results
 * loaded from JSON can predict too. Margins (src/stats/inference/margins.ts) build on this.
 */
import { OptionError } from "../core/errors.js";
import { cellLevel, evalColumnFixed, evalExpr } from "./formula/frame-impl.js";
import type { Expr } from "./formula/types.js";
import { parseExpression } from "./formula/parse.js";
import { getKernel } from "./kernel.js";
import { createMatrix, type Matrix } from "./linalg/matrix.js";
import type { ModelResults } from "./results.js";

/** Options for {@link predict}. */
export interface PredictOptions {
  /** "link": the linear predictor X b; "response": probabilities (binary models) or fitted values (default). */
  readonly type?: "link" | "response";
}

/** Split a term label at top-level colons (not inside parentheses or backticks). */
export function splitTerm(label: string): string[] {
  const out: string[] = [];
  let depth = 0, tick = false, start = 0;
  for (let i = 0; i < label.length; i++) {
    const c = label[i];
    if (c === "`") tick = !tick;
    else if (!tick && c === "(") depth++;
    else if (!tick && c === ")") depth--;
    else if (!tick && depth === 0 && c === ":") {
      out.push(label.slice(start, i));
      start = i + 1;
    }
  }
  out.push(label.slice(start));
  return out;
}

type Piece = (row: Record<string, unknown>, r: number) => number;

/** A `factor(column)level` piece of a term label as [column, level], or null for any other piece. */
function factorPiece(label: string): readonly [string, string] | null {
  const m = /^factor\(([^)]*)\)(.*)$/.exec(label);
  return m === null ? null : [m[1], m[2]];
}

function piece(label: string): Piece {
  if (label === "(Intercept)") return () => 1;
  const f = factorPiece(label);
  if (f !== null) {
    const [column, level] = f;
    return (row) => {
      const l = cellLevel(row[column]);
      return l === null ? NaN : l === level ? 1 : 0;
    };
  }
  const e = parseExpression(label);
  return (row, r) => evalExpr(e, row, r);
}

const COMPILED = new WeakMap<readonly string[], Piece[][]>();

function compiledTerms(terms: readonly string[]): Piece[][] {
  let c = COMPILED.get(terms);
  if (c === undefined) COMPILED.set(terms, (c = terms.map((t) => splitTerm(t).map(piece))));
  return c;
}

/**
 * The design row of one observation for coefficient names as fit() writes them
 * (`(Intercept)`, `x`, `log1p(x2):x3`, `sqrt(w)`, `I(year^2)`, `factor(region)b`): the one
 * builder the report, the simulator and the dashboard share. NaN where an input is
 * missing or a transform is undefined (log of 0).
 */
export function designRow(terms: readonly string[], row: Record<string, unknown>, rowNo = 0): number[] {
  return compiledTerms(terms).map((pieces) => {
    let v = 1;
    for (const f of pieces) v *= f(row, rowNo);
    return v;
  });
}

/**
 * The design matrix of `newdata` for the fitted terms (rows with a missing input get NaN).
 * Factor levels absent from the fit simply give 0 in every dummy (the reference level).
 * `set` fixes columns to one value in every row (a counterfactual: "everyone at size x")
 * without copying the rows. Built column by column: on a frozen array of frozen rows each
 * column or expression is read once (evalColumn's cache), not once per call. The values are
 * those {@link designRow} gives row by row.
 */
export function designMatrix(results: Pick<ModelResults, "terms">, newdata: readonly Record<string, unknown>[], set: ReadonlyMap<string, number> = NO_SET): Matrix {
  const p = results.terms.length, n = newdata.length;
  const X = createMatrix(n, p);
  const levels = new Map<string, (string | null)[]>();
  const levelsOf = (column: string): (string | null)[] => {
    let l = levels.get(column);
    if (l === undefined) {
      const fixed = set.get(column);
      l = fixed === undefined ? newdata.map((row) => cellLevel(row[column])) : new Array<string | null>(n).fill(cellLevel(fixed));
      levels.set(column, l);
    }
    return l;
  };
  results.terms.forEach((term, j) => {
    const col = new Float64Array(n).fill(1);
    for (const label of splitTerm(term)) {
      if (label === "(Intercept)") continue;
      const f = factorPiece(label);
      if (f !== null) {
        const lab = levelsOf(f[0]);
        for (let r = 0; r < n; r++) col[r] *= lab[r] === null ? NaN : lab[r] === f[1] ? 1 : 0;
        continue;
      }
      const v = evalColumnFixed(parsedLabel(label), newdata, set);
      for (let r = 0; r < n; r++) col[r] *= v[r];
    }
    for (let r = 0; r < n; r++) X.data[r * p + j] = col[r];
  });
  return X;
}

const NO_SET: ReadonlyMap<string, number> = new Map();

const PARSED = new Map<string, Expr>();

/** A term piece's expression, parsed once. */
function parsedLabel(label: string): Expr {
  let e = PARSED.get(label);
  if (e === undefined) PARSED.set(label, (e = parseExpression(label)));
  return e;
}

/**
 * Predicted linear predictor or response for each row of `newdata`; null where an input is missing.
 * Fixed-effects models (clogit, feols) have no intercepts to predict with and are refused.
 */
export function predict(results: ModelResults, newdata: readonly Record<string, unknown>[], opts: PredictOptions = {}): (number | null)[] {
  if (results.model === "clogit" || results.model === "feols") {
    throw new OptionError(`predict: ${results.model} models condition out the fixed effects, so there is no absolute prediction`);
  }
  const kernel = getKernel(results.model);
  if (kernel === undefined) throw new OptionError(`predict: model "${results.model}" is not registered`);
  const X = designMatrix(results, newdata);
  const type = opts.type ?? "response";
  const out: (number | null)[] = [];
  for (let i = 0; i < X.rows; i++) {
    let eta = 0;
    for (let j = 0; j < X.cols; j++) eta += X.data[i * X.cols + j] * results.coef[j];
    if (!Number.isFinite(eta)) out.push(null);
    else out.push(type === "link" ? eta : kernel.linkinv(eta));
  }
  return out;
}
