/**
 * Recursive-descent parser for fixest-style formulas:
 * `y ~ x1 + log1p(x2) * x3 + x4:x5 + I(x^2) + factor(region, ref = "b") - 1 | ccode + year`.
 * Builds an AST (./types.ts) and expands `*`, `:`, `-` into R-ordered terms. Never evaluates code.
 */
import { FormulaError } from "./errors.js";
import { tokenize, type Token } from "./tokenize.js";
import type { Expr, FunctionName, ParsedFormula, Term } from "./types.js";
import { deparse } from "./deparse.js";

const FUNCTIONS: ReadonlySet<string> = new Set<FunctionName>(["log", "log1p", "sqrt", "exp"]);

/** A set of terms under construction: each term is a list of factor keys. */
interface TermSet {
  terms: string[][];
  /** Intercept explicitly added (`1`), removed (`0`/`-1`) or untouched. */
  intercept: boolean | null;
}

class Parser {
  private i = 0;
  /** Factor expressions by deparsed key, in order of first appearance. */
  readonly factors = new Map<string, Expr>();

  constructor(
    private readonly src: string,
    private readonly toks: Token[],
  ) {}

  peek(): Token {
    return this.toks[this.i];
  }

  next(): Token {
    return this.toks[this.i++];
  }

  isOp(v: string): boolean {
    const t = this.peek();
    return t.type === "op" && t.value === v;
  }

  expectOp(v: string, what = `"${v}"`): Token {
    const t = this.peek();
    if (t.type !== "op" || t.value !== v) this.fail(t, what);
    return this.next();
  }

  fail(t: Token, expected: string): never {
    throw new FormulaError(this.src, t.pos, expected, t.type === "end" ? "end of formula" : JSON.stringify(t.value));
  }

  parseFormula(): ParsedFormula {
    const response = this.parseArith();
    this.expectOp("~", `"~" after the response`);
    const rhs = this.parseSum();
    const fixedEffects: string[] = [];
    if (this.isOp("|")) {
      this.next();
      for (;;) {
        const t = this.next();
        if (t.type !== "name") this.fail(t, "a fixed-effect column name");
        fixedEffects.push(t.value);
        if (!this.isOp("+")) break;
        this.next();
      }
      if (fixedEffects.length > 2) {
        throw new FormulaError(this.src, this.toks[this.i - 1].pos, "at most two fixed effects after |", `${fixedEffects.length}`);
      }
    }
    const end = this.peek();
    if (end.type === "op" && end.value === "^") this.fail(end, `"+", "*", ":", "|" or end of formula (write I(x^2) for a power)`);
    if (end.type !== "end") this.fail(end, `"+", "*", ":", "|" or end of formula`);
    const order = [...this.factors.keys()];
    const terms: Term[] = rhs.terms
      .map((keys) => [...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)))
      .map((keys, idx) => ({ keys, idx }))
      .sort((a, b) => a.keys.length - b.keys.length || a.idx - b.idx)
      .map(({ keys }) => ({ factors: keys.map((k) => this.factors.get(k) as Expr), label: keys.join(":") }));
    return {
      source: this.src,
      response,
      responseLabel: deparse(response),
      intercept: rhs.intercept !== false,
      terms,
      fixedEffects,
    };
  }

  /** sum := ['-'] prod (('+' | '-') prod)* */
  parseSum(): TermSet {
    let acc: TermSet = { terms: [], intercept: null };
    let sign: "+" | "-" = "+";
    if (this.isOp("-")) {
      this.next();
      sign = "-";
    }
    for (;;) {
      const part = this.parseProduct();
      acc = sign === "+" ? union(acc, part) : subtract(acc, part);
      if (this.isOp("+") || this.isOp("-")) sign = this.next().value as "+" | "-";
      else return acc;
    }
  }

  /** prod := inter ('*' inter)* — a*b = a + b + a:b */
  parseProduct(): TermSet {
    let acc = this.parseInteraction();
    while (this.isOp("*")) {
      this.next();
      const right = this.parseInteraction();
      acc = union(union(acc, right), interact(acc, right));
    }
    return acc;
  }

  /** inter := atom (':' atom)* */
  parseInteraction(): TermSet {
    let acc = this.parseAtom();
    while (this.isOp(":")) {
      this.next();
      acc = interact(acc, this.parseAtom());
    }
    return acc;
  }

  parseAtom(): TermSet {
    const t = this.peek();
    if (t.type === "op" && t.value === "(") {
      this.next();
      const inner = this.parseSum();
      this.expectOp(")", `")"`);
      return inner;
    }
    if (t.type === "number") {
      this.next();
      if (t.value === "1") return { terms: [], intercept: true };
      if (t.value === "0") return { terms: [], intercept: false };
      this.fail(t, "a term (only 0 or 1 may stand alone as numbers)");
    }
    if (t.type === "name") {
      const e = this.parseTermFactor();
      const key = deparse(e);
      if (!this.factors.has(key)) this.factors.set(key, e);
      return { terms: [[key]], intercept: null };
    }
    this.fail(t, "a term (column name, function call or parenthesised terms)");
  }

  /** A single factor in a term: a column, a transformation, I(...), or factor(...). */
  parseTermFactor(): Expr {
    const t = this.peek();
    if (t.type === "name" && t.value === "factor" && this.toks[this.i + 1]?.value === "(") {
      this.next();
      this.next();
      const col = this.next();
      if (col.type !== "name") this.fail(col, "a column name inside factor()");
      let ref: string | null = null;
      if (this.isOp(",")) {
        this.next();
        const kw = this.next();
        if (kw.type !== "name" || kw.value !== "ref") this.fail(kw, `ref = "level"`);
        this.expectOp("=", `"=" after ref`);
        const v = this.next();
        if (v.type !== "string" && v.type !== "number" && v.type !== "name") this.fail(v, "a reference level (quoted)");
        ref = v.value;
      }
      this.expectOp(")", `")" closing factor(`);
      return { kind: "factor", column: col.value, ref, pos: t.pos };
    }
    return this.parsePrimary();
  }

  /** Arithmetic: addsub := muldiv (('+'|'-') muldiv)* — used for the response, I() and function arguments. */
  parseArith(): Expr {
    let left = this.parseMulDiv();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.next();
      left = { kind: "binary", op: op.value as "+" | "-", left, right: this.parseMulDiv(), pos: op.pos };
    }
    return left;
  }

  parseMulDiv(): Expr {
    let left = this.parseUnary();
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.next();
      left = { kind: "binary", op: op.value as "*" | "/", left, right: this.parseUnary(), pos: op.pos };
    }
    return left;
  }

  parseUnary(): Expr {
    if (this.isOp("-")) {
      const op = this.next();
      return { kind: "negate", arg: this.parseUnary(), pos: op.pos };
    }
    return this.parsePower();
  }

  parsePower(): Expr {
    const base = this.parsePrimary();
    if (this.isOp("^")) {
      const op = this.next();
      return { kind: "binary", op: "^", left: base, right: this.parseUnary(), pos: op.pos };
    }
    return base;
  }

  parsePrimary(): Expr {
    const t = this.next();
    if (t.type === "number") return { kind: "number", value: Number(t.value), pos: t.pos };
    if (t.type === "op" && t.value === "(") {
      const arg = this.parseArith();
      this.expectOp(")", `")"`);
      return { kind: "paren", arg, pos: t.pos };
    }
    if (t.type === "name") {
      if (this.isOp("(")) {
        this.next();
        if (t.value === "I") {
          const arg = this.parseArith();
          this.expectOp(")", `")" closing I(`);
          return { kind: "identity", arg, pos: t.pos };
        }
        if (!FUNCTIONS.has(t.value)) {
          throw new FormulaError(this.src, t.pos, "one of the functions log, log1p, sqrt, exp, I, factor", `${t.value}(`);
        }
        const arg = this.parseArith();
        this.expectOp(")", `")" closing ${t.value}(`);
        return { kind: "call", fn: t.value as FunctionName, arg, pos: t.pos };
      }
      return { kind: "column", name: t.value, pos: t.pos };
    }
    this.i--;
    this.fail(t, "a column name, number, function call or (");
  }
}

