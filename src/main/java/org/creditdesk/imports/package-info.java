/** CSV imports of customers, orders, invoices and payments through PostgreSQL COPY and set-based merges. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customers", "ledger"})
@NullMarked
package org.creditdesk.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
