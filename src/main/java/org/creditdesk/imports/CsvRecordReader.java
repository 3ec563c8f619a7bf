package org.creditdesk.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads RFC 4180 records one at a time into reused buffers, so a file of any size is read with
 * constant memory. Knows the physical line each record starts on, counting the line breaks inside
 * quoted fields, and says why a record is malformed instead of guessing what was meant.
 */
final class CsvRecordReader {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int AFTER_QUOTE = 3;

    private final Reader in;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int length;
    private long line = 1;
    private long recordLine;
    private boolean atFileStart = true;
    private final List<StringBuilder> fields = new ArrayList<>();
    private int count;
    private @Nullable String defect;

    CsvRecordReader(Reader in) {
        this.in = in;
    }

    /** Reads the next record; false at the end of the file. */
    boolean next() throws IOException {
        count = 0;
        defect = null;
        int c = read();
        if (atFileStart) {
            atFileStart = false;
            if (c == '\uFEFF') c = read();
        }
        if (c < 0) return false;
        recordLine = line;
        StringBuilder field = nextField();
        int state = FIELD_START;
        for (; ; c = read()) {
            if (state == QUOTED) {
                if (c < 0) {
                    defect("a quoted field is not closed before the end of the file");
                    return true;
                }
                if (c == '"') {
                    state = AFTER_QUOTE;
                } else {
                    if (c == '\n') line++;
                    append(field, c);
                }
                continue;
            }
            if (state == AFTER_QUOTE && c == '"') {
                field.append('"');
                state = QUOTED;
                continue;
            }
            if (c == ',') {
                field = nextField();
                state = FIELD_START;
                continue;
            }
            if (c < 0) return true;
            if (c == '\n') {
                line++;
                return true;
            }
            if (c == '\r') {
                if (peek() == '\n') read();
                line++;
                return true;
            }
            if (state == FIELD_START && c == '"') {
                state = QUOTED;
                continue;
            }
            if (state == AFTER_QUOTE) defect("text follows a closing quote in field " + count);
            if (c == '"') defect("a quote inside an unquoted field " + count + " (quote the whole field)");
            state = UNQUOTED;
            append(field, c);
        }
    }

    /** The line the current record starts on; the header is line 1. */
    long line() {
        return recordLine;
    }

    /** The line the reader has reached, for errors that are not about one record. */
    long currentLine() {
        return line;
    }

    int fieldCount() {
        return count;
    }

    CharSequence field(int index) {
        return fields.get(index);
    }

    boolean isBlank() {
        return count == 1 && fields.get(0).isEmpty() && defect == null;
    }

    @Nullable
    String defect() {
        return defect;
    }

    List<String> fieldsAsStrings() {
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) values.add(fields.get(i).toString());
        return values;
    }

    private void append(StringBuilder field, int c) {
        if (c == 0) {
            defect("contains a NUL character");
            return;
        }
        field.append((char) c);
    }

    private void defect(String why) {
        if (defect == null) defect = why;
    }

    private StringBuilder nextField() {
        if (count == fields.size()) fields.add(new StringBuilder(32));
        StringBuilder field = fields.get(count++);
        field.setLength(0);
        return field;
    }

    private int read() throws IOException {
        if (position == length && !fill()) return -1;
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == length && !fill()) return -1;
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        position = 0;
        length = Math.max(read, 0);
        return read > 0;
    }
}
