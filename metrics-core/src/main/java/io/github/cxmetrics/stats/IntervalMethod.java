package io.github.cxmetrics.stats;

/**
 * The interval estimators a metric may offer. Each metric documents which methods it supports and
 * its default; a metric rejects an unsupported method with {@link IllegalArgumentException}.
 *
 * <p>References: Agresti &amp; Coull (1998), "Approximate is better than 'exact' for interval
 * estimation of binomial proportions", <i>The American Statistician</i> 52(2):119–126; Brown, Cai &amp;
 * DasGupta (2001), "Interval estimation for a binomial proportion", <i>Statistical Science</i>
 * 16(2):101–133; Rocks (2016), "Interval estimation for the 'net promoter score'", <i>The American
 * Statistician</i> 70(4):365–372.
 *
 * @since 0.1.0
 */
public enum IntervalMethod {
    /** Normal approximation around the estimate: {@code estimate ± z·SE}. */
    WALD,
    /**
     * Wald interval on counts augmented by pseudo-observations (for NPS: 3/4 promoter, 3/2 passive,
     * 3/4 detractor, after Rocks 2016).
     */
    ADJUSTED_WALD,
    /** Wilson (1927) score interval for a proportion. */
    WILSON,
    /** Agresti–Coull (1998) interval: Wald around the Wilson centre with {@code n + z²} trials. */
    AGRESTI_COULL,
    /** Clopper–Pearson (1934) "exact" interval from beta quantiles. */
    CLOPPER_PEARSON,
    /** Jeffreys interval: equal-tailed interval of the Beta(x + 1/2, n − x + 1/2) posterior. */
    JEFFREYS,
    /** Student t interval on a mean: {@code mean ± t(df)·SE}. */
    STUDENT_T
}
