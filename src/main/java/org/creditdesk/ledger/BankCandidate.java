package org.creditdesk.ledger;

import java.util.List;

/** A customer an unmatched bank credit may belong to, best first; {@code reasons} say why. */
public record BankCandidate(String customerCode, String customerName, int score, List<String> reasons) {

    public BankCandidate {
        reasons = List.copyOf(reasons);
    }
}
