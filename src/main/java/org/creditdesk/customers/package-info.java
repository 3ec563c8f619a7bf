/** Customer master data: companies, their people, phones, addresses, bank accounts, areas and sales reps. */
@ApplicationModule(allowedDependencies = {"shared", "identity"})
@NullMarked
package org.creditdesk.customers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
