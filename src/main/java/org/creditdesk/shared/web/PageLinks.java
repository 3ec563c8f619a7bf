package org.creditdesk.shared.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Links of a paged list, as {@code ${@pageLinks.to(3)}} in templates: the current request's path and
 * filters with only {@code page} replaced, so every list page pages with its filters kept. Used by the
 * {@code pager} fragment (templates/pager.html).
 */
@Component("pageLinks")
public class PageLinks {

    /** The current page's address with {@code page=n}: a path on this server, never another host. */
    public String to(int page) {
        UriComponents link = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", Math.max(page, 0))
                .build();
        String query = link.getQuery();
        return link.getPath() + (query == null ? "" : "?" + query);
    }
}
