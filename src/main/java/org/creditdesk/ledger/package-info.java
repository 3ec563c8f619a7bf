/** The receivables ledger: orders, invoices, credit notes, payments and their allocations. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customers"})
@NullMarked
package org.creditdesk.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
