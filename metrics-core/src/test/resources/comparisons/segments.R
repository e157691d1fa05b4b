options(digits=15)
# CSAT top-2-box: six segments, satisfied x of n (mission-next §3.2 CSAT vector used as segments)
x <- c(160,170,150,185,190,200); n <- c(200,210,190,220,215,220)
p <- numeric(6)
for (i in 1:6) {
  t <- prop.test(c(x[i], sum(x[-i])), c(n[i], sum(n[-i])), correct=FALSE)
  p[i] <- t$p.value
  z <- sign(x[i]/n[i] - sum(x[-i])/sum(n[-i])) * sqrt(t$statistic)
  cat(sprintf("vsRest %d diff=%.15g z=%.15g p=%.15g vsOverall=%.15g\n", i, 100*(x[i]/n[i]-sum(x[-i])/sum(n[-i])), z, p[i], 100*(x[i]/n[i]-sum(x)/sum(n))))
}
cat("holm", format(p.adjust(p,"holm"), digits=15), "\n")
cat("BH", format(p.adjust(p,"BH"), digits=15), "\n")
print(prop.test(x, n)$statistic, digits=15); print(prop.test(x, n)$p.value, digits=15)
# pairs 1-2, 1-6, 5-6
for (pr in list(c(1,2), c(1,6), c(5,6))) { t <- prop.test(x[pr], n[pr], correct=FALSE); cat(sprintf("pair %d-%d p=%.15g\n", pr[1], pr[2], t$p.value)) }
pp <- c(); for (i in 1:5) for (j in (i+1):6) pp <- c(pp, prop.test(x[c(i,j)], n[c(i,j)], correct=FALSE)$p.value)
cat("pairs holm", format(p.adjust(pp,"holm"), digits=15), "\n")
# CES 2.0 on 1..7, three segments given as counts of 1..7
A <- c(2,3,5,10,20,25,15); B <- c(5,8,10,15,12,6,4); C <- c(1,2,4,8,15,20,30)
r <- function(cnt) rep(1:7, cnt)
seg <- list(A=r(A), B=r(B), C=r(C))
ps <- c()
for (k in names(seg)) { rest <- unlist(seg[names(seg)!=k]); t <- t.test(seg[[k]], rest)
  ps <- c(ps, t$p.value)
  cat(sprintf("ces %s diff=%.15g t=%.15g df=%.15g p=%.15g\n", k, mean(seg[[k]])-mean(rest), t$statistic, t$parameter, t$p.value)) }
cat("ces holm", format(p.adjust(ps,"holm"), digits=15), "\n")
t <- t.test(seg$A, seg$B); cat(sprintf("ces A-B t=%.15g df=%.15g p=%.15g\n", t$statistic, t$parameter, t$p.value))
# NPS 3x4 chi-square (mission-next §3.2)
tab <- matrix(c(60,90,150, 45,55,100, 30,40,130, 80,60,60), nrow=3)
print(chisq.test(tab)$statistic, digits=15); print(chisq.test(tab)$p.value, digits=15)
# G test via formula
E <- outer(rowSums(tab), colSums(tab))/sum(tab); G <- 2*sum(tab*log(tab/E)); cat(sprintf("G=%.15g p=%.15g\n", G, pchisq(G, 6, lower.tail=FALSE)))
# a table with a zero column dropped: category never chosen
tab2 <- matrix(c(10,0,5, 4,0,9, 7,0,7), nrow=3); print(chisq.test(tab2[-2,])$statistic, digits=15); print(chisq.test(tab2[-2,])$p.value, digits=15)
