package org.creditdesk.planning;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A value-added customer's contract against its own credit line: the open amount of the invoices of
 * the contract's orders (in the line's currency) and whether that is over the line.
 */
public record ContractLine(
        String customerCode,
        String customerName,
        String area,
        String contractNo,
        BigDecimal creditLine,
        String currency,
        LocalDate validUntil,
        boolean inForce,
        BigDecimal openAmount,
        boolean overLine) {}
