package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 1 unit of {@code from} is worth {@code rate} units of {@code to}, from {@code validOn} until the next rate. */
public record ExchangeRate(String from, String to, BigDecimal rate, LocalDate validOn) {}
