package io.github.cxmetrics.servqual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SERVQUAL-type instrument: a number of items, each belonging to one {@link Dimension}.
 *
 * <p>{@link #servqual22()} is the 22-item instrument of Parasuraman, Berry &amp; Zeithaml (1991,
 * "Refinement and reassessment of the SERVQUAL scale", <i>Journal of Retailing</i> 67(4):420–450):
 * items 1–4 tangibles, 5–9 reliability, 10–13 responsiveness, 14–17 assurance, 18–22 empathy.
 * Adapted scales (other item counts, other groupings, a subset of the dimensions) are built with
 * {@link #of(int, Map)}, which checks that every item belongs to exactly one dimension. Items are
 * numbered from 1.
 *
 * @since 0.1.0
 */
public final class Instrument {

    private final Dimension[] dimensionOfItem; // index item − 1

    private Instrument(Dimension[] dimensionOfItem) {
        this.dimensionOfItem = dimensionOfItem;
    }

    /**
     * The 22-item SERVQUAL instrument (Parasuraman, Berry &amp; Zeithaml 1991).
     *
     * @return the instrument
     */
    public static Instrument servqual22() {
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.TANGIBLES, new int[] {1, 2, 3, 4});
        map.put(Dimension.RELIABILITY, new int[] {5, 6, 7, 8, 9});
        map.put(Dimension.RESPONSIVENESS, new int[] {10, 11, 12, 13});
        map.put(Dimension.ASSURANCE, new int[] {14, 15, 16, 17});
        map.put(Dimension.EMPATHY, new int[] {18, 19, 20, 21, 22});
        return of(22, map);
    }

    /**
     * A custom instrument.
     *
     * @param items the number of items, {@code 1..1000}
     * @param itemsByDimension for each dimension used, its item numbers ({@code 1..items})
     * @return the instrument
     * @throws NullPointerException if the map or an array is null
     * @throws IllegalArgumentException if an item number is out of range, an item is in two
     *     dimensions, an item is unassigned, or a dimension has no items
     */
    public static Instrument of(int items, Map<Dimension, int[]> itemsByDimension) {
        Objects.requireNonNull(itemsByDimension, "itemsByDimension");
        if (items < 1 || items > 1000) {
            throw new IllegalArgumentException("items must be in 1..1000, was " + items);
        }
        Dimension[] of = new Dimension[items];
        for (Map.Entry<Dimension, int[]> e : itemsByDimension.entrySet()) {
            Dimension d = Objects.requireNonNull(e.getKey(), "dimension");
            int[] list = Objects.requireNonNull(e.getValue(), "items of " + d);
            if (list.length == 0) {
                throw new IllegalArgumentException("dimension " + d + " has no items");
            }
            for (int item : list) {
                if (item < 1 || item > items) {
                    throw new IllegalArgumentException("item " + item + " of " + d + " must be in 1.." + items);
                }
                if (of[item - 1] != null) {
                    throw new IllegalArgumentException("item " + item + " is in both " + of[item - 1] + " and " + d);
                }
                of[item - 1] = d;
            }
        }
        for (int i = 0; i < items; i++) {
            if (of[i] == null) {
                throw new IllegalArgumentException("item " + (i + 1) + " is not assigned to a dimension");
            }
        }
        return new Instrument(of);
    }

    /**
     * The number of items.
     *
     * @return the item count
     */
    public int items() {
        return dimensionOfItem.length;
    }

    /**
     * The dimension of an item.
     *
     * @param item the item number, {@code 1..items()}
     * @return its dimension
     * @throws IndexOutOfBoundsException if the item does not exist
     */
    public Dimension dimensionOf(int item) {
        return dimensionOfItem[Objects.checkIndex(item - 1, dimensionOfItem.length)];
    }

    /**
     * The dimensions the instrument uses, in {@link Dimension} order.
     *
     * @return an unmodifiable list
     */
    public List<Dimension> dimensions() {
        List<Dimension> out = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (Arrays.asList(dimensionOfItem).contains(d)) {
                out.add(d);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The items of a dimension, ascending.
     *
     * @param dimension the dimension
     * @return its item numbers (empty if the instrument does not use it)
     */
    public int[] items(Dimension dimension) {
        Objects.requireNonNull(dimension, "dimension");
        return java.util.stream.IntStream.rangeClosed(1, dimensionOfItem.length)
                .filter(i -> dimensionOfItem[i - 1] == dimension).toArray();
    }

    /**
     * Equal when the item-to-dimension maps are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Instrument && Arrays.equals(dimensionOfItem, ((Instrument) o).dimensionOfItem);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(dimensionOfItem);
    }

    /**
     * A short description, e.g. {@code Instrument[items=22, dimensions=5]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "Instrument[items=" + items() + ", dimensions=" + dimensions().size() + "]";
    }

    Dimension[] map() {
        return dimensionOfItem.clone();
    }
}
