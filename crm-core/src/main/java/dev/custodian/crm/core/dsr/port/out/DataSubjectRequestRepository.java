package dev.custodian.crm.core.dsr.port.out;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.dsr.DataSubjectRequest;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.RequestEvent;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Out-port: stores a workspace's data-subject requests and their append-only history. Every method
 * is scoped to the given workspace (a call for workspace B never returns, changes or counts a
 * request of workspace A), joins the caller's open transaction, and fails with
 * {@link IllegalStateException} when none is open. A request is written together with the entry of
 * its history that the step appends, in one statement if the adapter can.
 */
public interface DataSubjectRequestRepository {

  /** A request with its history, oldest entry first. */
  record WithHistory(DataSubjectRequest request, List<RequestEvent> history) {

    public WithHistory {
      Objects.requireNonNull(request, "request");
      history = List.copyOf(history);
    }
  }

  /**
   * Stores a new request and the first entry of its history.
   *
   * @throws ConflictException of kind {@code DUPLICATE} when its id is taken
   */
  void insert(DataSubjectRequest request, RequestEvent received);

  Optional<DataSubjectRequest> find(WorkspaceId workspace, DataSubjectRequestId id);

  /** The request with its history, in one statement if the adapter can. */
  Optional<WithHistory> findWithHistory(WorkspaceId workspace, DataSubjectRequestId id);

  /**
   * Reads the request and locks it until the transaction ends: the steps of one request take turns,
   * and a step acts on exactly what it read (of two concurrent executions, the second sees the first's
   * completion).
   */
  Optional<DataSubjectRequest> findForUpdate(WorkspaceId workspace, DataSubjectRequestId id);

  /**
   * Replaces the stored request with {@code changed} if it is still at {@code expectedVersion},
   * appending {@code step} to its history; a stale write changes and appends nothing.
   *
   * @return false when it is gone or at another version
   */
  boolean update(DataSubjectRequest changed, long expectedVersion, RequestEvent step);

  /** The request's history, oldest first (empty for no such request). */
  List<RequestEvent> history(WorkspaceId workspace, DataSubjectRequestId id);

  /**
   * A page of the workspace's requests that pass the query's filters, in its sort's walk order, after
   * its cursor; {@code overdue} is judged at {@code now}. The query is one of
   * {@link dev.custodian.crm.core.dsr.DataSubjectRequestListing#OFFER}.
   */
  Page<DataSubjectRequest> list(WorkspaceId workspace, ListQuery query, Instant now);

  /**
   * Scrubs the requests of the address (its keyed hash): their address, corrections, notes and
   * reasons go, each at its next version, and their emailed codes (see {@link #putCode}) are
   * deleted; their type, steps, times and the hash stay.
   *
   * @return how many requests were scrubbed
   */
  int scrub(WorkspaceId workspace, AddressHash address, Instant now);

  /**
   * Hands every request of the address (its keyed hash) to {@code sink}, one at a time, oldest
   * receipt first: the subject's own records of their requests, for their package (DSR-01).
   */
  void streamOf(WorkspaceId workspace, AddressHash address, Consumer<DataSubjectRequest> sink);

  /**
   * Holds {@code email} on the request until its erasure's confirmation is sent (DSR-15): the one
   * address a scrubbed request keeps, and only until then.
   */
  void holdForConfirmation(WorkspaceId workspace, DataSubjectRequestId id, EmailAddress email);

  /** The address held for the request's confirmation, which it no longer holds afterwards. */
  Optional<EmailAddress> takeConfirmationAddress(WorkspaceId workspace, DataSubjectRequestId id);

  /** The workspace's contact whose (normalised) email is {@code email}, if any. */
  Optional<ContactId> contactOf(WorkspaceId workspace, EmailAddress email);

  /**
   * A public request's emailed code as stored: never the code, only its keyed hash (HMAC-SHA256
   * under the workspace's {@code dsr-code} key of {@code dsr-code:<request id>:<code>}), when it
   * stops working and how many wrong codes were tried against it.
   */
  record StoredCode(String codeHash, Instant expiresAt, int failedAttempts) {

    public StoredCode {
      Objects.requireNonNull(codeHash, "codeHash");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /**
   * Sets the request's code (the hash of a newly mailed one, valid until {@code expiresAt}, no
   * failed tries), replacing an older one, which stops working; nothing for no such request.
   */
  void putCode(WorkspaceId workspace, DataSubjectRequestId id, String codeHash, Instant expiresAt);

  /** The request's current code, locked until the transaction ends (its tries take turns). */
  Optional<StoredCode> findCodeForUpdate(WorkspaceId workspace, DataSubjectRequestId id);

  /** Counts a wrong code tried against the request's current code. @return the failed tries now */
  int failCode(WorkspaceId workspace, DataSubjectRequestId id);

  /** Voids the request's current code (used, expired, tried wrongly too often, or re-sent). */
  void removeCode(WorkspaceId workspace, DataSubjectRequestId id);
}
