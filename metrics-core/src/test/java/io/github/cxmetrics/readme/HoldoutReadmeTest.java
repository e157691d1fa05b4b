package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.clv.BetaGeometricNbd;
import io.github.cxmetrics.clv.CalibrationHoldout;
import io.github.cxmetrics.clv.PurchaseModel;
import io.github.cxmetrics.clv.Transaction;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's "Does the model predict? Calibration and holdout" example honest: runs its
 * {@code main} and compares the printed output. Expected values: {@code holdout_readme.py} in the test
 * resources beside this package (mpmath, FHL 2005 eqs. (6) and (10) at the printed parameters):
 * E[Y(13)] of ann (x = 2, tₓ = 8, T = 83/7) 1.06827149357, bob (0, 0, 76/7) 0.185007825317, cat
 * (1, 6, 48/7) 0.869560524565; LL −11.5735, AIC 31.1470, BIC 27.5414, MAE 0.4157, RMSE 0.5536, predicted
 * 2.12 against 3 actual (−29.24 %). Dan's first purchase is in the holdout: excluded.
 */
class HoldoutReadmeTest {

    static class Holdout {
        public static void main(String[] args) {
            List<Transaction> log = List.of(
                    new Transaction("ann", LocalDate.of(2025, 1, 6), 40.0),
                    new Transaction("ann", LocalDate.of(2025, 2, 3), 25.0),
                    new Transaction("ann", LocalDate.of(2025, 3, 3), 30.0),
                    new Transaction("ann", LocalDate.of(2025, 4, 7), 45.0),
                    new Transaction("ann", LocalDate.of(2025, 5, 5), 20.0),
                    new Transaction("ann", LocalDate.of(2025, 5, 5), 15.0), // same day: one purchase
                    new Transaction("bob", LocalDate.of(2025, 1, 13), 20.0),
                    new Transaction("cat", LocalDate.of(2025, 2, 10), 35.0),
                    new Transaction("cat", LocalDate.of(2025, 3, 24), 30.0),
                    new Transaction("cat", LocalDate.of(2025, 6, 2), 50.0),
                    new Transaction("dan", LocalDate.of(2025, 4, 14), 60.0)); // first seen in the holdout
            // calibrate to 2025-03-30, hold out the next 13 weeks
            CalibrationHoldout split = CalibrationHoldout.split(log, LocalDate.of(2025, 3, 30),
                    LocalDate.of(2025, 6, 29), ChronoUnit.WEEKS);
            System.out.println(split);

            // normally BetaGeometricNbd.fit(split.calibration()); here the CDNOW estimates
            PurchaseModel bgnbd = BetaGeometricNbd.of(0.2426, 4.4135, 0.7929, 2.4258);
            System.out.println(split.table(bgnbd, 2));
            System.out.println(split.compare(bgnbd));
        }
    }

    private static final String[] OUTPUT = {
                "CalibrationHoldout[customers=3, holdoutLength=13.0000, holdoutPurchases=3, newCustomersExcluded=1]",
                "BG/NBD, holdout 13 periods: actual vs predicted repeat purchases",
                "x      customers       actual    predicted",
                "0              1       0.0000       0.1850",
                "1              1       1.0000       0.8696",
                "2+             1       2.0000       1.0683",
                "total          3            3         2.12",
                "model         k           LL         AIC         BIC     MAE    RMSE  predicted  actual    error",
                "BG/NBD        4     -11.5735     31.1470     27.5414  0.4157  0.5536       2.12       3  -29.24%",
    };

    @Test
    void printsWhatTheReadmeSays() {
        assertThat(ReadmeExample.output(() -> Holdout.main(new String[0]))).containsExactly(OUTPUT);
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws java.io.IOException {
        ReadmeExample.assertReadmeShows("Holdout", "HoldoutReadmeTest.java", "    private static final String[] OUTPUT",
                OUTPUT);
    }
}
