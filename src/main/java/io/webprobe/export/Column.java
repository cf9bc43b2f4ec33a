package io.webprobe.export;

import java.util.Objects;
import java.util.function.Function;

/**
 * One CSV column: a header and how to get the cell text from a row. Immutable.
 *
 * @param <T> the row type
 */
public record Column<T>(String header, Function<T, ?> value) {
    public Column {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(value, "value");
    }

    /** The cell text; null becomes "". */
    public String cell(T row) {
        Object v = value.apply(row);
        return v == null ? "" : v.toString();
    }
}
