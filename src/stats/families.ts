/**
 * Binomial links as R's `binomial()` family computes them (same clamping thresholds),
 * so IRLS iterates and fitted values agree with R's glm to rounding.
 */
import { dnorm, pnorm, qnorm } from "./distributions.js";

/** A link function for a binomial GLM. */
export interface Link {
  readonly name: "logit" | "probit";
  readonly linkfun: (mu: number) => number;
  readonly linkinv: (eta: number) => number;
  /** d mu / d eta. */
  readonly mueta: (eta: number) => number;
}

const EPS = 2.220446049250313e-16;
const THRESH = 30;
const INVEPS = 1 / EPS;

/** Logit link (R's C_logit_linkinv / C_logit_mu_eta clamping at |eta| > 30). */
export const LOGIT: Link = {
  name: "logit",
  linkfun: (mu) => Math.log(mu / (1 - mu)),
  linkinv: (eta) => {
    const t = eta < -THRESH ? EPS : eta > THRESH ? INVEPS : Math.exp(eta);
    return t / (1 + t);
  },
  mueta: (eta) => {
    if (eta > THRESH || eta < -THRESH) return EPS;
    const e = Math.exp(eta);
    const o = 1 + e;
    return e / (o * o);
  },
};

const PROBIT_THRESH = -qnorm(EPS);

/** Probit link (R's binomial(link = "probit")). */
export const PROBIT: Link = {
  name: "probit",
  linkfun: qnorm,
  linkinv: (eta) => pnorm(Math.min(Math.max(eta, -PROBIT_THRESH), PROBIT_THRESH)),
  mueta: (eta) => Math.max(dnorm(eta), EPS),
};

/** Binomial unit deviance for a 0/1 (or proportion) outcome. */
export function binomialDevResid(y: number, mu: number, w = 1): number {
  const a = y > 0 ? y * Math.log(y / mu) : 0;
  const b = y < 1 ? (1 - y) * Math.log((1 - y) / (1 - mu)) : 0;
  return 2 * w * (a + b);
}

/** Binomial log-likelihood contribution of a 0/1 outcome (R's dbinom(y, 1, mu, log = TRUE)). */
export function binomialLogLik(y: number, mu: number, w = 1): number {
  if (y === 1) return w * Math.log(mu);
  if (y === 0) return w * Math.log1p(-mu);
  return w * (y * Math.log(mu) + (1 - y) * Math.log1p(-mu));
}
