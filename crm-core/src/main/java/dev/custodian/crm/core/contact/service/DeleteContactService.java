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
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import java.util.Objects;

/** Service: deletes a contact, honouring the expected version when one is given. */
public final class DeleteContactService implements DeleteContactUseCase {

  private final WorkspaceTransactions transactions;
  private final ContactRepository contacts;

  public DeleteContactService(WorkspaceTransactions transactions, ContactRepository contacts) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
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
