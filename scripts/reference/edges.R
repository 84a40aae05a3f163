# Reference values for the engine at R's edges (issue 12): an ill-conditioned polynomial in
# year, aliased (NA) terms, a factor inside an interaction without its main effect, and
# log/sqrt outside their domain. Writes test/fixtures/reference/data/edges.csv and
# test/fixtures/reference/edges.json.
# Run from the project root: Rscript scripts/reference/edges.R
suppressPackageStartupMessages({ library(sandwich); library(jsonlite) })
out_dir <- "test/fixtures/reference"
dir.create(file.path(out_dir, "data"), recursive = TRUE, showWarnings = FALSE)

set.seed(20261202)
n <- 400
d <- data.frame(year = sample(1990:2019, n, replace = TRUE), z = rnorm(n), x = rnorm(n),
                r = sample(c("a", "b", "c"), n, replace = TRUE), w = rexp(n))
d$yc <- 0.3 + 0.02 * (d$year - 2000) - 0.004 * (d$year - 2000)^2 + 0.5 * d$z +
  c(a = 0.5, b = -0.4, c = 1.1)[d$r] * d$x + rnorm(n)
d$yb <- rbinom(n, 1, plogis(-0.2 + 0.03 * (d$year - 2005) + 0.4 * d$z + c(a = 0.6, b = -0.5, c = 0.2)[d$r] * d$x))
d$x2 <- d$x * 2 + d$z          # exactly collinear with x and z
d$w0 <- d$w; d$w0[c(5, 17, 33)] <- 0        # log(0) = -Inf in three rows
d$wn <- d$w; d$wn[c(8, 21)] <- -d$wn[c(8, 21)]  # log/sqrt of a negative: NaN in two rows
path <- file.path(out_dir, "data", "edges.csv")
write.csv(d, path, row.names = FALSE)
d <- read.csv(path, stringsAsFactors = FALSE)

tidy_fit <- function(m, type = "const") {
  V <- if (inherits(m, "glm") && type == "const") vcov(m) else vcovHC(m, type = type)
  cf <- coef(m)
  se <- rep(NA_real_, length(cf)); names(se) <- names(cf)
  se[colnames(V)] <- sqrt(diag(V))
  list(terms = names(cf), coef = unname(ifelse(is.na(cf), NA, cf)), se = unname(se),
       aliased = unname(is.na(cf)), loglik = as.numeric(logLik(m)), nobs = nobs(m), rank = m$rank)
}
res <- list()
res$poly2_ols <- c(list(formula = "yc ~ year + I(year^2)", model = "ols"), tidy_fit(lm(yc ~ year + I(year^2), d)))
res$poly2_logit <- c(list(formula = "yb ~ year + I(year^2)", model = "logit"), tidy_fit(glm(yb ~ year + I(year^2), binomial, d)))
res$poly3_ols <- c(list(formula = "yc ~ year + I(year^2) + I(year^3)", model = "ols"), tidy_fit(lm(yc ~ year + I(year^2) + I(year^3), d)))
res$poly3_logit <- c(list(formula = "yb ~ year + I(year^2) + I(year^3)", model = "logit"), tidy_fit(glm(yb ~ year + I(year^2) + I(year^3), binomial, d)))
res$alias_ols <- c(list(formula = "yc ~ x + x2 + z", model = "ols"), tidy_fit(lm(yc ~ x + x2 + z, d)))
res$alias_logit <- c(list(formula = "yb ~ x + x2 + z", model = "logit"), tidy_fit(glm(yb ~ x + x2 + z, binomial, d)))
res$factor_slope_ols <- c(list(formula = "yc ~ factor(r):x + z", model = "ols"), tidy_fit(lm(yc ~ factor(r):x + z, d)))
res$factor_slope_logit <- c(list(formula = "yb ~ factor(r):x + z", model = "logit"), tidy_fit(glm(yb ~ factor(r):x + z, binomial, d)))
res$factor_x_factor_ols <- c(list(formula = "yc ~ x + factor(r):z", model = "ols"), tidy_fit(lm(yc ~ x + factor(r):z, d)))
res$factor_noint_ols <- c(list(formula = "yc ~ 0 + factor(r):x + z", model = "ols"), tidy_fit(lm(yc ~ 0 + factor(r):x + z, d)))
res$hc3_poly2 <- c(list(formula = "yc ~ year + I(year^2)", model = "ols", vcov = "hc3"), tidy_fit(lm(yc ~ year + I(year^2), d), "HC3"))

# Out of domain: R stops on -Inf in the design and warns (NaNs produced) on NaN, dropping the rows.
err <- tryCatch({ lm(yc ~ log(w0) + z, d); "" }, error = function(e) conditionMessage(e))
wrn <- NULL
m_nan <- withCallingHandlers(lm(yc ~ log(wn) + z, d), warning = function(w) { wrn <<- conditionMessage(w); invokeRestart("muffleWarning") })
res$log_zero <- list(formula = "yc ~ log(w0) + z", model = "ols", r_error = err, n_inf = sum(d$w0 == 0))
res$log_negative <- c(list(formula = "yc ~ log(wn) + z", model = "ols", r_warning = wrn, n_nan = sum(d$wn < 0)), tidy_fit(m_nan))
wrn <- NULL
m_sq <- withCallingHandlers(glm(yb ~ sqrt(wn) + z, binomial, d), warning = function(w) { wrn <<- conditionMessage(w); invokeRestart("muffleWarning") })
res$sqrt_negative <- c(list(formula = "yb ~ sqrt(wn) + z", model = "logit", r_warning = wrn, n_nan = sum(d$wn < 0)), tidy_fit(m_sq))

res$source <- list(R = R.version.string, sandwich = as.character(packageVersion("sandwich")),
                   data = "test/fixtures/reference/data/edges.csv (simulated here, seed 20261202)")
writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"), file.path(out_dir, "edges.json"))

# HC2/HC3 for the within estimator equal vcovHC on the dummy-variable model (leverages include
# the fixed effects' 1/n_g); appended after edges.json so the file above stays as it was.
hc <- list()
for (type in c("HC2", "HC3")) {
  m <- lm(yc ~ x + z + factor(year), d)
  V <- vcovHC(m, type = type)
  hc[[tolower(type)]] <- list(formula = "yc ~ x + z | year", model = "feols", vcov = tolower(type),
                              terms = c("x", "z"), coef = unname(coef(m)[c("x", "z")]), se = unname(sqrt(diag(V))[c("x", "z")]))
  m2 <- lm(yc ~ x + z + factor(year) + factor(r), d)
  V2 <- vcovHC(m2, type = type)
  hc[[paste0(tolower(type), "_twoway")]] <- list(formula = "yc ~ x + z | year + r", model = "feols", vcov = tolower(type),
                              terms = c("x", "z"), coef = unname(coef(m2)[c("x", "z")]), se = unname(sqrt(diag(V2))[c("x", "z")]))
}
hc$source <- res$source
writeLines(toJSON(hc, digits = NA, auto_unbox = TRUE, pretty = TRUE), file.path(out_dir, "edges_hc.json"))
