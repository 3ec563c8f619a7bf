/** Users, roles and areas: who may see and do what. */
@ApplicationModule(allowedDependencies = {"shared"})
@NullMarked
package org.creditdesk.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