function union(a: TermSet, b: TermSet): TermSet {
  const terms = [...a.terms];
  for (const t of b.terms) if (!terms.some((u) => sameTerm(u, t))) terms.push(t);
  return { terms, intercept: b.intercept ?? a.intercept };
}

function subtract(a: TermSet, b: TermSet): TermSet {
  const terms = a.terms.filter((t) => !b.terms.some((u) => sameTerm(u, t)));
  let intercept = a.intercept;
  if (b.intercept === true) intercept = false;
  if (b.intercept === false) intercept = true;
  return { terms, intercept };
}

function interact(a: TermSet, b: TermSet): TermSet {
  const terms: string[][] = [];
  for (const x of a.terms) {
    for (const y of b.terms) {
      const t = [...x];
      for (const k of y) if (!t.includes(k)) t.push(k);
      if (!terms.some((u) => sameTerm(u, t))) terms.push(t);
    }
  }
  return { terms, intercept: null };
}

function sameTerm(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k) => b.includes(k));
}

/** Parse a formula string; syntax errors are FormulaError with the character position. */
export function parseFormula(src: string): ParsedFormula {
  return new Parser(src, tokenize(src)).parseFormula();
}

/** Parse a bare arithmetic expression (a numeric term label such as `log1p(x2)` or `I(x^2)`). */
export function parseExpression(src: string): Expr {
  const p = new Parser(src, tokenize(src));
  const e = p.parseArith();
  const end = p.peek();
  if (end.type !== "end") p.fail(end, "end of expression");
  return e;
}

/** Every data column an expression reads. */
export function exprColumns(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.kind) {
    case "column":
      out.add(e.name);
      break;
    case "factor":
      out.add(e.column);
      break;
    case "number":
      break;
    case "binary":
      exprColumns(e.left, out);
      exprColumns(e.right, out);
      break;
    default:
      exprColumns(e.arg, out);
  }
  return out;
}
