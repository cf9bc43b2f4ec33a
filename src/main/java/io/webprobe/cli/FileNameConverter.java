package io.webprobe.cli;

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
        return Path.of(value);
    }
}
