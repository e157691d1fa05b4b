package io.github.cxmetrics.cli;

import static io.github.cxmetrics.cli.CxmEndToEndTest.cxm;
import static io.github.cxmetrics.cli.CxmEndToEndTest.file;
import static io.github.cxmetrics.cli.CxmEndToEndTest.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.cli.CxmEndToEndTest.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code cxm nps|csat|ces --by}: each segment's difference from the total with its adjusted p-value and
 * marker, {@code --adjust}, {@code --pairs}, and the homogeneity test under the table.
 *
 * <p>{@code e2e/channels.csv} holds the channel vector of the research notes (mission-next §3.2):
 * detractors/passives/promoters Phone 60/90/150, Email 45/55/100, Chat 30/40/130, Web 80/60/60, with
 * weights 1, 1.5, 2 cycling over the rows. Expected values: the notes' table (×100 for points), R 4.2.2
 * for CSAT ({@code e2e/channels-csat.R}: {@code prop.test(correct = FALSE)}, {@code p.adjust}), and for
 * the weighted run a direct Python/scipy computation from the file (weighted shares, Kish n_eff,
 * {@code 2*norm.sf(|z|)}), Holm done by hand as stated.
 */
class CxmSegmentsTest {

    @Test
    void npsByChannelPrintsTheDifferenceFromTheTotalWithHolmAdjustedPValues() {
        Run run = cxm("nps", file("channels.csv"), "--column", "recommend", "--by", "channel", "--format", "csv");
        assertThat(run.code()).isZero();
        Map<String, Map<String, String>> t = run.csv();
        // notes §3.2: diff vs overall 0.05, 0.025, 0.25, −0.35; Holm 0.3677…, 0.6200…, 4.008e-07, 3.129e-11
        assertThat(num(t, "Phone", "vs_total")).isCloseTo(5.0, within(1e-9));
        assertThat(num(t, "Email", "vs_total")).isCloseTo(2.5, within(1e-9));
        assertThat(num(t, "Chat", "vs_total")).isCloseTo(25.0, within(1e-9));
        assertThat(num(t, "Web", "vs_total")).isCloseTo(-35.0, within(1e-9));
        // raw p beside the adjusted one: notes §3.2 channel vs rest p 0.183871363056728 (Phone), 7.8222658886044e-12 (Web)
        assertThat(num(t, "Phone", "p")).isCloseTo(0.183871363056728, within(1e-13));
        assertThat(num(t, "Web", "p")).isCloseTo(7.8222658886044e-12, within(1e-22));
        assertThat(num(t, "Phone", "p_adj")).isCloseTo(0.367742726113456, within(1e-13));
        assertThat(num(t, "Email", "p_adj")).isCloseTo(0.620055018642384, within(1e-13));
        assertThat(num(t, "Chat", "p_adj")).isCloseTo(4.00833133846503e-07, within(1e-19));
        assertThat(num(t, "Web", "p_adj")).isCloseTo(3.12890635544176e-11, within(1e-22));
        assertThat(t.get("Web").get("sig")).isEqualTo("***");
        assertThat(t.get("Phone").get("sig")).isEqualTo("ns");
        assertThat(t.get("(total)").get("vs_total")).isEmpty();
        // the homogeneity table: notes §3.2, R chisq.test X² = 61.0029878759115, p = 2.8147460787062e-11
        Map<String, Map<String, String>> h = run.csvTable(1);
        assertThat(num(h, "pearson_chi2", "statistic")).isCloseTo(61.0029878759115, within(1e-10));
        assertThat(num(h, "pearson_chi2", "df")).isEqualTo(6.0);
        assertThat(num(h, "pearson_chi2", "p_value")).isCloseTo(2.8147460787062e-11, within(1e-22));
    }

