package org.creditdesk;

import com.icegreen.greenmail.util.ServerSetup;

/**
 * The SMTP server the tests' application contexts send to: Maven passes a free port as
 * {@code spring.mail.port} (pom.xml), so parallel test runs on one machine never clash; 3925 is
 * the port of test/resources/config/application.yml for runs outside Maven.
 */
public final class TestMail {

    private TestMail() {}

    public static ServerSetup smtp() {
        return new ServerSetup(Integer.getInteger("spring.mail.port", 3925), "localhost", "smtp");
    }
}
