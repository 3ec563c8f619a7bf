package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.creditdesk.identity.Role;

/**
 * The e-mail a responsible person receives when a customer enters a level: subject and body name the
 * customer, the level, the days overdue and the amount, and say what the level asks of the reader.
 */
record EscalationMail(String subject, String body) {

    record Facts(
            String customerCode,
            String customerName,
            int level,
            String levelTitle,
            int daysOverdue,
            BigDecimal overdueAmount,
            String currency,
            boolean procedural,
            LocalDate asOf,
            String recipientName,
            Role recipientRole) {}

    static EscalationMail of(Facts facts) {
        String amount = facts.overdueAmount().toPlainString() + " " + facts.currency();
        String subject = "[CreditDesk] Escalation level %d (%s): %s %s – %d days overdue, %s"
                .formatted(
                        facts.level(),
                        facts.levelTitle(),
                        facts.customerCode(),
                        facts.customerName(),
                        facts.daysOverdue(),
                        amount);
        String body = """
                Dear %s,

                customer %s (%s) entered escalation level %d (%s) on %s.
                Days overdue: %d
                Overdue amount: %s

                %s

                You receive this as %s. The task is on your "My escalations" page.
                """.formatted(
                        facts.recipientName(),
                        facts.customerCode(),
                        facts.customerName(),
                        facts.level(),
                        facts.levelTitle(),
                        facts.asOf(),
                        facts.daysOverdue(),
                        amount,
                        action(facts),
                        facts.recipientRole().name().toLowerCase().replace('_', ' '));
        return new EscalationMail(subject, body);
    }

    private static String action(Facts facts) {
        if (facts.procedural()) {
            return "The lateness is still within the grace days and is usually procedural (the customer's payment"
                    + " run): watch it and confirm the payment date with the customer.";
        }
        return switch (facts.level()) {
            case 1 ->
                "Supply is stopped. Call the customer, find out why the payment is late and agree a payment" + " date.";
            case 2 ->
                "The account is severely overdue: the credit manager joins the collection. Agree a written"
                        + " payment plan.";
            case 3 -> "Bad account: the credit manager and the general manager decide on recovery measures.";
            case 4 -> "Severe bad account: the account goes to the lawyer for legal action unless it is paid at once.";
            default -> "Follow the company's procedure for level " + facts.level() + ".";
        };
    }
}
