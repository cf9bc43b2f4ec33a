package io.webprobe.testsupport;

import com.opencsv.CSVReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads exported CSV files back, as a user's spreadsheet would. */
public final class CsvFiles {
    private CsvFiles() {}

    /** Every line of a UTF-8 CSV file, header first, split into fields. */
    public static List<String[]> readCsv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(in)) {
            return csv.readAll();
        }
    }
}
