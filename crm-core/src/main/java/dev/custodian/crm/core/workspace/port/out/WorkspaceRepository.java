package dev.custodian.crm.core.workspace.port.out;

import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.MemberWorkspace;
import dev.custodian.crm.core.workspace.Slug;
import dev.custodian.crm.core.workspace.Workspace;
import dev.custodian.crm.core.workspace.WorkspaceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: stores workspaces, platform-level records. Every method joins the caller's open
 * transaction and fails with {@link IllegalStateException} when none is open.
 */
public interface WorkspaceRepository {

  /**
   * Stores a new workspace.
   *
   * @throws ConflictException of kind {@code DUPLICATE} when its slug is taken
   */
  void insert(Workspace workspace);

  Optional<Workspace> findById(WorkspaceId id);

  /**
   * Sets a workspace's lifecycle state to ACTIVE or CANCELLED (with its times); false when there is
   * no such workspace or it is purged.
   *
   * @throws IllegalArgumentException for {@link WorkspaceStatus.Purged}, which only a purge sets
   */
  boolean changeStatus(WorkspaceId id, WorkspaceStatus status);

  /**
   * Makes a workspace a PURGED tombstone at {@code now}: id, status and times stay, its name and
   * slug are cleared (the slug is free again); from then on {@link #findById} finds nothing.
   */
  boolean markPurged(WorkspaceId id, Instant now);

  /**
   * Claims up to {@code limit} CANCELLED workspaces whose {@code purgeAt} is after {@code now} and
   * at most {@code dueBy}, and whose purge reminder was not queued since they were cancelled: each
   * is marked reminded at {@code now} and answered. Two transactions never claim the same one (a
   * cancellation after a reactivation may be reminded again).
   */
  List<WorkspaceId> claimPurgeReminders(Instant now, Instant dueBy, int limit);

  /** Up to {@code limit} CANCELLED workspaces whose {@code purgeAt} is at or before {@code now}, soonest due first. */
  List<WorkspaceId> duePurges(Instant now, int limit);

  /**
   * In the open transaction, locks the workspace for its purge if it is still CANCELLED with its
   * {@code purgeAt} at or before {@code now}; false when it is not (any more), or when another
   * transaction holds it (that one purges it).
   */
  boolean lockDuePurge(WorkspaceId id, Instant now);

  boolean existsBySlug(Slug slug);

  /**
   * One page of the workspaces {@code account} is a member of, with its role, in the order it
   * joined them (then by workspace id); the cursor is the membership's time and workspace id.
   */
  Page<MemberWorkspace> listForMember(AccountId account, PageRequest page);
}
