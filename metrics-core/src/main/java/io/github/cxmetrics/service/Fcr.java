package io.github.cxmetrics.service;

import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * First contact resolution: the share of customer issues resolved at the first contact, in one of
 * the three definitions in use. The {@link Definition} (and its window W) is part of the value:
 * two FCR figures compare only when they were computed the same way.
 *
 * <pre>{@code
 * FLAG            FCR = contacts flagged resolved-on-first-contact / contacts
 * REPEAT_CONTACT  FCR = contacts with no further contact by the same customer in (t, t + W] / contacts
 * ISSUE_EPISODE   FCR = episodes whose first contact has no further contact in (t, t + W] / episodes
 * }</pre>
 * An <b>episode</b> is a run of one customer's contacts, each within W of the previous one; a
 * contact more than W after that customer's previous contact starts a new episode. The flag may be
 * set by the agent or by the customer in a survey; surveyed flags are biased by self-selection
 * (Kosiba, SWPP, "FCR, ACR, and AHT"). The repeat-contact definitions measure resolution by the
 * absence of a repeat contact, as most contact-centre platforms do. Unit: a fraction 0…1.
 *
 * <p><b>Incomplete windows.</b> A contact less than W before the end of the data cannot yet be
 * known to have no repeat. The factories with an {@code observedUntil} time leave such contacts
 * (episodes) out of the denominator: a contact counts only if {@code t + W <= observedUntil}. The
 * factories without it count every contact, which overstates FCR near the end of the data.
 *
 * <p>Ties: a second contact at exactly the same instant is not a repeat ({@code t < t' <= t + W},
 * as in the definition). Uncertainty: the Wilson interval of the proportion ({@link Proportion});
 * {@link #compare(Fcr, Fcr)} is the two-proportion test, which assumes independent contacts.
 *
 * <p>Instances are immutable values.
 *
 * @since 0.2.0
 */
public final class Fcr {

    /**
     * The definition of first contact resolution (see the class formulas).
     *
     * @since 0.2.0
     */
    public enum Definition {
        /** An agent's or customer's resolved-on-first-contact flag per contact. */
        FLAG,
        /** A contact is resolved if the same customer has no further contact within W. */
        REPEAT_CONTACT,
        /** The denominator is the first contacts of W-episodes, resolved if no repeat within W. */
        ISSUE_EPISODE
    }

    /**
     * One contact: who, when, and the resolved-on-first-contact flag (used by {@link Definition#FLAG}
     * only).
     *
     * @param customerId the customer's identifier, not null
     * @param time the contact's time, not null
     * @param resolvedFlag whether the agent or customer flagged the contact resolved
     * @since 0.2.0
     */
    public record Contact(String customerId, Instant time, boolean resolvedFlag) {

        /**
         * Validates the contact.
         *
         * @param customerId the customer's identifier, not null
         * @param time the contact's time, not null
         * @param resolvedFlag the resolved flag
         * @throws NullPointerException if {@code customerId} or {@code time} is null
         */
        public Contact {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(time, "time");
        }
    }

    private final Definition definition;
    private final Duration window; // null for FLAG
    private final long resolved;
    private final long contacts;

    private Fcr(Definition definition, Duration window, long resolved, long contacts) {
        this.definition = definition;
        this.window = window;
        this.resolved = resolved;
        this.contacts = contacts;
    }

    /**
     * FCR from counts.
     *
     * @param definition the definition the counts follow
     * @param window the window W, for {@code REPEAT_CONTACT} and {@code ISSUE_EPISODE} ({@code > 0});
     *     must be null for {@code FLAG}
     * @param resolved the resolved contacts (episodes), in {@code 0..contacts}
     * @param contacts the contacts (episodes) in the denominator, {@code > 0}
     * @return the FCR
     * @throws NullPointerException if {@code definition} is null, or {@code window} is null for a
     *     windowed definition
     * @throws IllegalArgumentException if a count is out of range, the window is not positive, or a
     *     window is given for {@code FLAG}
     */
    public static Fcr ofCounts(Definition definition, Duration window, long resolved, long contacts) {
        Objects.requireNonNull(definition, "definition");
        if (definition == Definition.FLAG) {
            if (window != null) {
                throw new IllegalArgumentException("the FLAG definition has no window, was " + window);
            }
        } else {
            checkWindow(window);
        }
        if (contacts <= 0) {
            throw new IllegalArgumentException("contacts must be > 0, was " + contacts);
        }
        if (resolved < 0 || resolved > contacts) {
            throw new IllegalArgumentException("resolved must be in 0.." + contacts + ", was " + resolved);
        }
        return new Fcr(definition, window, resolved, contacts);
    }

    /**
     * FCR by the resolved flag: flagged contacts over contacts.
     *
     * @param contacts the contacts, in any order
     * @return the FCR ({@link Definition#FLAG})
     * @throws NullPointerException if {@code contacts} or a contact is null
     * @throws IllegalArgumentException if there is no contact
     */
    public static Fcr flagged(Collection<Contact> contacts) {
        Objects.requireNonNull(contacts, "contacts");
        long n = 0;
        long ok = 0;
        for (Contact c : contacts) {
            Objects.requireNonNull(c, "contact");
            n++;
            if (c.resolvedFlag()) {
                ok++;
            }
        }
        return ofCounts(Definition.FLAG, null, ok, nonEmpty(n));
    }

    /**
     * FCR by repeat contact: a contact is resolved if the same customer has no further contact in
     * {@code (t, t + W]}; every contact counts.
     *
     * @param contacts the contacts, in any order
     * @param window W, {@code > 0}
     * @return the FCR ({@link Definition#REPEAT_CONTACT})
     * @throws NullPointerException if an argument or a contact is null
     * @throws IllegalArgumentException if the window is not positive or there is no contact
     */
    public static Fcr repeatContact(Collection<Contact> contacts, Duration window) {
        return windowed(Definition.REPEAT_CONTACT, contacts, window, null);
    }

    /**
     * FCR by repeat contact, counting only contacts whose window has been observed completely
     * ({@code t + W <= observedUntil}).
     *
     * @param contacts the contacts, in any order
     * @param window W, {@code > 0}
     * @param observedUntil the end of the data
     * @return the FCR ({@link Definition#REPEAT_CONTACT})
     * @throws NullPointerException if an argument or a contact is null
     * @throws IllegalArgumentException if the window is not positive, or no contact has a complete
     *     window
     */
    public static Fcr repeatContact(Collection<Contact> contacts, Duration window, Instant observedUntil) {
        return windowed(Definition.REPEAT_CONTACT, contacts, window,
                Objects.requireNonNull(observedUntil, "observedUntil"));
    }

    /**
     * FCR by issue: the denominator is the first contacts of W-episodes (see the class description),
     * each resolved if no further contact follows within W; every episode counts.
     *
     * @param contacts the contacts, in any order
     * @param window W, {@code > 0}
     * @return the FCR ({@link Definition#ISSUE_EPISODE})
     * @throws NullPointerException if an argument or a contact is null
     * @throws IllegalArgumentException if the window is not positive or there is no contact
     */
    public static Fcr issueEpisodes(Collection<Contact> contacts, Duration window) {
        return windowed(Definition.ISSUE_EPISODE, contacts, window, null);
    }

    /**
     * FCR by issue, counting only episodes whose first contact's window has been observed completely
     * ({@code t + W <= observedUntil}).
     *
     * @param contacts the contacts, in any order
     * @param window W, {@code > 0}
     * @param observedUntil the end of the data
     * @return the FCR ({@link Definition#ISSUE_EPISODE})
     * @throws NullPointerException if an argument or a contact is null
     * @throws IllegalArgumentException if the window is not positive, or no episode has a complete
     *     window
     */
    public static Fcr issueEpisodes(Collection<Contact> contacts, Duration window, Instant observedUntil) {
        return windowed(Definition.ISSUE_EPISODE, contacts, window,
                Objects.requireNonNull(observedUntil, "observedUntil"));
    }

    private static Fcr windowed(Definition definition, Collection<Contact> contacts, Duration window,
            Instant observedUntil) {
        Objects.requireNonNull(contacts, "contacts");
        checkWindow(window);
        Map<String, List<Instant>> byCustomer = new HashMap<>();
        long all = 0;
        for (Contact c : contacts) {
            Objects.requireNonNull(c, "contact");
            byCustomer.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(c.time());
            all++;
        }
        nonEmpty(all);
        long n = 0;
        long ok = 0;
        for (List<Instant> times : byCustomer.values()) {
            times.sort(Comparator.naturalOrder());
            Instant previous = null;
            for (int i = 0; i < times.size(); i++) {
                Instant t = times.get(i);
                boolean counts = definition == Definition.REPEAT_CONTACT
                        || previous == null || t.isAfter(previous.plus(window));
                previous = t;
                if (!counts || observedUntil != null && t.plus(window).isAfter(observedUntil)) {
                    continue;
                }
                n++;
                Instant end = t.plus(window);
                boolean repeat = false;
                for (int j = i + 1; j < times.size() && !times.get(j).isAfter(end); j++) {
                    if (times.get(j).isAfter(t)) {
                        repeat = true;
                        break;
                    }
                }
                if (!repeat) {
                    ok++;
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no contact's " + window + " window ends by observedUntil "
                    + observedUntil + "; FCR is undefined");
        }
        return new Fcr(definition, window, ok, n);
    }

    private static void checkWindow(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be > 0, was " + window);
        }
    }

    private static long nonEmpty(long n) {
        if (n == 0) {
            throw new IllegalArgumentException("contacts must not be empty: FCR of no contact is undefined");
        }
        return n;
    }

    /**
     * The definition this FCR follows.
     *
     * @return the definition
     */
    public Definition definition() {
        return definition;
    }

    /**
     * The window W of a windowed definition.
     *
     * @return W, or empty for {@link Definition#FLAG}
     */
    public Optional<Duration> window() {
        return Optional.ofNullable(window);
    }

    /**
     * The resolved contacts (episodes): the numerator.
     *
     * @return the count
     */
    public long resolved() {
        return resolved;
    }

    /**
     * The contacts (for {@code ISSUE_EPISODE}: episodes) in the denominator.
     *
     * @return the count, {@code > 0}
     */
    public long contacts() {
        return contacts;
    }

    /**
     * FCR as a fraction, {@code resolved / contacts}.
     *
     * @return a fraction in {@code [0, 1]}
     */
    public double value() {
        return (double) resolved / contacts;
    }

    /**
     * FCR as a proportion, for the other interval methods.
     *
     * @return {@code Proportion.of(resolved, contacts)}
     */
    public Proportion proportion() {
        return Proportion.of(resolved, contacts);
    }

    /**
     * The Wilson interval (Wilson 1927).
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, fractions
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     */
    public Interval confidenceInterval(double level) {
        return proportion().confidenceInterval(level);
    }

    /**
     * Compares two FCRs of the same definition and window: the difference {@code b − a}, by
     * {@link Proportion#compare(Proportion, Proportion)}.
     *
     * @param a the first FCR
     * @param b the second FCR
     * @return the difference, fractions
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the definitions or windows differ
     */
    public static Difference compare(Fcr a, Fcr b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.definition != b.definition || !Objects.equals(a.window, b.window)) {
            throw new IllegalArgumentException("cannot compare FCR " + a.label() + " with FCR " + b.label());
        }
        return Proportion.compare(a.proportion(), b.proportion());
    }

    private String label() {
        return window == null ? definition.name() : definition.name() + " " + window;
    }

    /**
     * Equal when definition, window and counts are equal.
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal FCR
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Fcr && ((Fcr) o).definition == definition && Objects.equals(((Fcr) o).window, window)
                && ((Fcr) o).resolved == resolved && ((Fcr) o).contacts == contacts;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(definition, window, resolved, contacts);
    }

    /**
     * A readable summary.
     *
     * @return e.g. {@code Fcr[REPEAT_CONTACT PT168H: 8/10 = 0.8000]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Fcr[%s: %d/%d = %.4f]", label(), resolved, contacts, value());
    }
}
