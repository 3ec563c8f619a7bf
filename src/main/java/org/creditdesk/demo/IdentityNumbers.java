package org.creditdesk.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Identifiers with the structure and check characters of the real ones, so validators and link
 * detection see plausible data: resident ID numbers (GB 11643), unified social credit codes
 * (GB 32100), mobile and landline numbers, corporate bank accounts.
 */
final class IdentityNumbers {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private static final List<String> MOBILE_PREFIXES = List.of(
            "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "158",
            "159", "177", "180", "181", "185", "186", "187", "188", "189", "199");

    private static final List<String> BANKS = List.of("ICBC", "CCB", "ABC", "BOC", "BOCOM", "CMB", "SPDB", "CIB");

    private IdentityNumbers() {}

    /** An 18-character resident identity number for someone born on {@code birthDate} in the region. */
    static String residentId(RandomGenerator random, String regionCode, LocalDate birthDate) {
        StringBuilder id = new StringBuilder(18).append(regionCode).append(birthDate.getYear());
        pad(id, birthDate.getMonthValue(), 2);
        pad(id, birthDate.getDayOfMonth(), 2);
        pad(id, random.nextInt(1000), 3);
        id.append(residentIdCheck(id));
        return id.toString();
    }

    static char residentIdCheck(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /** A unified social credit code of an enterprise registered in the region. */
    static String creditCode(RandomGenerator random, String regionCode) {
        StringBuilder code = new StringBuilder(18).append("91").append(regionCode);
        int orgSum = 0;
        for (int i = 0; i < 8; i++) {
            int digit = random.nextInt(10);
            code.append((char) ('0' + digit));
            orgSum += digit * ORG_WEIGHTS[i];
        }
        int orgCheck = 11 - orgSum % 11;
        code.append(orgCheck == 10 ? 'X' : orgCheck == 11 ? '0' : (char) ('0' + orgCheck));
        code.append(creditCodeCheck(code));
        return code.toString();
    }

    static char creditCodeCheck(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    static String mobile(RandomGenerator random) {
        StringBuilder phone = new StringBuilder("+86 ").append(NameBook.pick(random, MOBILE_PREFIXES));
        phone.append(' ');
        pad(phone, random.nextInt(10_000), 4);
        phone.append(' ');
        pad(phone, random.nextInt(10_000), 4);
        return phone.toString();
    }

    static String landline(RandomGenerator random, Geography.City city) {
        StringBuilder phone = new StringBuilder("+86 ").append(city.phoneCode()).append(' ');
        phone.append(2 + random.nextInt(7));
        pad(phone, random.nextInt(1000), 3);
        phone.append(' ');
        pad(phone, random.nextInt(10_000), 4);
        return phone.toString();
    }

    /** A corporate account, unique per customer unless two share one on purpose. */
    static String bankAccount(RandomGenerator random, int customerIndex) {
        StringBuilder account = new StringBuilder(NameBook.pick(random, BANKS)).append(' ');
        pad(account, 1000 + random.nextInt(9000), 4);
        // A bijection of the customer index onto eight digits: unique, yet not visibly sequential.
        pad(account, (customerIndex * 48_271L + 13_579_246L) % 100_000_000L, 8);
        pad(account, random.nextInt(10_000_000), 7);
        return account.toString();
    }

    static void pad(StringBuilder target, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            target.append('0');
        }
        target.append(digits);
    }
}
