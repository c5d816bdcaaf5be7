package dev.custodian.crm.http.customfield;

import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.FieldOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A custom field definition as the API shows it.
 *
 * @param objectType {@code contact}, {@code company} or {@code deal}
 * @param type the type's API name, e.g. {@code single_select}
 * @param options a select field's options in their order; empty for another type
 * @param version the version that {@code ETag} and {@code If-Match} carry
 */
record CustomFieldResponse(UUID id, UUID workspaceId, String objectType, String key, String type, String label,
    boolean sensitive, List<OptionResponse> options, Instant createdAt, Instant updatedAt, long version) {

  static CustomFieldResponse from(CustomField field) {
    return new CustomFieldResponse(field.id().value(), field.workspace().value(), field.objectType().apiName(),
        field.key().value(), field.type().apiName(), field.label().value(), field.sensitive(),
        field.options().stream().map(OptionResponse::from).toList(), field.createdAt(), field.updatedAt(),
        field.version());
  }

  /** One option of a select field. */
  record OptionResponse(UUID id, String key, String label) {

    static OptionResponse from(FieldOption option) {
      return new OptionResponse(option.id().value(), option.key().value(), option.label().value());
    }
  }
}
