package org.creditdesk.shared;

import org.jspecify.annotations.Nullable;

/** Text for a cell of an exported CSV or xlsx file, which a spreadsheet must never run as a formula. */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    /** OWASP's list of characters that start a formula in common spreadsheets: such text gets a leading apostrophe. */
    public static String neutralise(@Nullable String text) {
        if (text == null || text.isEmpty()) return "";
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
