package dev.custodian.crm.core.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyFixtures;
import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactFixtures;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.AbstractPortContractTest;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link CustomValueRepository}: every type's value round-trips, a write sets and
 * clears only the fields it names, a value goes with its option or field, reads are scoped to the
 * workspace, and erasure deletes a contact's values and the structured copies of its email and
 * phone. Run by the fake and by the jOOQ adapter (also as a BYPASSRLS role).
 */
public abstract class AbstractCustomValueRepositoryContractTest extends AbstractPortContractTest {

  protected CustomValueRepository values;
  protected CustomFieldRepository fields;
  protected ContactRepository contacts;
  protected CompanyRepository companies;

  protected abstract CompanyRepository companies();

  protected abstract ContactRepository contacts();

  protected abstract CustomFieldRepository fields();

  /** The repository under test, sharing the fixture's transactions. */
  protected abstract CustomValueRepository values();

  @Override
  protected void portsReady() {
    companies = companies();
    contacts = contacts();
    fields = fields();
    values = values();
  }

  private CustomField field(WorkspaceId workspace, ObjectType objectType, CustomFieldType type, boolean sensitive) {
    CustomField field = CustomField.create(workspace, CustomFieldId.of(UUID.randomUUID()), objectType,
        new FieldKey("f_" + type.apiName()), type, new FieldLabel(type.apiName()), sensitive,
        type.hasOptions() ? List.of(CustomFieldFixtures.option("gold", "Gold"), CustomFieldFixtures.option("silver", "Silver"))
            : List.of(), CustomFieldFixtures.CREATED);
    run(workspace, () -> fields.insert(field));
    return field;
  }

  private Contact contact(WorkspaceId workspace) {
    Contact contact = ContactFixtures.aContact(workspace);
    run(workspace, () -> contacts.insert(contact));
    return contact;
  }

  private static RecordRef ref(Contact contact) {
    return new RecordRef(ObjectType.CONTACT, contact.id().value());
  }

  private void write(WorkspaceId workspace, RecordRef record, CustomField field, Object raw) {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put(field.key().value(), raw);
    Validator v = new Validator();
    Map<CustomField, Optional<CustomValue>> read = CustomValues.read(v, List.of(field), given);
    v.throwIfInvalid();
    run(workspace, () -> values.write(workspace, record, read));
  }

  private CustomValues read(WorkspaceId workspace, RecordRef record) {
    return in(workspace, () -> values.read(workspace, record));
  }

