/** Credit control: policy, authority, limits with four eyes, securities, exposure, the credit check on orders, holds and the ERP feed. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customers", "ledger", "imports"})
@NullMarked
package org.creditdesk.credit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
