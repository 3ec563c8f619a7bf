/**
 * Sales appraisal: each sales rep's receivables KPIs per period, managers' ratings, grades and the measures they
 * lead to, period close and the payroll export.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "monitoring"})
@NullMarked
package org.creditdesk.appraisal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
