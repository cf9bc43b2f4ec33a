package io.webprobe.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every file name the command line takes, read or written ({@code --file}, {@code --cacert},
 * {@code --db}, {@code --resume}, the CSVs, export's and compare's crawl files): an empty one
 * (an unset variable, {@code --file "$LIST"}) is refused, where {@code Path.of("")} is the
 * current folder and was told "is a folder, not a crawl file" without a name to read.
 */
final class FileNameConverter implements ITypeConverter<Path> {
    /** What an empty name is told, after the option or argument it was given to. */
    static final String EMPTY = "was given an empty name; give a file name";

    @Override
    public Path convert(String value) {
        if (value.isEmpty()) {
            throw new TypeConversionException(EMPTY);
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            // a name the locale's character set cannot hold (a locale not installed reads as
            // ASCII, so 'é' arrives as two unreadable characters): picocli named the exception
            throw new TypeConversionException("'" + value + "' has characters that the "
                    + "locale's character set (" + System.getProperty("sun.jnu.encoding")
                    + ") cannot put in a file name; use a UTF-8 locale, for example "
                    + "LANG=C.UTF-8");
        }
    }
}
