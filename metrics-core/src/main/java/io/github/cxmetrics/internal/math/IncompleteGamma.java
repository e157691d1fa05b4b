package io.github.cxmetrics.internal.math;

/**
 * The continued fraction of the upper incomplete gamma function, shared by {@link ChiSquare} and
 * {@link KummerU}:
 * <pre>{@code
 * Γ(a, y) = e^(−y) y^a · 1/(y + 1 − a − 1·(1 − a)/(y + 3 − a − 2·(2 − a)/(y + 5 − a − …)))
 * }</pre>
 * (DLMF 8.9.2, in the even form of Press et al., <i>Numerical Recipes</i>, 3rd ed., §6.2), evaluated by
 * the modified Lentz method. It converges for every real {@code a} once {@code y} is past about
 * {@code a + 1}; callers use it there.
 */
final class IncompleteGamma {

    private static final int MAX_TERMS = 100_000;

    private static final double EPS = 1e-16;

    private static final double TINY = 1e-300;

    private IncompleteGamma() {
    }

    /**
     * The continued fraction's value {@code h}, so that {@code Γ(a, y) = e^(−y) y^a h}.
     *
     * @param a the shape, any real
     * @param y the argument, {@code > 0}
     * @return {@code h > 0}
     * @throws IllegalStateException if the fraction does not settle within 100 000 terms
     */
    static double continuedFraction(double a, double y) {
        double b = y + 1.0 - a;
        double c = 1.0 / TINY;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - a);
            b += 2.0;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1.0) <= EPS) {
                return h;
            }
        }
        throw new IllegalStateException("incomplete gamma continued fraction did not converge for a=" + a
                + ", y=" + y);
    }
}
