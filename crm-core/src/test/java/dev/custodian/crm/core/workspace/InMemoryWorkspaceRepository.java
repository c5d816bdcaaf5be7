package dev.custodian.crm.core.workspace;

import dev.custodian.crm.core.access.InMemoryMembershipRepository;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.InMemoryPaging;
import dev.custodian.crm.core.common.InMemoryTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.workspace.port.out.WorkspaceRepository;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Test fake: {@link WorkspaceRepository} in memory; passes the same contract as the jOOQ adapter.
 * It lists an account's workspaces from the membership store it is given, as the database joins
 * the two tables.
 */
public final class InMemoryWorkspaceRepository implements WorkspaceRepository {

  private final InMemoryTable<WorkspaceId, Workspace> table;
  /** When each cancelled workspace's purge reminder was claimed. */
  private final InMemoryTable<WorkspaceId, Instant> reminded;
  private final InMemoryMembershipRepository memberships;

  public InMemoryWorkspaceRepository(InMemoryTransactions transactions, InMemoryMembershipRepository memberships) {
    this.table = transactions.newTable();
    this.reminded = transactions.newTable();
    this.memberships = Objects.requireNonNull(memberships, "memberships");
  }

  @Override
  public void insert(Workspace workspace) {
    if (existsBySlug(workspace.slug())) {
      throw new ConflictException(ConflictException.Kind.DUPLICATE, "slug is already taken");
    }
    if (table.rows().putIfAbsent(workspace.id(), workspace) != null) {
      throw new ConflictException(ConflictException.Kind.DUPLICATE, "workspace already exists");
    }
  }

  @Override
  public Optional<Workspace> findById(WorkspaceId id) {
    return Optional.ofNullable(table.rows().get(id));
  }

  @Override
  public boolean changeStatus(WorkspaceId id, WorkspaceStatus status) {
    if (status instanceof WorkspaceStatus.Purged) {
      throw new IllegalArgumentException("a purge changes a workspace through the retention engine");
    }
    if (table.rows().containsKey(id)) {
      reminded.rows().remove(id); // a new cancellation gets its own reminder
    }
    return table.rows().computeIfPresent(id, (key, w) -> w.status() instanceof WorkspaceStatus.Purged ? w
        : Workspace.reconstitute(w.id(), w.name(), w.slug(), status, w.createdAt())) != null
        && !(table.rows().get(id).status() instanceof WorkspaceStatus.Purged);
  }

  /** A tombstone is not kept in memory: the row goes, its slug with it. */
  @Override
  public boolean markPurged(WorkspaceId id, java.time.Instant now) {
    Workspace workspace = table.rows().get(id);
    return workspace != null && workspace.status() instanceof WorkspaceStatus.Cancelled && table.rows().remove(id) != null;
  }

  @Override
  public List<WorkspaceId> claimPurgeReminders(Instant now, Instant dueBy, int limit) {
    List<WorkspaceId> due = table.rows().values().stream()
        .filter(w -> w.status() instanceof WorkspaceStatus.Cancelled c && c.purgeAt().isAfter(now)
            && !c.purgeAt().isAfter(dueBy) && !reminded.rows().containsKey(w.id()))
        .map(Workspace::id).limit(limit).toList();
    due.forEach(id -> reminded.rows().put(id, now));
    return due;
  }

  @Override
  public List<WorkspaceId> duePurges(Instant now, int limit) {
    return table.rows().values().stream()
        .filter(w -> w.status() instanceof WorkspaceStatus.Cancelled c && c.purgeDueAt(now))
        .sorted(java.util.Comparator.comparing((Workspace w) -> ((WorkspaceStatus.Cancelled) w.status()).purgeAt())
            .thenComparing(w -> w.id().value()))
        .map(Workspace::id).limit(limit).toList();
  }

  /** Transactions of the fake are serialised: the lock is theirs. */
  @Override
  public boolean lockDuePurge(WorkspaceId id, Instant now) {
    Workspace workspace = table.rows().get(id);
    return workspace != null && workspace.status() instanceof WorkspaceStatus.Cancelled c && c.purgeDueAt(now);
  }

  @Override
  public boolean existsBySlug(Slug slug) {
    return table.rows().values().stream().anyMatch(w -> w.slug().equals(slug));
  }

  @Override
  public Page<MemberWorkspace> listForMember(AccountId account, PageRequest page) {
    var joined = memberships.ofAccount(account)
        .filter(m -> table.rows().containsKey(m.workspace()))
        .map(m -> new MemberWorkspace(table.rows().get(m.workspace()), m.role(), m.createdAt()))
        .toList(); // read now: the stream must not outlive the transaction
    return InMemoryPaging.page(joined.stream(),
        MemberWorkspace::joinedAt, m -> m.workspace().id().value(), page);
  }
}
