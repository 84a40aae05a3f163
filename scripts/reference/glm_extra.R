# Reference values for the extra estimators of the estimation engine (issue 4):
# Firth bias-reduced logit, King-Zeng rare-events logit, conditional (fixed-effects)
# logit, the within estimator for OLS with one and two fixed effects, and
# delta-method marginal effects / predicted probabilities for logit and probit.
#
# Run from the package root:  Rscript scripts/reference/glm_extra.R
# Writes test/fixtures/reference/data/extra_*.csv (simulated, seeded) and
# test/fixtures/reference/glm_extra.json. Every model is fitted on the data read back
# from the CSV files, so R and TypeScript see exactly the same numbers.
#
# Conventions (the TypeScript side follows the same ones):
# - Firth: brglm2::brglmFit(type = "AS_mean"); SEs = inverse Fisher information at the
#   estimate; loglik = ordinary binomial log-likelihood at the estimate; penalized_loglik
#   = loglik + 0.5 * log det(X'WX) (what logistf reports). Cluster SEs = sandwich::vcovCL
#   on the brglmFit object (ordinary scores, inverse-information bread, HC1).
# - Rare events (King & Zeng 2001, no R package used): bias = (X'WX)^-1 X'W xi,
#   xi_i = 0.5 Q_ii ((1 + w1) pi_i - w1), Q = X (X'WX)^-1 X', W = diag(pi (1 - pi) w);
#   coef = ML - bias; V = (n / (n + k))^2 (X'WX)^-1. Prior correction (tau given): the
#   intercept of the corrected estimate is shifted by -log((1 - tau) / tau * ybar / (1 - ybar)).
#   Weighting (tau given): weights w1 = tau / ybar for y = 1, w0 = (1 - tau) / (1 - ybar)
#   for y = 0 in the ML fit and in W. Cluster SEs: (n / (n + k))^2 * vcovCL(ML glm, HC1).
# - Conditional logit: survival::clogit(method = "exact"). survival gives no robust
#   variance for the exact method, so the cluster-robust variance is computed here by
#   enumerating every subset of each group (independent of the recursive algorithm):
#   score_i = (y_i - P(y_i = 1 | group total)) x_i; V M V with M the summed outer
#   products of cluster score sums; "hc1" multiplies by G/(G-1) * (n-1)/(n-k), n = rows in
#   groups whose outcome varies. The 1:3 matched data (one event per set, where the
#   Breslow and exact likelihoods coincide) checks the enumeration against survival's robust SE.
# - Within OLS: lm with factor dummies; classical, HC1 (vcovHC) and cluster
#   (sandwich::vcovCL HC1, K = all coefficients including dummies) on the dummy lm.
# - Margins: analytic derivatives. dp/dx = f(eta) * d eta / dx with d eta/dx = dX/dx beta,
#   dX/dx written out by hand for each formula below; Jacobians wrt beta analytic:
#   d/dbeta [f(eta) d'beta] = f'(eta) (d'beta) x + f(eta) d. SE = sqrt(J V J'); CI = est -/+ qnorm(0.975) SE.
suppressPackageStartupMessages({
  library(jsonlite); library(sandwich); library(survival); library(brglm2)
})

out_dir <- "test/fixtures/reference"
data_dir <- file.path(out_dir, "data")
dir.create(data_dir, recursive = TRUE, showWarnings = FALSE)
r6 <- function(x) round(x, 6)
# Iterate to the exact root so differences reflect the method, not the stopping rule.
tight <- glm.control(epsilon = 1e-14, maxit = 100)

# ---- simulate and write datasets -------------------------------------------------
set.seed(20240401)
n <- 2000
rare <- data.frame(x1 = r6(rnorm(n)), x2 = r6(rnorm(n)), x3 = rbinom(n, 1, 0.3), cl = sample(1:100, n, TRUE))
rare$y <- rbinom(n, 1, plogis(-4.2 + 0.8 * rare$x1 - 0.5 * rare$x2 + 0.7 * rare$x3))
rare$z <- r6(0.5 * rare$x1 + 0.3 * rare$x3 + rnorm(n))
rare <- rare[, c("y", "x1", "x2", "x3", "z", "cl")]

