import { describe, expect, it } from "vitest";
import { fitDetailed } from "../../src/stats/index.js";
import { LOGIT, PROBIT } from "../../src/stats/families.js";
import { binomialInformationAt, binomialLogLikAt, binomialScoresAt } from "../../src/stats/models/glm-derivs.js";
import { cholesky, cholInverse, type Matrix } from "../../src/stats/linalg/matrix.js";
import { datasetRecords } from "./reference-data.js";

const data = datasetRecords("sim1");
const formula = "y ~ x1 + log1p(x2) * x3 + factor(region)";

function colSums(m: Matrix): number[] {
  const out = new Array<number>(m.cols).fill(0);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out[j] += m.data[i * m.cols + j];
  return out;
}

function numGradient(f: (b: number[]) => number, b: number[], h = 1e-5): number[] {
  return b.map((_, j) => {
    const up = [...b], dn = [...b];
    up[j] += h;
    dn[j] -= h;
    return (f(up) - f(dn)) / (2 * h);
  });
}

for (const link of [LOGIT, PROBIT]) {
  describe(`${link.name}: scores and gradient`, () => {
    const d = fitDetailed(formula, data, { model: link.name });
    const { X } = d;
    const y = d.frame.y;
    const beta = Array.from(d.kernelFit.coef);
    const ll = (b: number[]) => binomialLogLikAt(X, y, b, link);

    it("summed scores are zero at the optimum (to R's deviance tolerance; exactly with a tight one)", () => {
      for (const g of colSums(binomialScoresAt(X, y, beta, link))) expect(Math.abs(g)).toBeLessThan(1e-3);
      const tight = fitDetailed(formula, data, { model: link.name, epsilon: 1e-15, maxit: 50 });
      const bt = Array.from(tight.kernelFit.coef);
      for (const g of colSums(binomialScoresAt(X, y, bt, link))) expect(Math.abs(g)).toBeLessThan(1e-6);
      for (const g of colSums(tight.kernelFit.scores)) expect(Math.abs(g)).toBeLessThan(1e-6);
    });

    it("summed scores equal the numerical gradient away from the optimum", () => {
      const off = beta.map((b, j) => b + 0.1 * (j % 2 === 0 ? 1 : -1));
      const analytic = colSums(binomialScoresAt(X, y, off, link));
      const numeric = numGradient(ll, off);
      analytic.forEach((a, j) => expect(Math.abs(a - numeric[j])).toBeLessThan(1e-5 * Math.max(1, Math.abs(a))));
      expect(Math.max(...analytic.map(Math.abs))).toBeGreaterThan(1);
    });

    it("the kernel's loglik is the loglik at its coefficients", () => {
      expect(d.kernelFit.loglik).toBeCloseTo(ll(beta), 10);
    });
  });
}

describe("logit: analytic vs numerical Hessian", () => {
  const d = fitDetailed(formula, data, { model: "logit" });
  const { X } = d;
  const y = d.frame.y;
  const beta = Array.from(d.kernelFit.coef);
  const p = beta.length;
  const grad = (b: number[]) => colSums(binomialScoresAt(X, y, b, LOGIT));

  it("information = minus the numerical Jacobian of the gradient", () => {
    for (const at of [beta, beta.map((b) => b * 0.7)]) {
      const info = binomialInformationAt(X, at, LOGIT);
      for (let j = 0; j < p; j++) {
        const h = 1e-5;
        const up = [...at], dn = [...at];
        up[j] += h;
        dn[j] -= h;
        const gu = grad(up), gd = grad(dn);
        for (let i = 0; i < p; i++) {
          const num = -(gu[i] - gd[i]) / (2 * h);
          expect(Math.abs(num - info.data[i * p + j])).toBeLessThan(1e-5 * Math.max(1, Math.abs(num)));
        }
      }
    }
  });

  it("the bread is the inverse information at the estimate (tight convergence)", () => {
    const tight = fitDetailed(formula, data, { model: "logit", epsilon: 1e-15, maxit: 50 });
    const ch = cholesky(binomialInformationAt(X, tight.kernelFit.coef, LOGIT));
    expect(ch.ok).toBe(true);
    if (!ch.ok) return;
    const inv = cholInverse(ch.L);
    for (let k = 0; k < p * p; k++) {
      expect(Math.abs(inv.data[k] - tight.kernelFit.bread.data[k])).toBeLessThan(1e-8 * Math.max(1e-3, Math.abs(inv.data[k])) + 1e-12);
    }
  });
});

describe("ols: scores are residual times x and sum to zero", () => {
  it("X'e = 0", () => {
    const d = fitDetailed("yc ~ x1 + x3 + factor(region)", data, { model: "ols" });
    for (const g of colSums(d.kernelFit.scores)) expect(Math.abs(g)).toBeLessThan(1e-6);
  });
});
