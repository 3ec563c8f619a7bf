package org.creditdesk.collections.letters;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.creditdesk.shared.pdf.HtmlPdf;
import org.springframework.stereotype.Component;

/** Fills a template's placeholders from a letter's content and renders the page to PDF. */
@Component
class LetterRenderer {

    private static final String STYLE = """
            @page { size: A4; margin: 22mm 20mm; }
            body { font-family: sans-serif, '%s'; font-size: 10.5pt; line-height: 1.45; }
            h1 { font-size: 15pt; margin: 6mm 0 4mm 0; }
            table { border-collapse: collapse; margin: 3mm 0; width: 100%%; font-size: 9pt; }
            th, td { padding: 1.2mm 1.5mm; border-bottom: 0.3pt solid #999999; text-align: left; white-space: nowrap; }
            td.n, th.n { text-align: right; }
            .muted { color: #555555; }
            .letter + .letter { page-break-before: always; }
            """.formatted(HtmlPdf.CJK_FAMILY);

    private static final Map<String, List<String>> HEADINGS = Map.of(
            "en",
            List.of(
                    "Invoice",
                    "Issued",
                    "Due",
                    "Days overdue",
                    "Open",
                    "Disputed",
                    "Claimed",
                    "Total overdue",
                    "Promises to pay you did not keep:",
                    "promised for",
                    "paid"),
            "zh-CN",
            List.of("发票号", "开票日期", "到期日", "逾期天数", "未付金额", "争议金额", "催收金额", "逾期合计", "贵司未履行的付款承诺：", "承诺付款日", "已付"));

    private final HtmlPdf pdf;

    LetterRenderer(HtmlPdf pdf) {
        this.pdf = pdf;
    }

    byte[] pdf(List<Page> pages) {
        return pdf.render(document(pages));
    }

    /** A letter: its template body and the content it is filled from. */
    record Page(String body, LetterContent content) {}

    String document(List<Page> pages) {
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"utf-8\"/><style>")
                .append(STYLE)
                .append("</style></head><body>");
        for (Page page : pages) {
            html.append("<div class=\"letter\">")
                    .append(fill(page.body(), page.content(), true))
                    .append("</div>");
        }
        return html.append("</body></html>").toString();
    }

    /** The subject line (plain text) or the body (XHTML, values escaped). */
    static String fill(String template, LetterContent c, boolean html) {
        Matcher m = TemplateCheck.PLACEHOLDER.matcher(template);
        return m.replaceAll(r -> Matcher.quoteReplacement(value(r.group(1), c, html)));
    }

    private static String value(String name, LetterContent c, boolean html) {
        String text = switch (name) {
            case "companyName" -> c.companyName();
            case "customerName" -> c.customerName();
            case "customerCode" -> c.customerCode();
            case "customerAddress" -> c.customerAddress() == null ? "" : c.customerAddress();
            case "letterDate" -> date(c.letterDate(), c.language());
            case "level" -> String.valueOf(c.level());
            case "recipientName" -> c.recipientName();
            case "totalOverdue" ->
                c.totals().stream()
                        .map(t -> money(t.amount()) + " " + t.currency())
                        .collect(Collectors.joining(" + "));
            case "maxDaysOverdue" -> String.valueOf(c.maxDaysOverdue());
            case "replyContact" -> c.replyContact();
            case "signature" -> c.signature();
            case "invoiceTable" -> html ? invoiceTable(c) : "";
            case "brokenPromises" -> html ? brokenPromises(c) : "";
            default -> throw new IllegalStateException("unknown placeholder " + name);
        };
        return html && !name.equals("invoiceTable") && !name.equals("brokenPromises") ? escape(text) : text;
    }

    private static String invoiceTable(LetterContent c) {
        List<String> h = headings(c.language());
        StringBuilder t = new StringBuilder("<table><thead><tr>");
        for (int i = 0; i < 7; i++)
            t.append(i >= 3 ? "<th class=\"n\">" : "<th>").append(h.get(i)).append("</th>");
        t.append("</tr></thead><tbody>");
        for (LetterContent.Line line : c.invoices()) {
            t.append("<tr><td>")
                    .append(escape(line.invoiceNo()))
                    .append("</td><td>")
                    .append(line.issueDate())
                    .append("</td><td>")
                    .append(line.dueDate())
                    .append("</td><td class=\"n\">")
                    .append(line.daysOverdue())
                    .append("</td><td class=\"n\">")
                    .append(money(line.openAmount()))
                    .append("</td><td class=\"n\">")
                    .append(line.disputedAmount().signum() == 0 ? "" : money(line.disputedAmount()))
                    .append("</td><td class=\"n\">")
                    .append(money(line.claimedAmount()))
                    .append(' ')
                    .append(line.currency())
                    .append("</td></tr>");
        }
        for (LetterContent.Total total : c.totals()) {
            t.append("<tr><td colspan=\"6\"><strong>")
                    .append(h.get(7))
                    .append("</strong></td><td class=\"n\"><strong>")
                    .append(money(total.amount()))
                    .append(' ')
                    .append(total.currency())
                    .append("</strong></td></tr>");
        }
        return t.append("</tbody></table>").toString();
    }

    private static String brokenPromises(LetterContent c) {
        if (c.brokenPromises().isEmpty()) return "";
        List<String> h = headings(c.language());
        StringBuilder p = new StringBuilder("<p>").append(h.get(8)).append("</p><ul>");
        for (LetterContent.BrokenPromise promise : c.brokenPromises()) {
            p.append("<li>")
                    .append(money(promise.amount()))
                    .append(' ')
                    .append(promise.currency())
                    .append(", ")
                    .append(h.get(9))
                    .append(' ')
                    .append(date(promise.promisedOn(), c.language()))
                    .append(", ")
                    .append(h.get(10))
                    .append(' ')
                    .append(money(promise.paidAmount()))
                    .append("</li>");
        }
        return p.append("</ul>").toString();
    }

    private static List<String> headings(String language) {
        return HEADINGS.getOrDefault(language, HEADINGS.get("en"));
    }

    static String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format.format(amount);
    }

    static String date(LocalDate date, String language) {
        return language.equals("zh-CN")
                ? date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日"
                : date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
