package org.creditdesk.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The import's own tables: a temporary staging table filled by {@code COPY FROM STDIN} straight
 * from the request body (a date or amount column twice: its text, and {@code <column>_value} typed
 * when the text is one, see {@link StagedValue}), a temporary table of rejected lines, and the
 * {@code import_run} log.
 * Temporary tables are private to the transaction's connection, are not written to the WAL and
 * vanish on commit or rollback, so a refused file leaves nothing behind.
 */
@Repository
class ImportRepository {

    static final String STAGE = "import_stage";
    static final String REJECTIONS = "import_rejection";

    /** Enough room for the hash aggregates of a file of millions of rows to stay in memory. */
    private static final String WORK_MEMORY = "SET LOCAL work_mem = '256MB'";

    private static final String CREATE_STAGE =
            "CREATE TEMP TABLE " + STAGE + " (line BIGINT NOT NULL, %s) ON COMMIT DROP";
    private static final String CREATE_REJECTIONS = "CREATE TEMP TABLE " + REJECTIONS + """
             (line BIGINT NOT NULL, position INTEGER NOT NULL, field TEXT, message TEXT NOT NULL) ON COMMIT DROP
            """;
    private static final String COPY_STAGE = "COPY " + STAGE + " (line, %s) FROM STDIN";
    /**
     * Statistics only for the natural keys, which the checks and merges join and group on: ANALYZE of
     * every text column took 0.55-0.64 s of an 82,684-row file under load, of the keys 0.19-0.26 s.
     */
    private static final String ANALYZE_STAGE = "ANALYZE " + STAGE + " (%s)";

    private static final String REJECTION_COUNT = "SELECT count(*) FROM " + REJECTIONS;
    private static final String FIRST_REJECTIONS = """
            SELECT line, field, message FROM %s ORDER BY line, position LIMIT :limit
            """.formatted(REJECTIONS);
    private static final String DISTINCT_VALUES = """
            SELECT DISTINCT %1$s FROM %2$s WHERE %1$s <> '' ORDER BY 1
            """;
    private static final String TOUCHED_CUSTOMERS = """
            SELECT DISTINCT c.id FROM %s s JOIN customer c ON c.code = s.%s ORDER BY c.id
            """;
    private static final String RECORD_RUN = """
            INSERT INTO import_run (kind, imported, unchanged, rows_read, imported_by)
            VALUES (:kind, :imported, :unchanged, :rowsRead, :importedBy)
            """;

    private static final int FLUSH_CHARS = 256 * 1024;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ImportRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** What the staging step read: data rows, and the rows too malformed to stage at all. */
    record Staged(long rows, long malformedRows, List<Violation> malformed) {}

