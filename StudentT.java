package io.github.cxmetrics.internal.math;
/** stub. */
public final class StudentT { private StudentT() {}
 /** s. @param t t @param df d @return r */ public static double survival(double t, double df) { return Normal.survival(t); }
 /** s. @param p p @param df d @return r */ public static double quantile(double p, double df) { return Normal.quantile(p); }
}
