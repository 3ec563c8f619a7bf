package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTests {

    private static final String ALPHABET = "ab,\"\r\n ;:上海恒达有限公司xyz0123";

    @Test
    void any_field_survives_writing_and_reading_back() throws IOException {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<List<String>> records = new ArrayList<>();
        StringBuilder document = new StringBuilder();
        for (int r = 0; r < 300; r++) {
            List<String> record = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int fields = 1 + random.nextInt(6);
            for (int f = 0; f < fields; f++) {
                StringBuilder value = new StringBuilder();
                int length = random.nextInt(12);
                for (int i = 0; i < length; i++) value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                // A lone empty field is an empty line, which RFC 4180 cannot tell from no record.
                if (fields == 1 && value.isEmpty()) value.append('x');
                record.add(value.toString());
                if (f > 0) line.append(',');
                Csv.appendField(line, value.toString());
            }
            records.add(record);
            document.append(line).append("\r\n");
        }

        assertThat(Csv.read(new StringReader(document.toString())))
                .as("seed %d", seed)
                .isEqualTo(records);
    }

    @Test
    void only_fields_with_commas_quotes_or_line_breaks_are_quoted() {
        assertThat(quoted("Suzhou Hengda Co., Ltd.")).isEqualTo("\"Suzhou Hengda Co., Ltd.\"");
        assertThat(quoted("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(quoted("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(quoted("上海恒达机电设备有限公司")).isEqualTo("上海恒达机电设备有限公司");
        assertThat(quoted("+86 21 6234 5678;+86 138 1234 5678")).isEqualTo("+86 21 6234 5678;+86 138 1234 5678");
    }

    @Test
    void amounts_in_fen_are_written_with_exactly_two_decimals() {
        assertThat(cents(0)).isEqualTo("0.00");
        assertThat(cents(5)).isEqualTo("0.05");
        assertThat(cents(120)).isEqualTo("1.20");
        assertThat(cents(123_456_789_01L)).isEqualTo("123456789.01");
    }

    private static String quoted(String value) {
        StringBuilder line = new StringBuilder();
        Csv.appendField(line, value);
        return line.toString();
    }

    private static String cents(long cents) {
        StringBuilder line = new StringBuilder();
        Csv.appendCents(line, cents);
        return line.toString();
    }
}
