/** The parsed form of a model formula (fixest style): plain data, no code. */

/** Transformations allowed in a formula, applied elementwise. */
export type FunctionName = "log" | "log1p" | "sqrt" | "exp";

/** An expression over data columns (inside a term, `I(...)`, or a transformation). */
export type Expr =
  | { readonly kind: "column"; readonly name: string; readonly pos: number }
  | { readonly kind: "number"; readonly value: number; readonly pos: number }
  | { readonly kind: "call"; readonly fn: FunctionName; readonly arg: Expr; readonly pos: number }
  | { readonly kind: "binary"; readonly op: "+" | "-" | "*" | "/" | "^"; readonly left: Expr; readonly right: Expr; readonly pos: number }
  | { readonly kind: "negate"; readonly arg: Expr; readonly pos: number }
  /** Parentheses as written (kept so labels deparse like R). */
  | { readonly kind: "paren"; readonly arg: Expr; readonly pos: number }
  /** `I(expr)`: arithmetic inside the formula. */
  | { readonly kind: "identity"; readonly arg: Expr; readonly pos: number }
  /** `factor(col)` or `factor(col, ref = "b")`: dummy-coded, reference level omitted. */
  | { readonly kind: "factor"; readonly column: string; readonly ref: string | null; readonly pos: number };

/** One right-hand-side term: the interaction of one or more factors (a main effect has one). */
export interface Term {
  readonly factors: readonly Expr[];
  /** R-style label, e.g. `x1`, `log1p(x2):x3`. */
  readonly label: string;
}

/** A parsed formula `response ~ terms | fe1 + fe2`. */
export interface ParsedFormula {
  /** The formula text as given. */
  readonly source: string;
  readonly response: Expr;
  /** Label of the response, e.g. `pdest` or `log(y)`. */
  readonly responseLabel: string;
  /** False after `-1`, `+0` or `0 +`. */
  readonly intercept: boolean;
  /** Expanded terms in R's order (main effects, then interactions by order). */
  readonly terms: readonly Term[];
  /** Fixed-effect column names after `|` (zero, one or two). */
  readonly fixedEffects: readonly string[];
}
