package io.github.cxmetrics.internal.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link QuasiNewton} on standard test functions with known minima (Moré, Garbow &amp; Hillstrom
 * 1981, "Testing unconstrained optimization software", <i>ACM TOMS</i> 7(1):17–41: Rosenbrock,
 * Beale, Powell's singular function), on a box-constrained quadratic whose minimiser lies on the
 * bounds, and on the failure paths.
 */
class QuasiNewtonTest {

    private static final double[] NO_LOWER = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    private static final double[] NO_UPPER = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};

    /** f = 100 (y − x²)² + (1 − x)², minimum 0 at (1, 1). */
    private static double rosenbrock(double[] p, double[] g) {
        double a = p[1] - p[0] * p[0];
        double b = 1 - p[0];
        g[0] = -400 * a * p[0] - 2 * b;
        g[1] = 200 * a;
        return 100 * a * a + b * b;
    }

    @Test
    void rosenbrockFromTheClassicalStart() {
        QuasiNewton.Result r = QuasiNewton.minimize(QuasiNewtonTest::rosenbrock, new double[] {-1.2, 1.0}, NO_LOWER,
                NO_UPPER, 1e-12, 1000);
        assertThat(r.converged()).as(r.failure()).isTrue();
        assertThat(r.point()).containsExactly(new double[] {1.0, 1.0}, within(1e-9));
        assertThat(r.value()).isLessThan(1e-18);
        // BFGS with a Wolfe line search takes a few dozen iterations here (N&W report 34 for their code)
        assertThat(r.iterations()).isBetween(15, 60);
        assertThat(r.evaluations()).isLessThan(120);
    }

    @Test
    void extendedRosenbrockInTenDimensions() {
        int n = 10;
        QuasiNewton.Objective f = (p, g) -> {
            double s = 0;
            Arrays.fill(g, 0.0);
            for (int i = 0; i < n; i += 2) {
                double a = p[i + 1] - p[i] * p[i];
                double b = 1 - p[i];
                s += 100 * a * a + b * b;
                g[i] = -400 * a * p[i] - 2 * b;
                g[i + 1] = 200 * a;
            }
            return s;
        };
        double[] start = new double[n];
        for (int i = 0; i < n; i += 2) {
            start[i] = -1.2;
            start[i + 1] = 1.0;
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        QuasiNewton.Result r = QuasiNewton.minimize(f, start, lo, hi, 1e-12, 5000);
        assertThat(r.converged()).as(r.failure()).isTrue();
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        assertThat(r.point()).containsExactly(ones, within(1e-8));
    }

    @Test
    void bealeFunction() {
        // f = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)², minimum 0 at (3, 0.5)
        double[] c = {1.5, 2.25, 2.625};
        QuasiNewton.Objective f = (p, g) -> {
            double x = p[0];
            double y = p[1];
            double s = 0;
            g[0] = 0;
            g[1] = 0;
            for (int i = 1; i <= 3; i++) {
                double t = c[i - 1] - x + x * Math.pow(y, i);
                s += t * t;
                g[0] += 2 * t * (Math.pow(y, i) - 1);
                g[1] += 2 * t * x * i * Math.pow(y, i - 1);
            }
            return s;
        };
        QuasiNewton.Result r = QuasiNewton.minimize(f, new double[] {1, 1}, NO_LOWER, NO_UPPER, 1e-13, 1000);
        assertThat(r.converged()).as(r.failure()).isTrue();
        assertThat(r.point()).containsExactly(new double[] {3.0, 0.5}, within(1e-8));
    }

    @Test
    void powellSingularFunctionHasASingularHessianAtItsMinimum() {
        // f = (x1 + 10x2)² + 5(x3 − x4)² + (x2 − 2x3)⁴ + 10(x1 − x4)⁴, minimum 0 at the origin
        QuasiNewton.Objective f = (p, g) -> {
            double a = p[0] + 10 * p[1];
            double b = p[2] - p[3];
            double c = p[1] - 2 * p[2];
            double d = p[0] - p[3];
            g[0] = 2 * a + 40 * d * d * d;
            g[1] = 20 * a + 4 * c * c * c;
            g[2] = 10 * b - 8 * c * c * c;
            g[3] = -10 * b - 40 * d * d * d;
            return a * a + 5 * b * b + c * c * c * c + 10 * d * d * d * d;
        };
        double[] inf = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        double[] sup = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY};
        QuasiNewton.Result r = QuasiNewton.minimize(f, new double[] {3, -1, 0, 1}, inf, sup, 1e-10, 2000);
        assertThat(r.converged()).as(r.failure()).isTrue();
        assertThat(r.value()).isLessThan(1e-12);
        assertThat(r.point()).containsExactly(new double[] {0, 0, 0, 0}, within(3e-3));
    }

    @Test
    void theMinimumOfABoxedQuadraticLiesOnItsBounds() {
        // f = (x − 3)² + (y + 2)² + xy over [0, 1] × [−1, 5]: the unconstrained minimum (16/3, −14/3)
        // is outside; on the box the minimum is at x = 1 (∂f/∂x = 2(x − 3) + y < 0 throughout),
        // y = −1 (∂f/∂y = 2(y + 2) + x = 3 > 0 at y = −1): f = 4 + 1 − 1 = 4
        QuasiNewton.Objective f = (p, g) -> {
            g[0] = 2 * (p[0] - 3) + p[1];
            g[1] = 2 * (p[1] + 2) + p[0];
            return (p[0] - 3) * (p[0] - 3) + (p[1] + 2) * (p[1] + 2) + p[0] * p[1];
        };
        QuasiNewton.Result r = QuasiNewton.minimize(f, new double[] {0.5, 4}, new double[] {0, -1},
                new double[] {1, 5}, 1e-12, 200);
        assertThat(r.converged()).as(r.failure()).isTrue();
        assertThat(r.point()).containsExactly(1.0, -1.0);
        assertThat(r.value()).isEqualTo(4.0);
        // one bound active: minimum of (x − 3)² + (y + 2)² + xy on x = 1 is at y = −2.5, inside [−1, 5]? no:
        // over [0, 1] × [−3, 5] it is at (1, −2.5), f = 4 + 0.25 − 2.5 = 1.75
        QuasiNewton.Result one = QuasiNewton.minimize(f, new double[] {0.5, 4}, new double[] {0, -3},
                new double[] {1, 5}, 1e-12, 200);
        assertThat(one.converged()).as(one.failure()).isTrue();
        assertThat(one.point()).containsExactly(new double[] {1.0, -2.5}, within(1e-10));
        assertThat(one.value()).isCloseTo(1.75, within(1e-14));
    }

    @Test
    void aFunctionUndefinedOutsideItsDomainIsSteppedBackInto() {
        // f = x − ln x + y² − ln(1 + y) on x > 0, y > −1 (NaN outside): minimum at x = 1, y = (√3 − 1)/2
        QuasiNewton.Objective f = (p, g) -> {
            g[0] = 1 - 1 / p[0];
            g[1] = 2 * p[1] - 1 / (1 + p[1]);
            return p[0] - Math.log(p[0]) + p[1] * p[1] - Math.log1p(p[1]);
        };
        QuasiNewton.Result r = QuasiNewton.minimize(f, new double[] {30, 5}, NO_LOWER, NO_UPPER, 1e-13, 500);
        assertThat(r.converged()).as(r.failure()).isTrue();
        assertThat(r.point()).containsExactly(new double[] {1.0, (Math.sqrt(3) - 1) / 2}, within(1e-10));
    }

    @Test
    void theExactInverseHessianAsTheFirstApproximationGivesNewtonsStep() {
        // f = ½ xᵀAx − bᵀx, A = [[4, 1], [1, 3]], b = (1, 2): minimiser A⁻¹b = (1, 7)/11; with H₀ = A⁻¹
        // the first direction is the Newton step, the unit step is accepted: one iteration, two evaluations
        QuasiNewton.Objective f = (p, g) -> {
            g[0] = 4 * p[0] + p[1] - 1;
            g[1] = p[0] + 3 * p[1] - 2;
            return 0.5 * (4 * p[0] * p[0] + 2 * p[0] * p[1] + 3 * p[1] * p[1]) - p[0] - 2 * p[1];
        };
        double[][] inverse = {{3.0 / 11, -1.0 / 11}, {-1.0 / 11, 4.0 / 11}};
        QuasiNewton.Result r = QuasiNewton.minimize(f, new double[] {5, -3}, inverse, NO_LOWER, NO_UPPER, 1e-14, 100);
        assertThat(r.converged()).as(r.failure()).isTrue();
        assertThat(r.point()).containsExactly(new double[] {1.0 / 11, 7.0 / 11}, within(1e-14));
        assertThat(r.iterations()).isEqualTo(1);
        assertThat(r.evaluations()).isEqualTo(2);
        // from the identity the same problem takes more
        QuasiNewton.Result plain = QuasiNewton.minimize(f, new double[] {5, -3}, NO_LOWER, NO_UPPER, 1e-14, 100);
        assertThat(plain.iterations()).isGreaterThan(1);
        assertThatThrownBy(() -> QuasiNewton.minimize(f, new double[] {0, 0}, new double[][] {{1}}, NO_LOWER,
                NO_UPPER, 1e-10, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inverseHessian must be 2 × 2");
    }

    @Test
    void failuresAreReportedNotThrown() {
        QuasiNewton.Result nan = QuasiNewton.minimize((p, g) -> Double.NaN, new double[] {0, 0}, NO_LOWER, NO_UPPER,
                1e-10, 100);
        assertThat(nan.converged()).isFalse();
        assertThat(nan.failure()).startsWith("the objective or its gradient is not finite at the start");
        QuasiNewton.Result budget = QuasiNewton.minimize(QuasiNewtonTest::rosenbrock, new double[] {-1.2, 1.0},
                NO_LOWER, NO_UPPER, 1e-12, 5);
        assertThat(budget.converged()).isFalse();
        assertThat(budget.failure()).contains("budget of 5 evaluations ran out");
        assertThat(budget.evaluations()).isLessThanOrEqualTo(5);
        // a gradient that lies (the sign of x's component is wrong): no descent along −H·g
        QuasiNewton.Result wrong = QuasiNewton.minimize((p, g) -> {
            g[0] = -2 * p[0];
            g[1] = 2 * p[1];
            return p[0] * p[0] + p[1] * p[1];
        }, new double[] {1, 1}, NO_LOWER, NO_UPPER, 1e-12, 200);
        assertThat(wrong.converged()).isFalse();
        assertThatThrownBy(() -> QuasiNewton.minimize(QuasiNewtonTest::rosenbrock, new double[] {0, 0},
                new double[] {1, 0}, new double[] {0, 1}, 1e-10, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lower[0] = 1.0 > upper[0] = 0.0");
    }
}