set.seed(20240402)
G <- 120; Tn <- 8
panel <- expand.grid(t = 1:Tn, g = 1:G)[, c("g", "t")]
panel$region <- (panel$g - 1) %/% 6 + 1
a <- rnorm(G); tt <- rnorm(Tn, sd = 0.5)
panel$x1 <- r6(rnorm(nrow(panel)) + 0.5 * a[panel$g])
panel$x2 <- r6(rnorm(nrow(panel)))
panel$y <- rbinom(nrow(panel), 1, plogis(-0.8 + a[panel$g] + 0.7 * panel$x1 - 0.4 * panel$x2))
panel$yc <- r6(1 + a[panel$g] + tt[panel$t] + 0.6 * panel$x1 - 0.3 * panel$x2 + rnorm(nrow(panel)))
panel <- panel[sort(sample(nrow(panel), nrow(panel) - 90)), ]   # unbalanced, >= 3 rows per group
keep_g <- names(which(table(panel$g) >= 3)); panel <- panel[panel$g %in% keep_g, ]
rownames(panel) <- NULL

set.seed(20240403)
ns <- 60
sep <- data.frame(x1 = r6(rnorm(ns)), x2 = rbinom(ns, 1, 0.3), cl = rep(1:12, length.out = ns))
sep$y <- ifelse(sep$x2 == 1, 1L, rbinom(ns, 1, plogis(-0.3 + 0.9 * sep$x1)))
sep <- sep[, c("y", "x1", "x2", "cl")]

set.seed(20240404)
nsets <- 100
mcc <- data.frame(set = rep(1:nsets, each = 4), case = rep(c(1, 0, 0, 0), nsets))
mcc$x1 <- r6(rnorm(nrow(mcc)) + 0.8 * mcc$case)
mcc$x2 <- rbinom(nrow(mcc), 1, ifelse(mcc$case == 1, 0.5, 0.3))
mcc$stratum_group <- (mcc$set - 1) %/% 5 + 1

set.seed(20240405)
nc <- 150; years <- 2001:2011
study <- expand.grid(year = years, ccode = seq(2, by = 6, length.out = nc))[, c("ccode", "year")]
ci <- match(study$ccode, unique(study$ccode)); yi <- study$year - 2001
pol_c <- round(runif(nc, -10, 10)); gdp_c <- rnorm(nc, 8, 1.2); pop_c <- rnorm(nc, 16, 1.5)
conf_c <- runif(nc) < 0.25; pko_c <- runif(nc) < 0.2; u <- rnorm(nc, sd = 0.8)
study$polity <- pmin(10, pmax(-10, pol_c[ci] + round(rnorm(nrow(study), 0, 1.2))))
study$lgdppc <- r6(gdp_c[ci] + 0.02 * yi + rnorm(nrow(study), 0, 0.1))
study$lpop <- r6(pop_c[ci] + 0.015 * yi)
study$conflict <- as.integer(ifelse(conf_c[ci], runif(nrow(study)) < 0.7, runif(nrow(study)) < 0.05))
study$pko <- ifelse(pko_c[ci] & runif(nrow(study)) < 0.7, round(exp(rnorm(nrow(study), 7, 1.5))), 0)
eta <- -1 + 0.25 * log1p(study$pko) + 0.03 * study$polity - 0.02 * log1p(study$pko) * study$polity -
  0.3 * (study$lgdppc - 8) + 0.2 * (study$lpop - 16) + 0.5 * study$conflict + u[ci]
study$pdest <- rbinom(nrow(study), 1, plogis(eta))
study <- study[sort(sample(nrow(study), 1600)), c("ccode", "year", "pdest", "pko", "polity", "lgdppc", "lpop", "conflict")]

files <- list(rare = rare, panel = panel, sep = sep, mcc = mcc, study = study)
for (nm in names(files)) write.csv(files[[nm]], file.path(data_dir, paste0("extra_", nm, ".csv")), row.names = FALSE)
D <- lapply(names(files), function(nm) read.csv(file.path(data_dir, paste0("extra_", nm, ".csv"))))
names(D) <- names(files)

# ---- helpers -----------------------------------------------------------------------
cases <- list()
add_case <- function(...) cases[[length(cases) + 1]] <<- list(...)
se_of <- function(V) unname(sqrt(diag(V)))
mat <- function(V) unname(lapply(seq_len(nrow(V)), function(i) unname(V[i, ])))
vc_cluster <- function(m, cl) vcovCL(m, cluster = cl, type = "HC1")

