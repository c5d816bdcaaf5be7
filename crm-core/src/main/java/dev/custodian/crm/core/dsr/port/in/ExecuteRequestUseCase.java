package dev.custodian.crm.core.dsr.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Use case: gives a verified request its effect on the workspace's contact whose email is the
 * request's address, if any, and completes it, in one transaction with the request locked (DSR-12:
 * an unverified request, or one a concurrent execution completed, is a
 * {@link dev.custodian.crm.core.common.error.ConflictException} of kind {@code INVALID_STATE}).
 */
public interface ExecuteRequestUseCase {

  DataSubjectRequest execute(Actor actor, WorkspaceId workspace, DataSubjectRequestId id);
}
