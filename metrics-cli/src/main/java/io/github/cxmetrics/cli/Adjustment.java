package io.github.cxmetrics.cli;

import io.github.cxmetrics.stats.PValueAdjustment;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The {@code --adjust} option: the multiplicity adjustment of a family of comparisons. */
final class Adjustment {

    @Option(names = "--adjust", paramLabel = "METHOD", defaultValue = "holm",
            description = "Multiplicity adjustment of the family of comparisons: holm (default), hochberg,"
                    + " bonferroni, bh (Benjamini–Hochberg), by (Benjamini–Yekutieli) or none.")
    String method;

    /**
     * The chosen adjustment.
     *
     * @throws UsageException if the name is not one of the documented ones
     */
    PValueAdjustment value() {
        switch (method.trim().toLowerCase(Locale.ROOT)) {
            case "holm":
                return PValueAdjustment.HOLM;
            case "hochberg":
                return PValueAdjustment.HOCHBERG;
            case "bonferroni":
                return PValueAdjustment.BONFERRONI;
            case "bh":
            case "fdr":
                return PValueAdjustment.BENJAMINI_HOCHBERG;
            case "by":
                return PValueAdjustment.BENJAMINI_YEKUTIELI;
            case "none":
                return PValueAdjustment.NONE;
            default:
                throw new UsageException("--adjust must be holm, hochberg, bonferroni, bh, by or none, was '"
                        + method + "'");
        }
    }

    /** A short name of the adjustment for notes: {@code Holm}, {@code Benjamini–Hochberg} … */
    static String describe(PValueAdjustment a) {
        switch (a) {
            case HOLM:
                return "Holm";
            case HOCHBERG:
                return "Hochberg";
            case BONFERRONI:
                return "Bonferroni";
            case BENJAMINI_HOCHBERG:
                return "Benjamini–Hochberg";
            case BENJAMINI_YEKUTIELI:
                return "Benjamini–Yekutieli";
            default:
                return "not";
        }
    }
}
