package io.github.cxmetrics.cli;

import io.github.cxmetrics.csi.ImportancePerformance;
import io.github.cxmetrics.csi.RelativeImportance;
import io.github.cxmetrics.csi.RelativeImportanceBootstrap;
import io.github.cxmetrics.csi.RelativeImportanceBootstrap.Measure;
import io.github.cxmetrics.stats.Interval;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cxm drivers}: key-driver analysis of one overall-satisfaction column on several attribute
 * columns: LMG (Shapley) and Johnson's relative weights with bootstrap intervals, and the
 * importance–performance quadrant of each attribute.
 */
@Command(name = "drivers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Key drivers: how much of overall satisfaction each attribute explains. LMG (Lindeman, Merenda"
                + " & Gold 1980) = the Shapley value of R² = general dominance, from all 2^p subset regressions"
                + " (p <= 20); Johnson's (2000) relative weights for any p. Each with its share of R², a jackknife"
                + " standard error and a bootstrap percentile interval; the quadrant of each attribute in"
                + " importance-performance analysis (Martilla & James 1977: importance = share of R², performance"
                + " = mean rating, crosshairs at the means).", "",
            "One row per respondent. An empty cell or a --na code is a missing value: the respondent is left out"
                    + " (listwise) unless --missing pairwise."},
        footer = {"", "Example:", "  cxm drivers survey.csv --overall overall --items price,staff,website --pairs"})
final class DriversCommand implements Callable<Integer> {

    /** Which importance measures to print. */
    enum Method {
        /** LMG (Shapley value regression). */
        lmg,
        /** Johnson's relative weights. */
        relweight,
        /** Both. */
        all
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file, one row per respondent; - is standard input.")
    Path file;

    @Option(names = "--overall", required = true, paramLabel = "COL",
            description = "The overall-satisfaction column.")
    String overall;

    @Option(names = "--items", required = true, split = ",", paramLabel = "COL",
            description = "The attribute columns, separated by commas (at least 2; LMG needs at most 20).")
    List<String> items;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "all",
            description = "lmg, relweight or all (default: ${DEFAULT-VALUE}).")
    Method method;

    @Option(names = "--weight", paramLabel = "WEIGHT_COL",
            description = "Survey weights: 0 or in [1e-150, 1e150]. Correlations are weighted; the effective n is"
                    + " Kish's (Σw)²/Σw²; bootstrap resamples draw rows uniformly and keep their weights.")
    String weight;

