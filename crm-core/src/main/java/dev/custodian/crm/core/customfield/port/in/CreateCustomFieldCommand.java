package dev.custodian.crm.core.customfield.port.in;

import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.customfield.CustomFieldType;
import dev.custodian.crm.core.customfield.FieldKey;
import dev.custodian.crm.core.customfield.FieldLabel;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Objects;

/**
 * Input of {@link CreateCustomFieldUseCase}: a valid definition of one object type's field.
 *
 * @param options for a select type 1 to 200 with unique keys, for another none
 */
public record CreateCustomFieldCommand(WorkspaceId workspace, ObjectType objectType, FieldKey key,
    CustomFieldType type, FieldLabel label, boolean sensitive, List<NewOption> options) {

  public CreateCustomFieldCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(label, "label");
    options = List.copyOf(options);
  }

  /**
   * Validates raw input into {@code v}; {@code null} when {@code v} holds any error (then
   * {@code workspace} or {@code objectType} may be {@code null} too, if reading them failed).
   *
   * @param type the API's name of the type ({@code single_select})
   * @param sensitive {@code null} for false
   */
  public static CreateCustomFieldCommand of(Validator v, WorkspaceId workspace, ObjectType objectType, String key,
      String type, String label, Boolean sensitive, List<NewOption.Raw> options) {
    FieldKey validKey = v.required("key", key, FieldKey::new);
    CustomFieldType validType = v.required("type", type, CustomFieldType::fromApi);
    FieldLabel validLabel = v.required("label", label, FieldLabel::new);
    List<NewOption> validOptions = validType == null ? null : Options.of(v, validType.hasOptions(), options);
    return v.hasErrors() ? null : new CreateCustomFieldCommand(workspace, objectType, validKey, validType,
        validLabel, Boolean.TRUE.equals(sensitive), validOptions);
  }

  /** As {@link #of(Validator, WorkspaceId, ObjectType, String, String, String, Boolean, List)}, throwing every error at once. */
  public static CreateCustomFieldCommand of(WorkspaceId workspace, ObjectType objectType, String key, String type,
      String label, Boolean sensitive, List<NewOption.Raw> options) {
    Validator v = new Validator();
    CreateCustomFieldCommand command = of(v, workspace, objectType, key, type, label, sensitive, options);
    v.throwIfInvalid();
    return command;
  }
}
