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
# Kaplan–Meier: se(rmean) and the median's confidence limits of print.survfit (summary(fit)$table)
km <- function(label, fit, tau) {
  t <- summary(fit, rmean = tau)$table
  cat("==", label, "\n"); cat(names(t), "\n"); cat(format(t, digits = 17), "\n")
}
km("aml log tau=40", survfit(Surv(time, status) ~ 1, data = aml), 40)
km("aml log tau=161", survfit(Surv(time, status) ~ 1, data = aml), 161)
km("aml log-log tau=40", survfit(Surv(time, status) ~ 1, data = aml, conf.type = "log-log"), 40)
km("aml plain tau=40", survfit(Surv(time, status) ~ 1, data = aml, conf.type = "plain"), 40)
km("lung log tau=500", survfit(Surv(time, status) ~ 1, data = lung2), 500)
km("lung log-log tau=500", survfit(Surv(time, status) ~ 1, data = lung2, conf.type = "log-log"), 500)
km("lung female log 0.9 tau=1000", survfit(Surv(time, status) ~ 1, data = lung2[lung2$sex == 2, ], conf.int = 0.9), 1000)
km("ovarian rx2 log tau=1000", survfit(Surv(futime, fustat) ~ 1, data = ovarian[ovarian$rx == 2, ]), 1000)
d4 <- data.frame(time = c(1, 2, 3, 4, 5, 6), status = c(1, 1, 1, 0, 1, 1))
km("six log-log tau=6", survfit(Surv(time, status) ~ 1, data = d4, conf.type = "log-log"), 6)
km("six log tau=3.5", survfit(Surv(time, status) ~ 1, data = d4), 3.5)
