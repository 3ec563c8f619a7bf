package org.creditdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTests {

    record Read(long line, List<String> fields, String defect) {}

    private static List<Read> readAll(String csv) throws IOException {
        CsvRecordReader reader = new CsvRecordReader(new StringReader(csv));
        List<Read> records = new ArrayList<>();
        while (reader.next()) records.add(new Read(reader.line(), reader.fieldsAsStrings(), reader.defect()));
        return records;
    }

    @Test
    void quoted_fields_keep_commas_quotes_and_line_breaks() throws IOException {
        List<Read> records = readAll("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");
        assertThat(records)
                .extracting(Read::fields)
                .containsExactly(List.of("a", "b"), List.of("x, y", "say \"hi\""), List.of("two\nlines", "z"));
    }

    @Test
    void line_numbers_count_the_line_breaks_inside_quoted_fields() throws IOException {
        List<Read> records = readAll("h1,h2\r\n\"1\r\n2\r\n3\",a\r\nnext,b\r\n");
        assertThat(records).extracting(Read::line).containsExactly(1L, 2L, 5L);
    }

    @Test
    void a_byte_order_mark_is_not_part_of_the_first_column_name() throws IOException {
        assertThat(readAll("\uFEFFcode,name\n").getFirst().fields()).containsExactly("code", "name");
    }

    @Test
    void the_last_record_needs_no_line_break_and_empty_fields_are_kept() throws IOException {
        assertThat(readAll("a,,c\n,,").getLast().fields()).containsExactly("", "", "");
    }

    @Test
    void an_unclosed_quote_and_text_after_a_closing_quote_are_reported_as_defects() throws IOException {
        assertThat(readAll("\"ab\"c,d\n").getFirst().defect()).contains("closing quote");
        assertThat(readAll("x,\"never closed\n").getFirst().defect()).contains("not closed");
    }
}
