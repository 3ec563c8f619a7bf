/**
 * Working-capital planning: the yearly fund plan by product line, area and customer, days sales
 * outstanding by the count-back method, and the cost of the capital tied up in receivables. Credit
 * and risk read the approved plan through published SQL functions (V81), never through this module's
 * Java types.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customers", "monitoring"})
@NullMarked
package org.creditdesk.planning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
