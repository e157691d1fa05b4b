package io.github.cxmetrics.cli;

import io.github.cxmetrics.csi.Kano;
import io.github.cxmetrics.csi.KanoAccumulator;
import io.github.cxmetrics.csi.KanoResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cxm kano}: scores a Kano questionnaire export, one functional and one dysfunctional column per feature. */
@Command(name = "kano", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Kano model (Berger et al. 1993): each respondent's functional x dysfunctional answer pair is"
                + " classified A (attractive), O (one-dimensional), M (must-be), I (indifferent), R (reverse) or"
                + " Q (questionable); per feature the counts, the category (mode; ties M > O > A > I > R), the"
                + " category by the stp25kano hierarchy rule, Timko's Better and Worse, Fong's test of the two"
                + " largest categories (fong_sig: the difference reaches the critical value), category and total"
                + " strength, and DuMouchel's mean functional and dysfunctional scores.", "",
            "Columns: each feature NAME has two columns, NAME_f and NAME_d (or NAME_functional and"
                    + " NAME_dysfunctional; case-insensitive), found in the header, or named with --feature.",
            "Answers: 1 like, 2 must-be (I expect it), 3 neutral, 4 live-with (I can tolerate it), 5 dislike,"
                    + " as codes or those words. A feature left empty by a respondent is not scored for them."},
        footer = {"", "Example:", "  cxm kano kano.csv", "  cxm kano kano.csv --feature app=Q1a,Q1b --feature chat=Q2a,Q2b"})
