package org.creditdesk.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An external PostgreSQL named by {@code CREDITDESK_DB_URL}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${creditdesk.database.url:}'.isEmpty()")
class ExternalDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("creditdesk");
        return new HikariDataSource(config);
    }
}
