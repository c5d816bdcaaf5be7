package dev.custodian.crm.core.activity;

import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.common.InMemoryTenantTable;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.common.ListFields;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.deal.DealId;
import dev.custodian.crm.core.link.Links;
import dev.custodian.crm.core.link.port.out.LinkTargets;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * In-memory fake of {@link ActivityRepository}; passes the same contract as the jOOQ adapter. Its
 * links must name records of its workspace as far as {@code targets} sees, as the foreign keys say.
 */
public final class InMemoryActivityRepository implements ActivityRepository {

  /** The activity list's fields, as {@link ActivityListing#OFFER} names them. */
  public static final ListFields<Activity> LIST_FIELDS = ListFields.<Activity>of(a -> a.id().value())
      .with(ActivityListing.KIND, a -> a.kind().name().toLowerCase(Locale.ROOT))
      .with(ActivityListing.OCCURRED_AT, Activity::occurredAt)
      .with(ActivityListing.CREATED_AT, Activity::createdAt);

  private final InMemoryTenantTable<ActivityId, Activity> table;
  private final LinkTargets targets;

  public InMemoryActivityRepository(InMemoryTransactions transactions, LinkTargets targets) {
    this.table = InMemoryTenantTable.builder(transactions, Activity::workspace, Activity::id)
        .duplicateKeyMessage("activity already exists")
        .build();
    this.targets = Objects.requireNonNull(targets, "targets");
  }

  @Override
  public void insert(Activity activity) {
    requireTargets(activity.workspace(), activity.links());
    table.insert(activity);
  }

  @Override
  public Optional<Activity> findById(WorkspaceId workspace, ActivityId id) {
    return table.find(workspace, id);
  }

  @Override
  public Page<Activity> list(WorkspaceId workspace, ListQuery query) {
    return table.list(workspace, query.requireOffer(ActivityListing.OFFER), LIST_FIELDS);
  }

  @Override
  public boolean update(Activity changed, long expectedVersion) {
    boolean current = findById(changed.workspace(), changed.id())
        .filter(stored -> stored.version() == expectedVersion).isPresent();
    if (!current) {
      return false;
    }
    requireTargets(changed.workspace(), changed.links());
    return table.replace(changed);
  }

  @Override
  public boolean delete(WorkspaceId workspace, ActivityId id, OptionalLong expectedVersion) {
    boolean matches = findById(workspace, id)
        .filter(stored -> expectedVersion.isEmpty() || stored.version() == expectedVersion.getAsLong())
        .isPresent();
    return matches && table.remove(workspace, id);
  }

  @Override
  public int unlinkContact(WorkspaceId workspace, ContactId contact) {
    return unlink(workspace, a -> a.links().contacts().contains(contact), links -> links.without(contact));
  }

  @Override
  public int unlinkCompany(WorkspaceId workspace, CompanyId company) {
    return unlink(workspace, a -> a.links().companies().contains(company), links -> links.without(company));
  }

  @Override
  public int unlinkDeal(WorkspaceId workspace, DealId deal) {
    return unlink(workspace, a -> a.links().deals().contains(deal), links -> links.without(deal));
  }

  /** Drops the links; an activity left with none goes, the others keep their version (as the cascade does). */
  private int unlink(WorkspaceId workspace, java.util.function.Predicate<Activity> linked,
      Function<Links, Links> without) {
    List<Activity> found = table.visible(workspace).filter(linked).toList();
    for (Activity a : found) {
      Links rest = without.apply(a.links());
      if (rest.isEmpty()) {
        table.remove(workspace, a.id());
      } else {
        table.replace(Activity.reconstitute(a.workspace(), a.id(), a.kind(), a.subject(), a.body(), a.occurredAt(),
            a.duration(), rest, a.createdAt(), a.updatedAt(), a.version()));
      }
    }
    return found.size();
  }

  @Override
  public int deleteOfContactAlone(WorkspaceId workspace, ContactId contact) {
    List<Activity> alone = table.visible(workspace)
        .filter(a -> a.links().contacts().equals(java.util.Set.of(contact))).toList();
    alone.forEach(a -> table.remove(workspace, a.id()));
    return alone.size();
  }

  @Override
  public List<ActivityId> unlinkSharedContact(WorkspaceId workspace, ContactId contact) {
    List<Activity> shared = table.visible(workspace)
        .filter(a -> a.links().contacts().contains(contact) && a.links().contacts().size() > 1).toList();
    for (Activity a : shared) {
      table.replace(Activity.reconstitute(a.workspace(), a.id(), a.kind(), a.subject(), a.body(), a.occurredAt(),
          a.duration(), a.links().without(contact), a.createdAt(), a.updatedAt(), a.version() + 1));
    }
    return shared.stream().map(Activity::id).toList();
  }

  /** Everything stored for the workspace, for the timeline fake. */
  public java.util.stream.Stream<Activity> all(WorkspaceId workspace) {
    return table.visible(workspace);
  }

  private void requireTargets(WorkspaceId workspace, Links links) {
    var unknown = targets.unknown(workspace, links);
    if (!unknown.isEmpty()) {
      throw new ValidationException(unknown.stream()
          .map(field -> FieldError.field(field, "must all name records of this workspace")).toList());
    }
  }
}