  @Test
  void everyTypesValueRoundTrips_andNullClearsOnlyItsField() {
    Contact contact = contact(a);
    Map<CustomFieldType, Object> raw = new LinkedHashMap<>();
    raw.put(CustomFieldType.TEXT, "Line one\nline two");
    raw.put(CustomFieldType.NUMBER, Long.MIN_VALUE);
    raw.put(CustomFieldType.DECIMAL, "-1234567890.0123456789");
    raw.put(CustomFieldType.DATE, "2026-02-28");
    raw.put(CustomFieldType.BOOLEAN, true);
    raw.put(CustomFieldType.SINGLE_SELECT, "silver");
    raw.put(CustomFieldType.MULTI_SELECT, List.of("silver", "gold"));
    raw.put(CustomFieldType.EMAIL, "Ada@Example.org");
    raw.put(CustomFieldType.PHONE, "+442071234567");
    raw.put(CustomFieldType.URL, "https://example.org/x?y=z");
    raw.put(CustomFieldType.CURRENCY, Map.of("amount", "12.5", "currency", "EUR"));
    Map<CustomFieldType, CustomField> defs = new LinkedHashMap<>();
    raw.forEach((type, value) -> {
      defs.put(type, field(a, ObjectType.CONTACT, type, false));
      write(a, ref(contact), defs.get(type), value);
    });

    CustomValues read = read(a, ref(contact));
    assertThat(read.values()).hasSize(raw.size());
    assertThat(read.get(new FieldKey("f_text")).orElseThrow().value()).isEqualTo("Line one\nline two");
    assertThat(read.get(new FieldKey("f_number")).orElseThrow().value()).isEqualTo(Long.MIN_VALUE);
    assertThat(read.get(new FieldKey("f_decimal")).orElseThrow().value())
        .isEqualTo(new BigDecimal("-1234567890.0123456789"));
    assertThat(read.get(new FieldKey("f_date")).orElseThrow().value()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(read.get(new FieldKey("f_boolean")).orElseThrow().value()).isEqualTo(true);
    assertThat(read.get(new FieldKey("f_single_select")).orElseThrow().options())
        .containsExactly(defs.get(CustomFieldType.SINGLE_SELECT).options().get(1).id());
    assertThat(read.get(new FieldKey("f_multi_select")).orElseThrow().options())
        .containsExactlyInAnyOrderElementsOf(defs.get(CustomFieldType.MULTI_SELECT).options().stream().map(FieldOption::id).toList());
    assertThat(read.get(new FieldKey("f_email")).orElseThrow().value()).isEqualTo(new EmailAddress("Ada@Example.org"));
    assertThat(read.get(new FieldKey("f_phone")).orElseThrow().value()).isEqualTo(new PhoneNumber("+442071234567"));
    assertThat(read.get(new FieldKey("f_url")).orElseThrow().value()).isEqualTo(URI.create("https://example.org/x?y=z"));
    assertThat(read.get(new FieldKey("f_currency")).orElseThrow().value())
        .isEqualTo(new Money(new BigDecimal("12.50"), Currency.getInstance("EUR")));

    write(a, ref(contact), defs.get(CustomFieldType.TEXT), null);
    write(a, ref(contact), defs.get(CustomFieldType.MULTI_SELECT), List.of("gold"));
    CustomValues after = read(a, ref(contact));
    assertThat(after.values()).hasSize(raw.size() - 1).doesNotContainKey(new FieldKey("f_text"));
    assertThat(after.get(new FieldKey("f_multi_select")).orElseThrow().options())
        .containsExactly(defs.get(CustomFieldType.MULTI_SELECT).options().get(0).id());
  }

  @Test
  void aValueGoesWithItsOptionOrItsField() {
    Contact contact = contact(a);
    CustomField multi = field(a, ObjectType.CONTACT, CustomFieldType.MULTI_SELECT, false);
    CustomField text = field(a, ObjectType.CONTACT, CustomFieldType.TEXT, false);
    write(a, ref(contact), multi, List.of("gold", "silver"));
    write(a, ref(contact), text, "Kept");
    FieldOption silver = multi.options().get(1);
    CustomField onlySilver = multi.changed(multi.label(), false, List.of(silver), CustomFieldFixtures.CREATED);
    assertThat(in(a, () -> fields.update(onlySilver, 1))).isTrue();
    assertThat(read(a, ref(contact)).get(multi.key()).orElseThrow().options()).containsExactly(silver.id());
    assertThat(in(a, () -> fields.delete(a, multi.id(), 2))).isTrue();
    assertThat(read(a, ref(contact)).values()).containsOnlyKeys(text.key());
  }

  @Test
  void writingAFieldDeletedMeanwhile_isRefusedAsAnUnknownKey_andWritesNothing() {
    Contact contact = contact(a);
    CustomField text = field(a, ObjectType.CONTACT, CustomFieldType.TEXT, false);
    assertThat(in(a, () -> fields.delete(a, text.id(), 1))).isTrue();
    assertThatThrownBy(() -> write(a, ref(contact), text, "Orphan")).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.errors()).extracting(FieldError::name).containsExactly("custom/" + text.key().value()));
    assertThat(read(a, ref(contact)).values()).isEmpty();
  }

  @Test
  void aFieldDeletedWhileAValueOfItIsWritten_leavesNoOrphan_andTheWriteIsRefusedOrCascaded() throws Exception {
    Contact contact = contact(a);
    for (boolean deleteFirst : new boolean[] {true, false}) {
      CustomField text = field(a, ObjectType.CONTACT, CustomFieldType.TEXT, false);
      Map<String, Object> raw = new LinkedHashMap<>();
      raw.put(text.key().value(), "Racing");
      Validator v = new Validator();
      Map<CustomField, Optional<CustomValue>> value = CustomValues.read(v, List.of(text), raw);
      CountDownLatch firstDone = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Object> first = pool.submit(() -> tx.inWorkspace(a, () -> {
          if (deleteFirst) {
            assertThat(fields.delete(a, text.id(), 1)).isTrue();
          } else {
            values.write(a, ref(contact), value);
          }
          firstDone.countDown();
          sleep(300); // the other transaction runs into this one's row lock meanwhile
          return null;
        }));
        assertThat(firstDone.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Object> second = pool.submit(() -> tx.inWorkspace(a, () -> {
          if (deleteFirst) {
            values.write(a, ref(contact), value);
          } else {
            assertThat(fields.delete(a, text.id(), 1)).isTrue();
          }
          return null;
        }));
        first.get(20, TimeUnit.SECONDS);
        if (deleteFirst) {
          assertThatThrownBy(() -> second.get(20, TimeUnit.SECONDS)).cause().isInstanceOf(ValidationException.class);
        } else {
          second.get(20, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(read(a, ref(contact)).values()).as("deleted first: %s", deleteFirst).isEmpty();
      assertThat(in(a, () -> values.eraseContact(a, ref(contact), "nobody@example.org", Optional.empty())))
          .as("no value of the contact is left, not even an unread one").isZero();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  @DisplayName("TEN-01: another workspace's values are never read through it")
  void valuesAreScopedToTheWorkspace() {
    Contact contact = contact(a);
    CustomField text = field(a, ObjectType.CONTACT, CustomFieldType.TEXT, false);
    write(a, ref(contact), text, "Mine");
    assertThat(read(b, ref(contact)).values()).isEmpty();
    assertThat(in(b, () -> values.eraseContact(b, ref(contact), "nobody@example.org", Optional.empty()))).isZero();
    assertThat(read(a, ref(contact)).values()).hasSize(1);
  }

  @Test
  @DisplayName("DSR-04: erasing a contact deletes its values and the custom email and phone values holding its identifiers")
  void erasureDeletesTheContactsValuesAndCopiesOfItsIdentifiers() {
    Contact x = contact(a);
    Contact other = contact(a);
    Company company = CompanyFixtures.aCompany(a);
    run(a, () -> companies.insert(company));
    CustomField tier = field(a, ObjectType.CONTACT, CustomFieldType.SINGLE_SELECT, false);
    CustomField email = field(a, ObjectType.COMPANY, CustomFieldType.EMAIL, false);
    CustomField phone = field(a, ObjectType.CONTACT, CustomFieldType.PHONE, false);
    RecordRef companyRef = new RecordRef(ObjectType.COMPANY, company.id().value());
    write(a, ref(x), tier, "gold");
    write(a, companyRef, email, x.email().value().toUpperCase());
    write(a, ref(other), phone, x.phone().orElseThrow().value());
    write(a, ref(other), tier, "silver");
    // another workspace's copy of the same address stays
    Company elsewhere = CompanyFixtures.aCompany(b);
    run(b, () -> companies.insert(elsewhere));
    CustomField emailOfB = field(b, ObjectType.COMPANY, CustomFieldType.EMAIL, false);
    write(b, new RecordRef(ObjectType.COMPANY, elsewhere.id().value()), emailOfB, x.email().value());

    int erased = in(a, () -> values.eraseContact(a, ref(x), x.email().normalised(), x.phone().map(PhoneNumber::value)));
    assertThat(erased).isEqualTo(3);
    assertThat(read(a, ref(x)).values()).isEmpty();
    assertThat(read(a, companyRef).values()).isEmpty();
    assertThat(read(a, ref(other)).values()).containsOnlyKeys(tier.key());
    assertThat(read(b, new RecordRef(ObjectType.COMPANY, elsewhere.id().value())).values()).hasSize(1);
  }
}
