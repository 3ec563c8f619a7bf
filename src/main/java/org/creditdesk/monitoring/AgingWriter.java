package org.creditdesk.monitoring;

/**
 * Where an aging report is written as it is read (JSON, CSV, Excel): the head (everything but the rows), each row
 * in order, then the end. Writers throw {@link java.io.UncheckedIOException} when their output fails.
 */
interface AgingWriter {

    /** {@code head}: the report without its rows (buckets, totals, source). */
    void start(AgingReport head);

    void row(AgingRow row);

    void finish();
}
