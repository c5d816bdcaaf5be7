package dev.custodian.crm.core.customfield.port.in;

import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.customfield.CustomFieldId;
import dev.custodian.crm.core.customfield.FieldLabel;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link UpdateCustomFieldUseCase}: a partial change of one definition, based on the
 * version the caller last saw. The label and the sensitive flag can be set, not cleared; the
 * options (of a select field) are replaced as a whole: an option keeps its id while its key stays,
 * and an option left out is deleted with its values. Key and type are fixed.
 */
public record UpdateCustomFieldCommand(WorkspaceId workspace, ObjectType objectType, CustomFieldId id,
    long expectedVersion, PatchValue<FieldLabel> label, PatchValue<Boolean> sensitive,
    PatchValue<List<NewOption.Raw>> options) {

  public UpdateCustomFieldCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(sensitive, "sensitive");
    Objects.requireNonNull(options, "options");
    if (label instanceof PatchValue.Clear || sensitive instanceof PatchValue.Clear
        || options instanceof PatchValue.Clear) {
      throw new IllegalArgumentException("label, sensitive and options cannot be cleared");
    }
  }

  /**
   * Validates a raw patch into {@code v}; {@code null} when {@code v} holds any error. The options'
   * rules need the field's type: the service checks them ({@link #options(Validator, boolean)}).
   *
   * @throws PreconditionFailedException (missing) when the input is valid but no expected version is given
   */
  public static UpdateCustomFieldCommand of(Validator v, WorkspaceId workspace, ObjectType objectType,
      CustomFieldId id, OptionalLong expectedVersion, PatchValue<String> label, PatchValue<Boolean> sensitive,
      PatchValue<List<NewOption.Raw>> options) {
    PatchValue<FieldLabel> validLabel = v.patch("label", label, false, FieldLabel::new);
    if (sensitive instanceof PatchValue.Clear) {
      v.reject("sensitive", "must be true or false");
    }
    if (options instanceof PatchValue.Clear) {
      v.reject("options", "must be a list of options");
    }
    if (v.hasErrors()) {
      return null;
    }
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("custom field");
    }
    return new UpdateCustomFieldCommand(workspace, objectType, id, expectedVersion.getAsLong(), validLabel,
        sensitive, options);
  }

  /** The new options, checked for a field that is a select field or not; {@code null} after errors into {@code v}. */
  public List<NewOption> options(Validator v, boolean select) {
    return options instanceof PatchValue.Set<List<NewOption.Raw>> set ? Options.of(v, select, set.value()) : null;
  }
}
