package org.creditdesk.collections.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A stored reminder letter as the API lists it ({@code to}: the addressee's e-mail, if any). */
record Letter(
        long id,
        String customerCode,
        int level,
        LocalDate date,
        String language,
        @Nullable String to,
        List<String> cc,
        BigDecimal amount,
        String currency,
        String createdBy,
        OffsetDateTime createdAt) {}
