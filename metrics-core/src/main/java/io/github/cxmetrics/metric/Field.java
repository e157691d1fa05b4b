package io.github.cxmetrics.metric;

import java.util.Objects;

/**
 * One column of a metric's flat result.
 *
 * @param name the column name, lower snake case ({@code standard_error})
 * @param type its type: {@code Long} or {@code Double} values in {@link Metric#result}
 * @param description what it holds, with its unit
 * @since 0.2.0
 */
public record Field(String name, Type type, String description) {

    /** The type of a field's values. */
    public enum Type {
        /** A count: {@code Long} values. */
        LONG,
        /** An estimate or score: {@code Double} values. */
        DOUBLE
    }

    /**
     * Validates the field.
     *
     * @param name the column name
     * @param type its type
     * @param description what it holds
     * @throws NullPointerException if an argument is null
     */
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }
}
