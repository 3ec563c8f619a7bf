/** Overdue monitoring: aging as of any date, the escalation ladder with named responsibilities, staffing. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customers", "ledger", "credit"})
@NullMarked
package org.creditdesk.monitoring;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
