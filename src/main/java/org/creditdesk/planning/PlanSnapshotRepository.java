package org.creditdesk.planning;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plan against actual as the daily run found it (V83): one pass over the ledger at customer level, summed up
 * in Java to areas and product lines (the same converted amounts, so the sums equal the live statement's),
 * stored as plan-independent measures; areas and product lines also keep their monthly movements over the
 * trend's window. Only the newest computation is kept.
 */
@Repository
class PlanSnapshotRepository {

    /** Months of movements the area and product-line nodes keep: the longest trend over its count-back horizon. */
    static final int STORED_MONTHS = 2 * PlanVersusActual.STATUS_MONTHS;

    record Header(LocalDate asOf, int months, OffsetDateTime computedAt) {}

    private final JdbcClient jdbc;
    private final PlanActualsRepository actuals;

    PlanSnapshotRepository(JdbcClient jdbc, PlanActualsRepository actuals) {
        this.jdbc = jdbc;
        this.actuals = actuals;
    }

    Optional<Header> header() {
        return jdbc.sql("SELECT as_of, months, computed_at FROM plan_snapshot WHERE id = 1")
                .query((rs, n) -> new Header(
                        rs.getObject("as_of", LocalDate.class),
                        rs.getInt("months"),
                        rs.getObject("computed_at", OffsetDateTime.class)))
                .optional();
    }

    /**
     * Computes and stores the measures of every node as of the date, replacing the previous computation. The
     * customers stream through a cursor and are written in batches; only the area and product-line sums are
     * kept in memory.
     */
    @Transactional
    void store(LocalDate asOf, OffsetDateTime computedAt) {
        MonthWindow stored = new MonthWindow(asOf, STORED_MONTHS);
        MonthWindow status = new MonthWindow(asOf, PlanVersusActual.STATUS_MONTHS);
        Map<String, NodeActuals> areas = new LinkedHashMap<>();
        Map<String, NodeActuals> lines = new LinkedHashMap<>();
        List<NodeActuals> batch = new java.util.ArrayList<>(BATCH);
        jdbc.sql("DELETE FROM plan_snapshot_node").update();
        actuals.eachCustomer(stored, customer -> {
            add(areas, Nodes.key(customer.productLine(), customer.area(), null), customer, true);
            add(lines, customer.productLine(), customer, false);
            batch.add(customer);
            if (batch.size() == BATCH) {
                insert(Level.CUSTOMER, batch, status, false);
                batch.clear();
            }
        });
        insert(Level.CUSTOMER, batch, status, false);
        insert(Level.AREA, List.copyOf(areas.values()), status, true);
        insert(Level.PRODUCT_LINE, List.copyOf(lines.values()), status, true);
        jdbc.sql("""
                        INSERT INTO plan_snapshot (id, as_of, months, computed_at) VALUES (1, :asOf, :months, :at)
                        ON CONFLICT (id) DO UPDATE
                           SET as_of = excluded.as_of, months = excluded.months, computed_at = excluded.computed_at
                        """)
                .param("asOf", asOf)
                .param("months", STORED_MONTHS)
                .param("at", computedAt)
                .update();
    }

    private static final int BATCH = 5000;

    /** How many nodes each level stored. */
    Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT level, count(*) AS n FROM plan_snapshot_node GROUP BY level ORDER BY level")
                .query(rs -> {
                    counts.put(rs.getString("level"), rs.getInt("n"));
                });
        return counts;
    }

    /**
     * The stored measures of a level's nodes, only the given areas' when {@code areas} is not empty, at most
     * {@code perNode} of each product line and area (the largest receivables first).
     */
    List<NodeMeasures> measures(Level level, String[] areas, int perNode) {
        return jdbc.sql("""
                        SELECT * FROM (
                            SELECT product_line, area_code, customer_code, customer_name, receivables, month_end_sum,
                                   samples, days, simple_days, sales_in_period, last_year_sales,
                                   row_number() OVER (PARTITION BY product_line, area_code
                                                      ORDER BY receivables DESC) AS rank
                              FROM plan_snapshot_node
                             WHERE level = :level
                               AND (cardinality(CAST(:areas AS text[])) = 0
                                    OR area_code = ANY(CAST(:areas AS text[])))
                        ) n
                         WHERE n.rank <= :perNode
                        """)
                .param("level", level.parameter())
                .param("areas", areas)
                .param("perNode", perNode)
                .query((rs, n) -> new NodeMeasures(
                        rs.getString("product_line"),
                        rs.getString("area_code"),
                        rs.getString("customer_code"),
                        rs.getString("customer_name"),
                        rs.getBigDecimal("receivables"),
                        rs.getBigDecimal("month_end_sum"),
                        rs.getInt("samples"),
                        rs.getBigDecimal("days"),
                        rs.getBigDecimal("simple_days"),
                        rs.getBigDecimal("sales_in_period"),
                        rs.getBigDecimal("last_year_sales")))
                .list();
    }

    /**
     * The stored monthly movements (over {@link #STORED_MONTHS}) of the area nodes, or of the product lines:
     * for an area-scoped caller the sum of their areas' nodes per product line.
     */
    List<NodeActuals> movements(Level level, String[] areas) {
        if (level == Level.CUSTOMER) throw new IllegalArgumentException("customers keep no movements");
        boolean sumAreas = level == Level.PRODUCT_LINE && areas.length > 0;
        List<NodeActuals> rows = jdbc.sql("""
                        SELECT product_line, area_code, customer_code, customer_name, net, sales
                          FROM plan_snapshot_node
                         WHERE level = :level
                           AND (cardinality(CAST(:areas AS text[])) = 0 OR area_code = ANY(CAST(:areas AS text[])))
                        """)
                .param("level", sumAreas ? Level.AREA.parameter() : level.parameter())
                .param("areas", areas)
                .query((rs, n) -> new NodeActuals(
                        rs.getString("product_line"),
                        rs.getString("area_code"),
                        null,
                        null,
                        numbers(rs, "net"),
                        numbers(rs, "sales")))
                .list();
        return sumAreas ? List.copyOf(sum(rows, NodeActuals::productLine, false).values()) : rows;
    }

    private void insert(Level level, List<NodeActuals> nodes, MonthWindow status, boolean withMovements) {
        int size = nodes.size();
        String[] lines = new String[size];
        String[] areas = new String[size];
        String[] codes = new String[size];
        String[] names = new String[size];
        String[] net = new String[size];
        String[] sales = new String[size];
        BigDecimal[] receivables = new BigDecimal[size];
        BigDecimal[] sums = new BigDecimal[size];
        Integer[] samples = new Integer[size];
        BigDecimal[] days = new BigDecimal[size];
        BigDecimal[] simple = new BigDecimal[size];
        BigDecimal[] inPeriod = new BigDecimal[size];
        BigDecimal[] lastYear = new BigDecimal[size];
        for (int i = 0; i < size; i++) {
            NodeActuals node = nodes.get(i);
            NodeMeasures m = NodeMeasures.of(node.narrow(status.months()), status);
            lines[i] = m.productLine();
            areas[i] = m.area();
            codes[i] = m.customerCode();
            names[i] = m.customerName();
            net[i] = withMovements ? literal(node.net()) : null;
            sales[i] = withMovements ? literal(node.sales()) : null;
            receivables[i] = m.receivables();
            sums[i] = m.monthEndSum();
            samples[i] = m.samples();
            days[i] = m.days();
            simple[i] = m.simpleDays();
            inPeriod[i] = m.salesInPeriod();
            lastYear[i] = m.lastYearSales();
        }
        jdbc.sql("""
                        INSERT INTO plan_snapshot_node (level, product_line, area_code, customer_code, customer_name,
                               net, sales, receivables, month_end_sum, samples, days, simple_days, sales_in_period,
                               last_year_sales)
                        SELECT :level, t.line, t.area, t.code, t.name, CAST(t.net AS numeric[]), CAST(t.sales AS numeric[]),
                               t.receivables, t.month_end_sum, t.samples, t.days, t.simple_days, t.in_period, t.last_year
                          FROM unnest(CAST(:lines AS text[]), CAST(:areas AS text[]), CAST(:codes AS text[]),
                                      CAST(:names AS text[]), CAST(:net AS text[]), CAST(:sales AS text[]),
                                      CAST(:receivables AS numeric[]), CAST(:sums AS numeric[]), CAST(:samples AS int[]),
                                      CAST(:days AS numeric[]), CAST(:simple AS numeric[]), CAST(:inPeriod AS numeric[]),
                                      CAST(:lastYear AS numeric[]))
                               AS t (line, area, code, name, net, sales, receivables, month_end_sum, samples, days,
                                     simple_days, in_period, last_year)
                        """)
                .param("level", level.parameter())
                .param("lines", lines)
                .param("areas", areas)
                .param("codes", codes)
                .param("names", names)
                .param("net", net)
                .param("sales", sales)
                .param("receivables", receivables)
                .param("sums", sums)
                .param("samples", samples)
                .param("days", days)
                .param("simple", simple)
                .param("inPeriod", inPeriod)
                .param("lastYear", lastYear)
                .update();
    }

    /** Sums nodes with the same key, keeping the area only when the nodes are areas. */
    private static Map<String, NodeActuals> sum(
            List<NodeActuals> nodes, Function<NodeActuals, String> key, boolean keepArea) {
        Map<String, NodeActuals> sums = new LinkedHashMap<>();
        for (NodeActuals node : nodes) add(sums, key.apply(node), node, keepArea);
        return sums;
    }

    private static void add(Map<String, NodeActuals> sums, String key, NodeActuals node, boolean keepArea) {
        NodeActuals named = new NodeActuals(
                node.productLine(), keepArea ? node.area() : null, null, null, node.net(), node.sales());
        sums.merge(key, named, NodeActuals::plus);
    }

    private static String literal(BigDecimal[] values) {
        StringBuilder text = new StringBuilder("{");
        for (int j = 0; j < values.length; j++) {
            if (j > 0) text.append(',');
            text.append(values[j].toPlainString());
        }
        return text.append('}').toString();
    }

    private static BigDecimal[] numbers(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        Object[] values = (Object[]) array.getArray();
        BigDecimal[] numbers = new BigDecimal[values.length];
        for (int j = 0; j < values.length; j++) numbers[j] = (BigDecimal) values[j];
        return numbers;
    }
}
