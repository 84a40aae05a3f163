# Reference values for src/stats/causal: synthetic-control weights (quadprog) and
# Callaway-Sant'Anna group-time effects aggregated to event time (computed by hand).
# Run from the project root: Rscript scripts/reference/causal.R
suppressPackageStartupMessages({ library(quadprog); library(jsonlite) })
set.seed(20261122)
dir.create("test/fixtures/reference/data", showWarnings = FALSE, recursive = TRUE)

# --- synthetic control: 12 donors with two factors, treated = mix + noise + effect 1.5 from 2010
years <- 2000:2015
f1 <- sin(seq_along(years) / 2); f2 <- seq_along(years) / 8
donors <- sprintf("d%02d", 1:12)
Y0 <- sapply(seq_along(donors), function(j) runif(1, 0, 4) + runif(1, 0.5, 2) * f1 + runif(1, -1, 1) * f2 + rnorm(length(years), 0, 0.1))
colnames(Y0) <- donors
y1 <- as.vector(Y0 %*% c(0.4, 0.35, 0.25, rep(0, 9))) + rnorm(length(years), 0, 0.1) + ifelse(years >= 2010, 1.5, 0)
sc <- data.frame(unit = rep(c("T", donors), each = length(years)), year = rep(years, 13), y = c(y1, as.vector(Y0)))
write.csv(sc, "test/fixtures/reference/data/synth.csv", row.names = FALSE)
pre <- years < 2010
D <- crossprod(Y0[pre, ]); d <- crossprod(Y0[pre, ], y1[pre])
k <- ncol(Y0)
# equality sum(w) = 1, then w >= 0; a tiny ridge keeps D positive definite for solve.QP
sol <- solve.QP(D + diag(1e-10, k), d, cbind(rep(1, k), diag(k)), c(1, rep(0, k)), meq = 1)
w <- pmax(sol$solution, 0); w <- w / sum(w)
synthetic <- as.vector(Y0 %*% w)
gap <- y1 - synthetic
synth_ref <- list(
  weights = setNames(as.list(w), donors),
  att = mean(gap[!pre]),
  pre_rmspe = sqrt(mean(gap[pre]^2)),
  post_rmspe = sqrt(mean(gap[!pre]^2))
)

# --- event study: 50 units, 2000-2014, adoption 2004-2009 for 25 units, effect 0.4 * (e + 1)
n <- 50; yrs <- 2000:2014
g <- c(sample(2004:2009, 25, replace = TRUE), rep(NA, 25))
es <- do.call(rbind, lapply(1:n, function(i) {
  a <- rnorm(1, 0, 2)
  eff <- ifelse(!is.na(g[i]) & yrs >= g[i], 0.4 * (yrs - g[i] + 1), 0)
  data.frame(unit = sprintf("u%02d", i), year = yrs, g = g[i], y = a + 0.1 * (yrs - 2000) + eff + rnorm(length(yrs), 0, 0.5))
}))
es$y[sample(nrow(es), 15)] <- NA   # a few missing outcomes
write.csv(es, "test/fixtures/reference/data/event_study.csv", row.names = FALSE, na = "")
wide <- reshape(es[, c("unit", "year", "y")], idvar = "unit", timevar = "year", direction = "wide")
rownames(wide) <- wide$unit
gu <- tapply(es$g, es$unit, function(v) v[1])
never <- names(gu)[is.na(gu)]
acc <- list()
for (gg in sort(unique(gu[!is.na(gu)]))) {
  members <- names(gu)[!is.na(gu) & gu == gg]
  base <- paste0("y.", gg - 1)
  for (e in -4:5) {
    col <- paste0("y.", gg + e)
    if (!(col %in% names(wide)) || !(base %in% names(wide))) next
    dt <- wide[members, col] - wide[members, base]; dc <- wide[never, col] - wide[never, base]
    dt <- dt[!is.na(dt)]; dc <- dc[!is.na(dc)]
    if (length(dt) == 0 || length(dc) == 0) next
    key <- as.character(e)
    if (is.null(acc[[key]])) acc[[key]] <- c(0, 0)
    acc[[key]] <- acc[[key]] + c(length(dt) * (mean(dt) - mean(dc)), length(dt))
  }
}
event_ref <- lapply(names(acc), function(k) list(e = as.integer(k), att = acc[[k]][1] / acc[[k]][2]))

out <- list(
  source = list(R = R.version.string, quadprog = as.character(packageVersion("quadprog")), script = "scripts/reference/causal.R"),
  synth = synth_ref,
  event_study = event_ref
)
write_json(out, "test/fixtures/reference/causal.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
