package org.creditdesk.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenerThreadsTests {

    @Test
    void listeners_needing_two_connections_each_can_never_take_the_whole_pool() {
        for (int pool = 3; pool <= 200; pool++) {
            int threads = ListenerExecutorConfiguration.listenerThreads(pool);
            assertThat(threads).as("pool %d", pool).isPositive();
            assertThat(2 * threads).as("pool %d", pool).isLessThanOrEqualTo(pool - 1);
        }
    }

    @Test
    void the_default_pool_of_twenty_runs_nine_listeners_at_a_time() {
        assertThat(ListenerExecutorConfiguration.listenerThreads(20)).isEqualTo(9);
    }
}
