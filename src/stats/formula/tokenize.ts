/** Tokenizer for model formulas. Never evaluates anything. */
import { FormulaError } from "./errors.js";

/** A formula token with its 0-based character position. */
export interface Token {
  readonly type: "name" | "number" | "string" | "op" | "end";
  readonly value: string;
  readonly pos: number;
}

const OPS = new Set(["~", "+", "-", "*", "/", "^", ":", "|", "(", ")", ",", "="]);

/** Split formula text into tokens; unexpected characters are a FormulaError at their position. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_.]/.test(c) && !(c === "." && /[0-9]/.test(src[i + 1] ?? ""))) {
      const start = i;
      while (i < src.length && /[A-Za-z0-9_.]/.test(src[i])) i++;
      out.push({ type: "name", value: src.slice(start, i), pos: start });
    } else if (c === "`") {
      const end = src.indexOf("`", i + 1);
      if (end < 0) throw new FormulaError(src, i, "a closing backtick", "end of formula");
      out.push({ type: "name", value: src.slice(i + 1, end), pos: i });
      i = end + 1;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i));
      if (m === null) throw new FormulaError(src, i, "a number", JSON.stringify(c));
      out.push({ type: "number", value: m[0], pos: i });
      i += m[0].length;
    } else if (c === '"' || c === "'") {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new FormulaError(src, i, `a closing ${c}`, "end of formula");
      out.push({ type: "string", value: src.slice(i + 1, end), pos: i });
      i = end + 1;
    } else if (OPS.has(c)) {
      out.push({ type: "op", value: c, pos: i });
      i++;
    } else {
      throw new FormulaError(src, i, "a column name, number or one of ~ + - * / ^ : | ( ) ,", JSON.stringify(c));
    }
  }
  out.push({ type: "end", value: "", pos: src.length });
  return out;
}
