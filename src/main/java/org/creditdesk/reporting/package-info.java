/** Reports across the modules: the home dashboard every signed-in user lands on. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customers", "ledger", "credit", "monitoring"})
@NullMarked
package org.creditdesk.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
