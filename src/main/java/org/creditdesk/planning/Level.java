package org.creditdesk.planning;

import java.util.Optional;

/** The plan tree's levels: product line, product line x area, product line x area x customer. */
public enum Level {
    PRODUCT_LINE("productLine"),
    AREA("area"),
    CUSTOMER("customer");

    private final String parameter;

    Level(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    static Optional<Level> ofParameter(String value) {
        for (Level level : values()) {
            if (level.parameter.equals(value) || level.name().equals(value)) return Optional.of(level);
        }
        return Optional.empty();
    }
}
