package dev.custodian.crm.core.activity.port.out;

import dev.custodian.crm.core.activity.Activity;
import dev.custodian.crm.core.activity.ActivityId;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.Page;
import dev.custodian.crm.core.company.port.out.CompanyLinks;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.out.ContactLinks;
import dev.custodian.crm.core.deal.port.out.DealLinks;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Out-port: stores activities with their links. Every method is scoped to the given workspace,
 * joins the caller's open transaction, and fails with {@link IllegalStateException} when none is
 * open. A link must name a record of the activity's workspace: otherwise the write fails with a
 * {@link dev.custodian.crm.core.common.error.ValidationException} naming its field, foreign or
 * missing alike, and stores nothing. Unlinking a contact, company or deal (a plain delete of it)
 * deletes the activities left with no link.
 */
public interface ActivityRepository extends ContactLinks, CompanyLinks, DealLinks {

  /** Stores a new activity and its links. */
  void insert(Activity activity);

  Optional<Activity> findById(WorkspaceId workspace, ActivityId id);

  /** A page of the workspace's activities (a query of {@link dev.custodian.crm.core.activity.ActivityListing#OFFER}). */
  Page<Activity> list(WorkspaceId workspace, ListQuery query);

  /**
   * Replaces the stored activity and its links if its version is still {@code expectedVersion}.
   *
   * @return false when it is gone or at another version
   */
  boolean update(Activity changed, long expectedVersion);

  /** Deletes the activity with its links, if {@code expectedVersion} (when given) still matches. */
  boolean delete(WorkspaceId workspace, ActivityId id, OptionalLong expectedVersion);

  /**
   * Erasure: deletes the activities whose only linked contact is {@code contact}, whatever
   * companies and deals they also name.
   *
   * @return how many were deleted
   */
  int deleteOfContactAlone(WorkspaceId workspace, ContactId contact);

  /**
   * Erasure: drops the links to {@code contact} from the activities that also name other contacts
   * (kept, at their next version; their free text is not read).
   *
   * @return the activities unlinked, one per link dropped
   */
  List<ActivityId> unlinkSharedContact(WorkspaceId workspace, ContactId contact);
}
