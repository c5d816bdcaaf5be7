package dev.custodian.crm.core.access.port.out;

import dev.custodian.crm.core.access.Invitation;
import dev.custodian.crm.core.access.InvitationId;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/**
 * Out-port: invitations, platform-level access-control data. Every method joins the caller's open
 * transaction and fails with {@link IllegalStateException} when none is open.
 */
public interface InvitationRepository {

  void insert(Invitation invitation);

  Optional<Invitation> findById(InvitationId id);

  /** One page of the workspace's invitations pending at {@code now}, oldest first. */
  Page<Invitation> listPending(WorkspaceId workspace, Instant now, PageRequest page);

  /** Revokes the workspace's invitation if it is neither accepted nor revoked; false otherwise. */
  boolean revoke(WorkspaceId workspace, InvitationId id, Instant at);

  /**
   * Stores a new invitation after revoking, at its creation time, every invitation of its workspace
   * to its address (normalised) that is neither accepted nor revoked: a newer invitation voids the
   * older. One statement where the store can.
   */
  void insertReplacing(Invitation invitation);

  /**
   * As {@link #insertReplacing}, unless the account with the invited address (normalised) is a
   * member of the workspace already: then nothing changes and the answer is false. One statement
   * where the store can (the check and the writes together).
   */
  boolean insertReplacingUnlessMember(Invitation invitation);

  /** Marks the invitation accepted if it is neither accepted nor revoked; false otherwise. */
  boolean markAccepted(InvitationId id, Instant at);
}