final class KanoCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file, one row per respondent; - is standard input.")
    Path file;

    @Option(names = "--feature", paramLabel = "NAME=FUNC,DYSF",
            description = "A feature and its functional and dysfunctional columns; repeat for each feature. Without"
                    + " it the features are found by their column names (NAME_f and NAME_d).")
    List<String> features;

    @Option(names = "--hierarchy-threshold", paramLabel = "SHARE", defaultValue = "0.06",
            description = "Category strength at or below which the hierarchy rule M > O > A > I decides between the"
                    + " two largest categories (column 'hierarchy'; default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--fong-z", paramLabel = "Z", defaultValue = "1.65",
            description = "Critical value of Fong's test (default: ${DEFAULT-VALUE}, Fong 1996, about alpha 0.10;"
                    + " 1.96 for 0.05).")
    double fongZ;

    @Mixin
    InputOptions input;

    @Override
    public Integer call() {
        return run(input.open(file), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    int run(CsvSource source, PrintWriter out, PrintWriter err) {
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new UsageException("--hierarchy-threshold must be in [0, 1], was " + threshold);
        }
        if (!(fongZ > 0.0 && fongZ < Double.POSITIVE_INFINITY)) {
            throw new UsageException("--fong-z must be a finite number > 0, was " + fongZ);
        }
        Map<String, int[]> layout = features == null ? detect(source) : named(source);
        List<String> names = new ArrayList<>(layout.keySet());
        int k = names.size();
        int[] fCol = new int[k];
        int[] dCol = new int[k];
        for (int i = 0; i < k; i++) {
            fCol[i] = layout.get(names.get(i))[0];
            dCol[i] = layout.get(names.get(i))[1];
        }
        KanoAccumulator acc = new KanoAccumulator(names);
        long[] unanswered = new long[k];
        Rejections rejections = new Rejections(source.name(), input.skipInvalid);
        source.read(rejections, row -> {
            Kano.Answer[] f = new Kano.Answer[k];
            Kano.Answer[] d = new Kano.Answer[k];
            for (int i = 0; i < k; i++) {
                String rf = Values.stripSpaces(row.field(fCol[i]));
                String rd = Values.stripSpaces(row.field(dCol[i]));
                if (rf.isEmpty() && rd.isEmpty()) {
                    continue;
                }
                if (rf.isEmpty() || rd.isEmpty()) {
                    int missingCol = rf.isEmpty() ? fCol[i] : dCol[i];
                    int answeredCol = rf.isEmpty() ? dCol[i] : fCol[i];
                    rejections.reject(row.line(), source.header().get(missingCol), "",
                            "while column '" + source.header().get(answeredCol) + "' is answered: a Kano answer needs"
                                    + " both questions", "half a Kano answer pair");
                    return;
                }
                f[i] = answer(row, fCol[i], rf, source, rejections);
                d[i] = f[i] == null ? null : answer(row, dCol[i], rd, source, rejections);
                if (f[i] == null || d[i] == null) {
                    return;
                }
            }
            for (int i = 0; i < k; i++) {
                if (f[i] == null) {
                    unanswered[i]++;
                } else {
                    acc.add(i, f[i], d[i]);
                }
            }
        }, err);
        KanoResult result = acc.snapshot();
        boolean any = false;
        for (int i = 0; i < k; i++) {
            any |= result.feature(i).count() > 0;
            if (unanswered[i] > 0) {
                err.printf(Locale.ROOT, "%s: %d %s did not answer feature '%s'; it is not scored for %s%n",
                        source.name(), unanswered[i], unanswered[i] == 1 ? "respondent" : "respondents", names.get(i),
                        unanswered[i] == 1 ? "that respondent" : "them");
            }
        }
        err.flush();
        if (!any) {
            throw new DataException(source.name() + ": no Kano answer to score");
        }
        print(result, out);
        return Cxm.OK;
    }

    private static Kano.Answer answer(CsvSource.Row row, int col, String raw, CsvSource source, Rejections rejections) {
        try {
            return Kano.Answer.parse(raw);
        } catch (IllegalArgumentException e) {
            rejections.reject(row.line(), source.header().get(col), raw,
                    "is not a Kano answer (1..5, or like, must-be, neutral, live-with, dislike)", "not a Kano answer");
            return null;
        }
    }

    /** Features from --feature NAME=FUNC,DYSF options. */
    private Map<String, int[]> named(CsvSource source) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (String spec : features) {
            int eq = spec.indexOf('=');
            String[] cols = eq < 0 ? new String[0] : spec.substring(eq + 1).split(",", -1);
            if (eq <= 0 || cols.length != 2 || cols[0].isBlank() || cols[1].isBlank()) {
                throw new UsageException("--feature must be NAME=FUNCTIONAL_COL,DYSFUNCTIONAL_COL, was '" + spec + "'");
            }
            String name = spec.substring(0, eq).strip();
            if (out.containsKey(name)) {
                throw new UsageException("--feature '" + name + "' is given twice");
            }
            out.put(name, new int[] {source.column(cols[0].strip(), "--feature " + name),
                source.column(cols[1].strip(), "--feature " + name)});
        }
        return out;
    }

    /** Features from the header: NAME_f with NAME_d, or NAME_functional with NAME_dysfunctional. */
    private static Map<String, int[]> detect(CsvSource source) {
        List<String> header = source.header();
        Map<String, int[]> out = new LinkedHashMap<>();
        List<String> unpaired = new ArrayList<>();
        String[][] suffixes = {{"_functional", "_dysfunctional"}, {"_f", "_d"}};
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c).strip();
            String lower = h.toLowerCase(Locale.ROOT);
            for (String[] s : suffixes) {
                if (lower.endsWith(s[0]) && lower.length() > s[0].length()) {
                    String name = h.substring(0, h.length() - s[0].length());
                    int d = -1;
                    for (int e = 0; e < header.size(); e++) {
                        if (header.get(e).strip().equalsIgnoreCase(name + s[1])) {
                            d = e;
                        }
                    }
                    if (d < 0) {
                        unpaired.add(h);
                    } else if (out.putIfAbsent(name, new int[] {c, d}) != null) {
                        throw new UsageException("feature '" + name + "' has more than one functional column;"
                                + " name the columns with --feature");
                    }
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            throw new UsageException(source.name() + ": no Kano feature columns found (NAME_f with NAME_d, or"
                    + " NAME_functional with NAME_dysfunctional)" + (unpaired.isEmpty() ? ""
                    : "; without a dysfunctional partner: " + String.join(", ", unpaired))
                    + "; name them with --feature NAME=FUNC,DYSF");
        }
        if (!unpaired.isEmpty()) {
            throw new UsageException("functional column(s) without a dysfunctional partner: "
                    + String.join(", ", unpaired) + "; name the features with --feature NAME=FUNC,DYSF");
        }
        return out;
    }

    private void print(KanoResult result, PrintWriter out) {
        Table counts = new Table("kano").column("feature", null).column("n", "%d").column("A", "%d").column("O", "%d")
                .column("M", "%d").column("I", "%d").column("R", "%d").column("Q", "%d").column("category", null)
                .column("hierarchy", null).column("functional", "%.3f").column("dysfunctional", "%.3f");
        Table coef = new Table("kano_coefficients").column("feature", null).column("better", "%.3f")
                .column("worse", "%.3f").column("fong_diff", "%.0f").column("fong_critical", "%.3f")
                .column("fong_sig", null).column("cat_strength", "%.3f").column("total_strength", "%.3f");
        for (KanoResult.Feature f : result.features()) {
            String category = orNull(() -> name(f.category()));
            String hierarchy = orNull(() -> name(f.categoryByHierarchy(threshold)));
            counts.row(f.name(), f.count(), f.attractive(), f.oneDimensional(), f.mustBe(), f.indifferent(),
                    f.reverse(), f.questionable(), category, hierarchy, RatingCommand.orNaN(f::functionalMean),
                    RatingCommand.orNaN(f::dysfunctionalMean));
            Kano.FongTest fong = orNull(() -> f.fong(fongZ));
            coef.row(f.name(), RatingCommand.orNaN(f::better), RatingCommand.orNaN(f::worse),
                    fong == null ? Double.NaN : fong.difference(), fong == null ? Double.NaN : fong.criticalValue(),
                    fong == null ? null : fong.significant() ? "yes" : "no",
                    RatingCommand.orNaN(f::categoryStrength), RatingCommand.orNaN(f::totalStrength));
        }
        boolean text = input.format == Table.Format.TEXT;
        if (text) {
            out.printf(Locale.ROOT, "Kano, %d features%n%n", result.size());
        }
        counts.print(input.format, out);
        if (text) {
            out.println();
        }
        coef.print(input.format, out);
    }

    private static String name(Kano.Category c) {
        return c.letter() + " " + c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <T> T orNull(java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
