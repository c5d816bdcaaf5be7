package dev.custodian.crm.core.contact.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.audit.AuditAction;
import dev.custodian.crm.core.audit.AuditDetails;
import dev.custodian.crm.core.audit.AuditTargetType;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.port.in.DeleteContactCommand;
import dev.custodian.crm.core.contact.port.in.DeleteContactUseCase;
import dev.custodian.crm.core.contact.port.out.ContactLinks;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import java.util.List;
import java.util.Objects;

/**
 * Service: deletes a contact, honouring the expected version when one is given; the links other
 * records hold to it ({@link ContactLinks}) go first, in the same transaction, those records staying.
 */
public final class DeleteContactService implements DeleteContactUseCase {

  private final WorkspaceTransactions transactions;
  private final ContactRepository contacts;
  private final List<ContactLinks> links;

  public DeleteContactService(WorkspaceTransactions transactions, ContactRepository contacts) {
    this(transactions, contacts, List.of());
  }

  public DeleteContactService(WorkspaceTransactions transactions, ContactRepository contacts,
      List<ContactLinks> links) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.links = List.copyOf(links);
  }

  @Override
  public void delete(Actor actor, DeleteContactCommand command) {
    transactions.inWorkspace(command.workspace(), actor, Permission.CONTACT_DELETE, () -> {
      Contact current = contacts.findById(command.workspace(), command.id())
          .orElseThrow(() -> new NotFoundException("contact"));
      if (command.expectedVersion().isPresent()
          && command.expectedVersion().getAsLong() != current.version()) {
        throw PreconditionFailedException.stale("contact");
      }
      for (ContactLinks store : links) {
        store.unlinkContact(command.workspace(), command.id());
      }
      if (!contacts.delete(command.workspace(), command.id(), command.expectedVersion())) {
        // Changed or deleted since it was read: with a version that is a stale precondition.
        throw command.expectedVersion().isPresent()
            ? PreconditionFailedException.stale("contact")
            : new NotFoundException("contact");
      }
      transactions.audit(command.workspace(), actor, AuditAction.CONTACT_DELETED, AuditTargetType.CONTACT,
          command.id().value(), AuditDetails.none());
      return null;
    });
  }
}
