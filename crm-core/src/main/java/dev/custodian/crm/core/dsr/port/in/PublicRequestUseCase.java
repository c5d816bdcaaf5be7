package dev.custodian.crm.core.dsr.port.in;

import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/**
 * Use case: a person's own data-subject request through a workspace's public intake (no account:
 * {@code ANONYMOUS}), proven by a single-use 6-digit code mailed to the address. The intake never
 * looks the address up among the contacts: any address gets the same answer and the same mail.
 * Every call is throttled per client address (and an intake per email address too).
 */
public interface PublicRequestUseCase {

  /**
   * Records the request {@code RECEIVED} and queues the code's mail; for a workspace that does not
   * exist (or was purged) stores and mails nothing, and answers a random id that never verifies.
   *
   * @return the request's id
   * @throws dev.custodian.crm.core.common.error.ValidationException naming {@code purposes/<i>}
   *     for a purpose the workspace did not declare
   * @throws dev.custodian.crm.core.common.error.ConflictException of kind {@code SUPPRESSED} for an
   *     address erased at the person's request
   * @throws dev.custodian.crm.core.common.error.RateLimitedException past 5 intakes per address or
   *     client address in the throttle's window
   */
  DataSubjectRequestId submit(CreateRequestCommand command, String clientIp);

  /**
   * Moves the request from {@code RECEIVED} to {@code IDENTITY_VERIFIED} with its mailed code, once.
   *
   * @throws dev.custodian.crm.core.common.error.InvalidTokenException for any failure (a wrong,
   *     expired, used or voided code, an unknown request, one of another workspace), all alike;
   *     3 wrong codes void the request's current one
   * @throws dev.custodian.crm.core.common.error.RateLimitedException past 5 failures per client
   *     address in the throttle's window
   */
  void verify(WorkspaceId workspace, String requestId, String code, String clientIp);

  /**
   * Mails a fresh code, voiding the current one, if the request is still waiting for its code;
   * otherwise does nothing, and says so to no one. Counts as an intake of the client address and
   * of the request's address.
   *
   * @throws dev.custodian.crm.core.common.error.InvalidTokenException when {@code requestId} is no
   *     request id at all
   * @throws dev.custodian.crm.core.common.error.RateLimitedException past the intake's limits
   */
  void resend(WorkspaceId workspace, String requestId, String clientIp);
}
