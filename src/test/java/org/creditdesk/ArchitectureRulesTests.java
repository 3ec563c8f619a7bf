package org.creditdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureRulesTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.creditdesk");

    @Test
    void only_the_clock_configuration_reads_the_system_clock() {
        noClasses()
                .that()
                .doNotHaveSimpleName("ClockConfiguration")
                .should()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.LocalDateTime.class, "now")
                .because("rules take a business date so that any day can be replayed")
                .check(MAIN);
    }

    @Test
    void only_repositories_touch_the_jdbc_client() {
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Repository")
                .and()
                .resideOutsideOfPackage("org.creditdesk.shared.database..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcClient.class)
                .because("SQL lives in repositories")
                .check(MAIN);
    }

    @Test
    void controllers_are_not_public() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .because("a module's public face is its facade, events and values, not its web layer")
                .allowEmptyShould(true)
                .check(MAIN);
    }
}
