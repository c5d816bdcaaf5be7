package dev.custodian.crm.core.customfield.port.in;

import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.customfield.CustomFieldId;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/** Input of {@link DeleteCustomFieldUseCase}: the definition, at the version the caller last saw. */
public record DeleteCustomFieldCommand(WorkspaceId workspace, ObjectType objectType, CustomFieldId id,
    long expectedVersion) {

  public DeleteCustomFieldCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(id, "id");
  }

  /** @throws PreconditionFailedException (missing) when no expected version is given */
  public static DeleteCustomFieldCommand of(WorkspaceId workspace, ObjectType objectType, CustomFieldId id,
      OptionalLong expectedVersion) {
    if (expectedVersion.isEmpty()) {
      throw PreconditionFailedException.missing("custom field");
    }
    return new DeleteCustomFieldCommand(workspace, objectType, id, expectedVersion.getAsLong());
  }
}
