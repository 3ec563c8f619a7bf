package org.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTests {

    @Test
    void a_sales_rep_is_confined_to_the_assigned_areas() {
        Caller rep = Caller.forUser("rep", Set.of(Role.SALES_REP), Set.of("NORTH", "EAST"));

        assertThat(rep.areas()).containsExactlyInAnyOrder("NORTH", "EAST");
        assertThat(rep.sees("NORTH")).isTrue();
        assertThat(rep.sees("SOUTH")).isFalse();
    }

    @Test
    void a_credit_manager_sees_every_area_whatever_areas_are_assigned() {
        Caller manager = Caller.forUser("cm", Set.of(Role.CREDIT_MANAGER), Set.of("NORTH"));

        assertThat(manager.areas()).isEmpty();
        assertThat(manager.seesAllAreas()).isTrue();
        assertThat(manager.sees("SOUTH")).isTrue();
    }

    @Test
    void one_role_that_is_not_area_scoped_lifts_the_confinement_of_the_others() {
        Caller both = Caller.forUser("both", Set.of(Role.COLLECTOR, Role.FINANCE), Set.of("NORTH"));

        assertThat(both.seesAllAreas()).isTrue();
    }

    @Test
    void an_area_scoped_user_without_areas_sees_every_area() {
        Caller collector = Caller.forUser("collector", Set.of(Role.COLLECTOR), Set.of());

        assertThat(collector.seesAllAreas()).isTrue();
    }

    @Test
    void areas_survive_exactly_when_every_role_is_area_scoped() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int run = 0; run < 500; run++) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if (random.nextInt(4) == 0) roles.add(role);
            }
            Set<String> areas = random.nextBoolean() ? Set.of("A" + random.nextInt(9)) : Set.of();
            boolean onlyScoped = roles.stream().allMatch(Role::isAreaScoped);

            Caller caller = Caller.forUser("u", roles, areas);

            assertThat(caller.areas())
                    .as("seed %d, roles %s, areas %s", seed, roles, areas)
                    .isEqualTo(onlyScoped ? areas : Set.of());
            assertThat(caller.roles()).as("seed %d", seed).isEqualTo(roles);
        }
    }
}
