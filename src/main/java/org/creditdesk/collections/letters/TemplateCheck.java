package org.creditdesk.collections.letters;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.creditdesk.shared.Violation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What a letter template may contain: the known {@code {{placeholders}}} and well-formed XHTML (the PDF
 * renderer reads XML). Every refusal names the line of the template it found.
 */
final class TemplateCheck {

    static final Set<String> PLACEHOLDERS = Set.of(
            "companyName",
            "customerName",
            "customerCode",
            "customerAddress",
            "letterDate",
            "level",
            "recipientName",
            "invoiceTable",
            "totalOverdue",
            "maxDaysOverdue",
            "brokenPromises",
            "replyContact",
            "signature");

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private TemplateCheck() {}

    static List<Violation> check(String subject, String body) {
        List<Violation> violations = new ArrayList<>();
        if (subject.isBlank()) violations.add(Violation.field("subject", "is required"));
        else unknownPlaceholders("subject", subject, violations);
        if (body.isBlank()) {
            violations.add(Violation.field("body", "is required"));
            return violations;
        }
        unknownPlaceholders("body", body, violations);
        wellFormed(body, violations);
        return violations;
    }

    private static void unknownPlaceholders(String field, String text, List<Violation> violations) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                violations.add(Violation.line(
                        lineOf(text, m.start()),
                        field,
                        "unknown placeholder {{%s}}; known: %s"
                                .formatted(
                                        m.group(1),
                                        PLACEHOLDERS.stream().sorted().toList())));
            }
        }
    }

    /** The body inside a root element, placeholders neutralised, parsed as XML; a parse error names its line. */
    private static void wellFormed(String body, List<Violation> violations) {
        String xml = "<letter>" + PLACEHOLDER.matcher(body).replaceAll("x") + "</letter>";
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.newSAXParser().parse(new InputSource(new StringReader(xml)), new DefaultHandler());
        } catch (SAXParseException e) {
            violations.add(
                    Violation.line(Math.max(1, e.getLineNumber()), "body", "not well-formed XHTML: " + e.getMessage()));
        } catch (SAXException | ParserConfigurationException | IOException e) {
            violations.add(Violation.field("body", "not well-formed XHTML: " + e.getMessage()));
        }
    }

    private static long lineOf(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