# ---- Firth -------------------------------------------------------------------------
firth_case <- function(id, ds, f, cl) {
  d <- D[[ds]]
  m <- glm(as.formula(f), data = d, family = binomial, method = "brglmFit", type = "AS_mean",
           epsilon = 1e-14, maxit = 500)
  X <- model.matrix(m); p <- fitted(m); y <- m$y
  ll <- sum(dbinom(y, 1, p, log = TRUE))
  pen <- ll + 0.5 * as.numeric(determinant(crossprod(X, X * (p * (1 - p))))$modulus)
  base <- list(dataset = ds, model = "firth", formula = f, terms = names(coef(m)),
               coef = unname(coef(m)), loglik = ll, penalized_loglik = pen, nobs = nrow(X),
               converged = m$converged, r_call = "glm(method = brglm2::brglmFit, type = 'AS_mean')")
  do.call(add_case, c(list(id = paste0(id, "-classical"), vcov = "classical"), base,
                      list(se = se_of(vcov(m)), vcov_matrix = mat(vcov(m)))))
  Vc <- vc_cluster(m, d[[cl]])
  do.call(add_case, c(list(id = paste0(id, "-cluster"), vcov = paste0("cluster:", cl)), base,
                      list(se = se_of(Vc), vcov_matrix = mat(Vc), r_vcov = "sandwich::vcovCL(type = 'HC1')")))
}
firth_case("firth-sep", "sep", "y ~ x1 + x2", "cl")
firth_case("firth-rare", "rare", "y ~ x1 + x2 + x3", "cl")
firth_case("firth-study", "study", "pdest ~ log1p(pko) + polity + lgdppc + lpop + conflict", "ccode")

# ---- rare events (King & Zeng 2001), by hand ------------------------------------------
relogit_R <- function(f, d, tau = NULL, correction = "none") {
  m <- glm(as.formula(f), data = d, family = binomial, control = tight)
  y <- m$y; ybar <- mean(y); w <- rep(1, length(y)); w1 <- 1
  if (correction == "weighting") {
    w1 <- tau / ybar; w0 <- (1 - tau) / (1 - ybar); w <- ifelse(y == 1, w1, w0)
    d$.w <- w
    m <- suppressWarnings(glm(as.formula(f), data = d, family = binomial, weights = .w, control = tight))
  }
  X <- model.matrix(m); n <- nrow(X); k <- ncol(X); b <- coef(m); p <- fitted(m)
  W <- p * (1 - p) * w
  Vml <- solve(crossprod(X, X * W))
  Q <- rowSums((X %*% Vml) * X)
  xi <- 0.5 * Q * ((1 + w1) * p - w1)
  bias <- as.vector(Vml %*% crossprod(X, W * xi))
  bt <- b - bias
  if (correction == "prior") bt[1] <- bt[1] - log(((1 - tau) / tau) * (ybar / (1 - ybar)))
  list(m = m, coef = bt, bias = bias, V = (n / (n + k))^2 * Vml, c = (n / (n + k))^2, n = n)
}
relogit_case <- function(id, ds, f, cl, tau = NULL, correction = "none") {
  d <- D[[ds]]; r <- relogit_R(f, d, tau, correction)
  base <- list(dataset = ds, model = "relogit", formula = f, terms = names(coef(r$m)),
               coef = unname(r$coef), bias = r$bias, ml_coef = unname(coef(r$m)), nobs = r$n,
               tau = if (is.null(tau)) NULL else tau, correction = correction,
               loglik_ml = as.numeric(logLik(r$m)))
  do.call(add_case, c(list(id = paste0(id, "-classical"), vcov = "classical"), base,
                      list(se = se_of(r$V), vcov_matrix = mat(r$V))))
  Vc <- r$c * vc_cluster(r$m, d[[cl]])
  do.call(add_case, c(list(id = paste0(id, "-cluster"), vcov = paste0("cluster:", cl)), base,
                      list(se = se_of(Vc), vcov_matrix = mat(Vc))))
}
relogit_case("relogit-rare", "rare", "y ~ x1 + x2 + x3", "cl")
relogit_case("relogit-rare-prior", "rare", "y ~ x1 + x2 + x3", "cl", tau = 0.01, correction = "prior")
relogit_case("relogit-rare-weighting", "rare", "y ~ x1 + x2 + x3", "cl", tau = 0.01, correction = "weighting")
relogit_case("relogit-panel", "panel", "y ~ x1 + x2", "g")
relogit_case("relogit-study", "study", "pdest ~ log1p(pko) + polity + lgdppc + lpop + conflict", "ccode")

