package dev.custodian.crm.core.deal.port.in;

import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link DealUseCases#delete()}.
 *
 * @param expectedVersion when given, the delete happens only if the deal is still at it
 */
public record DeleteDealCommand(WorkspaceId workspace, DealId id, OptionalLong expectedVersion) {

  public DeleteDealCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
  }
}
