package dev.custodian.crm.core.dsr.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.RequestText;
import dev.custodian.crm.core.dsr.port.out.DataSubjectRequestRepository;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The data-subject request feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record DataSubjectRequestUseCases(Requests requests, ExecuteRequestUseCase execution) {

  public DataSubjectRequestUseCases {
    Objects.requireNonNull(requests, "requests");
    Objects.requireNonNull(execution, "execution");
  }

  /**
   * Use cases: a workspace's requests, as its privacy administration tracks them (ADMIN; allowed in
   * a cancelled workspace too). Each step locks the request, appends to its history and is audited
   * in its transaction; a step that does not apply to the request's state is a
   * {@link dev.custodian.crm.core.common.error.ConflictException} of kind {@code INVALID_STATE}.
   */
  public interface Requests {

    /**
     * Records a request received (at its {@code receivedAt}: the clock starts then).
     *
     * @throws dev.custodian.crm.core.common.error.ValidationException naming {@code purposes/<i>}
     *     for a purpose the workspace did not declare
     */
    DataSubjectRequest create(Actor actor, CreateRequestCommand command);

    /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such request */
    DataSubjectRequestRepository.WithHistory get(Actor actor, WorkspaceId workspace, DataSubjectRequestId id);

    /** A page of the requests, as {@link dev.custodian.crm.core.dsr.DataSubjectRequestListing#OFFER} offers. */
    Page<DataSubjectRequest> list(Actor actor, WorkspaceId workspace, ListQuery query);

    /** The requester's identity was checked ({@code note}: how). */
    DataSubjectRequest verify(Actor actor, WorkspaceId workspace, DataSubjectRequestId id, Optional<RequestText> note);

    DataSubjectRequest start(Actor actor, WorkspaceId workspace, DataSubjectRequestId id);

    /**
     * Extends the deadline once, before the first one, to {@code until} (default and most: 45 days
     * from receipt) (DSR-10).
     *
     * @throws dev.custodian.crm.core.common.error.ValidationException naming {@code until} when it is
     *     not after the due time or more than 45 days from receipt
     */
    DataSubjectRequest extend(Actor actor, WorkspaceId workspace, DataSubjectRequestId id, RequestText reason,
        Optional<Instant> until);

    DataSubjectRequest reject(Actor actor, WorkspaceId workspace, DataSubjectRequestId id, RequestText reason);

    DataSubjectRequest cancel(Actor actor, WorkspaceId workspace, DataSubjectRequestId id);
  }
}
