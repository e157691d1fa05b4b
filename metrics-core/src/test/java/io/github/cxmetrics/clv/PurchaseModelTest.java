package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The common surface of the purchase models: names, parameters and their order agree with each
 * model's own accessors, and P(alive) of a summary is the model's P(alive) of its (x, tₓ, T).
 */
class PurchaseModelTest {

    @Test
    void parametersAreTheAccessorsInTheOrderOfTheirNames() {
        BetaGeometricNbd bg = BetaGeometricNbd.of(0.243, 4.414, 0.793, 2.426);
        ModifiedBetaGeometricNbd mbg = ModifiedBetaGeometricNbd.of(0.525, 6.183, 0.891, 1.614);
        ParetoNbd pnbd = ParetoNbd.of(0.55, 10.58, 0.61, 11.67);
        List<PurchaseModel> models = List.of(bg, mbg, pnbd);
        for (PurchaseModel m : models) {
            assertThat(m.parameterNames()).hasSize(m.parameterCount());
            assertThat(m.parameters()).hasSize(m.parameterCount());
            assertThat(m.parameters()).isNotSameAs(m.parameters());
        }
        assertThat(bg.parameterNames()).containsExactly("r", "alpha", "a", "b");
        assertThat(bg.parameters()).containsExactly(bg.r(), bg.alpha(), bg.a(), bg.b());
        assertThat(mbg.parameterNames()).containsExactly("r", "alpha", "a", "b");
        assertThat(mbg.parameters()).containsExactly(mbg.r(), mbg.alpha(), mbg.a(), mbg.b());
        assertThat(pnbd.parameterNames()).containsExactly("r", "alpha", "s", "beta");
        assertThat(pnbd.parameters()).containsExactly(pnbd.r(), pnbd.alpha(), pnbd.s(), pnbd.beta());
        assertThat(List.of(bg.name(), mbg.name(), pnbd.name())).containsExactly("BG/NBD", "MBG/NBD", "Pareto/NBD");
        RfmSummary c = RfmSummary.of(3, 20.0, 39.0);
        assertThat(bg.probabilityAlive(c)).isEqualTo(bg.probabilityAlive(3, 20.0, 39.0));
    }
}
