package io.github.cxmetrics.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * The Erlang C model of a queue (M/M/N, no abandonment): Poisson arrivals, exponential handle
 * times, N agents. With the offered load {@code A = λ·AHT} in Erlangs ({@code λ} calls per unit
 * time):
 * <pre>{@code
 * B(0) = 1,  B(k) = A·B(k−1) / (k + A·B(k−1))          Erlang B, blocking with k servers
 * P(wait) = N·B(N) / (N − A·(1 − B(N)))                  for N > A
 * SL(T)   = 1 − P(wait)·exp(−(N − A)·T / AHT)            share answered within T
 * ASA     = P(wait)·AHT / (N − A)                        average speed of answer
 * occupancy = A / N
 * }</pre>
 * {@code P(wait)} equals the textbook {@code [A^N/N!·N/(N−A)] / [Σ_{k<N} A^k/k! + A^N/N!·N/(N−A)]};
 * the recursion has no factorial or power, so it neither overflows (the factorial form does past
 * N ≈ 170) nor loses precision: N = 500, A = 480 gives P(wait) = 0.266512519962364. Each term is in
 * (0, 1]. Time units: those of AHT (seconds, usually); T and ASA in the same unit. References:
 * A. K. Erlang (1917), "Solution of some problems in the theory of probabilities of significance in
 * automatic telephone exchanges", <i>Elektroteknikeren</i> 13; Gans, Koole &amp; Mandelbaum (2003),
 * "Telephone call centers: tutorial, review, and research prospects", <i>Manufacturing &amp; Service
 * Operations Management</i> 5(2):79–141, §4.1; the peer {@code pyworkforce.queuing.ErlangC}.
 *
 * <p>The model needs {@code N > A} (otherwise the queue grows without bound): {@link #of} rejects
 * other staffings. It ignores abandonment, so with impatient callers it overstates the wait
 * (Erlang A is the extension).
 *
 * @since 0.2.0
 */
public final class ErlangC {

    private final double load;
    private final int agents;
    private final double aht;
    private final double pWait;

    private ErlangC(double load, int agents, double aht, double pWait) {
        this.load = load;
        this.agents = agents;
        this.aht = aht;
        this.pWait = pWait;
    }

    /**
     * The model at an offered load.
     *
     * @param offeredLoad A in Erlangs, finite and {@code > 0}
     * @param agents N, {@code > A}
     * @param aht the average handling time, finite and {@code > 0} (its unit is the model's unit)
     * @return the model
     * @throws IllegalArgumentException if an argument is out of range; the message says when the
     *     queue is unstable ({@code N <= A})
     */
    public static ErlangC of(double offeredLoad, int agents, double aht) {
        checkLoad(offeredLoad);
        checkAht(aht);
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be >= 1, was " + agents);
        }
        if (!(agents > offeredLoad)) {
            throw new IllegalArgumentException("agents must exceed the offered load " + offeredLoad
                    + " Erlangs, was " + agents + " (with N <= A the queue grows without bound)");
        }
        return new ErlangC(offeredLoad, agents, aht, pWait(offeredLoad, agents, erlangB(offeredLoad, agents)));
    }

    /**
     * The model from a forecast: {@code A = calls · aht / interval}.
     *
     * @param calls the contacts offered in the interval, finite and {@code > 0}
     * @param interval the interval's length, finite and {@code > 0}, in the unit of {@code aht}
     * @param aht the average handling time, finite and {@code > 0}
     * @param agents N, {@code > A}
     * @return the model
     * @throws IllegalArgumentException if an argument is out of range or {@code N <= A}
     */
    public static ErlangC ofCalls(double calls, double interval, double aht, int agents) {
        return of(offeredLoad(calls, interval, aht), agents, aht);
    }

    /**
     * The offered load {@code A = calls · aht / interval}, in Erlangs.
     *
     * @param calls the contacts in the interval, finite and {@code > 0}
     * @param interval the interval's length, finite and {@code > 0}
     * @param aht the average handling time, finite and {@code > 0}, in the unit of {@code interval}
     * @return A
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double offeredLoad(double calls, double interval, double aht) {
        positive("calls", calls);
        positive("interval", interval);
        checkAht(aht);
        return checkLoad(calls * aht / interval);
    }

    /**
     * The Erlang B blocking probability of N servers at load A, by the recursion of the class
     * description.
     *
     * @param offeredLoad A, finite and {@code > 0}
     * @param servers N, {@code >= 0}
     * @return B(N), in (0, 1]
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double erlangB(double offeredLoad, int servers) {
        checkLoad(offeredLoad);
        if (servers < 0) {
            throw new IllegalArgumentException("servers must be >= 0, was " + servers);
        }
        double b = 1.0;
        for (int k = 1; k <= servers; k++) {
            b = next(offeredLoad, b, k);
        }
        return b;
    }

    private static double next(double a, double b, int k) {
        double ab = a * b;
        return ab / (k + ab);
    }

    private static double pWait(double a, int n, double b) {
        return n * b / (n - a * (1.0 - b));
    }

    private static double checkLoad(double a) {
        return positive("offeredLoad", a);
    }

    private static double checkAht(double aht) {
        return positive("aht", aht);
    }

    private static double positive(String name, double v) {
        if (!(v > 0.0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
        }
        return v;
    }

    private static double threshold(double t) {
        if (!(t >= 0.0 && t < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("answerWithin must be finite and >= 0, was " + t);
        }
        return t;
    }

    /**
     * The offered load A.
     *
     * @return A in Erlangs
     */
    public double offeredLoad() {
        return load;
    }

    /**
     * The agents N.
     *
     * @return N
     */
    public int agents() {
        return agents;
    }

    /**
     * The average handling time the model was built with.
     *
     * @return AHT
     */
    public double aht() {
        return aht;
    }

    /**
     * The probability that a contact waits (Erlang C).
     *
     * @return P(wait), in (0, 1)
     */
    public double probabilityOfWaiting() {
        return pWait;
    }

    /**
     * The service level: the probability that a contact is answered within {@code answerWithin},
     * {@code 1 − P(wait)·exp(−(N − A)·T / AHT)}.
     *
     * @param answerWithin T, finite and {@code >= 0}, in the unit of AHT
     * @return SL(T), a fraction
     * @throws IllegalArgumentException if T is out of range
     */
    public double serviceLevel(double answerWithin) {
        return 1.0 - pWait * Math.exp(-(agents - load) * threshold(answerWithin) / aht);
    }

    /**
     * The average speed of answer over all contacts (those that do not wait count 0),
     * {@code P(wait)·AHT / (N − A)}.
     *
     * @return ASA, in the unit of AHT
     */
    public double averageSpeedOfAnswer() {
        return pWait * aht / (agents - load);
    }

    /**
     * The agents' occupancy {@code A / N}.
     *
     * @return a fraction in (0, 1)
     */
    public double occupancy() {
        return load / agents;
    }

    /**
     * The result of a staffing search.
     *
     * @param agents N, the agents needed on the phones
     * @param scheduled the agents to schedule, {@code ⌈N / (1 − shrinkage)⌉}
     * @param model the Erlang C model at N
     * @since 0.2.0
     */
    public record Staffing(int agents, int scheduled, ErlangC model) {

        /**
         * Validates the components.
         *
         * @param agents N
         * @param scheduled the agents to schedule
         * @param model the model at N
         * @throws NullPointerException if {@code model} is null
         * @throws IllegalArgumentException if {@code agents} differs from the model's or
         *     {@code scheduled < agents}
         */
        public Staffing {
            Objects.requireNonNull(model, "model");
            if (agents != model.agents()) {
                throw new IllegalArgumentException("agents " + agents + " differs from the model's " + model.agents());
            }
            if (scheduled < agents) {
                throw new IllegalArgumentException("scheduled must be >= agents " + agents + ", was " + scheduled);
            }
        }
    }

    /**
     * The fewest agents N whose service level reaches a target and whose occupancy does not exceed
     * a maximum, and the agents to schedule once shrinkage (breaks, training, absence) takes its
     * share: {@code scheduled = ⌈N / (1 − shrinkage)⌉}, with the shrinkage taken as the decimal it
     * prints as ({@code 0.3} is exactly 30 %, so 14 agents need 20, not 21 from
     * {@code 14/0.7 = 20.000000000000004}). As in {@code pyworkforce} {@code ErlangC.required_positions}:
     * N = 14 raw, 20 scheduled for 100 calls per 30 minutes, AHT 3 min, T = 20 s, target 0.8,
     * shrinkage 0.3, maximum occupancy 0.85.
     *
     * @param offeredLoad A in Erlangs, finite and {@code > 0}
     * @param aht the average handling time, finite and {@code > 0}
     * @param answerWithin T, finite and {@code >= 0}, in the unit of AHT
     * @param targetServiceLevel the target SL(T), in {@code (0, 1)}
     * @param maxOccupancy the highest acceptable {@code A/N}, in {@code (0, 1]}
     * @param shrinkage the share of scheduled time not on the phones, in {@code [0, 1)}
     * @return the staffing
     * @throws IllegalArgumentException if an argument is out of range, or N would exceed
     *     {@code Integer.MAX_VALUE}
     */
    public static Staffing staff(double offeredLoad, double aht, double answerWithin, double targetServiceLevel,
            double maxOccupancy, double shrinkage) {
        checkLoad(offeredLoad);
        checkAht(aht);
        threshold(answerWithin);
        if (!(targetServiceLevel > 0.0 && targetServiceLevel < 1.0)) {
            throw new IllegalArgumentException("targetServiceLevel must be in (0, 1), was " + targetServiceLevel);
        }
        if (!(maxOccupancy > 0.0 && maxOccupancy <= 1.0)) {
            throw new IllegalArgumentException("maxOccupancy must be in (0, 1], was " + maxOccupancy);
        }
        if (!(shrinkage >= 0.0 && shrinkage < 1.0)) {
            throw new IllegalArgumentException("shrinkage must be in [0, 1), was " + shrinkage);
        }
        // the smallest N > A; B carried along the recursion, so the search is linear in N
        double b = 1.0;
        int n = 0;
        while (true) {
            if (n == Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the staffing for offered load " + offeredLoad
                        + " exceeds " + Integer.MAX_VALUE + " agents");
            }
            n++;
            b = next(offeredLoad, b, n);
            if (n <= offeredLoad || offeredLoad / n > maxOccupancy) {
                continue;
            }
            double pw = pWait(offeredLoad, n, b);
            double sl = 1.0 - pw * Math.exp(-(n - offeredLoad) * answerWithin / aht);
            if (sl >= targetServiceLevel) {
                ErlangC model = new ErlangC(offeredLoad, n, aht, pw);
                return new Staffing(n, scheduled(n, shrinkage), model);
            }
        }
    }

    /**
     * The agents to schedule so that {@code agents} are on the phones after shrinkage,
     * {@code ⌈agents / (1 − shrinkage)⌉}, computed in decimal arithmetic on the shortest decimal form
     * of the shrinkage ({@code 0.3} is exactly 30 %: 14 agents need 20).
     *
     * @param agents the agents needed on the phones, {@code >= 0}
     * @param shrinkage the share of scheduled time not on the phones, in {@code [0, 1)}
     * @return the agents to schedule
     * @throws IllegalArgumentException if an argument is out of range or the result exceeds
     *     {@code Integer.MAX_VALUE}
     */
    public static int scheduled(int agents, double shrinkage) {
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be >= 0, was " + agents);
        }
        if (!(shrinkage >= 0.0 && shrinkage < 1.0)) {
            throw new IllegalArgumentException("shrinkage must be in [0, 1), was " + shrinkage);
        }
        int n = agents;
        BigDecimal onPhones = BigDecimal.ONE.subtract(BigDecimal.valueOf(shrinkage));
        BigDecimal m = BigDecimal.valueOf(n).divide(onPhones, 0, RoundingMode.CEILING);
        if (m.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("the scheduled staffing " + m + " exceeds " + Integer.MAX_VALUE);
        }
        return m.intValueExact();
    }

    /**
     * Equal when load, agents and AHT are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ErlangC && Double.compare(((ErlangC) o).load, load) == 0 && ((ErlangC) o).agents == agents
                && Double.compare(((ErlangC) o).aht, aht) == 0;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(load, agents, aht);
    }

    /**
     * A readable summary.
     *
     * @return e.g. {@code ErlangC[A=10.0, N=14, AHT=180.0, P(wait)=0.1741]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ErlangC[A=%s, N=%d, AHT=%s, P(wait)=%.4f]", load, agents, aht, pWait);
    }
}
