import { PktError } from "../../core/errors.js";

/**
 * A formula that cannot be parsed or names something the data lacks. The message
 * gives the 1-based character position and a caret line under the formula.
 */
export class FormulaError extends PktError {
  override name = "FormulaError";
  /** 0-based character position in the formula (-1 when not about a position). */
  readonly pos: number;

  constructor(formula: string, pos: number, expected: string, found?: string) {
    const head = pos >= 0 ? `formula, character ${pos + 1}: expected ${expected}` : `formula: expected ${expected}`;
    const got = found === undefined ? "" : `, found ${found}`;
    const caret = pos >= 0 ? `\n  ${formula}\n  ${" ".repeat(pos)}^` : `\n  ${formula}`;
    super(`${head}${got}${caret}`);
    this.pos = pos;
  }
}

/** Edit distance, for "did you mean" lists. */
export function levenshtein(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** Up to `max` names close to `name` (edit distance, case-insensitive prefix/substring). */
export function closeMatches(name: string, candidates: readonly string[], max = 5): string[] {
  const lower = name.toLowerCase();
  const scored = candidates
    .map((c) => {
      const cl = c.toLowerCase();
      let d = levenshtein(lower, cl);
      if (cl.includes(lower) || lower.includes(cl)) d = Math.min(d, 1);
      return { c, d };
    })
    .filter((s) => s.d <= Math.max(2, Math.floor(name.length / 3)))
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : 1));
  return scored.slice(0, max).map((s) => s.c);
}