# ---- conditional logit ---------------------------------------------------------------
clogit_enum_meat <- function(X, y, g, cl, b) {
  eta <- as.vector(X %*% b); S <- matrix(0, nrow(X), ncol(X))
  for (gg in unique(g)) {
    idx <- which(g == gg); k <- sum(y[idx])
    if (k == 0 || k == length(idx)) next
    sets <- combn(length(idx), k)
    ws <- exp(apply(sets, 2, function(s) sum(eta[idx[s]])))
    pr <- sapply(seq_along(idx), function(i) sum(ws[colSums(sets == i) > 0])) / sum(ws)
    S[idx, ] <- (y[idx] - pr) * X[idx, , drop = FALSE]
  }
  Sc <- rowsum(S, cl)
  list(meat = crossprod(Sc), G = nrow(Sc), scores_sum = colSums(S))
}
clogit_case <- function(id, ds, rhs, yv, gv, clusters, extra = NULL) {
  d <- D[[ds]]
  f_ts <- paste(yv, "~", rhs, "|", gv)
  m <- clogit(as.formula(paste(yv, "~", rhs, "+ strata(", gv, ")")), data = d, method = "exact",
              control = coxph.control(eps = 1e-12, iter.max = 100))
  X <- model.matrix(as.formula(paste("~", rhs)), d)[, -1, drop = FALSE]
  y <- d[[yv]]; g <- d[[gv]]
  varies <- tapply(y, g, function(v) length(unique(v)) > 1)
  informative <- g %in% names(varies)[varies]
  V <- m$var; b <- coef(m); n_inf <- sum(informative); k <- length(b)
  base <- list(dataset = ds, model = "clogit", formula = f_ts, terms = names(b), coef = unname(b),
               loglik = m$loglik[2], loglik_null = m$loglik[1], nobs = n_inf,
               n_groups = sum(varies), n_dropped_groups = sum(!varies),
               n_dropped_rows = sum(!informative), r_call = "survival::clogit(method = 'exact')")
  do.call(add_case, c(list(id = paste0(id, "-classical"), vcov = "classical"), base,
                      list(se = se_of(V), vcov_matrix = mat(V))))
  for (cv in clusters) {
    e <- clogit_enum_meat(X[informative, , drop = FALSE], y[informative], g[informative], d[[cv]][informative], b)
    raw <- V %*% e$meat %*% V
    hc1 <- raw * e$G / (e$G - 1) * (n_inf - 1) / (n_inf - k)
    do.call(add_case, c(list(id = paste0(id, "-cluster-", cv), vcov = paste0("cluster:", cv)), base,
                        list(se = se_of(hc1), vcov_matrix = mat(hc1), se_raw = se_of(raw),
                             n_clusters = e$G, score_sum = e$scores_sum)))
  }
  if (!is.null(extra)) extra(m, d)
}
clogit_case("clogit-panel", "panel", "x1 + x2", "y", "g", c("g", "region"))
clogit_case("clogit-study", "study", "log1p(pko) + polity + lgdppc + conflict", "pdest", "ccode", c("ccode"))
clogit_case("clogit-mcc", "mcc", "x1 + x2", "case", "set", c("set", "stratum_group"), extra = function(m, d) {
  mb <- clogit(case ~ x1 + x2 + strata(set) + cluster(stratum_group), data = d, method = "breslow")
  add_case(id = "clogit-mcc-survival-robust", dataset = "mcc", model = "clogit",
           formula = "case ~ x1 + x2 | set", vcov = "cluster:stratum_group", terms = names(coef(mb)),
           coef = unname(coef(mb)), se_raw = se_of(mb$var), loglik = mb$loglik[2],
           note = "survival robust SE (Breslow = exact with one event per set), no small-sample factor")
})

