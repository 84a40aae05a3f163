# Reference values for the core estimators (logit, probit, OLS) and variances
# (classical, HC0-HC3, cluster one- and two-way). Writes small simulated datasets
# to test/fixtures/reference/data/ and all results to test/fixtures/reference/glm_core.json.
# Run from the project root: Rscript scripts/reference/glm_core.R [DATA_DIR]
suppressPackageStartupMessages({ library(sandwich); library(jsonlite) })

args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[1] else Sys.getenv("PKT_DATA_DIR", "../shared/data")
out_dir <- "test/fixtures/reference"
dir.create(file.path(out_dir, "data"), recursive = TRUE, showWarnings = FALSE)

# ---- simulated datasets --------------------------------------------------------
set.seed(20260422)
n <- 600
sim1 <- data.frame(
  x1 = rnorm(n), x2 = rexp(n), x3 = rbinom(n, 1, 0.4),
  region = sample(c("a", "b", "c", "d"), n, replace = TRUE),
  g = sprintf("g%02d", sample(1:30, n, replace = TRUE)),
  h = sample(1:6, n, replace = TRUE)
)
eta <- -0.4 + 0.8 * sim1$x1 + 0.5 * log1p(sim1$x2) - 0.6 * sim1$x3 + 0.3 * log1p(sim1$x2) * sim1$x3 +
  c(a = 0, b = 0.4, c = -0.3, d = 0.2)[sim1$region] + rnorm(30, sd = 0.3)[as.integer(factor(sim1$g))]
sim1$y <- rbinom(n, 1, plogis(eta))
sim1$yc <- 1 + 0.5 * sim1$x1 - 0.2 * sim1$x3 + rnorm(n) * (1 + abs(sim1$x1))
sim1$x1[sample(n, 20)] <- NA
sim1$region[sample(n, 10)] <- NA

set.seed(7)
n <- 250
sim2 <- data.frame(x4 = runif(n, -1, 1), x5 = rnorm(n), z = rnorm(n, 2), w = rexp(n, 0.5),
                   k = sample(c("a", "b", "c"), n, replace = TRUE), cl = sample(1:12, n, replace = TRUE),
                   yr = sample(2001:2005, n, replace = TRUE))
eta2 <- 0.2 + 1.2 * sim2$x4 * sim2$x5 - 0.3 * sim2$z^2 + 0.5 * sim2$z + 0.4 * sqrt(sim2$w) + (sim2$k == "b") * 0.5
sim2$y <- as.integer(pnorm(eta2 + rnorm(n, sd = 0.5)) > 0.5)
sim2$yc <- eta2 + rnorm(n)

set.seed(99)
n <- 200
sim3 <- data.frame(x1 = rnorm(n), x2 = rnorm(n), cl = sample(1:15, n, replace = TRUE))
sim3$x6 <- 2 * sim3$x1 + sim3$x2
sim3$y <- rbinom(n, 1, plogis(0.3 + sim3$x1 - 0.7 * sim3$x2))

write_fixture <- function(df, name) {
  path <- file.path(out_dir, "data", paste0(name, ".csv"))
  write.csv(df, path, row.names = FALSE, na = "")
  path
}
files <- list(sim1 = write_fixture(sim1, "sim1"), sim2 = write_fixture(sim2, "sim2"), sim3 = write_fixture(sim3, "sim3"))
# Re-read so R fits exactly the numbers the CSV holds (17 significant digits).
sim1 <- read.csv(files$sim1, stringsAsFactors = FALSE, na.strings = c("", "NA"))
sim2 <- read.csv(files$sim2, stringsAsFactors = FALSE, na.strings = c("", "NA"))
sim3 <- read.csv(files$sim3, stringsAsFactors = FALSE, na.strings = c("", "NA"))

# ---- real data: HTI pdest with regime and income (read from the shared data) ----
hti <- read.csv(file.path(data_dir, "trafficking/HTI.csv"), fileEncoding = "latin1", stringsAsFactors = FALSE)
dem <- read.csv(file.path(data_dir, "controls/isard_cw_democracy.csv"))
gdp <- read.csv(file.path(data_dir, "controls/isard_cw_gdppop_fariss.csv"))
real <- data.frame(ccode = hti$ccode, year = hti$year, pdest = as.integer(hti$pdest == "Yes"))
real <- merge(real, dem[, c("ccode", "year", "polity2")], by = c("ccode", "year"), all.x = TRUE, sort = FALSE)
real <- merge(real, gdp[, c("ccode", "year", "mrgdppc", "pwtpop")], by = c("ccode", "year"), all.x = TRUE, sort = FALSE)
real <- real[order(real$ccode, real$year), ]

datasets <- list(sim1 = sim1, sim2 = sim2, sim3 = sim3, hti = real)