    @Test
    void textOutputHasTheLegendAndTheHomogeneityLineWithinOneHundredColumns() {
        Run run = cxm("nps", file("channels.csv"), "--column", "recommend", "--by", "channel", "--pairs");
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        assertThat(lines.get(0)).startsWith("segment").containsPattern("vs_total +p +p_adj +sig$");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Web").contains("-35.00").endsWith("***"));
        assertThat(run.out()).contains("p_adj: Holm-adjusted over 4 segments;")
                .contains("Homogeneity of the detractor/passive/promoter shares across 4 segments:\n"
                        + "  Pearson χ² = 61.003, df = 6, p = 2.81e-11\n");
        // all pairs, notes §3.2: Chat − Web z = 7.62000762001143, Holm 1.52196445320685e-13
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Chat − Web").contains("+60.00")
                .contains("7.620").contains("1.5e-13").endsWith("***"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Email − Phone").contains("-2.50")
                .endsWith("ns"));
    }

    @Test
    void adjustChoosesTheMethodAndNoneReportsRawPValues() {
        Run bh = cxm("nps", file("channels.csv"), "--column", "recommend", "--by", "channel", "--adjust", "bh",
                "--format", "csv");
        // notes §3.2 BH: 0.245161817408971, 0.620055018642384, 2.67222089231002e-07, 3.12890635544176e-11
        assertThat(num(bh.csv(), "Phone", "p_adj")).isCloseTo(0.245161817408971, within(1e-13));
        assertThat(num(bh.csv(), "Chat", "p_adj")).isCloseTo(2.67222089231002e-07, within(1e-19));
        Run none = cxm("nps", file("channels.csv"), "--column", "recommend", "--by", "channel", "--adjust", "none",
                "--format", "csv");
        assertThat(num(none.csv(), "Phone", "p_adj")).isCloseTo(0.183871363056728, within(1e-13));
        Run by = cxm("nps", file("channels.csv"), "--column", "recommend", "--by", "channel", "--adjust", "BY",
                "--format", "csv");
        assertThat(num(by.csv(), "Phone", "p_adj")).isCloseTo(0.510753786268689, within(1e-13));
        Run bad = cxm("nps", file("channels.csv"), "--column", "recommend", "--by", "channel", "--adjust", "tukey");
        assertThat(bad.code()).isEqualTo(Cxm.BAD_USAGE);
        assertThat(bad.err()).contains("--adjust must be holm, hochberg, bonferroni, bh, by or none, was 'tukey'");
        assertThat(bad.out()).isEmpty();
        Run pairs = cxm("nps", file("channels.csv"), "--column", "recommend", "--pairs");
        assertThat(pairs.code()).isEqualTo(Cxm.BAD_USAGE);
        assertThat(pairs.err()).contains("--pairs needs --by");
    }

    @Test
    void csatByChannelMatchesRPropTest() {
        Run run = cxm("csat", file("channels.csv"), "--column", "recommend", "--scale", "0..10", "--by", "channel",
                "--format", "csv");
        assertThat(run.code()).isZero();
        Map<String, Map<String, String>> t = run.csv();
        // channels-csat.R: vs total 16.1111111111111 1.11111111111111 1.11111111111111 -18.8888888888889
        // (Chat, Email, Phone, Web), holm 7.08596483611087e-07 1 1 5.46460410634878e-09
        assertThat(num(t, "Chat", "vs_total")).isCloseTo(16.1111111111111, within(1e-9));
        assertThat(num(t, "Web", "vs_total")).isCloseTo(-18.8888888888889, within(1e-9));
        assertThat(num(t, "Chat", "p_adj")).isCloseTo(7.08596483611087e-07, within(1e-18));
        assertThat(num(t, "Email", "p_adj")).isEqualTo(1.0);
        assertThat(num(t, "Web", "p_adj")).isCloseTo(5.46460410634878e-09, within(1e-20));
        // prop.test(x, n): X-squared 49.5800395256917, p 9.81597266211079e-11
        Map<String, Map<String, String>> h = run.csvTable(1);
        assertThat(num(h, "pearson_chi2", "statistic")).isCloseTo(49.5800395256917, within(1e-10));
        assertThat(num(h, "pearson_chi2", "df")).isEqualTo(3.0);
        assertThat(num(h, "pearson_chi2", "p_value")).isCloseTo(9.81597266211079e-11, within(1e-21));
    }

