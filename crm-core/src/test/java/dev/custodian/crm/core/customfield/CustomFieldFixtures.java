package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test data for custom field definitions. */
public final class CustomFieldFixtures {

  public static final Instant CREATED = Instant.parse("2026-05-06T07:08:09.123456789Z");

  private CustomFieldFixtures() {}

  /** A text field of contacts with this key. */
  public static CustomField aTextField(WorkspaceId workspace, String key) {
    return CustomField.create(workspace, CustomFieldId.of(UUID.randomUUID()), ObjectType.CONTACT, new FieldKey(key),
        CustomFieldType.TEXT, new FieldLabel("Label of " + key), false, List.of(), CREATED);
  }

  /** A single-select field of contacts with the options gold and silver. */
  public static CustomField aSelectField(WorkspaceId workspace, String key) {
    return CustomField.create(workspace, CustomFieldId.of(UUID.randomUUID()), ObjectType.CONTACT, new FieldKey(key),
        CustomFieldType.SINGLE_SELECT, new FieldLabel("Tier"), true, List.of(option("gold", "Gold"),
            option("silver", "Silver")), CREATED);
  }

  /** A field of {@code objectType}, not sensitive; a select one with the options gold and silver. */
  public static CustomField aField(WorkspaceId workspace, ObjectType objectType, String key, CustomFieldType type) {
    return CustomField.create(workspace, CustomFieldId.of(UUID.randomUUID()), objectType, new FieldKey(key), type,
        new FieldLabel("Label of " + key), false,
        type.hasOptions() ? List.of(option("gold", "Gold"), option("silver", "Silver")) : List.of(), CREATED);
  }

  /** The changes setting {@code field} to {@code raw} (as JSON gives it), read by the core's rules. */
  public static Map<CustomField, Optional<CustomValue>> setting(CustomField field, Object raw) {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put(field.key().value(), raw);
    Validator v = new Validator();
    Map<CustomField, Optional<CustomValue>> read = CustomValues.read(v, List.of(field), given);
    v.throwIfInvalid();
    return read;
  }

  public static FieldOption option(String key, String label) {
    return new FieldOption(FieldOptionId.of(UUID.randomUUID()), new FieldKey(key), new FieldLabel(label));
  }
}