# ---- fits -----------------------------------------------------------------------
# formula: as pkt writes it; rformula: what R fits; rename: R coefficient names -> pkt names.
specs <- list(
  list(id = "sim1_logit", data = "sim1", model = "logit", formula = "y ~ x1 + log1p(x2) * x3 + factor(region)", clusters = list("g", c("g", "h"))),
  list(id = "sim1_probit", data = "sim1", model = "probit", formula = "y ~ x1 + log1p(x2) * x3 + factor(region)", clusters = list("g", c("g", "h"))),
  list(id = "sim1_ols", data = "sim1", model = "ols", formula = "yc ~ x1 + x3 + factor(region)", clusters = list("g", c("g", "h"))),
  list(id = "sim1_lpm", data = "sim1", model = "ols", formula = "y ~ x1 + log1p(x2) + x3", clusters = list("g")),
  list(id = "sim2_logit", data = "sim2", model = "logit", formula = "y ~ x4:x5 + I(z^2) + z + sqrt(w) + factor(k, ref = \"b\")",
       rformula = "y ~ x4:x5 + I(z^2) + z + sqrt(w) + relevel(factor(k), ref = \"b\")", clusters = list("cl", c("cl", "yr"))),
  list(id = "sim2_probit", data = "sim2", model = "probit", formula = "y ~ x4 * x5 + I(z^2) + z", clusters = list("cl", c("cl", "yr"))),
  list(id = "sim2_ols_noint", data = "sim2", model = "ols", formula = "yc ~ x4 + z + I(x5 * z - 1) - 1", clusters = list("cl", c("cl", "yr"))),
  list(id = "sim3_logit_collinear", data = "sim3", model = "logit", formula = "y ~ x1 + x2 + x6", clusters = list("cl")),
  list(id = "hti_logit", data = "hti", model = "logit", formula = "pdest ~ polity2 + log(mrgdppc) + log(pwtpop)", clusters = list("ccode", c("ccode", "year"))),
  list(id = "hti_probit", data = "hti", model = "probit", formula = "pdest ~ polity2 + log(mrgdppc) + log(pwtpop)", clusters = list("ccode")),
  list(id = "hti_lpm", data = "hti", model = "ols", formula = "pdest ~ polity2 + log(mrgdppc) + log(pwtpop)", clusters = list("ccode", c("ccode", "year")))
)

pkt_names <- function(nm) {
  nm <- sub('relevel\\(factor\\(k\\), ref = "b"\\)', "factor(k)", nm)
  nm
}

se_of <- function(v) unname(sqrt(diag(v)))

fit_one <- function(s) {
  d <- datasets[[s$data]]
  rf <- as.formula(if (is.null(s$rformula)) s$formula else s$rformula)
  m <- if (s$model == "ols") lm(rf, data = d) else glm(rf, data = d, family = binomial(link = s$model))
  cf <- coef(m)
  aliased <- names(cf)[is.na(cf)]
  est <- cf[!is.na(cf)]
  ses <- list(
    classical = se_of(vcov(m, complete = FALSE)),
    hc0 = se_of(vcovHC(m, type = "HC0")), hc1 = se_of(vcovHC(m, type = "HC1")),
    hc2 = se_of(vcovHC(m, type = "HC2")), hc3 = se_of(vcovHC(m, type = "HC3"))
  )
  used <- d[rownames(d) %in% rownames(model.frame(m)), , drop = FALSE]
  for (cl in s$clusters) {
    key <- paste0("cluster:", paste(cl, collapse = "+"))
    ses[[key]] <- se_of(vcovCL(m, cluster = used[, cl, drop = FALSE], type = "HC1", cadjust = TRUE, multi0 = FALSE))
  }
  ll <- as.numeric(logLik(m))
  sm <- summary(m)
  tab <- coef(sm)
  crit <- if (s$model == "ols") qt(0.975, df.residual(m)) else qnorm(0.975)
  r2 <- if (s$model == "ols") sm$r.squared else {
    m0 <- glm(update(rf, . ~ 1), data = model.frame(m), family = binomial(link = s$model))
    1 - ll / as.numeric(logLik(m0))
  }
  list(
    id = s$id, data = s$data, model = s$model, formula = s$formula, rformula = deparse(rf, width.cutoff = 500L),
    nobs = nobs(m), n_dropped = nrow(d) - nobs(m),
    terms = I(pkt_names(names(cf))), aliased = I(pkt_names(aliased)), coef = I(unname(est)),
    loglik = ll, aic = AIC(m), bic = BIC(m), r2 = r2,
    iterations = if (s$model == "ols") 1L else m$iter, converged = if (s$model == "ols") TRUE else m$converged,
    statistic = unname(tab[, 3]), p_value = unname(tab[, 4]),
    conf_low = unname(est - crit * ses$classical), conf_high = unname(est + crit * ses$classical),
    n_clusters = lapply(s$clusters, function(cl) min(sapply(cl, function(c) length(unique(used[[c]]))))),
    se = ses
  )
}

