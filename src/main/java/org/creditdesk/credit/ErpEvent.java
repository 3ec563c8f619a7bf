package org.creditdesk.credit;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One entry of the ERP's feed; {@code id} orders the feed and is the resume point. */
public record ErpEvent(
        long id,
        ErpEventType type,
        String customerCode,
        @Nullable String orderNo,
        OffsetDateTime at,
        JsonNode payload) {}
