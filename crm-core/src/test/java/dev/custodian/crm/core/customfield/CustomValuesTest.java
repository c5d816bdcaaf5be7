package dev.custodian.crm.core.customfield;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.Money;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Custom values against their definitions: each type's valid and bad values, and the projection without sensitive ones. */
class CustomValuesTest {

  private static final WorkspaceId W = WorkspaceId.of(UUID.randomUUID());
  private static final FieldOption GOLD = CustomFieldFixtures.option("gold", "Gold");
  private static final FieldOption SILVER = CustomFieldFixtures.option("silver", "Silver");
  private static final Map<CustomFieldType, CustomField> FIELDS = new LinkedHashMap<>();

  static {
    for (CustomFieldType type : CustomFieldType.values()) {
      FIELDS.put(type, CustomField.create(W, CustomFieldId.of(UUID.randomUUID()), ObjectType.CONTACT,
          new FieldKey("f_" + type.apiName()), type, new FieldLabel(type.apiName()), type == CustomFieldType.TEXT,
          type.hasOptions() ? List.of(GOLD, SILVER) : List.of(), CustomFieldFixtures.CREATED));
    }
  }

  private static List<CustomField> definitions() {
    return new ArrayList<>(FIELDS.values());
  }

  private static String key(CustomFieldType type) {
    return "f_" + type.apiName();
  }

  @Test
  void everyTypeTakesAValidValue() {
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put(key(CustomFieldType.TEXT), "Line one\nline two");
    raw.put(key(CustomFieldType.NUMBER), Long.MAX_VALUE);
    raw.put(key(CustomFieldType.DECIMAL), "-12.50");
    raw.put(key(CustomFieldType.DATE), "2026-02-28");
    raw.put(key(CustomFieldType.BOOLEAN), false);
    raw.put(key(CustomFieldType.SINGLE_SELECT), "gold");
    raw.put(key(CustomFieldType.MULTI_SELECT), List.of("silver", "gold"));
    raw.put(key(CustomFieldType.EMAIL), "Ada@Example.org");
    raw.put(key(CustomFieldType.PHONE), "+442071234567");
    raw.put(key(CustomFieldType.URL), "https://example.org/a?b=c");
    raw.put(key(CustomFieldType.CURRENCY), Map.of("amount", "12.50", "currency", "EUR"));
    Validator v = new Validator();
    Map<CustomField, Optional<CustomValue>> read = CustomValues.read(v, definitions(), raw);
    assertThat(v.hasErrors()).isFalse();
    Map<CustomFieldType, Object> values = new HashMap<>();
    read.forEach((field, value) -> values.put(field.type(), value.orElseThrow().value()));
    assertThat(values).containsEntry(CustomFieldType.TEXT, "Line one\nline two")
        .containsEntry(CustomFieldType.NUMBER, Long.MAX_VALUE)
        .containsEntry(CustomFieldType.DECIMAL, new BigDecimal("-12.5"))
        .containsEntry(CustomFieldType.DATE, LocalDate.of(2026, 2, 28))
        .containsEntry(CustomFieldType.BOOLEAN, false)
        .containsEntry(CustomFieldType.SINGLE_SELECT, GOLD.id())
        .containsEntry(CustomFieldType.MULTI_SELECT, List.of(SILVER.id(), GOLD.id()))
        .containsEntry(CustomFieldType.EMAIL, new EmailAddress("Ada@Example.org"))
        .containsEntry(CustomFieldType.PHONE, new PhoneNumber("+442071234567"))
        .containsEntry(CustomFieldType.URL, URI.create("https://example.org/a?b=c"))
        .containsEntry(CustomFieldType.CURRENCY, new Money(new BigDecimal("12.50"), java.util.Currency.getInstance("EUR")));
    assertThat(read).hasSize(CustomFieldType.values().length);
  }

  @Test
  void nullClearsAValue_andWholeNumbersOfAnyJavaTypeAreNumbers() {
    Map<String, Object> raw = new HashMap<>();
    raw.put(key(CustomFieldType.TEXT), null);
    raw.put(key(CustomFieldType.NUMBER), 42);
    Validator v = new Validator();
    Map<CustomField, Optional<CustomValue>> read = CustomValues.read(v, definitions(), raw);
    assertThat(v.hasErrors()).isFalse();
    assertThat(read.get(FIELDS.get(CustomFieldType.TEXT))).isEmpty();
    assertThat(read.get(FIELDS.get(CustomFieldType.NUMBER)).orElseThrow().value()).isEqualTo(42L);
  }

  @Test
  void everyBadValueIsNamedAtOnce_underCustomAndItsKey() {
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put(key(CustomFieldType.TEXT), "x".repeat(1001));
    raw.put(key(CustomFieldType.NUMBER), new BigInteger("9223372036854775808"));
    raw.put(key(CustomFieldType.DECIMAL), 12.5);
    raw.put(key(CustomFieldType.DATE), "2026-02-30");
    raw.put(key(CustomFieldType.BOOLEAN), "true");
    raw.put(key(CustomFieldType.SINGLE_SELECT), "platinum");
    raw.put(key(CustomFieldType.MULTI_SELECT), List.of("gold", "gold"));
    raw.put(key(CustomFieldType.EMAIL), "not an email");
    raw.put(key(CustomFieldType.PHONE), "call me");
    raw.put(key(CustomFieldType.URL), "javascript:alert(1)");
    raw.put(key(CustomFieldType.CURRENCY), Map.of("amount", "1.234", "currency", "XXX"));
    raw.put("unknown", "x");
    raw.put("Not A Key", "x");
    Validator v = new Validator();
    Map<CustomField, Optional<CustomValue>> read = CustomValues.read(v, definitions(), raw);
    assertThat(read).isEmpty();
    List<String> pointers = new ArrayList<>();
    try {
      v.throwIfInvalid();
    } catch (dev.custodian.crm.core.common.error.ValidationException e) {
      e.errors().stream().map(FieldError::name).forEach(pointers::add);
    }
    List<String> expected = new ArrayList<>();
    for (CustomFieldType type : CustomFieldType.values()) {
      if (type != CustomFieldType.CURRENCY) {
        expected.add("custom/" + key(type));
      }
    }
    expected.addAll(Arrays.asList("custom/f_currency/currency", "custom/unknown", "custom"));
    assertThat(pointers).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @DisplayName("CRM-01: the projection without sensitive values drops a sensitive field's value, and a value never shows in toString")
  void theProjectionWithoutSensitiveValuesDropsThem() {
    String marker = "MARKER-" + UUID.randomUUID();
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put(key(CustomFieldType.TEXT), marker); // the TEXT field is the sensitive one
    raw.put(key(CustomFieldType.BOOLEAN), true);
    Validator v = new Validator();
    Map<FieldKey, CustomValue> values = new LinkedHashMap<>();
    CustomValues.read(v, definitions(), raw).forEach((field, value) -> values.put(field.key(), value.orElseThrow()));
    CustomValues all = new CustomValues(values);

    CustomValues projected = all.withoutSensitive(definitions());
    assertThat(all.get(new FieldKey(key(CustomFieldType.TEXT)))).isPresent();
    assertThat(projected.values()).containsOnlyKeys(new FieldKey(key(CustomFieldType.BOOLEAN)));
    assertThat(projected.toString() + all + all.values().values()).doesNotContain(marker);
  }
}
