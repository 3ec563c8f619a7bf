package org.creditdesk.shared.web;

import java.net.URI;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The {@code Location} of a created resource with every variable strictly percent-encoded (a space, a
 * quote or a slash in a key never breaks the URI; issue 15 finding 3).
 */
public final class Locations {

    private Locations() {}

    /** {@code of("/api/v1/orders/{orderNo}", "A B")} is {@code /api/v1/orders/A%20B}. */
    public static URI of(String template, Object... variables) {
        return UriComponentsBuilder.fromPath(template)
                .encode()
                .buildAndExpand(variables)
                .toUri();
    }
}
