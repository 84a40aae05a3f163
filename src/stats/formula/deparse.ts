import type { Expr } from "./types.js";

/** Format a number as R's deparse does (up to 15 significant digits). */
export function formatNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  return String(Number(v.toPrecision(15)));
}

/** Turn an expression back into text the way R's deparse labels terms (`log1p(x2)`, `I(x^2)`, `I(a * b)`). */
export function deparse(e: Expr): string {
  switch (e.kind) {
    case "column":
      return /^[A-Za-z.][A-Za-z0-9._]*$/.test(e.name) ? e.name : `\`${e.name}\``;
    case "number":
      return formatNumber(e.value);
    case "call":
      return `${e.fn}(${deparse(e.arg)})`;
    case "identity":
      return `I(${deparse(e.arg)})`;
    case "paren":
      return `(${deparse(e.arg)})`;
    case "negate":
      return `-${deparse(e.arg)}`;
    case "factor":
      return `factor(${e.column})`;
    case "binary":
      return e.op === "^" ? `${deparse(e.left)}^${deparse(e.right)}` : `${deparse(e.left)} ${e.op} ${deparse(e.right)}`;
  }
}