# ---- within OLS with fixed effects ------------------------------------------------------
feols_case <- function(id, ds, yv, rhs, fes, cl) {
  d <- D[[ds]]
  f_ts <- paste(yv, "~", rhs, "|", paste(fes, collapse = " + "))
  m <- lm(as.formula(paste(yv, "~", rhs, "+", paste0("factor(", fes, ")", collapse = " + "))), data = d)
  keep <- attr(terms(as.formula(paste("~", rhs))), "term.labels")
  keep <- colnames(model.matrix(as.formula(paste("~", rhs)), d))[-1]
  base <- list(dataset = ds, model = "feols", formula = f_ts, terms = keep, coef = unname(coef(m)[keep]),
               loglik = as.numeric(logLik(m)), nobs = nobs(m), df_residual = df.residual(m),
               rss = sum(residuals(m)^2), r_call = "lm with factor() dummies")
  for (vt in c("classical", "hc1", "hc0", "hc2", "hc3", paste0("cluster:", cl))) {
    V <- switch(vt, classical = vcov(m), hc1 = vcovHC(m, type = "HC1"), hc0 = vcovHC(m, type = "HC0"),
                hc2 = vcovHC(m, type = "HC2"), hc3 = vcovHC(m, type = "HC3"),
                vcovCL(m, cluster = d[[sub("cluster:", "", vt)]], type = "HC1"))
    V <- V[keep, keep, drop = FALSE]
    do.call(add_case, c(list(id = paste0(id, "-", sub(":", "-", vt)), vcov = vt), base,
                        list(se = se_of(V), vcov_matrix = mat(V))))
  }
}
feols_case("feols-panel-1fe", "panel", "yc", "x1 + x2", "g", c("g", "region"))
feols_case("feols-panel-2fe", "panel", "yc", "x1 + x2", c("g", "t"), c("g", "region"))
feols_case("feols-study-1fe", "study", "lgdppc", "log1p(pko) + polity + conflict", "ccode", "ccode")
feols_case("feols-study-2fe", "study", "lgdppc", "log1p(pko) + polity + conflict", c("ccode", "year"), "ccode")
feols_case("feols-rare-1fe", "rare", "z", "x1 + x2 + x3", "cl", "cl")

# ---- margins --------------------------------------------------------------------------
links <- list(
  logit = list(F = plogis, f = dlogis, fp = function(e) { p <- plogis(e); p * (1 - p) * (1 - 2 * p) }),
  probit = list(F = pnorm, f = dnorm, fp = function(e) -e * dnorm(e))
)
z975 <- qnorm(0.975)
margins <- list()
add_margin <- function(...) margins[[length(margins) + 1]] <<- list(...)
delta <- function(est, J, V) { se <- sqrt(as.numeric(J %*% V %*% J)); list(estimate = est, std_error = se, conf_low = est - z975 * se, conf_high = est + z975 * se) }

