/** Building blocks every module uses: money, business time, errors, the database. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.creditdesk.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
