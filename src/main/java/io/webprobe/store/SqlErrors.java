package io.webprobe.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Plain words for what SQLite reports, so no SQL or driver text reaches the user. */
final class SqlErrors {
    private SqlErrors() {}

    /** Why a crawl file could not be read or written, as the end of a sentence. */
    static String why(SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (code == SQLiteErrorCode.SQLITE_FULL || msg.contains("disk is full")
                || msg.contains("no space")) {
            return "the disk is full";
        }
        if (isCorrupt(e)) {
            return "the file is damaged";
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY || msg.contains("readonly")
                || msg.contains("read-only")) {
            return "the file is read-only";
        }
        if (code == SQLiteErrorCode.SQLITE_CANTOPEN || msg.contains("unable to open")) {
            return "the file cannot be opened (check that its folder exists and is writable)";
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
            return "another program is using the file";
        }
        if (code == SQLiteErrorCode.SQLITE_IOERR || msg.contains("disk i/o")) {
            return "the disk reported an error";
        }
        return "the file could not be read or written";
    }

    /** Whether SQLite says the file is not a database, is corrupt, or lacks a table. */
    static boolean isCorrupt(SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException s ? s.getResultCode() : null;
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        // a table or column gone (dropped by hand) is damage too, not a failure to read
        return code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB
                || msg.contains("malformed") || msg.contains("not a database")
                || msg.contains("no such table") || msg.contains("no such column");
    }

    /** "Could not read the crawl file X: the file is damaged." */
    static StoreException readFailure(Path file, SQLException e) {
        return new StoreException("Could not read the crawl file " + file + ": " + why(e) + ".",
                e);
    }
}
