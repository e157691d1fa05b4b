package io.github.cxmetrics.kafka;

import io.github.cxmetrics.metric.Field;
import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.stats.Mergeable;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A metric's flat result with its field names: what {@link Metric#result(Mergeable)} returns, in the
 * field order of {@link Metric#fields()} (for NPS: {@code count, promoters, passives, detractors,
 * score, standard_error, lower, upper}), ready for a downstream topic as JSON ({@link #toJson()}).
 *
 * <p>Values are {@code Long} for {@code LONG} fields and {@code Double} for {@code DOUBLE} fields,
 * and {@code null} where the metric leaves a field undefined (e.g. a Kaplan&ndash;Meier median the
 * survival curve never reaches). An empty state has no result: {@link #of(Metric, Mergeable)} returns
 * {@code null} for it.
 *
 * <p>Immutable; {@link #equals(Object)} compares the metric name, the fields and the values
 * ({@link Arrays#equals(Object[], Object[])}, so doubles bit for bit as {@link Double#equals(Object)}).
 *
 * @since 0.2.0
 */
public final class MetricResult {

    private final String metric;
    private final List<Field> fields;
    private final Object[] values;

    private MetricResult(String metric, List<Field> fields, Object[] values) {
        this.metric = metric;
        this.fields = fields;
        this.values = values;
    }

    /**
     * The result of a state.
     *
     * @param <A> the state type
     * @param metric the metric
     * @param state its accumulator
     * @return the result, or {@code null} if the state is empty
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if the metric returns other than one value per field (a bug of
     *     the metric)
     */
    public static <A extends Mergeable<A>> MetricResult of(Metric<A> metric, A state) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(state, "state");
        Object[] values = metric.result(state);
        if (values == null) {
            return null;
        }
        List<Field> fields = List.copyOf(metric.fields());
        if (values.length != fields.size()) {
            throw new IllegalStateException("metric " + metric.name() + " returned " + values.length
                    + " values for its " + fields.size() + " fields");
        }
        return new MetricResult(metric.name(), fields, values.clone());
    }

    /**
     * The metric's name, e.g. "nps".
     *
     * @return the name
     */
    public String metric() {
        return metric;
    }

    /**
     * The fields, in result order.
     *
     * @return an unmodifiable list
     */
    public List<Field> fields() {
        return fields;
    }

    /**
     * The values, one per field, in field order: a copy of what {@link Metric#result(Mergeable)} gave.
     *
     * @return a new array
     */
    public Object[] values() {
        return values.clone();
    }

    /**
     * The value of a field.
     *
     * @param field the field name, e.g. "score"
     * @return its value: a {@code Long}, a {@code Double}, or {@code null} if undefined
     * @throws IllegalArgumentException if the metric has no such field (the message names those it has)
     */
    public Object get(String field) {
        return values[indexOf(field)];
    }

    /**
     * The value of a {@code LONG} field.
     *
     * @param field the field name, e.g. "count"
     * @return its value
     * @throws IllegalArgumentException if there is no such field, or it is not a {@code LONG} field
     */
    public long getLong(String field) {
        int i = indexOf(field);
        if (fields.get(i).type() != Field.Type.LONG) {
            throw new IllegalArgumentException("field " + field + " of " + metric + " is "
                    + fields.get(i).type() + ", not LONG");
        }
        return (Long) values[i];
    }

    /**
     * The value of a {@code DOUBLE} field.
     *
     * @param field the field name, e.g. "score"
     * @return its value, or {@code null} if the metric leaves it undefined
     * @throws IllegalArgumentException if there is no such field, or it is not a {@code DOUBLE} field
     */
    public Double getDouble(String field) {
        int i = indexOf(field);
        if (fields.get(i).type() != Field.Type.DOUBLE) {
            throw new IllegalArgumentException("field " + field + " of " + metric + " is "
                    + fields.get(i).type() + ", not DOUBLE");
        }
        return (Double) values[i];
    }

    /**
     * The result as a map from field name to value, in field order.
     *
     * @return an unmodifiable map (null values where a field is undefined)
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(fields.get(i).name(), values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The result as one JSON object (RFC 8259) with a member per field, in field order, e.g.
     * {@code {"count":3,"mean":2.5,"median":null}}. A {@code Long} is written as a decimal integer, a
     * finite {@code Double} as {@link Double#toString(double)} (the shortest decimal that reads back to
     * the same double, so the JSON is exact); an undefined field is {@code null}. JSON has no
     * non-finite numbers: a NaN or infinite value (which no registry metric returns) is written as the
     * string {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}.
     *
     * @return the JSON text
     */
    public String toJson() {
        StringBuilder sb = new StringBuilder(16 * values.length + 2).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendString(sb, fields.get(i).name());
            sb.append(':');
            Object v = values[i];
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Double) {
                double d = (Double) v;
                if (Double.isFinite(d)) {
                    sb.append(Double.toString(d));
                } else {
                    appendString(sb, Double.toString(d));
                }
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }

    private static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    private int indexOf(String field) {
        Objects.requireNonNull(field, "field");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(field)) {
                return i;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Field f : fields) {
            names.append(names.length() == 0 ? "" : ", ").append(f.name());
        }
        throw new IllegalArgumentException("metric " + metric + " has no field " + field + " (fields: " + names + ")");
    }

    /**
     * Equal if the metric name, the fields and the values are equal.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetricResult)) {
            return false;
        }
        MetricResult r = (MetricResult) o;
        return metric.equals(r.metric) && fields.equals(r.fields) && Arrays.equals(values, r.values);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return (metric.hashCode() * 31 + fields.hashCode()) * 31 + Arrays.hashCode(values);
    }

    /**
     * The metric name and the JSON form, e.g. {@code nps {"count":3,...}}.
     *
     * @return the form
     */
    @Override
    public String toString() {
        return metric + " " + toJson();
    }
}
