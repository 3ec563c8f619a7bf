package org.creditdesk.planning;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contracts' open amounts against their credit lines, through the published contract_lines_with_open (V82). */
@Repository
class ContractLineRepository {

    private static final String CONTRACTS = """
            SELECT c.code, c.name, c.area_code, x.contract_no, x.credit_line, x.currency, x.valid_until, x.in_force,
                   x.open_amount
            FROM contract_lines_with_open(CAST(:asOf AS date)) x
            JOIN customer c ON c.id = x.customer_id
            WHERE coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR c.area_code = ANY(CAST(:areas AS text[]))
            ORDER BY x.open_amount - x.credit_line DESC, c.code, x.contract_no
            LIMIT :limit
            """;

    private final JdbcClient jdbc;

    ContractLineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ContractLine> contracts(LocalDate asOf, String[] areas, int limit) {
        return jdbc.sql(CONTRACTS)
                .param("asOf", asOf.toString())
                .param("areas", areas)
                .param("limit", limit)
                .query((rs, n) -> new ContractLine(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("area_code"),
                        rs.getString("contract_no"),
                        rs.getBigDecimal("credit_line"),
                        rs.getString("currency"),
                        rs.getObject("valid_until", LocalDate.class),
                        rs.getBoolean("in_force"),
                        rs.getBigDecimal("open_amount"),
                        rs.getBigDecimal("open_amount").compareTo(rs.getBigDecimal("credit_line")) > 0))
                .list();
    }
}
