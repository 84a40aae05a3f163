# R side of bench/null-bootstrap.bench.ts: for each claim-1 specification on the same panel.csv,
# the null model (without the size term) is fitted once; then DRAWS outcomes are simulated from
# its fitted probabilities and the full model is refitted on each with glm(start = null
# coefficients, size 0) + sandwich::vcovCL(cluster = ~ccode, type = "HC1"). Only the refits are
# timed. Prints one JSON line with the refit count and CPU seconds.
suppressPackageStartupMessages({ library(sandwich); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
specs <- read.csv(args[2], stringsAsFactors = FALSE)
draws <- as.integer(args[3])
set.seed(1)
prepared <- lapply(seq_len(nrow(specs)), function(i) {
  s <- specs[i, ]
  ex <- if (is.na(s$exclude) || s$exclude == "") integer(0) else as.integer(strsplit(s$exclude, " ")[[1]])
  x <- d[d$report_year >= s$year_from & !(d$ccode %in% ex), ]
  f <- as.formula(s$formula)
  x <- x[complete.cases(model.frame(f, x, na.action = na.pass)), ]
  f0 <- update(f, as.formula(paste(". ~ . -", s$term)))
  m0 <- glm(f0, data = x, family = binomial)
  full <- colnames(model.matrix(f, x))
  start <- setNames(rep(0, length(full)), full)
  start[names(coef(m0))] <- coef(m0)
  list(f = f, x = x, p0 = fitted(m0), start = unname(start), term = s$term)
})
st <- system.time(for (b in seq_len(draws)) for (p in prepared) {
  x <- p$x
  x[[all.vars(p$f)[1]]] <- as.integer(runif(nrow(x)) < p$p0)
  m <- glm(p$f, data = x, family = binomial, start = p$start)
  v <- vcovCL(m, cluster = ~ccode, type = "HC1")
  invisible(sqrt(v[p$term, p$term]))
})
cat(toJSON(list(refits = draws * length(prepared), cpu_seconds = st[["user.self"]] + st[["sys.self"]], wall_seconds = st[["elapsed"]],
                R = R.version.string, sandwich = as.character(packageVersion("sandwich"))), digits = NA, auto_unbox = TRUE), "\n")
