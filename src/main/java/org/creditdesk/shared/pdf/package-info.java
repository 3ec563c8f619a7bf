/** HTML to PDF with an embedded CJK font, for the letters of every module. */
@NullMarked
package org.creditdesk.shared.pdf;

import org.jspecify.annotations.NullMarked;
