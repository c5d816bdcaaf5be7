package dev.custodian.crm.core.access;

import dev.custodian.crm.core.access.port.out.InvitationRepository;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.InMemoryPaging;
import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Test fake: {@link InvitationRepository} in memory; passes the same contract as the jOOQ adapter.
 * Its rows are readable, for tests that check what an invitation holds.
 */
public final class InMemoryInvitationRepository implements InvitationRepository {

  private final InMemoryTable<InvitationId, Invitation> table;
  private final java.util.function.BiPredicate<WorkspaceId, EmailAddress> member;

  /** A store that knows no members: {@link #insertReplacingUnlessMember} always inserts. */
  public InMemoryInvitationRepository(InMemoryTransactions transactions) {
    this(transactions, (workspace, email) -> false);
  }

  /** @param member whether the account with that address is a member of the workspace */
  public InMemoryInvitationRepository(InMemoryTransactions transactions,
      java.util.function.BiPredicate<WorkspaceId, EmailAddress> member) {
    this.table = transactions.newTable();
    this.member = member;
  }

  @Override
  public boolean insertReplacingUnlessMember(Invitation invitation) {
    if (member.test(invitation.workspace(), invitation.email())) {
      return false;
    }
    insertReplacing(invitation);
    return true;
  }

  /** Every stored invitation, for the open transaction. */
  public List<Invitation> rows() {
    return List.copyOf(table.rows().values());
  }

  @Override
  public void insert(Invitation invitation) {
    if (table.rows().putIfAbsent(invitation.id(), invitation) != null) {
      throw new IllegalStateException("an invitation with this id is already stored");
    }
  }

  @Override
  public Optional<Invitation> findById(InvitationId id) {
    return Optional.ofNullable(table.rows().get(id));
  }

  @Override
  public Page<Invitation> listPending(WorkspaceId workspace, Instant now, PageRequest page) {
    Objects.requireNonNull(now, "now");
    return InMemoryPaging.page(
        table.rows().values().stream().filter(i -> i.workspace().equals(workspace) && i.isPendingAt(now)),
        Invitation::createdAt, i -> i.id().value(), page);
  }

  @Override
  public boolean revoke(WorkspaceId workspace, InvitationId id, Instant at) {
    Invitation invitation = table.rows().get(id);
    if (invitation == null || !invitation.workspace().equals(workspace) || !isOpen(invitation)) {
      return false;
    }
    table.rows().put(id, revoked(invitation, at));
    return true;
  }

  @Override
  public void insertReplacing(Invitation invitation) {
    table.rows().replaceAll((id, other) -> other.workspace().equals(invitation.workspace()) && isOpen(other)
        && other.email().normalised().equals(invitation.email().normalised())
        ? revoked(other, invitation.createdAt()) : other);
    insert(invitation);
  }

  @Override
  public boolean markAccepted(InvitationId id, Instant at) {
    Invitation invitation = table.rows().get(id);
    if (invitation == null || !isOpen(invitation)) {
      return false;
    }
    table.rows().put(id, new Invitation(invitation.id(), invitation.workspace(), invitation.email(), invitation.role(),
        invitation.invitedBy(), invitation.createdAt(), invitation.expiresAt(), Optional.of(at), Optional.empty()));
    return true;
  }

  /** Neither accepted nor revoked (expired or not: the port's changes ignore expiry). */
  private static boolean isOpen(Invitation invitation) {
    return invitation.acceptedAt().isEmpty() && invitation.revokedAt().isEmpty();
  }

  private static Invitation revoked(Invitation invitation, Instant at) {
    return new Invitation(invitation.id(), invitation.workspace(), invitation.email(), invitation.role(),
        invitation.invitedBy(), invitation.createdAt(), invitation.expiresAt(), Optional.empty(),
        Optional.of(Objects.requireNonNull(at, "at")));
  }
}
