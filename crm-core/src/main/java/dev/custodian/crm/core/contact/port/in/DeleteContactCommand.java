package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link DeleteContactUseCase}.
 *
 * @param expectedVersion when given, the delete happens only if the contact is still at it
 */
public record DeleteContactCommand(WorkspaceId workspace, ContactId id, OptionalLong expectedVersion) {

  public DeleteContactCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
  }
}
