/** The deterministic portfolio generator behind the demo data and the benchmarks. */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "identity",
            "customers",
            "ledger",
            "imports",
            "credit",
            "monitoring",
            "appraisal",
            "planning",
            "collections",
            "risk"
        })
@NullMarked
package org.creditdesk.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