# dX/dx for each case, written out by hand: returns a matrix like model.matrix.
margin_cases <- function(id, ds, f, link, vcov_type, cl, x, dXdx, setx, moderator = NULL, at = NULL, diff_var = NULL, scen = NULL) {
  d <- D[[ds]]; L <- links[[link]]
  m <- glm(as.formula(f), data = d, family = binomial(link = link), control = tight)
  b <- coef(m); V <- if (vcov_type == "classical") vcov(m) else vc_cluster(m, d[[cl]])
  tt <- delete.response(terms(m))
  MM <- function(nd) model.matrix(tt, nd)
  ame_deriv <- function(nd, scale = "response") {
    X <- MM(nd); Dm <- dXdx(nd); e <- as.vector(X %*% b); de <- as.vector(Dm %*% b)
    if (scale == "link") return(list(est = mean(de), J = colMeans(Dm)))
    list(est = mean(L$f(e) * de), J = colMeans(L$fp(e) * de * X + L$f(e) * Dm))
  }
  common <- list(dataset = ds, model = link, formula = f, vcov = if (vcov_type == "classical") "classical" else paste0("cluster:", cl),
                 terms = names(b), coef = unname(b), se = se_of(V))
  a <- ame_deriv(d)
  add_margin(id = paste0(id, "-ame-", x), kind = "ame", variable = x, type = "derivative", common = common, result = delta(a$est, a$J, V))
  if (!is.null(diff_var)) {
    d1 <- d; d1[[diff_var]] <- 1; d0 <- d; d0[[diff_var]] <- 0
    X1 <- MM(d1); X0 <- MM(d0); e1 <- as.vector(X1 %*% b); e0 <- as.vector(X0 %*% b)
    add_margin(id = paste0(id, "-ame-", diff_var), kind = "ame", variable = diff_var, type = "difference", from = 0, to = 1,
               common = common, result = delta(mean(L$F(e1) - L$F(e0)), colMeans(L$f(e1) * X1 - L$f(e0) * X0), V))
  }
  for (s in scen) {
    nd <- d; for (v in names(s)) nd[[v]] <- s[[v]]
    X <- MM(nd); e <- as.vector(X %*% b)
    add_margin(id = paste0(id, "-pred-observed-", paste(names(s), unlist(s), sep = "=", collapse = ",")), kind = "predict",
               at = s, others = "observed", common = common, result = delta(mean(L$F(e)), colMeans(L$f(e) * X), V))
    mv <- all.vars(tt); nd <- as.data.frame(lapply(d[mv], mean))
    for (v in names(s)) nd[[v]] <- s[[v]]
    X <- MM(nd); e <- as.vector(X %*% b)
    add_margin(id = paste0(id, "-pred-mean-", paste(names(s), unlist(s), sep = "=", collapse = ",")), kind = "predict",
               at = s, others = "mean", common = common, result = delta(L$F(e), L$f(e) * X[1, ], V))
  }
  if (!is.null(moderator)) for (scale in c("response", "link")) {
    rows <- lapply(at, function(z) { nd <- d; nd[[moderator]] <- z; a <- ame_deriv(nd, scale); c(at = z, delta(a$est, a$J, V)) })
    add_margin(id = paste0(id, "-across-", moderator, "-", scale), kind = "across", variable = x, moderator = moderator,
               scale = scale, others = "observed", common = common, curve = rows)
    mv <- all.vars(tt)
    rows <- lapply(at, function(z) { nd <- as.data.frame(lapply(d[mv], mean)); nd[[moderator]] <- z; a <- ame_deriv(nd, scale); c(at = z, delta(a$est, a$J, V)) })
    add_margin(id = paste0(id, "-across-mean-", moderator, "-", scale), kind = "across", variable = x, moderator = moderator,
               scale = scale, others = "mean", common = common, curve = rows)
  }
}
fs <- "pdest ~ log1p(pko) * polity + lgdppc + lpop + conflict"
# columns: (Intercept) log1p(pko) polity lgdppc lpop conflict log1p(pko):polity
dX_study <- function(nd) { z <- matrix(0, nrow(nd), 7); z[, 2] <- 1 / (1 + nd$pko); z[, 7] <- nd$polity / (1 + nd$pko); z }
for (lk in c("logit", "probit")) margin_cases(paste0("margins-study-", lk), "study", fs, lk, "classical", "ccode", "pko", dX_study,
  moderator = "polity", at = c(-10, -5, 0, 5, 10), diff_var = "conflict", scen = list(list(conflict = 1, pko = 1000), list(conflict = 0, pko = 0)))
margin_cases("margins-study-logit-cl", "study", fs, "logit", "cluster", "ccode", "pko", dX_study,
  moderator = "polity", at = c(-10, 0, 10), scen = list(list(conflict = 1)))
# columns: (Intercept) x1 x2 x1:x2
dX_panel <- function(nd) { z <- matrix(0, nrow(nd), 4); z[, 2] <- 1; z[, 4] <- nd$x2; z }
margin_cases("margins-panel-logit", "panel", "y ~ x1 * x2", "logit", "classical", "g", "x1", dX_panel,
  moderator = "x2", at = c(-1, 0, 1), scen = list(list(x1 = 1)))
# columns: (Intercept) x1 x2 x3
dX_rare <- function(nd) { z <- matrix(0, nrow(nd), 4); z[, 2] <- 1; z }
margin_cases("margins-rare-probit", "rare", "y ~ x1 + x2 + x3", "probit", "classical", "cl", "x1", dX_rare,
  diff_var = "x3", scen = list(list(x3 = 1), list(x3 = 0)))

# ---- write ---------------------------------------------------------------------------
pkgs <- c("brglm2", "survival", "sandwich", "jsonlite")
res <- list(
  source = list(script = "scripts/reference/glm_extra.R", R = R.version.string,
                packages = setNames(lapply(pkgs, function(p) as.character(packageVersion(p))), pkgs),
                logistf = if (requireNamespace("logistf", quietly = TRUE)) as.character(packageVersion("logistf")) else "not installed"),
  datasets = lapply(setNames(names(D), names(D)), function(nm) list(file = paste0("data/extra_", nm, ".csv"), rows = nrow(D[[nm]]), columns = names(D[[nm]]))),
  cases = cases, margins = margins)
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE), file.path(out_dir, "glm_extra.json"))
cat("wrote", length(cases), "cases and", length(margins), "margin results\n")
