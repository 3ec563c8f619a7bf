package org.creditdesk.ledger;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** {@code POST /payments/{paymentNo}/bounce}: the bank returned the cheque on {@code bouncedOn}. */
public record BounceCheque(
        @Nullable LocalDate bouncedOn, @Nullable String reason) {}
