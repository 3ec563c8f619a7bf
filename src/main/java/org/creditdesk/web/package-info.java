/** The pages: server-rendered Thymeleaf with htmx; controllers only translate. */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customers", "ledger"})
@NullMarked
package org.creditdesk.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
