package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LetterCaseTests {

    @Test
    void an_account_with_the_lawyer_gets_the_legal_wording_whatever_else_holds() {
        assertThat(LetterCase.of(List.of("OVERDUE", "LEGAL"), 90, true)).isEqualTo(LetterCase.LEGAL);
    }

    @Test
    void an_overdue_account_is_told_supply_is_suspended() {
        assertThat(LetterCase.of(List.of("OVERDUE"), 12, true)).isEqualTo(LetterCase.OVERDUE);
    }

    @Test
    void without_a_limit_the_letter_offers_payment_in_advance_and_with_one_confirms_it() {
        assertThat(LetterCase.of(List.of(), 0, false)).isEqualTo(LetterCase.NO_LIMIT);
        assertThat(LetterCase.of(List.of("MANUAL"), 0, true)).isEqualTo(LetterCase.LIMIT);
    }
}
