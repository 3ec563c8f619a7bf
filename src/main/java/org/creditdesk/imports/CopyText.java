package org.creditdesk.imports;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/** PostgreSQL's COPY text format as the imports write it: escaping, chunked writes and the error path. */
final class CopyText {

    private CopyText() {}

    /** The value with COPY's backslash escapes (the format's delimiter and line ends). */
    static void escaped(StringBuilder out, CharSequence value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /** Sends what the buffer holds and empties it. */
    static void flush(CopyIn copy, StringBuilder out) throws SQLException {
        if (out.isEmpty()) return;
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
    }

    static DataAccessException translated(String task, SQLException e) {
        var translated = new SQLExceptionSubclassTranslator().translate(task, null, e);
        return translated != null ? translated : new UncategorizedSQLException(task, null, e);
    }

    /** Ends a COPY that failed half-way; the transaction rolls back anyway. */
    static void cancel(CopyIn copy) {
        if (copy == null || !copy.isActive()) return;
        try {
            copy.cancelCopy();
        } catch (SQLException ignored) {
            // the transaction rolls back anyway
        }
    }
}
