/** Credit control: policy, authority to approve, limits with four eyes, securities and the ERP's event feed. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customers"})
@NullMarked
package org.creditdesk.credit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
