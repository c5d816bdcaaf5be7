package dev.custodian.crm.core.imports.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.imports.ImportJob;
import dev.custodian.crm.core.imports.ImportJobId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Use case: cancels a queued or running job: its rows not yet counted are dropped, what its batches
 * wrote stays. A finished job is a conflict of kind {@code INVALID_STATE}. MEMBER and up.
 */
public interface CancelImportUseCase {
  ImportJob cancel(Actor actor, WorkspaceId workspace, ImportJobId id);
}
