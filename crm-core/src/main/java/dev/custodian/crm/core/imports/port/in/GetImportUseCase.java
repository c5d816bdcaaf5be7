package dev.custodian.crm.core.imports.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportJobId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: reads one import job, where it stands and its counts. VIEWER and up. */
public interface GetImportUseCase {
  ImportJob get(Actor actor, WorkspaceId workspace, ImportJobId id);
}
