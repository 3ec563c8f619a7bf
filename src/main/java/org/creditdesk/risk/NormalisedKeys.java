package org.creditdesk.risk;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns master data into the keys that link customers: the same person, phone, address, bank account
 * or company e-mail domain written differently must give the same key. Everything starts with NFKC,
 * which folds full-width letters and digits ({@code ８８号}) into their ASCII forms. Plain Java, no
 * Spring: the rules are tested one by one.
 */
final class NormalisedKeys {

    /** Where phone numbers without a country code are from. */
    static final String DEFAULT_REGION = "CN";

    /** Shorter addresses are a city or a district, shared by thousands of honest customers. */
    static final int MIN_ADDRESS_LENGTH = 6;

    static final int MIN_ACCOUNT_LENGTH = 6;

    /** Domains anyone can sign up at: sharing one says nothing about who is behind a company. */
    static final Set<String> PUBLIC_MAIL_DOMAINS = Set.of(
            "gmail.com",
            "googlemail.com",
            "qq.com",
            "vip.qq.com",
            "foxmail.com",
            "163.com",
            "vip.163.com",
            "126.com",
            "vip.126.com",
            "188.com",
            "yeah.net",
            "sina.com",
            "sina.cn",
            "vip.sina.com",
            "sohu.com",
            "aliyun.com",
            "139.com",
            "189.cn",
            "wo.cn",
            "21cn.com",
            "tom.com",
            "outlook.com",
            "outlook.cn",
            "hotmail.com",
            "hotmail.co.uk",
            "live.com",
            "live.cn",
            "msn.com",
            "yahoo.com",
            "yahoo.com.cn",
            "yahoo.cn",
            "ymail.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "aol.com",
            "protonmail.com",
            "proton.me",
            "gmx.com",
            "gmx.de",
            "mail.com",
            "yandex.com",
            "yandex.ru",
            "zoho.com");

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    // Separators inside names written in Chinese script: spaces and the middle dots of transliterations.
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[\\s\\u00B7\\u2022\\u30FB\\u2027]+");
    private static final Pattern NOT_ADDRESS_TEXT = Pattern.compile("[\\s\\p{P}\\p{S}]+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Z0-9]+");
    private static final Pattern ID_SEPARATORS = Pattern.compile("[\\s\\-]+");

    private NormalisedKeys() {}

    /** Every key of the customer, without duplicates, in a stable order. */
    static Set<NormalisedKey> of(NormalisedParty party) {
        Set<NormalisedKey> keys = new LinkedHashSet<>();
        for (NormalisedParty.Person person : party.people()) {
            person(person.name(), person.idNo()).ifPresent(v -> keys.add(new NormalisedKey(LinkAttribute.PERSON, v)));
        }
        for (String phone : party.phones()) {
            phone(phone).ifPresent(v -> keys.add(new NormalisedKey(LinkAttribute.PHONE, v)));
        }
        address(party.address()).ifPresent(v -> keys.add(new NormalisedKey(LinkAttribute.ADDRESS, v)));
        for (String account : party.bankAccounts()) {
            bankAccount(account).ifPresent(v -> keys.add(new NormalisedKey(LinkAttribute.BANK_ACCOUNT, v)));
        }
        emailDomain(party.email()).ifPresent(v -> keys.add(new NormalisedKey(LinkAttribute.EMAIL_DOMAIN, v)));
        return keys;
    }

    /** A person by ID number when known (upper case, no spaces), else by normalised name. */
    static Optional<String> person(@Nullable String name, @Nullable String idNo) {
        if (idNo != null) {
            String id = ID_SEPARATORS.matcher(nfkc(idNo)).replaceAll("").toUpperCase(Locale.ROOT);
            if (!id.isEmpty()) return Optional.of(id);
        }
        return name(name);
    }

    /**
     * Case-folded, spaces collapsed; a name in Chinese script loses its spaces and middle dots
     * altogether ({@code 张 伟} is {@code 张伟}), since Chinese names are written without them.
     */
    static Optional<String> name(@Nullable String name) {
        if (name == null) return Optional.empty();
        String folded = SPACES.matcher(nfkc(name).strip()).replaceAll(" ");
        folded = folded.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        if (HAN.matcher(folded).find()) folded = NAME_SEPARATORS.matcher(folded).replaceAll("");
        return folded.isEmpty() ? Optional.empty() : Optional.of(folded);
    }

    /**
     * E.164 ({@code +8613800138000}) through libphonenumber, numbers without a country code taken as
     * Chinese; what libphonenumber cannot read as a possible number keeps its digits only.
     */
    static Optional<String> phone(@Nullable String phone) {
        if (phone == null) return Optional.empty();
        String text = nfkc(phone).strip();
        if (text.isEmpty()) return Optional.empty();
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(text, DEFAULT_REGION);
            if (PHONES.isPossibleNumber(number)) {
                return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
            }
        } catch (NumberParseException e) {
            // Not a phone number libphonenumber understands: fall back to its digits.
        }
        String digits = text.replaceAll("[^0-9]", "");
        return digits.length() >= 6 ? Optional.of(digits) : Optional.empty();
    }

    /** Case, spacing, punctuation and full-width characters do not count: only letters and digits. */
    static Optional<String> address(@Nullable String address) {
        if (address == null) return Optional.empty();
        String folded =
                NOT_ADDRESS_TEXT.matcher(nfkc(address).toLowerCase(Locale.ROOT)).replaceAll("");
        return folded.length() >= MIN_ADDRESS_LENGTH ? Optional.of(folded) : Optional.empty();
    }

    /** Digits and letters only: banks print account numbers in groups. */
    static Optional<String> bankAccount(@Nullable String account) {
        if (account == null) return Optional.empty();
        String folded =
                NOT_ALPHANUMERIC.matcher(nfkc(account).toUpperCase(Locale.ROOT)).replaceAll("");
        return folded.length() >= MIN_ACCOUNT_LENGTH ? Optional.of(folded) : Optional.empty();
    }

    /** The company's own mail domain; public mail providers say nothing and give no key. */
    static Optional<String> emailDomain(@Nullable String email) {
        if (email == null) return Optional.empty();
        String text = nfkc(email).strip().toLowerCase(Locale.ROOT);
        int at = text.lastIndexOf('@');
        if (at < 0) return Optional.empty();
        String domain = text.substring(at + 1).strip();
        while (domain.endsWith(".")) domain = domain.substring(0, domain.length() - 1);
        if (!domain.contains(".") || PUBLIC_MAIL_DOMAINS.contains(domain)) return Optional.empty();
        return Optional.of(domain);
    }

    private static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
}
