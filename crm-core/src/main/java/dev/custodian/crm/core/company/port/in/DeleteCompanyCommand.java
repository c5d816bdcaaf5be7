package dev.custodian.crm.core.company.port.in;

import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input of {@link DeleteCompanyUseCase}.
 *
 * @param expectedVersion when given, the delete happens only if the company is still at it
 */
public record DeleteCompanyCommand(WorkspaceId workspace, CompanyId id, OptionalLong expectedVersion) {

  public DeleteCompanyCommand {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(expectedVersion, "expectedVersion");
  }
}
