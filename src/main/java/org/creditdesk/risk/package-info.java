/** Risk: scorecards, scoring, bounced cheques, linked parties and alerts. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customers", "ledger", "credit", "imports"})
@NullMarked
package org.creditdesk.risk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
