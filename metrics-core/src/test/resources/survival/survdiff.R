# R 4.2.2, survival 3.5-3 (Debian r-cran-survival). Writes the data sets used by LogRankTest and
# KaplanMeierInferenceTest, and prints the expected values quoted in those tests.
library(survival)
options(digits = 15)
lung2 <- lung[!is.na(lung$ph.ecog), c("time", "status", "sex", "ph.ecog")]
lung2$status <- lung2$status - 1               # 1 = dead
write.csv(lung2, "lung.csv", row.names = FALSE)
write.csv(aml[, c("time", "status", "x")], "aml.csv", row.names = FALSE)
write.csv(ovarian[, c("futime", "fustat", "rx", "resid.ds")], "ovarian.csv", row.names = FALSE)
show <- function(label, f) {
  cat("==", label, "\n"); cat("obs", format(f$obs, digits = 17), "\n"); cat("exp", format(f$exp, digits = 17), "\n")
  cat("var", format(as.vector(f$var), digits = 17), "\n"); cat("chisq", format(f$chisq, digits = 17), "\n")
  cat("p", format(pchisq(f$chisq, length(f$n) - 1, lower.tail = FALSE), digits = 17), "\n")
}
show("aml rho0", survdiff(Surv(time, status) ~ x, data = aml))
show("aml rho1", survdiff(Surv(time, status) ~ x, data = aml, rho = 1))
show("lung sex rho0", survdiff(Surv(time, status) ~ sex, data = lung2))
show("lung ecog rho0", survdiff(Surv(time, status) ~ ph.ecog, data = lung2))
show("lung ecog rho0.5", survdiff(Surv(time, status) ~ ph.ecog, data = lung2, rho = 0.5))
show("lung sex strata ecog rho0", survdiff(Surv(time, status) ~ sex + strata(ph.ecog), data = lung2))
show("lung sex strata ecog rho1", survdiff(Surv(time, status) ~ sex + strata(ph.ecog), data = lung2, rho = 1))
show("ovarian rx strata resid rho0", survdiff(Surv(futime, fustat) ~ rx + strata(resid.ds), data = ovarian))
