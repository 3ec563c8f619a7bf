package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.creditdesk.identity.Role;
import org.springframework.context.MessageSource;

/**
 * The e-mail a responsible person receives when a customer enters a level: subject and body name the
 * customer, the level, the days overdue and the amount, and say what the level asks of the reader, in
 * the recipient's interface language (the {@code mail.escalation.*} texts of the message bundles).
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
            Role recipientRole,
            Locale language) {}

    static EscalationMail of(Facts facts, MessageSource texts) {
        Locale language = facts.language();
        String amount = facts.overdueAmount().toPlainString() + " " + facts.currency();
        String level = String.valueOf(facts.level());
        String days = String.valueOf(facts.daysOverdue());
        String subject = texts.getMessage(
                "mail.escalation.subject",
                new Object[] {level, facts.levelTitle(), facts.customerCode(), facts.customerName(), days, amount},
                language);
        String body = texts.getMessage(
                "mail.escalation.body",
                new Object[] {
                    facts.recipientName(),
                    facts.customerCode(),
                    facts.customerName(),
                    level,
                    facts.levelTitle(),
                    facts.asOf().toString(),
                    days,
                    amount,
                    action(facts, texts),
                    texts.getMessage("enum.Role." + facts.recipientRole().name(), null, language)
                },
                language);
        return new EscalationMail(subject, body);
    }

    private static String action(Facts facts, MessageSource texts) {
        String key = facts.procedural()
                ? "mail.escalation.action.procedural"
                : switch (facts.level()) {
                    case 1, 2, 3, 4 -> "mail.escalation.action." + facts.level();
                    default -> "mail.escalation.action.other";
                };
        return texts.getMessage(key, new Object[] {String.valueOf(facts.level())}, facts.language());
    }
}
