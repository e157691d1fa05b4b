package io.github.cxmetrics.internal.math;

import static io.github.cxmetrics.internal.math.Accuracy.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link NelderMead} on functions with known minima (Rosenbrock 1960: minimum at (1, 1)) and
 * {@link Hypergeometric#f21} against mpmath 1.3.0 ({@code hyp2f1(a, b, c, z)}, mp.dps = 30).
 */
class NelderMeadAndHypergeometricTest {

    @Test
    void findsTheRosenbrockMinimum() {
        double[] x = NelderMead.minimize(p -> 100 * Math.pow(p[1] - p[0] * p[0], 2) + Math.pow(1 - p[0], 2),
                new double[] {-1.2, 1.0}, 0.5, 1e-14, 100_000);
        assertThat(x[0]).isCloseTo(1.0, within(1e-6));
        assertThat(x[1]).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void findsAQuadraticMinimumInThreeDimensions() {
        double[] x = NelderMead.minimize(p -> Math.pow(p[0] - 3, 2) + 2 * Math.pow(p[1] + 1, 2) + Math.pow(p[2], 2),
                new double[] {0, 0, 0}, 1.0, 1e-14, 100_000);
        assertThat(x).containsExactly(new double[] {3, -1, 0}, within(1e-6));
    }

    @Test
    void budgetAndStartAreGuarded() {
        assertThatThrownBy(() -> NelderMead.minimize(p -> p[0], new double[] {0}, 1.0, 1e-12, 50))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Nelder-Mead did not converge within its budget of 50 evaluations");
        assertThatThrownBy(() -> NelderMead.minimize(p -> Double.NaN, new double[] {0}, 1.0, 1e-12, 50))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not finite at the starting point");
    }

    @Test
    void hypergeometricMatchesMpmath() {
        assertRelative(Hypergeometric.f21(1, 2.5, 3.7, 0.5), 1.5489130928070723017, 1e-14, "2F1(1, 2.5; 3.7; 0.5)");
        assertRelative(Hypergeometric.f21(1, 11.806, 12.474, 1 / 1.1), 7.9954322522369427528, 1e-13, "DERL-type");
        assertRelative(Hypergeometric.f21(0.5, 0.5, 1.5, 0.99), 1.4780376623747747643, 1e-13, "2F1 near 1");
        assertRelative(Hypergeometric.f21(1, 3, 3.2, 0.999), 352.46020016360550772, 1e-12, "Euler branch");
        assertThat(Hypergeometric.f21(2, 3, 4, 0.0)).isEqualTo(1.0);
        assertThatThrownBy(() -> Hypergeometric.f21(1, 1, 2, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("z must be in [0, 1), was 1.0");
    }
}
