package org.creditdesk.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.creditdesk.demo.CustomerProfile.BusinessGroup;
import org.creditdesk.demo.CustomerProfile.Person;
import org.jspecify.annotations.Nullable;

/** Invents the master data of one customer from its own random stream. */
final class CustomerFactory {

    /** The bouncing customer's legal representative, who comes back with a new company. */
    record Founder(String customerCode, String areaCode, Person legalRepresentative, String mobile) {}

    /** A distributor has a few hundred key accounts however long its tail of small customers is. */
    private static final double KEY_ACCOUNTS = 600;

    private final LocalDate asOf;
    private final double keyAccountShare;
    private final int repsPerArea;

    CustomerFactory(PortfolioSpec spec) {
        this.asOf = spec.asOf();
        this.keyAccountShare = Math.min(1.0, KEY_ACCOUNTS / spec.customers());
        // About forty customers per sales rep, at least two reps per area.
        this.repsPerArea = Math.max(2, (int) Math.ceil(spec.customers() / (8 * 40.0)));
    }

    static String code(int index) {
        StringBuilder code = new StringBuilder(8).append('C');
        IdentityNumbers.pad(code, index + 1, 6);
        return code.toString();
    }

    CustomerProfile create(int index, RandomGenerator random, Behaviour behaviour, @Nullable Founder founder) {
        boolean chinese = random.nextBoolean();
        Geography.Area area = founder == null
                ? Geography.areaFor(random.nextDouble())
                : Geography.AREAS.stream()
                        .filter(a -> a.code().equals(founder.areaCode()))
                        .findFirst()
                        .orElseThrow();
        Geography.City city = NameBook.pick(random, area.cities());
        boolean ordinary = behaviour != Behaviour.BOUNCED_CHEQUES && behaviour != Behaviour.NEW_LINKED_COMPANY;
        BusinessGroup group = ordinary && random.nextDouble() < 0.15 ? BusinessGroup.VALUE_ADDED : BusinessGroup.VOLUME;
        boolean keyAccount = behaviour == Behaviour.BOUNCED_CHEQUES || random.nextDouble() < keyAccountShare;

        List<NameBook.Industry> industries = NameBook.INDUSTRIES.stream()
                .filter(i -> i.project() == (group == BusinessGroup.VALUE_ADDED))
                .toList();
        NameBook.Industry industry = NameBook.pick(random, industries);
        NameBook.Word first = NameBook.pick(random, NameBook.TRADE);
        NameBook.Word second;
        do {
            second = NameBook.pick(random, NameBook.TRADE);
        } while (second.zh().equals(first.zh()));
        String trade = first.pinyin() + second.pinyin().toLowerCase(Locale.ROOT);
        String name = chinese
                ? city.zh() + first.zh() + second.zh() + industry.zh() + (random.nextInt(5) == 0 ? "股份有限公司" : "有限公司")
                : city.en() + " " + trade + " " + industry.en() + " Co., Ltd.";

        LocalDate establishedOn = founder == null
                ? asOf.minusDays(730 + random.nextInt(23 * 365))
                : asOf.minusDays(30 + random.nextInt(70));

        Person legalRep;
        String legalRepMobile;
        if (founder == null) {
            legalRep = person(random, "LEGAL_REPRESENTATIVE", chinese, city);
            legalRepMobile = IdentityNumbers.mobile(random);
        } else {
            legalRep = founder.legalRepresentative();
            legalRepMobile = founder.mobile();
        }
        List<Person> people = new ArrayList<>(6);
        people.add(legalRep);
        if (random.nextBoolean()) people.add(person(random, "GENERAL_MANAGER", chinese, city));
        int directors = random.nextInt(3);
        for (int i = 0; i < directors; i++) people.add(person(random, "DIRECTOR", chinese, city));
        if (random.nextDouble() < 0.6) people.add(new Person("SHAREHOLDER", legalRep.name(), legalRep.idNo()));
        int shareholders = random.nextInt(3);
        for (int i = 0; i < shareholders; i++) people.add(person(random, "SHAREHOLDER", chinese, city));

        List<String> phones = new ArrayList<>(3);
        phones.add(IdentityNumbers.landline(random, city));
        phones.add(legalRepMobile);
        if (random.nextDouble() < 0.3) phones.add(IdentityNumbers.mobile(random));

        List<String> accounts = new ArrayList<>(2);
        accounts.add(IdentityNumbers.bankAccount(random, index));
        if (random.nextDouble() < 0.35) accounts.add(IdentityNumbers.bankAccount(random, index));

        String domain = trade.toLowerCase(Locale.ROOT) + "-" + Integer.toString(index + 1, 36)
                + (random.nextBoolean() ? ".com.cn" : ".cn");
        String mailbox = NameBook.pick(random, List.of("finance", "caiwu", "sales", "info", "purchase"));

        return new CustomerProfile(
                index,
                code(index),
                name,
                IdentityNumbers.creditCode(random, city.regionCode()),
                establishedOn,
                area.code(),
                group,
                salesRep(area.code(), random),
                paymentTerms(random, group),
                address(random, city, chinese),
                List.copyOf(phones),
                mailbox + "@" + domain,
                List.copyOf(accounts),
                List.copyOf(people),
                behaviour,
                keyAccount,
                paymentMethod(random, group, behaviour),
                productLines(random),
                founder == null ? null : founder.customerCode());
    }

