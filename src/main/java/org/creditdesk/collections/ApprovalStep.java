package org.creditdesk.collections;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One step of an invoice's approval chain: its newest recorded state, or none yet (status null). */
public record ApprovalStep(
        ChainRole chainRole,
        @Nullable Long contactId,
        @Nullable String contactName,
        @Nullable StepStatus status,
        @Nullable LocalDate since,
        @Nullable String note) {}
