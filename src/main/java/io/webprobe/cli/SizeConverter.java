package io.webprobe.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads "10MB", "500KB", "1.5MiB", "2g" or a plain byte count as a size in bytes (1 KB = 1024). */
final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern FORM =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    @Override
    public Long convert(String value) {
        Matcher m = FORM.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException(
                    "'" + value + "' is not a size; use bytes (1048576) or a unit (500KB, 10MB, 1GB)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).substring(0, 1);
        double bytes = switch (unit) {
            case "k" -> n * 1024;
            case "m" -> n * 1024 * 1024;
            case "g" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
        if (bytes < 1 || bytes > 8L * 1024 * 1024 * 1024) {
            throw new TypeConversionException("'" + value + "' must be between 1 byte and 8 GB");
        }
        return Math.round(bytes);
    }

    /** "10 MB", "1.5 KB", "100 bytes": a size as {@code --max-size} takes it (1 KB = 1024). */
    static String text(long bytes) {
        String[] units = {"GB", "MB", "KB"};
        for (int i = 0; i < units.length; i++) {
            double unit = Math.pow(1024, units.length - i);
            if (bytes >= unit) {
                String n = String.format(Locale.ROOT, "%.1f", bytes / unit);
                return (n.endsWith(".0") ? n.substring(0, n.length() - 2) : n) + " " + units[i];
            }
        }
        return io.webprobe.Words.count(bytes, "byte");
    }
}