    @Test
    void weightedSegmentsAreComparedButTheirHomogeneityIsNotComputed() {
        Run run = cxm("nps", file("channels.csv"), "--column", "recommend", "--by", "channel", "--weight", "weight",
                "--format", "csv");
        assertThat(run.code()).isZero();
        Map<String, Map<String, String>> t = run.csv();
        // Python/scipy from the file: Chat vs_total 24.7407407407407, p 4.7253642592e-07; Email 3.00049547875635,
        // 0.565614295944774; Phone 5.07407407407407, 0.193090531689939; Web -35.2249292481851, 2.91541060568893e-11.
        // Holm by hand (ascending Web, Chat, Phone, Email: ×4, ×3, ×2, ×1, already monotone).
        assertThat(num(t, "Chat", "vs_total")).isCloseTo(24.7407407407407, within(1e-9));
        assertThat(num(t, "Email", "vs_total")).isCloseTo(3.00049547875635, within(1e-9));
        assertThat(num(t, "Web", "p_adj")).isCloseTo(4 * 2.91541060568893e-11, within(1e-20));
        assertThat(num(t, "Chat", "p_adj")).isCloseTo(3 * 4.7253642592e-07, within(1e-16));
        assertThat(num(t, "Phone", "p_adj")).isCloseTo(2 * 0.193090531689939, within(1e-12));
        assertThat(num(t, "Email", "p_adj")).isCloseTo(0.565614295944774, within(1e-12));
        assertThat(run.out().lines().filter(l -> l.startsWith("test,"))).isEmpty();
        Run text = cxm("nps", file("channels.csv"), "--column", "recommend", "--by", "channel", "--weight", "weight");
        assertThat(text.out()).contains("Homogeneity of the detractor/passive/promoter shares:\n  not computed: the"
                + " responses are weighted, and a χ² test of weighted counts is not valid\n");
        assertThat(text.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void distributionListsEveryRatingWithItsShareAndClass() {
        Run run = cxm("nps", file("channels.csv"), "--column", "recommend", "--by", "channel", "--distribution",
                "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        // channels.csv: Phone's 60 detractors rate i % 7 (i = 0..59): 9 each of 0..3, 8 each of 4..6; its
        // 90 passives 7 and 8 alternately (45 each), its 150 promoters 9 and 10 (75 each); 300 in all
        List<String> phone = run.out().lines().filter(l -> l.startsWith("Phone,") && l.split(",").length == 5).toList();
        assertThat(phone).hasSize(11);
        assertThat(phone.get(0)).isEqualTo("Phone,0,9,3.0,detractor");
        assertThat(phone.get(6)).startsWith("Phone,6,8,").endsWith(",detractor");
        assertThat(Double.parseDouble(phone.get(6).split(",")[3])).isCloseTo(800.0 / 300, within(1e-12));
        assertThat(phone.get(7)).isEqualTo("Phone,7,45,15.0,passive");
        assertThat(phone.get(10)).isEqualTo("Phone,10,75,25.0,promoter");
        assertThat(run.out()).contains("segment,rating,n,share_pct,class");
        assertThat(run.out().lines().filter(l -> l.startsWith("(total),"))).hasSize(1 + 11);
        Run csat = cxm("csat", file("channels.csv"), "--column", "recommend", "--scale", "0..10", "--distribution",
                "--format", "csv");
        // top two boxes of 0..10: 9 and 10 are satisfied
        assertThat(csat.out()).contains("all,8,").contains(",not satisfied").contains("all,9,");
        assertThat(csat.out().lines().filter(l -> l.startsWith("all,9,")).findFirst().orElseThrow())
                .endsWith(",satisfied");
    }

    @Test
    void cesByChannelComparesMeansWithoutAHomogeneityTest() {
        Run run = cxm("ces", file("channels.csv"), "--column", "recommend", "--scale", "1..7", "--by", "channel",
                "--skip-invalid");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("vs_total").contains("p_adj: Holm-adjusted over 4 segments")
                .doesNotContain("Homogeneity");
    }
}
