/**
 * Collections: the customer's people by their role in its payment approval, the chain each large
 * invoice travels, activities, promises to pay, disputes with after-sales service cases, and the
 * collector's prioritised worklist.
 */
@ApplicationModule(allowedDependencies = {"shared", "identity", "customers", "ledger", "monitoring", "risk"})
@NullMarked
package org.creditdesk.collections;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
