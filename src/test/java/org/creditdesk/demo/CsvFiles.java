package org.creditdesk.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a generated CSV file into rows keyed by the header's field names. */
final class CsvFiles {

    private CsvFiles() {}

    static List<Map<String, String>> rows(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> records = Csv.read(in);
            List<String> header = records.getFirst();
            List<Map<String, String>> rows = new ArrayList<>(records.size() - 1);
            for (List<String> record : records.subList(1, records.size())) {
                if (record.size() != header.size()) {
                    throw new IllegalStateException("%s: %d fields instead of %d in %s"
                            .formatted(file.getFileName(), record.size(), header.size(), record));
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) row.put(header.get(i), record.get(i));
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> header(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Csv.read(in).getFirst();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