    /**
     * Reads the header, creates the staging tables and streams every data row into the staging
     * table. Must run inside the import's transaction.
     */
    Staged stage(CsvLayout layout, InputStream csv, int maxReported) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CsvRecordReader records = new CsvRecordReader(new InputStreamReader(csv, decoder));
        try {
            List<CsvLayout.Column> header = readHeader(layout, records);
            createTables(layout);
            return copyRows(layout, header, records, maxReported);
        } catch (CharacterCodingException e) {
            throw ProblemException.ruleViolation(
                            "The file is not UTF-8",
                            List.of(Violation.line(records.currentLine(), "is not valid UTF-8 text")))
                    .withKey("problem.text.theFileIsNotUTF8");
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the import file failed", e);
        }
    }

    private static List<CsvLayout.Column> readHeader(CsvLayout layout, CsvRecordReader records) throws IOException {
        if (!records.next()) {
            throw ProblemException.ruleViolation(
                            "The file is empty", List.of(Violation.line(1, "the file is empty; expected a header row")))
                    .withKey("problem.text.theFileIsEmpty");
        }
        Map<String, CsvLayout.Column> known = layout.byName();
        List<Violation> problems = new ArrayList<>();
        List<CsvLayout.Column> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (records.defect() != null) problems.add(Violation.line(1, records.defect()));
        for (String raw : records.fieldsAsStrings()) {
            String name = raw.strip();
            CsvLayout.Column column = known.get(name);
            if (column == null) {
                problems.add(Violation.line(
                        1,
                        name,
                        "unknown column; expected %s"
                                .formatted(layout.columns().stream()
                                        .map(CsvLayout.Column::name)
                                        .collect(Collectors.joining(",")))));
            } else if (!seen.add(name)) {
                problems.add(Violation.line(1, name, "column appears more than once"));
            } else {
                header.add(column);
            }
        }
        for (CsvLayout.Column column : layout.columns()) {
            if (column.required() && !seen.contains(column.name())) {
                problems.add(Violation.line(1, column.name(), "required column is missing"));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.ruleViolation(
                            "The header row does not fit a %s file"
                                    .formatted(layout.kind().name().toLowerCase(java.util.Locale.ROOT)),
                            problems)
                    .withKey(
                            "problem.text.theHeaderRowDoesNotFitA",
                            layout.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        return header;
    }

    private void createTables(CsvLayout layout) {
        jdbc.sql(WORK_MEMORY).update();
        String columns = layout.columns().stream()
                .map(c -> c.typedAs() == null
                        ? c.stagingColumn() + " TEXT"
                        : c.stagingColumn() + " TEXT, " + c.typedColumn() + " " + c.typedAs())
                .collect(Collectors.joining(", "));
        jdbc.sql(CREATE_STAGE.formatted(columns)).update();
        jdbc.sql(CREATE_REJECTIONS).update();
    }

    private Staged copyRows(CsvLayout layout, List<CsvLayout.Column> header, CsvRecordReader records, int maxReported)
            throws IOException {
        String columns = header.stream()
                .map(c -> c.typedAs() == null ? c.stagingColumn() : c.stagingColumn() + ", " + c.typedColumn())
                .collect(Collectors.joining(", "));
        boolean[] typed = new boolean[header.size()];
        for (int i = 0; i < typed.length; i++) typed[i] = header.get(i).typedAs() != null;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STAGE.formatted(columns));
            List<Violation> malformed = new ArrayList<>();
            long malformedRows = 0;
            long rows = 0;
            StringBuilder out = new StringBuilder(FLUSH_CHARS + 4096);
            while (records.next()) {
                if (records.isBlank()) continue;
                rows++;
                String defect = records.defect();
                if (defect == null && records.fieldCount() != header.size()) {
                    defect = "has %d fields, the header has %d".formatted(records.fieldCount(), header.size());
                }
                if (defect != null) {
                    if (malformedRows++ < maxReported) malformed.add(Violation.line(records.line(), defect));
                    continue;
                }
                Violation unstorable = unstorable(header, records);
                if (unstorable != null) {
                    if (malformedRows++ < maxReported) malformed.add(unstorable);
                    continue;
                }
                out.append(records.line());
                for (int i = 0; i < header.size(); i++) {
                    CharSequence value = records.field(i);
                    out.append('\t');
                    CopyText.escaped(out, value);
                    if (typed[i]) {
                        // valid dates and amounts are plain ASCII: nothing to escape
                        out.append('\t');
                        if (header.get(i).typedValid(value)) out.append(value);
                        else out.append("\\N");
                    }
                }
                out.append('\n');
                if (out.length() >= FLUSH_CHARS) CopyText.flush(copy, out);
            }
            CopyText.flush(copy, out);
            copy.endCopy();
            copy = null;
            jdbc.sql(ANALYZE_STAGE.formatted(layout.columns().stream()
                            .filter(CsvLayout.Column::isKey)
                            .map(CsvLayout.Column::stagingColumn)
                            .collect(Collectors.joining(", "))))
                    .update();
            return new Staged(rows, malformedRows, malformed);
        } catch (SQLException e) {
            throw CopyText.translated("COPY into " + STAGE, e);
        } finally {
            CopyText.cancel(copy);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The first value of the row that breaks its column's key alphabet or text limit (issue 15 finding 3). */
    private static @org.jspecify.annotations.Nullable Violation unstorable(
            List<CsvLayout.Column> header, CsvRecordReader records) {
        for (int i = 0; i < header.size(); i++) {
            CsvLayout.Column column = header.get(i);
            java.util.Optional<String> problem = column.problem(records.field(i));
            if (problem.isPresent()) return Violation.line(records.line(), column.name(), problem.get());
        }
        return null;
    }

    long rejectionCount() {
        return jdbc.sql(REJECTION_COUNT).query(Long.class).single();
    }

    List<Violation> firstRejections(int limit) {
        return jdbc.sql(FIRST_REJECTIONS)
                .param("limit", limit)
                .query((rs, n) -> new Violation(rs.getString("field"), rs.getLong("line"), rs.getString("message")))
                .list();
    }

    /** The distinct non-empty values of one staged column (areas, product lines: a handful). */
    List<String> distinctValues(String stagingColumn) {
        return jdbc.sql(DISTINCT_VALUES.formatted(stagingColumn, STAGE))
                .query(String.class)
                .list();
    }

    /** The customers a staged ledger file concerns: its rows' customers. */
    List<Long> touchedCustomers() {
        return jdbc.sql(TOUCHED_CUSTOMERS.formatted(STAGE, "customer_code"))
                .query(Long.class)
                .list();
    }

    void recordRun(ImportKind kind, int imported, int unchanged, long rowsRead, String importedBy) {
        jdbc.sql(RECORD_RUN)
                .param("kind", kind.name())
                .param("imported", imported)
                .param("unchanged", unchanged)
                .param("rowsRead", Math.toIntExact(rowsRead))
                .param("importedBy", importedBy)
                .update();
    }
}
