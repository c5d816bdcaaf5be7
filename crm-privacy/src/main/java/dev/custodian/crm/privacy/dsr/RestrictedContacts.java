package dev.custodian.crm.privacy.dsr;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.common.error.CrmException;
import dev.custodian.crm.core.consent.port.out.ProcessingRestrictions;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.in.ContactUseCases;
import dev.custodian.crm.core.contact.port.in.DeleteContactUseCase;
import dev.custodian.crm.core.contact.port.in.UpdateContactCommand;
import dev.custodian.crm.core.contact.port.in.UpdateContactUseCase;
import dev.custodian.crm.core.customfield.port.in.WithCustom;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The contact use cases while a contact's processing is restricted (Art. 18, DSR-07): its update
 * and delete are refused (409 {@code RESTRICTED}), checked in their own transaction, which the
 * use case joins. A data-subject request's rectification and an erasure take the unguarded path.
 */
public final class RestrictedContacts {

  private RestrictedContacts() {}

  /** {@code contacts} with their update and delete refused for a restricted contact. */
  public static ContactUseCases guarding(ContactUseCases contacts, WorkspaceTransactions transactions,
      ProcessingRestrictions restrictions) {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(restrictions, "restrictions");
    UpdateContactUseCase update = new UpdateContactUseCase() {
      @Override
      public Contact update(Actor actor, WithCustom<UpdateContactCommand> input) {
        if (input.command() == null) {
          return contacts.update().update(actor, input); // bad input: its 400, nothing to guard
        }
        return unlessRestricted(transactions, restrictions, actor, input.workspace(), input.command().id(),
            Permission.CONTACT_WRITE, () -> contacts.update().update(actor, input));
      }
    };
    DeleteContactUseCase delete = (actor, command) -> unlessRestricted(transactions, restrictions, actor,
        command.workspace(), command.id(), Permission.CONTACT_DELETE, () -> {
          contacts.delete().delete(actor, command);
          return null;
        });
    return new ContactUseCases(contacts.create(), contacts.get(), contacts.list(), update, delete);
  }

  private static <T> T unlessRestricted(WorkspaceTransactions transactions, ProcessingRestrictions restrictions,
      Actor actor, WorkspaceId workspace, ContactId contact, Permission permission, Supplier<T> work) {
    return transactions.inWorkspace(workspace, actor, permission, () -> {
      if (restrictions.restrictedSince(workspace, contact).isPresent()) {
        throw new ConflictException(CrmException.Kind.RESTRICTED,
            "the contact's processing is restricted: it may be rectified or erased at the person's request only");
      }
      return work.get();
    });
  }
}
