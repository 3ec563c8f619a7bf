package org.creditdesk.collections.letters;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One saved version of the reminder letter of a level (1-4) in a language (en, zh-CN). */
record LetterTemplate(
        long id,
        int level,
        String language,
        int version,
        String subject,
        String body,
        @Nullable String note,
        String createdBy,
        OffsetDateTime createdAt) {}
