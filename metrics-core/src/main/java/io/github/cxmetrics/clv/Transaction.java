package io.github.cxmetrics.clv;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase: who, when (a calendar date) and how much.
 *
 * @param customerId the customer's identifier, not null
 * @param date the purchase date, not null
 * @param amount the amount in currency units, finite (returns may be negative)
 * @since 0.1.0
 */
public record Transaction(String customerId, LocalDate date, double amount) {

    /**
     * Validates the transaction.
     *
     * @param customerId the customer's identifier, not null
     * @param date the purchase date, not null
     * @param amount the amount in currency units, finite
     * @throws NullPointerException if {@code customerId} or {@code date} is null
     * @throws IllegalArgumentException if {@code amount} is NaN or infinite
     */
    public Transaction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(date, "date");
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("amount must be finite, was " + amount + " (customer " + customerId
                    + ", " + date + ")");
        }
    }
}
