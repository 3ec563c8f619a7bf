package org.creditdesk.shared;

import java.time.ZoneId;
import java.util.Currency;

/** Who we are: the currency limits and reports default to, and the zone that decides "today". */
public record CompanySettings(String name, Currency baseCurrency, ZoneId timeZone) {}
