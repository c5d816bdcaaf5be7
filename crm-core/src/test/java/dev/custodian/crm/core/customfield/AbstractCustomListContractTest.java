package dev.custodian.crm.core.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.paging.ValueType;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyFixtures;
import dev.custodian.crm.core.company.CompanyListing;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactFixtures;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.customfield.service.CustomListQueries;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import dev.custodian.crm.core.testing.KeysetWalkCheck;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of lists by custom fields ({@code custom.<key>}), one mechanism for every record type:
 * each sortable type walks both ways with empty values last, each row once; each type's filters
 * match as the fake decides; a workspace's filters never reach another's rows. Run by the fakes
 * and by the jOOQ adapter (also as a BYPASSRLS role), so the queries filter by themselves.
 */
public abstract class AbstractCustomListContractTest extends AbstractPortContractTest {

  /** Every type, and the key its field has here: {@code t_<api name>}. */
  private static final List<CustomFieldType> TYPES = List.of(CustomFieldType.values());

  protected CompanyRepository companies;
  protected ContactRepository contacts;
  protected CustomFieldRepository fields;
  protected CustomValueRepository values;
  private CustomListQueries lists;

  protected abstract CompanyRepository companies();

  protected abstract ContactRepository contacts();

  protected abstract CustomFieldRepository fields();

  /** The values, read by the contact and company lists above (a fake is told so here). */
  protected abstract CustomValueRepository values();

  /**
   * Called after many rows were stored at once: a database adapter may refresh its planner's
   * statistics here, as its maintenance (autovacuum) would have by the time such a list is read.
   */
  protected void manyRowsStored() {}

  /**
   * How many contacts the sort walks start from: the acceptance's 5,000 by default; a run whose
   * point is another (the second wall without row-level security) may walk fewer.
   */
  protected int walkedRows() {
    return 5_000;
  }

  @Override
  protected void portsReady() {
    companies = companies();
    contacts = contacts();
    fields = fields();
    values = values();
    lists = new CustomListQueries(fields);
  }

  private static String key(CustomFieldType type) {
    return "t_" + type.apiName();
  }

  private static String param(CustomFieldType type) {
    return "custom." + key(type);
  }

  /** One field of each type for {@code objectType}; selects with the options gold, silver, bronze (in that order). */
  private Map<CustomFieldType, CustomField> fieldsOf(WorkspaceId workspace, ObjectType objectType) {
    Map<CustomFieldType, CustomField> made = new EnumMap<>(CustomFieldType.class);
    for (CustomFieldType type : TYPES) {
      CustomField field = CustomField.create(workspace, CustomFieldId.of(UUID.randomUUID()), objectType,
          new FieldKey(key(type)), type, new FieldLabel(type.apiName()), false, type.hasOptions()
              ? List.of(CustomFieldFixtures.option("gold", "Gold"), CustomFieldFixtures.option("silver", "Silver"),
                  CustomFieldFixtures.option("bronze", "Bronze"))
              : List.of(), CustomFieldFixtures.CREATED);
      run(workspace, () -> fields.insert(field));
      made.put(type, field);
    }
    return made;
  }

  private static FieldOptionId option(CustomField field, String key) {
    return field.options().stream().filter(o -> o.key().value().equals(key)).findFirst().orElseThrow().id();
  }

  private void write(WorkspaceId workspace, RecordRef record, Map<CustomField, Object> raw) {
    Map<CustomField, Optional<CustomValue>> changes = new LinkedHashMap<>();
    raw.forEach((field, value) -> changes.put(field, Optional.of(new CustomValue(field.type(), value))));
    values.write(workspace, record, changes);
  }

  private Contact contact(WorkspaceId workspace, Map<CustomField, Object> raw) {
    Contact contact = ContactFixtures.aContact(workspace);
    run(workspace, () -> {
      contacts.insert(contact);
      write(workspace, new RecordRef(ObjectType.CONTACT, contact.id().value()), raw);
    });
    return contact;
  }