    @Option(names = "--missing", paramLabel = "HOW", defaultValue = "LISTWISE",
            description = "listwise (a respondent with any missing value is left out) or pairwise (each correlation"
                    + " from the respondents who answered both). Default: listwise.")
    RelativeImportance.Missing missing;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap resamples for the intervals (default: ${DEFAULT-VALUE}; 0: none).")
    int bootstrap;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "Seed of the bootstrap resampler (default: the library's fixed seed, so runs repeat).")
    Long seed;

    @Option(names = "--se", paramLabel = "HOW", defaultValue = "auto",
            description = "Standard errors: jackknife (leave one out: one analysis per respondent), bootstrap (the"
                    + " standard deviation of the bootstrap replicates) or auto: the jackknife up to "
                    + AUTO_JACKKNIFE_LIMIT + " respondents, else the bootstrap (none with --bootstrap 0)."
                    + " Default: ${DEFAULT-VALUE}.")
    String se;

    /** Respondents up to which {@code --se auto} uses the jackknife (about 2 ms per respondent at 14 items). */
    static final int AUTO_JACKKNIFE_LIMIT = 5000;

    @Option(names = "--pairs",
            description = "Also print, for every pair of attributes, the bootstrap interval of the difference of"
                    + " their importances: does driver A really beat driver B?")
    boolean pairs;

    @Mixin
    ConfidenceLevel confidence;

    @Mixin
    RatingCommand.ValueOptions values;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        return run(input.open(file), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int run(CsvSource source, PrintWriter out, PrintWriter err) {
        double level = confidence.value();
        values.codes();
        if (items.size() < 2) {
            throw new UsageException("--items needs at least 2 columns, was " + items.size());
        }
        if (bootstrap < 0) {
            throw new UsageException("--bootstrap must be >= 0, was " + bootstrap);
        }
        if (method != Method.relweight && items.size() > RelativeImportance.MAX_SUBSET_ATTRIBUTES) {
            throw new UsageException("LMG needs all 2^p subset regressions and takes at most "
                    + RelativeImportance.MAX_SUBSET_ATTRIBUTES + " --items, was " + items.size()
                    + "; use --method relweight");
        }
        if (!se.equals("auto") && !se.equals("jackknife") && !se.equals("bootstrap")) {
            throw new UsageException("--se must be auto, jackknife or bootstrap, was '" + se + "'");
        }
        if (se.equals("bootstrap") && bootstrap < 2) {
            throw new UsageException("--se bootstrap needs --bootstrap of at least 2, was " + bootstrap);
        }
        List<String> wanted = new ArrayList<>(items);
        wanted.add(0, overall);
        List<String> options = new ArrayList<>();
        options.add("--overall");
        for (int j = 0; j < items.size(); j++) {
            options.add("--items");
        }
        Rejections rejections = new Rejections(source.name(), input.skipInvalid);
        boolean pairwise = missing == RelativeImportance.Missing.PAIRWISE;
        long[] empty = pairwise ? new long[wanted.size()] : null;
        NumericColumns data = NumericColumns.read(source, wanted, options, weight, values, rejections, empty, err);
        for (int j = 0; pairwise && j < empty.length; j++) {
            if (empty[j] > 0) {
                err.printf(Locale.ROOT, "%s: %d %s left column '%s' empty; --missing pairwise leaves %s out of the"
                        + " correlations with that column only%n", source.name(), empty[j], empty[j] == 1 ? "row" : "rows",
                        data.names.get(j), empty[j] == 1 ? "it" : "them");
            }
        }
        if (data.rows() == 0) {
            throw new DataException(source.name() + ": no respondent to analyse");
        }
        int p = items.size();
        double[] y = data.column(0);
        double[][] x = data.columns(1, p + 1);
        String[] names = data.names.subList(1, p + 1).toArray(new String[0]);
        RelativeImportance.Options opts = RelativeImportance.options().missing(missing).names(names);
        if (data.weights != null) {
            opts = opts.weights(data.weights);
        }
        RelativeImportanceBootstrap.Resampler resampler = RelativeImportanceBootstrap.Resampler.seeded(
                seed == null ? RelativeImportanceBootstrap.DEFAULT_SEED : seed);
        boolean lmg = method != Method.relweight;
        boolean rw = method != Method.lmg;
        // auto: the jackknife on small files; on large ones the bootstrap's SE, or none without resamples
        boolean jackknife = se.equals("jackknife") || se.equals("auto") && data.rows() <= AUTO_JACKKNIFE_LIMIT;
        RelativeImportanceBootstrap boot = RelativeImportanceBootstrap.of(x, y, opts, bootstrap, resampler, jackknife);
        RelativeImportance est = boot.estimate();
        double[] mean = means(x, y, missing == RelativeImportance.Missing.LISTWISE, data.weights);
        print(est, boot, lmg, rw, mean, level, out);
        if (boot != null && boot.failedResamples() > 0) {
            err.printf(Locale.ROOT, "%s: %d of %d bootstrap resamples could not be analysed (singular or constant"
                    + " columns) and are left out of the intervals%n", source.name(), boot.failedResamples(),
                    boot.resamples());
        }
        err.flush();
        return Cxm.OK;
    }

    /** The (weighted) mean rating of each attribute over the respondents the analysis used. */
    private static double[] means(double[][] x, double[] y, boolean listwise, double[] w) {
        int p = x[0].length;
        double[] sum = new double[p];
        double[] wsum = new double[p];
        for (int r = 0; r < x.length; r++) {
            double wt = w == null ? 1.0 : w[r];
            boolean complete = !Double.isNaN(y[r]);
            for (int j = 0; j < p && complete; j++) {
                complete = !Double.isNaN(x[r][j]);
            }
            for (int j = 0; j < p; j++) {
                if (Double.isNaN(x[r][j]) || listwise && !complete || wt == 0.0) {
                    continue;
                }
                sum[j] += wt * x[r][j];
                wsum[j] += wt;
            }
        }
        double[] m = new double[p];
        for (int j = 0; j < p; j++) {
            m[j] = wsum[j] > 0 ? sum[j] / wsum[j] : Double.NaN;
        }
        return m;
    }

    private void print(RelativeImportance est, RelativeImportanceBootstrap boot, boolean lmg, boolean rw,
            double[] mean, double level, PrintWriter out) {
        String ci = confidence.columnPrefix();
        String[] names = est.names();
        int p = names.length;
        boolean withCi = boot.resamples() - boot.failedResamples() >= 2;
        Table full = new Table("drivers").column("item", null);
        Table t = full;
        if (lmg) {
            t.column("lmg", "%.4f").column("lmg_share", "%.4f").column("lmg_se", "%.4f")
                    .column(ci + "_lower", "%.4f").column(ci + "_upper", "%.4f");
        }
        if (rw) {
            t.column("relweight", "%.4f").column("relweight_share", "%.4f").column("relweight_se", "%.4f")
                    .column("relweight_" + ci + "_lower", "%.4f").column("relweight_" + ci + "_upper", "%.4f");
        }
        t.column("mean", "%.3f").column("quadrant", null);
        double[] importance = lmg ? est.lmgShares() : est.relativeWeightShares();
        List<ImportancePerformance.Quadrant> quadrants = hasNaN(mean) ? null
                : ImportancePerformance.classify(importance, mean);
        double[] lmgSe = lmg ? standardErrors(boot, Measure.LMG) : null;
        double[] rwSe = rw ? standardErrors(boot, Measure.RELATIVE_WEIGHT) : null;
        for (int j = 0; j < p; j++) {
            List<Object> row = new ArrayList<>();
            row.add(names[j]);
            if (lmg) {
                Interval in = withCi ? boot.interval(Measure.LMG, j, level) : null;
                row.add(est.lmg()[j]);
                row.add(est.lmgShares()[j]);
                row.add(lmgSe[j]);
                row.add(in == null ? Double.NaN : in.lower());
                row.add(in == null ? Double.NaN : in.upper());
            }
            if (rw) {
                row.add(est.relativeWeights()[j]);
                row.add(est.relativeWeightShares()[j]);
                row.add(rwSe[j]);
                Interval in = withCi ? boot.interval(Measure.RELATIVE_WEIGHT, j, level) : null;
                row.add(in == null ? Double.NaN : in.lower());
                row.add(in == null ? Double.NaN : in.upper());
            }
            row.add(mean[j]);
            row.add(quadrants == null ? null : quadrant(quadrants.get(j)));
            t.row(row.toArray());
        }
        boolean text = input.format == Table.Format.TEXT;
        if (text) {
            // within 100 columns: the primary measure with its SE and interval, the other one's share
            Measure primary = lmg ? Measure.LMG : Measure.RELATIVE_WEIGHT;
            double[] value = lmg ? est.lmg() : est.relativeWeights();
            double[] shares = lmg ? est.lmgShares() : est.relativeWeightShares();
            double[] primarySe = lmg ? lmgSe : rwSe;
            String label = lmg ? "lmg" : "relweight";
            Table c = new Table("drivers").column("item", null).column(label, "%.4f").column("share", "%.3f")
                    .column("se", "%.4f").column(ci + "_lower", "%.4f").column(ci + "_upper", "%.4f");
            if (lmg && rw) {
                c.column("rw_share", "%.3f");
            }
            c.column("mean", "%.2f").column("quadrant", null);
            for (int j = 0; j < p; j++) {
                Interval in = withCi ? boot.interval(primary, j, level) : null;
                List<Object> row = new ArrayList<>(List.of(names[j], value[j], shares[j], primarySe[j],
                        in == null ? Double.NaN : in.lower(), in == null ? Double.NaN : in.upper()));
                if (lmg && rw) {
                    row.add(est.relativeWeightShares()[j]);
                }
                row.add(mean[j]);
                row.add(quadrants == null ? "—" : quadrant(quadrants.get(j)));
                c.row(row.toArray());
            }
            t = c;
            out.printf(Locale.ROOT, "Key drivers, %d respondents (effective n %.1f), R² %.4f", est.respondentsUsed(),
                    est.effectiveSize(), est.rSquared());
            out.printf(Locale.ROOT, "%n%s", boot.hasJackknife() ? "Standard errors by the jackknife"
                    : boot.resamples() >= 2 ? "Standard errors by the bootstrap"
                    : "No standard errors (over " + AUTO_JACKKNIFE_LIMIT + " respondents: use --bootstrap B or --se"
                            + " jackknife)");
            if (boot.resamples() > 0) {
                out.printf(Locale.ROOT, "; percentile intervals from %d bootstrap resamples", boot.resamples());
            }
            out.printf(Locale.ROOT, "%n%n");
        } else {
            Table summary = new Table("drivers_model").column("respondents", "%d").column("effective_n", "%.3f")
                    .column("r_squared", "%.4f").column("se_method", null).column("bootstrap", "%d")
                    .column("failed_resamples", "%d").column("quadrant_importance", null)
                    .column("importance_crosshair", "%.4f").column("performance_crosshair", "%.4f");
            double[] cross = quadrants == null ? null : ImportancePerformance.crosshairs(importance, mean);
            summary.row(est.respondentsUsed(), est.effectiveSize(), est.rSquared(),
                    boot.hasJackknife() ? "jackknife" : boot.resamples() >= 2 ? "bootstrap" : "none", boot.resamples(),
                    boot.failedResamples(), lmg ? "lmg_share" : "relweight_share",
                    cross == null ? Double.NaN : cross[0], cross == null ? Double.NaN : cross[1]);
            summary.print(input.format, out);
        }
        t.print(input.format, out);
        if (pairs && withCi) {
            Measure m = lmg ? Measure.LMG : Measure.RELATIVE_WEIGHT;
            Table d = new Table("drivers_difference").column("item", null).column("versus", null)
                    .column("difference", "%+.4f").column(ci + "_lower", "%+.4f").column(ci + "_upper", "%+.4f")
                    .column("verdict", null);
            double[] v = lmg ? est.lmg() : est.relativeWeights();
            for (int a = 0; a < p; a++) {
                for (int b = a + 1; b < p; b++) {
                    Interval in = boot.differenceInterval(m, a, b, level);
                    String verdict = in.lower() > 0 ? names[a] + " ahead" : in.upper() < 0 ? names[b] + " ahead"
                            : "not distinguishable";
                    d.row(names[a], names[b], v[a] - v[b], in.lower(), in.upper(), verdict);
                }
            }
            if (text) {
                out.printf(Locale.ROOT, "%nDifferences of %s (%s interval from the bootstrap)%n%n",
                        lmg ? "LMG" : "relative weights", ConfidenceLevel.percent(level) + "%");
            }
            d.print(input.format, out);
        } else if (pairs && text) {
            out.printf(Locale.ROOT, "%nNo differences: they need --bootstrap of at least 2 successful resamples%s.%n",
                    lmg ? "" : " and --method lmg or all");
        }
    }

    /** The jackknife standard errors if computed, else the bootstrap's; NaN where undefined. */
    private static double[] standardErrors(RelativeImportanceBootstrap boot, Measure m) {
        try {
            return boot.hasJackknife() ? boot.jackknifeStandardErrors(m) : boot.bootstrapStandardErrors(m);
        } catch (IllegalStateException e) {
            double[] nan = new double[boot.estimate().attributeCount()];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
    }

    private static boolean hasNaN(double[] v) {
        for (double d : v) {
            if (Double.isNaN(d)) {
                return true;
            }
        }
        return false;
    }

    private static String quadrant(ImportancePerformance.Quadrant q) {
        return q.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
