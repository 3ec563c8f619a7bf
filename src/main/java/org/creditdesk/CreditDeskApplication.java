package org.creditdesk;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Entry point of the one jar. The first argument names the command ({@code serve}, {@code demo},
 * {@code generate}, {@code import}); commands other than the two servers run without a web server
 * and exit when done.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CreditDeskApplication {

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0].toLowerCase(Locale.ROOT);
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        boolean server = command.equals("serve") || command.equals("demo");

        SpringApplication application = new SpringApplication(CreditDeskApplication.class);
        application.setWebApplicationType(server ? WebApplicationType.SERVLET : WebApplicationType.NONE);
        application.setDefaultProperties(
                java.util.Map.of("creditdesk.command", command, "creditdesk.demo.enabled", command.equals("demo")));
        ConfigurableApplicationContext context = application.run(rest);
        if (!server) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
