package org.creditdesk.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;

/** Tells camt from MT940 by the content (never by the file name or media type) and reads it. */
final class BankStatementParser {

    private BankStatementParser() {}

    static List<BankStatement> parse(byte[] content) {
        int start = 0;
        if (content.length >= 3
                && (content[0] & 0xff) == 0xEF
                && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            start = 3;
        }
        while (start < content.length && Character.isWhitespace(content[start])) start++;
        if (start == content.length) {
            throw ProblemException.ruleViolation(
                            "The file is empty",
                            List.of(Violation.line(1, "the file is empty; expected camt XML or MT940")))
                    .withKey("problem.text.theFileIsEmpty");
        }
        List<BankStatement> statements;
        if (content[start] == '<') {
            statements = CamtReader.read(content);
        } else {
            String head =
                    new String(content, start, Math.min(content.length - start, 4096), StandardCharsets.ISO_8859_1);
            if (!Mt940Reader.looksLikeMt940(head)) {
                throw ProblemException.ruleViolation(
                                "Unknown statement format",
                                List.of(Violation.line(
                                        1, "neither camt XML (starting with <) nor MT940 (with :20: and :25: tags)")))
                        .withKey("problem.text.unknownStatementFormat");
            }
            statements = Mt940Reader.read(content);
        }
        return statements;
    }
}
