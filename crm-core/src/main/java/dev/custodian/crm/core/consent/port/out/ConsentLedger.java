package dev.custodian.crm.core.consent.port.out;

import dev.custodian.crm.core.consent.AddressHash;
import dev.custodian.crm.core.consent.ConsentEvent;
import dev.custodian.crm.core.consent.PurposeKey;
import dev.custodian.crm.core.consent.SubjectRef;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Out-port: the append-only consent ledger and the links of its subjects to contacts. Entries are
 * never changed or deleted (the database refuses it to every role); a link goes with its contact
 * (deleted or erased), leaving the entries found only through their address hash. Every method is
 * scoped to the given workspace, joins the caller's open transaction, and fails with
 * {@link IllegalStateException} when none is open.
 */
public interface ConsentLedger {

  /** The contact's subject reference, if the ledger has one. */
  Optional<SubjectRef> subjectOf(WorkspaceId workspace, ContactId contact);

  /**
   * The contact's subject reference, linking {@code fresh} first when it has none, and locked until
   * the transaction ends: two transactions recording for one contact take turns, so each decides
   * on the entries the other appended.
   */
  SubjectRef lockSubject(WorkspaceId workspace, ContactId contact, SubjectRef fresh);

  void append(ConsentEvent event);

  /** The subject's entries, in the order they were appended. */
  List<ConsentEvent> eventsOf(WorkspaceId workspace, SubjectRef subject);

  /**
   * As {@link #eventsOf}, handing each entry to {@code sink} as it is read, so a subject with very
   * many entries (a data-subject package) costs no more memory than one: the jOOQ adapter reads
   * through a cursor. By default the list's entries.
   */
  default void streamEventsOf(WorkspaceId workspace, SubjectRef subject, Consumer<? super ConsentEvent> sink) {
    eventsOf(workspace, subject).forEach(sink);
  }

  /** The entries under the address, whatever subject, in the order they were appended (proof). */
  List<ConsentEvent> eventsFor(WorkspaceId workspace, AddressHash address);

  /** The latest entry for the address and purpose, whatever subject. */
  Optional<ConsentEvent> latestFor(WorkspaceId workspace, AddressHash address, PurposeKey purpose);

  /**
   * Deletes the contact's subject link (erasure): its entries stay, naming no one.
   *
   * @return how many links were removed (0 or 1)
   */
  int unlink(WorkspaceId workspace, ContactId contact);
}
