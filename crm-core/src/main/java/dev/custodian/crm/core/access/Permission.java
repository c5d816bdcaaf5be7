package dev.custodian.crm.core.access;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One action a use case on a workspace's data performs, named {@code <object>.<verb>}; whether a
 * role may perform it is the {@link PermissionMatrix}'s alone to say (SEC-08). A permission the
 * matrix does not list is denied to everyone.
 */
public record Permission(String name) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z-]*\\.[a-z][a-z-]*");

  public static final Permission WORKSPACE_READ = new Permission("workspace.read");
  /** Cancelling a workspace, reactivating it, deleting it now (DSR-05). */
  public static final Permission WORKSPACE_LIFECYCLE = new Permission("workspace.lifecycle");
  public static final Permission CONTACT_READ = new Permission("contact.read");
  public static final Permission CONTACT_WRITE = new Permission("contact.write");
  public static final Permission CONTACT_DELETE = new Permission("contact.delete");
  public static final Permission COMPANY_READ = new Permission("company.read");
  public static final Permission COMPANY_WRITE = new Permission("company.write");
  /** Deleting a company, which unlinks the contacts that work for it. */
  public static final Permission COMPANY_DELETE = new Permission("company.delete");
  /** Erasure at a person's request and its receipts. */
  public static final Permission ERASURE_MANAGE = new Permission("erasure.manage");
  public static final Permission MEMBER_READ = new Permission("member.read");
  /** Changing a member's role below OWNER and removing a member who is no OWNER. */
  public static final Permission MEMBER_MANAGE = new Permission("member.manage");
  /** Granting OWNER, and changing or removing an OWNER. */
  public static final Permission OWNER_MANAGE = new Permission("owner.manage");
  /** Leaving a workspace oneself. */
  public static final Permission MEMBERSHIP_LEAVE = new Permission("membership.leave");
  public static final Permission INVITATION_MANAGE = new Permission("invitation.manage");
  public static final Permission API_KEY_MANAGE = new Permission("api-key.manage");
  public static final Permission DEAL_READ = new Permission("deal.read");
  /** Creating and changing deals, moving them between stages. */
  public static final Permission DEAL_WRITE = new Permission("deal.write");
  public static final Permission DEAL_DELETE = new Permission("deal.delete");
  public static final Permission PIPELINE_READ = new Permission("pipeline.read");
  /** Creating, changing and deleting pipelines and their stages. */
  public static final Permission PIPELINE_MANAGE = new Permission("pipeline.manage");
  /** Reading activities, and the timelines of contacts, companies and deals. */
  public static final Permission ACTIVITY_READ = new Permission("activity.read");
  /** Creating, changing and deleting activities. */
  public static final Permission ACTIVITY_WRITE = new Permission("activity.write");
  public static final Permission TASK_READ = new Permission("task.read");
  /** Creating, changing (assigning, completing) and deleting tasks. */
  public static final Permission TASK_WRITE = new Permission("task.write");

  /** Reading purposes, contacts' consent states and the ledger. */
  public static final Permission CONSENT_READ = new Permission("consent.read");
  /** Recording consent, withdrawals and objections, and asking a contact to opt in. */
  public static final Permission CONSENT_RECORD = new Permission("consent.record");
  /** Declaring, changing and retiring purposes; restrictions; proof by address; marketing sends. */
  public static final Permission CONSENT_MANAGE = new Permission("consent.manage");
  /**
   * Recording a withdrawal or an objection: also in a cancelled workspace, since a person's rights
   * do not pause while their controller leaves (grants are {@link #CONSENT_RECORD}'s, refused there).
   */
  public static final Permission CONSENT_REFUSE = new Permission("consent.refuse");
  /** Restricting a contact's processing: also in a cancelled workspace (lifting it is {@link #CONSENT_MANAGE}'s). */
  public static final Permission RESTRICTION_SET = new Permission("restriction.set");

  /** Reading a workspace's custom field definitions. */
  public static final Permission CUSTOM_FIELD_READ = new Permission("custom-field.read");
  /** Creating, changing and deleting custom field definitions (with their values). */
  public static final Permission CUSTOM_FIELD_MANAGE = new Permission("custom-field.manage");

  /** Exporting the workspace's records: a list's, or everything at once (DSR-06). */
  public static final Permission DATA_EXPORT = new Permission("data.export");

  /** Reading import jobs, where they stand, and their error rows. */
  public static final Permission IMPORT_READ = new Permission("import.read");
  /** Starting and cancelling imports (which create and update contacts and companies). */
  public static final Permission IMPORT_WRITE = new Permission("import.write");

  /** Reading, exporting and verifying the workspace's audit trail. */
  public static final Permission AUDIT_READ = new Permission("audit.read");

  public Permission {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a permission is named <object>.<verb> in lower case");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
