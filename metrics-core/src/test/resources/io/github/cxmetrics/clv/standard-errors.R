# Reference standard errors for BetaGeometricNbdTest, GammaGammaTest and ShiftedBetaGeometricTest.
# R 4.2 with numDeriv; run from the repository root after adjusting the two data paths:
#   Rscript standard-errors.R
# Each model: the MLE by optim (Nelder-Mead then BFGS on log-parameters, reltol 1e-15/1e-16),
# then numDeriv::hessian (default Richardson: d = 0.1, r = 4, v = 2) of the negative log-likelihood
# in the natural parameters at that optimum, and sqrt(diag(solve(H))). Output (R 4.2.2, numDeriv 2016.8-1.1):
#   0.24259290070110229
#    4.4135312462916527
#    0.79288603797998536
#    2.425753040890001
#   LL -9582.4255605673625
#   SE natural numDeriv::hessian: 0.01255731896 0.3782213794 0.18571909 0.7053455511 
#   SE log-space numDeriv::hessian, delta: 0.01255731923 0.3782213965 0.1857191 0.7053455706 
#   SE optimHess: 0.01255677689 0.3782114043 0.1857161477 0.7053349152 
#   SE natural d=1e-4: 0.01255671453 0.3781956795 0.1857238722 0.7053781055 
#   GG 6.2488003665111886 3.7445887407939469 15.447755387939896 LL -4055.9232435028639 
#   GG SE natural numDeriv::hessian: 1.189690278 0.2901662088 4.160009049 
#   GG SE log numDeriv::hessian: 1.189686254 0.2901656395 4.159994872 
#   sBG 0.70407723274543477 1.182042860452527 LL -1680.2651884632878 
#   sBG SE natural numDeriv::hessian: 0.06559895099 0.152475592 
#   sBG SE log numDeriv::hessian: 0.06559895466 0.1524756022 
#   sBG 0.66808833553762703 3.8060949206784591 LL -1611.158147391156 
#   sBG SE natural numDeriv::hessian: 0.103734927 0.7855316818 
#   sBG SE log numDeriv::hessian: 0.1037349262 0.7855316628 

library(numDeriv)
d <- read.csv("/work/shared/data/cdnow_customers_summary.csv")
x <- d$frequency; tx <- d$recency; TT <- d$T
nll <- function(th) {
  r <- th[1]; al <- th[2]; a <- th[3]; b <- th[4]
  t1 <- lbeta(a, b + x) - lbeta(a, b) - (r + x) * log(al + TT)
  t2 <- ifelse(x > 0, lbeta(a + 1, pmax(b + x - 1, 1e-300)) - lbeta(a, b) - (r + x) * log(al + tx), -Inf)
  m <- pmax(t1, t2)
  -sum(lgamma(r + x) - lgamma(r) + r * log(al) + m + log(exp(t1 - m) + exp(t2 - m)))
}
nlllog <- function(p) nll(exp(p))
o <- optim(log(c(0.25, 4, 0.8, 2.4)), nlllog, method = "BFGS", control = list(reltol = 1e-15, maxit = 10000))
o <- optim(o$par, nlllog, method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 20000))
o <- optim(o$par, nlllog, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
th <- exp(o$par)
cat(sprintf("%.17g\n", th)); cat(sprintf("LL %.17g\n", -o$value))
H <- hessian(nll, th)
cat("SE natural numDeriv::hessian:", sprintf("%.10g", sqrt(diag(solve(H)))), "\n")
Hl <- hessian(nlllog, log(th))
cat("SE log-space numDeriv::hessian, delta:", sprintf("%.10g", th * sqrt(diag(solve(Hl)))), "\n")
Ho <- optimHess(th, nll)
cat("SE optimHess:", sprintf("%.10g", sqrt(diag(solve(Ho)))), "\n")
Hd <- hessian(nll, th, method.args = list(d = 1e-4))
cat("SE natural d=1e-4:", sprintf("%.10g", sqrt(diag(solve(Hd)))), "\n")

library(numDeriv)
d <- read.csv("/work/shared/data/cdnow_customers_summary_with_transactions.csv")
d <- d[d$x > 0, ]
x <- d$x; m <- d$zbar
nll <- function(th) {
  p <- th[1]; q <- th[2]; g <- th[3]
  -sum(lgamma(p*x + q) - lgamma(p*x) - lgamma(q) + q*log(g) + (p*x - 1)*log(m) + p*x*log(x) - (p*x + q)*log(g + m*x))
}
nlllog <- function(v) nll(exp(v))
o <- optim(c(0, 0, 0), nlllog, method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 20000))
o <- optim(o$par, nlllog, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
th <- exp(o$par)
cat("GG", sprintf("%.17g", th), sprintf("LL %.17g", -o$value), "\n")
cat("GG SE natural numDeriv::hessian:", sprintf("%.10g", sqrt(diag(solve(hessian(nll, th))))), "\n")
cat("GG SE log numDeriv::hessian:", sprintf("%.10g", th * sqrt(diag(solve(hessian(nlllog, log(th)))))), "\n")
sbg <- function(n) {
  nll <- function(th) {
    a <- th[1]; b <- th[2]; T <- length(n) - 1
    tt <- 1:T
    P <- exp(lbeta(a + 1, b + tt - 1) - lbeta(a, b))
    S <- exp(lbeta(a, b + T) - lbeta(a, b))
    -(sum((n[1:T] - n[2:(T + 1)]) * log(P)) + n[T + 1] * log(S))
  }
  nlllog <- function(v) nll(exp(v))
  o <- optim(c(0, 0), nlllog, method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 20000))
  o <- optim(o$par, nlllog, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000))
  th <- exp(o$par)
  cat("sBG", sprintf("%.17g", th), sprintf("LL %.17g", -o$value), "\n")
  cat("sBG SE natural numDeriv::hessian:", sprintf("%.10g", sqrt(diag(solve(hessian(nll, th))))), "\n")
  cat("sBG SE log numDeriv::hessian:", sprintf("%.10g", th * sqrt(diag(solve(hessian(nlllog, log(th)))))), "\n")
}
sbg(c(1000, 631, 468, 382, 326, 289, 262, 241))
sbg(c(1000, 869, 743, 653, 593, 551, 517, 491))
