package org.creditdesk.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.junit.jupiter.api.Test;

class CustomerInputTests {

    private static final Currency CNY = Currency.getInstance("CNY");

    private static CustomerInput input(String currency, Integer termDays) {
        return new CustomerInput(
                "  Huadong Trading ",
                "",
                "2009-04-01",
                "EAST",
                "value_added",
                " ",
                termDays,
                currency,
                null,
                List.of(" +86 21 5555 0101 "),
                null,
                null,
                List.of(new CustomerInput.PersonInput("Zhang San", "", "DIRECTOR")));
    }

    @Test
    void an_omitted_currency_is_the_company_currency_and_blank_texts_are_absent() {
        CustomerData data = input(null, 30).toData(CNY);

        assertThat(data.currency()).isEqualTo(CNY);
        assertThat(data.name()).isEqualTo("Huadong Trading");
        assertThat(data.registrationNo()).isNull();
        assertThat(data.salesRep()).isNull();
        assertThat(data.establishedOn()).isEqualTo(LocalDate.of(2009, 4, 1));
        assertThat(data.businessGroup()).isEqualTo(BusinessGroup.VALUE_ADDED);
        assertThat(data.phones()).containsExactly("+86 21 5555 0101");
        assertThat(data.bankAccounts()).isEmpty();
        assertThat(data.people()).containsExactly(new CustomerPerson("Zhang San", null, PersonRole.DIRECTOR));
    }

    @Test
    void the_same_input_twice_gives_equal_master_data_so_an_upsert_can_tell_nothing_changed() {
        assertThat(input("USD", 30).toData(CNY)).isEqualTo(input("USD", 30).toData(CNY));
        assertThat(input("USD", 30).toData(CNY)).isNotEqualTo(input("USD", 31).toData(CNY));
    }

    @Test
    void payment_terms_are_between_0_and_3650_days() {
        assertThat(input("CNY", 0).toData(CNY).paymentTermDays()).isZero();
        assertThat(input("CNY", 3650).toData(CNY).paymentTermDays()).isEqualTo(3650);
        assertThat(fieldsRefused(input("CNY", -1))).containsExactly("paymentTermDays");
        assertThat(fieldsRefused(input("CNY", 3651))).containsExactly("paymentTermDays");
    }

    @Test
    void a_currency_must_be_an_iso_code_in_capitals() {
        assertThat(fieldsRefused(input("usd", 30))).containsExactly("currency");
        assertThat(fieldsRefused(input("ABC", 30))).containsExactly("currency");
        assertThat(fieldsRefused(input("XXX", 30))).containsExactly("currency");
        assertThat(input("EUR", 30).toData(CNY).currency()).isEqualTo(Currency.getInstance("EUR"));
    }

    private static List<String> fieldsRefused(CustomerInput input) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> input.toData(CNY));
        assertThat(refused.kind()).isEqualTo(ProblemException.Kind.MALFORMED);
        return refused.violations().stream().map(Violation::field).toList();
    }
}
