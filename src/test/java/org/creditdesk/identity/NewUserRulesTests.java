package org.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.creditdesk.shared.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewUserRulesTests {

    private static NewUser valid() {
        return new NewUser(
                "jane.doe", "correct horse", "Jane Doe", "jane@example.com", Set.of(Role.SALES_REP), Set.of("NORTH"));
    }

    @Test
    void a_complete_user_breaks_no_rule() {
        assertThat(NewUserRules.violations(valid())).isEmpty();
    }

    @Test
    void every_broken_rule_names_its_field() {
        NewUser user = new NewUser(" ", "short", "", "not-an-address", Set.of(), Set.of("has space"));

        assertThat(NewUserRules.violations(user))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("username", "password", "displayName", "email", "roles", "areas");
    }

    @Test
    void a_password_needs_twelve_characters() {
        NewUser eleven = new NewUser("jane", "kettle-moon", "Jane", null, Set.of(Role.FINANCE), Set.of());
        NewUser twelve = new NewUser("jane", "kettle-moons", "Jane", null, Set.of(Role.FINANCE), Set.of());

        assertThat(NewUserRules.violations(eleven)).extracting(Violation::field).containsExactly("password");
        assertThat(NewUserRules.violations(twelve)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password",
                "12345678",
                "Password1",
                "Password1234",
                "qwertyuiop123",
                "jane.doe.smith",
                "aaaaaaaaaaaaaa",
                "abababababab"
            })
    void common_passwords_the_username_and_repeated_characters_are_refused(String password) {
        NewUser user = new NewUser("jane.doe.smith", password, "Jane", null, Set.of(Role.FINANCE), Set.of());

        assertThat(NewUserRules.violations(user)).extracting(Violation::field).containsExactly("password");
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_refused_rather_than_cut() {
        NewUser user = new NewUser("jane", "x".repeat(73), "Jane", null, Set.of(Role.FINANCE), Set.of());

        assertThat(NewUserRules.violations(user)).extracting(Violation::field).containsExactly("password");
    }
}