fits <- lapply(specs, fit_one)

# ---- tests and predictions on the real-data logit and the sim1 OLS ----------------
suppressPackageStartupMessages(library(lmtest))
hti_used <- na.omit(real[, c("pdest", "polity2", "mrgdppc", "pwtpop", "ccode", "year")])
m_full <- glm(pdest ~ polity2 + log(mrgdppc) + log(pwtpop), data = hti_used, family = binomial)
m_rest <- glm(pdest ~ log(pwtpop), data = hti_used, family = binomial)
lr <- lrtest(m_rest, m_full)
wd <- waldtest(m_full, . ~ . - polity2 - log(mrgdppc), test = "Chisq")
wd_cl <- waldtest(m_full, . ~ . - polity2 - log(mrgdppc), test = "Chisq",
                  vcov = function(x) vcovCL(x, cluster = ~ccode, type = "HC1", cadjust = TRUE))
o_full <- lm(yc ~ x1 + x3 + factor(region), data = sim1)
o_rest <- lm(yc ~ x1, data = model.frame(o_full))
wd_f <- waldtest(o_full, . ~ . - x3 - factor(region), test = "F")
newdata <- data.frame(polity2 = c(-10, 0, 5, 10, 3), mrgdppc = c(500, 2000, 8000, 30000, 1200), pwtpop = c(2, 15, 60, 300, 0.5))
tests <- list(
  hti_lr = list(full = "pdest ~ polity2 + log(mrgdppc) + log(pwtpop)", restricted = "pdest ~ log(pwtpop)",
                statistic = lr$Chisq[2], df = lr$Df[2], p_value = lr[["Pr(>Chisq)"]][2]),
  hti_wald = list(formula = "pdest ~ polity2 + log(mrgdppc) + log(pwtpop)", terms = I(c("polity2", "log(mrgdppc)")),
                  chi2 = wd$Chisq[2], df = abs(wd$Df[2]), p_value = wd[["Pr(>Chisq)"]][2]),
  hti_wald_cluster = list(formula = "pdest ~ polity2 + log(mrgdppc) + log(pwtpop)", vcov = "cluster:ccode", terms = I(c("polity2", "log(mrgdppc)")),
                  chi2 = wd_cl$Chisq[2], df = abs(wd_cl$Df[2]), p_value = wd_cl[["Pr(>Chisq)"]][2]),
  sim1_wald_f = list(formula = "yc ~ x1 + x3 + factor(region)", terms = I(c("x3", "factor(region)b", "factor(region)c", "factor(region)d")),
                  f = wd_f$F[2], df = abs(wd_f$Df[2]), p_value = wd_f[["Pr(>F)"]][2]),
  hti_predict = list(formula = "pdest ~ polity2 + log(mrgdppc) + log(pwtpop)", newdata = newdata,
                     link = unname(predict(m_full, newdata, type = "link")), response = unname(predict(m_full, newdata, type = "response")))
)
pkgs <- c("sandwich", "lmtest", "jsonlite", "stats")
out <- list(
  source = list(
    script = "scripts/reference/glm_core.R",
    R = R.version.string,
    packages = setNames(lapply(pkgs, function(p) as.character(packageVersion(p))), pkgs),
    note = "glm(family = binomial(link)), lm; sandwich::vcovHC(type), sandwich::vcovCL(type = 'HC1', cadjust = TRUE, multi0 = FALSE); hti uses HTI.csv pdest == 'Yes' merged with isard_cw_democracy (polity2) and isard_cw_gdppop_fariss (mrgdppc, pwtpop) on ccode, year"
  ),
  datasets = list(
    sim1 = list(file = "data/sim1.csv", description = "simulated logit/OLS data, 600 rows, seed 20260422, NAs in x1 and region"),
    sim2 = list(file = "data/sim2.csv", description = "simulated probit-like data, 250 rows, seed 7, interactions and transformations"),
    sim3 = list(file = "data/sim3.csv", description = "simulated logit data, 200 rows, seed 99, x6 = 2 x1 + x2 exactly collinear"),
    hti = list(file = NULL, description = "real data built in the test from the shared data directory (HTI pdest, polity2, Fariss GDP per capita and population)")
  ),
  fits = fits,
  tests = tests
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, null = "null", na = "null"), file.path(out_dir, "glm_core.json"))
cat("wrote", file.path(out_dir, "glm_core.json"), "with", length(fits), "fits\n")
