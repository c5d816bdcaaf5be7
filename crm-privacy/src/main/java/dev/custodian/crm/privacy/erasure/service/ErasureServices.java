package dev.custodian.crm.privacy.erasure.service;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.activity.port.out.ActivityRepository;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.consent.port.out.ConsentConfirmations;
import dev.custodian.crm.core.consent.port.out.ConsentLedger;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.erasure.ErasureParticipant;
import dev.custodian.crm.core.erasure.port.out.ErasureReceiptRepository;
import dev.custodian.crm.core.mail.port.out.MailOutbox;
import dev.custodian.crm.core.imports.service.ImportServices;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.task.port.out.TaskRepository;
import dev.custodian.crm.privacy.erasure.port.in.ErasureUseCases;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** Factory: the erasure use cases over their out-ports. */
public final class ErasureServices {

  /** The receipt's name for the contact record itself, which always takes part. */
  public static final String CONTACT_RECORD = "contacts";

  /** The receipt's name for a person's links to deals, removed before the contact record goes. */
  public static final String DEAL_CONTACTS = "dealContacts";

  /** The receipt's names for activities and tasks: deleted (the person's alone) and unlinked (shared, kept for review). */
  public static final String ACTIVITIES = "activities";
  public static final String ACTIVITY_LINKS = "activityLinks";
  public static final String TASKS = "tasks";
  public static final String TASK_LINKS = "taskLinks";

  /** The receipt's name for a person's custom values and the custom email and phone values equal to theirs. */
  public static final String CUSTOM_VALUES = "customValues";

  /** The receipt's name for the link of the person's consent subject (the ledger's entries stay, naming no one). */
  public static final String CONSENT = "consent";

  /** The receipt names the library's own participants take; an embedder's participant needs another. */
  public static final Set<String> BUILT_IN_NAMES =
      Set.of(CONTACT_RECORD, DEAL_CONTACTS, ACTIVITIES, ACTIVITY_LINKS, TASKS, TASK_LINKS, CUSTOM_VALUES,
          CONSENT, ImportServices.IMPORT_ROWS);

  private ErasureServices() {}

  /**
   * The participants of activities and tasks, in their order: {@code activities},
   * {@code activityLinks}, {@code tasks}, {@code taskLinks}; the kept shared ones are for review.
   */
  public static List<ErasureParticipant> activitiesAndTasks(ActivityRepository activities, TaskRepository tasks) {
    return ActivityAndTaskParticipants.of(activities, tasks);
  }

  /** The participant that removes a person's custom values and the structured copies of their email and phone. */
  public static ErasureParticipant customValues(CustomValueRepository values, ContactRepository contacts) {
    return new CustomValuesParticipant(values, contacts);
  }

  /**
   * The participant that removes the link of a person's consent subject (the ledger's entries
   * stay), their pending confirmations and the mail queued to them.
   */
  public static ErasureParticipant consent(ConsentLedger ledger, ConsentConfirmations confirmations,
      MailOutbox outbox) {
    return new ConsentParticipant(ledger, confirmations, outbox);
  }

  /** The participant that removes a person's links to deals (the deals stay). */
  public static ErasureParticipant dealContacts(DealRepository deals) {
    return new DealContactsParticipant(deals);
  }

  /**
   * @param otherParticipants every store besides the contact record that holds a contact's
   *     personal data; the contact record itself always takes part
   */
  public static ErasureUseCases create(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, ErasureReceiptRepository receipts,
      List<ErasureParticipant> otherParticipants, IdGenerator ids, Clock clock) {
    return new ErasureUseCases(
        new EraseContactService(transactions, contacts, otherParticipants, suppressionList, receipts,
            ids, clock),
        (actor, query) -> transactions.page(actor, Permission.ERASURE_MANAGE, query, receipts::list)); // a list is one page of the walk
  }
}