    static Founder founderOf(CustomerProfile bouncing) {
        return new Founder(
                bouncing.code(),
                bouncing.area(),
                bouncing.legalRepresentative(),
                bouncing.phones().get(1));
    }

    private String salesRep(String area, RandomGenerator random) {
        StringBuilder rep = new StringBuilder(area).append("-R");
        IdentityNumbers.pad(rep, 1 + random.nextInt(repsPerArea), 3);
        return rep.toString();
    }

    private static int paymentTerms(RandomGenerator random, BusinessGroup group) {
        double u = random.nextDouble();
        return switch (group) {
            case VOLUME -> u < 0.4 ? 30 : u < 0.7 ? 45 : 60;
            case VALUE_ADDED -> u < 0.3 ? 30 : u < 0.8 ? 60 : 90;
        };
    }

    private static String paymentMethod(RandomGenerator random, BusinessGroup group, Behaviour behaviour) {
        if (behaviour == Behaviour.BOUNCED_CHEQUES) return "CHEQUE";
        double u = random.nextDouble();
        return switch (group) {
            case VOLUME -> u < 0.80 ? "BANK_TRANSFER" : u < 0.92 ? "BANK_ACCEPTANCE" : u < 0.98 ? "CHEQUE" : "CASH";
            case VALUE_ADDED -> u < 0.7 ? "BANK_TRANSFER" : "BANK_ACCEPTANCE";
        };
    }

    private static List<String> productLines(RandomGenerator random) {
        List<String> lines = new ArrayList<>(3);
        int count = 1 + random.nextInt(3);
        while (lines.size() < count) {
            String line = NameBook.pick(random, ProductCatalog.LINES).code();
            if (!lines.contains(line)) lines.add(line);
        }
        return List.copyOf(lines);
    }

    private Person person(RandomGenerator random, String role, boolean chinese, Geography.City city) {
        LocalDate born = LocalDate.of(1958, 1, 1).plusDays(random.nextInt(35 * 365));
        return new Person(
                role,
                NameBook.personName(random, chinese),
                IdentityNumbers.residentId(random, city.regionCode(), born));
    }

    private static String address(RandomGenerator random, Geography.City city, boolean chinese) {
        Geography.District district = NameBook.pick(random, Geography.DISTRICTS);
        Geography.Street street = NameBook.pick(random, Geography.STREETS);
        int number = 1 + random.nextInt(999);
        return chinese
                ? city.zh() + "市" + district.zh() + street.zh() + number + "号"
                : "No. " + number + " " + street.en() + ", " + district.en() + ", " + city.en() + " " + city.postcode();
    }
}
