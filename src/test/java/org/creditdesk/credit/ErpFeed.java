package org.creditdesk.credit;

import java.util.List;

/** Test helper: where the ERP feed ends now, as a cursor for "events after this point". */
final class ErpFeed {

    private ErpFeed() {}

    /**
     * The id of the last readable event, read through the feed (events get their id when they become
     * readable, so the table's largest id is not a cursor past events still waiting for one).
     */
    static long lastId(ErpEvents events) {
        long last = 0;
        for (List<ErpEvent> page = events.after(0, ErpEvents.MAX_LIMIT);
                !page.isEmpty();
                page = events.after(last, ErpEvents.MAX_LIMIT)) {
            last = page.getLast().id();
        }
        return last;
    }
}