  /** The contacts of {@code workspace} that a list with these parameters returns (every page). */
  private List<UUID> contactIds(WorkspaceId workspace, String... nameValuePairs) {
    ListQuery first = resolved(workspace, ObjectType.CONTACT, ContactListing.OFFER, nameValuePairs);
    return KeysetWalkCheck.walk(query -> in(workspace, () -> contacts.list(workspace, query)), first).stream()
        .map(c -> c.id().value()).toList();
  }

  private ListQuery resolved(WorkspaceId workspace, ObjectType type, ListOffer offer, String... nameValuePairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      parameters.computeIfAbsent(nameValuePairs[i], k -> new ArrayList<>()).add(nameValuePairs[i + 1]);
    }
    ListQuery query = ListQuery.of(offer, parameters);
    return in(workspace, () -> lists.resolve(workspace, type, query));
  }

  @Test
  void eachTypeFiltersAsItsBuiltInKindDoes() {
    Map<CustomFieldType, CustomField> f = fieldsOf(a, ObjectType.CONTACT);
    Map<CustomField, Object> first = new HashMap<>();
    first.put(f.get(CustomFieldType.TEXT), "Golden Gate");
    first.put(f.get(CustomFieldType.NUMBER), 5L);
    first.put(f.get(CustomFieldType.DECIMAL), new BigDecimal("1.25"));
    first.put(f.get(CustomFieldType.DATE), LocalDate.of(2026, 1, 31));
    first.put(f.get(CustomFieldType.BOOLEAN), true);
    first.put(f.get(CustomFieldType.SINGLE_SELECT), option(f.get(CustomFieldType.SINGLE_SELECT), "gold"));
    first.put(f.get(CustomFieldType.MULTI_SELECT), List.of(option(f.get(CustomFieldType.MULTI_SELECT), "gold"),
        option(f.get(CustomFieldType.MULTI_SELECT), "silver")));
    first.put(f.get(CustomFieldType.EMAIL), new EmailAddress("Ada@Example.org"));
    first.put(f.get(CustomFieldType.PHONE), new PhoneNumber("+4930123456"));
    first.put(f.get(CustomFieldType.URL), URI.create("https://example.org/A"));
    first.put(f.get(CustomFieldType.CURRENCY), new Money(new BigDecimal("100.00"), Currency.getInstance("EUR")));
    Map<CustomField, Object> second = new HashMap<>();
    second.put(f.get(CustomFieldType.TEXT), "silver");
    second.put(f.get(CustomFieldType.NUMBER), 20L);
    second.put(f.get(CustomFieldType.DECIMAL), new BigDecimal("-3.0000000001"));
    second.put(f.get(CustomFieldType.DATE), LocalDate.of(2027, 6, 1));
    second.put(f.get(CustomFieldType.BOOLEAN), false);
    second.put(f.get(CustomFieldType.SINGLE_SELECT), option(f.get(CustomFieldType.SINGLE_SELECT), "bronze"));
    second.put(f.get(CustomFieldType.MULTI_SELECT), List.of(option(f.get(CustomFieldType.MULTI_SELECT), "silver")));
    second.put(f.get(CustomFieldType.EMAIL), new EmailAddress("grace@example.org"));
    second.put(f.get(CustomFieldType.PHONE), new PhoneNumber("+4930999999"));
    second.put(f.get(CustomFieldType.URL), URI.create("https://example.org/b"));
    second.put(f.get(CustomFieldType.CURRENCY), new Money(new BigDecimal("2500"), Currency.getInstance("JPY")));
    UUID one = contact(a, first).id().value();
    UUID two = contact(a, second).id().value();
    UUID none = contact(a, Map.of()).id().value();

    assertThat(contactIds(a, param(CustomFieldType.TEXT), "GOLDEN GATE")).containsExactly(one);
    assertThat(contactIds(a, param(CustomFieldType.TEXT), "golden gate", param(CustomFieldType.TEXT), "Silver"))
        .containsExactlyInAnyOrder(one, two);
    assertThat(contactIds(a, param(CustomFieldType.TEXT) + ".empty", "true")).containsExactly(none);
    assertThat(contactIds(a, param(CustomFieldType.TEXT) + ".empty", "false")).containsExactlyInAnyOrder(one, two);
    assertThat(contactIds(a, param(CustomFieldType.NUMBER) + ".gte", "10")).containsExactly(two);
    assertThat(contactIds(a, param(CustomFieldType.NUMBER) + ".lte", "5")).containsExactly(one);
    assertThat(contactIds(a, param(CustomFieldType.NUMBER) + ".empty", "true")).containsExactly(none);
    assertThat(contactIds(a, param(CustomFieldType.DECIMAL) + ".gte", "1.25")).containsExactly(one);
    assertThat(contactIds(a, param(CustomFieldType.DECIMAL) + ".lte", "-3.0000000001")).containsExactly(two);
    assertThat(contactIds(a, param(CustomFieldType.DATE) + ".gte", "2026-02-01", param(CustomFieldType.DATE) + ".lte",
        "2027-06-01")).containsExactly(two);
    assertThat(contactIds(a, param(CustomFieldType.BOOLEAN), "true")).containsExactly(one);
    assertThat(contactIds(a, param(CustomFieldType.BOOLEAN), "false")).containsExactly(two);
    assertThat(contactIds(a, param(CustomFieldType.BOOLEAN) + ".empty", "true")).containsExactly(none);
    assertThat(contactIds(a, param(CustomFieldType.SINGLE_SELECT), "gold")).containsExactly(one);
    assertThat(contactIds(a, param(CustomFieldType.SINGLE_SELECT), "silver")).isEmpty();
    assertThat(contactIds(a, param(CustomFieldType.MULTI_SELECT), "silver")).containsExactlyInAnyOrder(one, two);
    assertThat(contactIds(a, param(CustomFieldType.MULTI_SELECT), "gold")).containsExactly(one);
    assertThat(contactIds(a, param(CustomFieldType.MULTI_SELECT), "bronze", param(CustomFieldType.MULTI_SELECT), "gold"))
        .containsExactly(one);
    assertThat(contactIds(a, param(CustomFieldType.MULTI_SELECT) + ".empty", "true")).containsExactly(none);
    assertThat(contactIds(a, param(CustomFieldType.EMAIL), "ADA@example.ORG")).containsExactly(one);
    assertThat(contactIds(a, param(CustomFieldType.PHONE), "+4930999999")).containsExactly(two);
    assertThat(contactIds(a, param(CustomFieldType.URL), "https://example.org/a")).containsExactly(one);
    assertThat(contactIds(a, param(CustomFieldType.CURRENCY) + ".currency", "EUR")).containsExactly(one);
    assertThat(contactIds(a, param(CustomFieldType.CURRENCY) + ".currency", "JPY", param(CustomFieldType.CURRENCY) + ".gte",
        "2500")).containsExactly(two);
    assertThat(contactIds(a, param(CustomFieldType.CURRENCY) + ".currency", "JPY", param(CustomFieldType.CURRENCY) + ".gte",
        "2501")).isEmpty();
    assertThat(contactIds(a, param(CustomFieldType.CURRENCY) + ".currency.empty", "true")).containsExactly(none);
    // with the built-in filters and one another: all must hold
    assertThat(contactIds(a, param(CustomFieldType.BOOLEAN), "true", param(CustomFieldType.NUMBER) + ".gte", "6")).isEmpty();
    assertThat(contactIds(a, "lastName.empty", "false", param(CustomFieldType.MULTI_SELECT), "silver",
        param(CustomFieldType.NUMBER) + ".gte", "6")).containsExactly(two);
  }

  @Test
  void badCustomParameters_areNamedAllAtOnce() {
    fieldsOf(a, ObjectType.CONTACT);
    assertThatThrownBy(() -> resolved(a, ObjectType.CONTACT, ContactListing.OFFER,
        "custom.nope", "1", param(CustomFieldType.NUMBER) + ".gte", "many", param(CustomFieldType.BOOLEAN) + ".gte", "true",
        param(CustomFieldType.SINGLE_SELECT), "platinum", param(CustomFieldType.CURRENCY) + ".gte", "1",
        "sort", param(CustomFieldType.MULTI_SELECT)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().stream().map(FieldError::name))
            .containsExactlyInAnyOrder("custom.nope", param(CustomFieldType.NUMBER) + ".gte",
                param(CustomFieldType.BOOLEAN) + ".gte", param(CustomFieldType.SINGLE_SELECT),
                param(CustomFieldType.CURRENCY) + ".gte", "sort"));
    // a malformed name is refused before any definition is read
    assertThatThrownBy(() -> ListQuery.of(ContactListing.OFFER, Map.of("custom.Bad", List.of("1"))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  @DisplayName("TEN-01: workspace B's custom filters and sorts never show workspace A's rows, though A has the same keys and values")
  void customFiltersAreScopedToTheWorkspace() {
    Map<CustomFieldType, CustomField> inA = fieldsOf(a, ObjectType.CONTACT);
    Map<CustomFieldType, CustomField> inB = fieldsOf(b, ObjectType.CONTACT);
    UUID ofA = contact(a, Map.of(inA.get(CustomFieldType.TEXT), "shared", inA.get(CustomFieldType.NUMBER), 7L)).id().value();
    UUID ofB = contact(b, Map.of(inB.get(CustomFieldType.TEXT), "shared", inB.get(CustomFieldType.NUMBER), 7L)).id().value();

    assertThat(contactIds(b, param(CustomFieldType.TEXT), "shared")).containsExactly(ofB);
    assertThat(contactIds(b, param(CustomFieldType.NUMBER) + ".gte", "0")).containsExactly(ofB);
    assertThat(contactIds(b, param(CustomFieldType.NUMBER) + ".empty", "false", "sort", "-" + param(CustomFieldType.NUMBER)))
        .containsExactly(ofB);
    assertThat(contactIds(b, "sort", param(CustomFieldType.TEXT))).containsExactly(ofB);
    assertThat(contactIds(a, param(CustomFieldType.TEXT), "shared")).containsExactly(ofA);
    // A's definitions resolved for B's list find nothing of B, nor of A
    ListQuery aQuery = resolved(a, ObjectType.CONTACT, ContactListing.OFFER, param(CustomFieldType.TEXT), "shared");
    assertThat(in(b, () -> contacts.list(b, aQuery)).items()).isEmpty();
  }

  @Test
  void companiesFilterAndSortByTheirOwnCustomFields_throughTheSameMechanism() {
    Map<CustomFieldType, CustomField> f = fieldsOf(a, ObjectType.COMPANY);
    fieldsOf(a, ObjectType.CONTACT); // the same keys for contacts: not the companies'
    List<UUID> ids = new ArrayList<>();
    for (long n : new long[] {3, 1, 2}) {
      Company company = CompanyFixtures.aCompany(a);
      run(a, () -> {
        companies.insert(company);
        write(a, new RecordRef(ObjectType.COMPANY, company.id().value()), Map.of(f.get(CustomFieldType.NUMBER), n));
      });
      ids.add(company.id().value());
    }
    Company without = CompanyFixtures.aCompany(a);
    run(a, () -> companies.insert(without));

    ListQuery sorted = resolved(a, ObjectType.COMPANY, CompanyListing.OFFER, "sort", "-" + param(CustomFieldType.NUMBER));
    List<UUID> walked = KeysetWalkCheck.walk(q -> in(a, () -> companies.list(a, q)),
        new ListQuery(sorted.offer(), sorted.filters(), sorted.sort(),
            PageRequest.first(1))).stream().map(c -> c.id().value()).toList();
    assertThat(walked).containsExactly(ids.get(0), ids.get(2), ids.get(1), without.id().value());
    ListQuery filtered = resolved(a, ObjectType.COMPANY, CompanyListing.OFFER, param(CustomFieldType.NUMBER) + ".lte", "2");
    Page<Company> page = in(a, () -> companies.list(a, filtered));
    assertThat(page.items().stream().map(c -> c.id().value())).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
  }

  @Test
  void aWalkByCustomText_passesItsCursorOnTheLongestValues_andOnesWithLineFeedsAndTabs() {
    CustomField text = fieldsOf(a, ObjectType.CONTACT).get(CustomFieldType.TEXT);
    String longest = "\u00c4".repeat(CustomValues.MAX_TEXT - 1);
    UUID lines = contact(a, Map.of(text, "Line one\nline two")).id().value();
    UUID tabbed = contact(a, Map.of(text, "tab\tseparated")).id().value();
    UUID longA = contact(a, Map.of(text, longest + "a")).id().value();
    UUID longB = contact(a, Map.of(text, longest + "B")).id().value();
    UUID beyondTheBasicPlane = contact(a, Map.of(text, "\ud835\udd18nicode " + "\u00e9".repeat(900))).id().value();
    UUID none = contact(a, Map.of()).id().value();

    for (String sort : List.of(param(CustomFieldType.TEXT), "-" + param(CustomFieldType.TEXT))) {
      ListQuery first = resolved(a, ObjectType.CONTACT, ContactListing.OFFER, "sort", sort);
      List<UUID> walked = KeysetWalkCheck.walk(q -> in(a, () -> contacts.list(a, q)),
          new ListQuery(first.offer(), first.filters(), first.sort(), PageRequest.first(1)))
          .stream().map(c -> c.id().value()).toList();
      List<UUID> valued = new ArrayList<>(List.of(lines, tabbed, longA, longB, beyondTheBasicPlane));
      if (sort.startsWith("-")) {
        Collections.reverse(valued);
      }
      valued.add(none);
      assertThat(walked).as("sort=%s", sort).containsExactlyElementsOf(valued);
    }
  }

  @Test
  void walkingEachSortableCustomTypeBothWaysOverManyContacts_someWithoutAValue_returnsEachOnceInOrder_emptyLast()
      throws Exception {
    WorkspaceId workspace = a;
    Map<CustomFieldType, CustomField> f = fieldsOf(workspace, ObjectType.CONTACT);
    ListOffer offer = resolved(workspace, ObjectType.CONTACT, ContactListing.OFFER, "sort", param(CustomFieldType.TEXT))
        .offer();
    Map<String, Function<Random, Object>> makers = new LinkedHashMap<>();
    List<String> emails = List.of("Ada@example.org", "ada@example.org", "zoe@example.org", "emile@Example.org");
    makers.put(param(CustomFieldType.TEXT), sometimes(r -> KeysetWalkCheck.NAMES.get(r.nextInt(KeysetWalkCheck.NAMES.size()))));
    makers.put(param(CustomFieldType.NUMBER), sometimes(r -> (long) (r.nextInt(200) - 100) * 1_000_000_000_000L));
    makers.put(param(CustomFieldType.DECIMAL), sometimes(r -> BigDecimal.valueOf(r.nextInt(2000) - 1000, r.nextInt(11))));
    makers.put(param(CustomFieldType.DATE), sometimes(r -> LocalDate.of(2025, 1, 1).plusDays(r.nextInt(300))));
    makers.put(param(CustomFieldType.BOOLEAN), sometimes(Random::nextBoolean));
    makers.put(param(CustomFieldType.SINGLE_SELECT), sometimes(r -> (long) (r.nextInt(3) + 1)));
    makers.put(param(CustomFieldType.EMAIL), sometimes(r -> emails.get(r.nextInt(emails.size()))));
    makers.put(param(CustomFieldType.PHONE), sometimes(r -> "+49301234" + r.nextInt(50)));
    makers.put(param(CustomFieldType.URL), sometimes(r -> "https://example.org/" + (r.nextBoolean() ? "A" : "a") + r.nextInt(40)));
    // within one currency (the walk filters it): every row has an amount in EUR
    makers.put(param(CustomFieldType.CURRENCY), r -> BigDecimal.valueOf(r.nextInt(5000), 2));
    List<CustomFieldType> sortable = TYPES.stream().filter(t -> offer.sorts().containsKey(param(t))).toList();
    assertThat(sortable).doesNotContain(CustomFieldType.MULTI_SELECT).hasSize(TYPES.size() - 1);

    KeysetWalkCheck.walkSortsBothWaysWhileOthersAreInserted(offer, new KeysetWalkCheck.SortedStore<Contact>() {
      @Override
      public void insert(List<KeysetWalkCheck.Sample> samples) {
        run(workspace, () -> samples.forEach(s -> {
          contacts.insert(ContactFixtures.aContact(workspace, (Instant) s.value(ContactListing.CREATED_AT), s.id(),
              (String) s.value(ContactListing.LAST_NAME)));
          Map<CustomField, Object> raw = new HashMap<>();
          for (CustomFieldType type : sortable) {
            Object value = s.value(param(type));
            if (value != null) {
              raw.put(f.get(type), stored(f.get(type), value));
            }
          }
          write(workspace, new RecordRef(ObjectType.CONTACT, s.id()), raw);
        }));
        if (samples.size() > 1) {
          manyRowsStored();
        }
      }

      @Override
      public Page<Contact> list(ListQuery query) {
        return in(workspace, () -> contacts.list(workspace, query));
      }

      @Override
      public KeysetWalkCheck.Sample sampleOf(Contact contact) {
        Map<String, Object> sample = new HashMap<>();
        sample.put(ContactListing.CREATED_AT, contact.createdAt());
        sample.put(ContactListing.LAST_NAME, contact.lastName().value());
        for (CustomFieldType type : sortable) {
          CustomValue value = contact.custom().values().get(new FieldKey(key(type)));
          sample.put(param(type), value == null ? null : raw(f.get(type), value.value()));
        }
        return new KeysetWalkCheck.Sample(contact.id().value(), sample);
      }
    }, walkedRows(), field -> field.startsWith("custom."), makers, sort -> sort.field().equals(param(CustomFieldType.CURRENCY))
        ? List.of(Filter.anyOf(param(CustomFieldType.CURRENCY) + ".currency", ValueType.TEXT, List.of("EUR")))
        : List.of());
  }

  /** About one in six values empty. */
  private static Function<Random, Object> sometimes(Function<Random, Object> maker) {
    return r -> r.nextInt(6) == 0 ? null : maker.apply(r);
  }

  /** A walk sample's raw value as the field stores it. */
  private static Object stored(CustomField field, Object raw) {
    return switch (field.type()) {
      case EMAIL -> new EmailAddress((String) raw);
      case PHONE -> new PhoneNumber((String) raw);
      case URL -> URI.create((String) raw);
      case SINGLE_SELECT -> field.options().get((int) (long) (Long) raw - 1).id();
      case CURRENCY -> new Money((BigDecimal) raw, Currency.getInstance("EUR"));
      default -> raw;
    };
  }

  /** A stored value as the walk's sample holds it (as {@link #stored} was given it). */
  private static Object raw(CustomField field, Object value) {
    return switch (field.type()) {
      case EMAIL -> ((EmailAddress) value).value();
      case PHONE -> ((PhoneNumber) value).value();
      case URL -> value.toString();
      case SINGLE_SELECT -> (long) (field.options().stream().map(FieldOption::id).toList().indexOf(value) + 1);
      case CURRENCY -> ((Money) value).amount();
      default -> value;
    };
  }
}
