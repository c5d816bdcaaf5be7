package dev.custodian.crm.privacy.audit.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.audit.AuditVerification;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: verify a workspace's chain (ADMIN). */
@FunctionalInterface
public interface VerifyAuditUseCase {

  AuditVerification verify(Actor actor, WorkspaceId workspace);
}
