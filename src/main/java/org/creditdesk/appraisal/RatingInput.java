package org.creditdesk.appraisal;

import java.util.ArrayList;
import java.util.List;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/** The body of {@code PUT /appraisals/{period}/ratings/{salesRep}}: four scores 1..5 and a note. */
public record RatingInput(
        @Nullable Integer responsibility,
        @Nullable Integer execution,
        @Nullable Integer communication,
        @Nullable Integer experience,
        @Nullable String note) {

    List<Violation> violations() {
        List<Violation> problems = new ArrayList<>();
        score(problems, "responsibility", responsibility);
        score(problems, "execution", execution);
        score(problems, "communication", communication);
        score(problems, "experience", experience);
        if (note != null && note.length() > 2000)
            problems.add(Violation.field("note", "must be at most 2000 characters"));
        return problems;
    }

    private static void score(List<Violation> problems, String field, @Nullable Integer value) {
        if (value == null) problems.add(Violation.field(field, "is required (1 to 5)"));
        else if (value < 1 || value > 5) problems.add(Violation.field(field, "must be between 1 and 5"));
    }
}
