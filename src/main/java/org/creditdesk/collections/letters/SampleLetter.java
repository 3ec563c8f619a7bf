package org.creditdesk.collections.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The made-up letter a template preview is filled from. */
final class SampleLetter {

    private SampleLetter() {}

    static LetterContent of(int level, String language) {
        boolean zh = language.equals("zh-CN");
        LocalDate date = LocalDate.of(2026, 3, 31);
        return new LetterContent(
                zh ? "示例贸易公司" : "Sample Trading Co.",
                "SAMPLE-001",
                zh ? "上海华东贸易有限公司" : "Eastern Wholesale Ltd.",
                zh ? "上海市浦东新区世纪大道100号" : "100 Harbour Road, Shanghai",
                date,
                level,
                language,
                zh ? "王芳" : "Ms Wang Fang",
                "finance@example.com",
                level >= 2 ? List.of("gm@example.com") : List.of(),
                List.of(
                        new LetterContent.Line(
                                "INV-1001",
                                date.minusDays(75),
                                date.minusDays(45),
                                45,
                                "CNY",
                                new BigDecimal("12500.00"),
                                BigDecimal.ZERO.setScale(2),
                                new BigDecimal("12500.00")),
                        new LetterContent.Line(
                                "INV-1002",
                                date.minusDays(50),
                                date.minusDays(20),
                                20,
                                "CNY",
                                new BigDecimal("8000.00"),
                                new BigDecimal("3000.00"),
                                new BigDecimal("5000.00"))),
                List.of(new LetterContent.Total("CNY", new BigDecimal("17500.00"))),
                45,
                List.of(new LetterContent.BrokenPromise(
                        date.minusDays(10), "CNY", new BigDecimal("10000.00"), new BigDecimal("2000.00"))),
                "credit@example.com",
                zh ? "示例贸易公司 信用管理部" : "Sample Trading Co., Credit Department");
    }
}
