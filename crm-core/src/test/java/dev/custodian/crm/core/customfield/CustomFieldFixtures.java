package dev.custodian.crm.core.customfield;

import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
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

  public static FieldOption option(String key, String label) {
    return new FieldOption(FieldOptionId.of(UUID.randomUUID()), new FieldKey(key), new FieldLabel(label));
  }
}
