package dev.custodian.crm.core.contact.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.contact.port.in.CreateContactUseCase;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomValue;
import dev.custodian.crm.core.customfield.CustomValues;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.customfield.RecordRef;
import dev.custodian.crm.core.customfield.port.in.WithCustom;
import dev.custodian.crm.core.customfield.service.CustomValueIntake;
import dev.custodian.crm.core.suppression.port.out.SuppressionList;
import dev.custodian.crm.core.suppression.service.SuppressionGuard;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Service: adds a contact, unless its email or phone is suppressed in the workspace; the
 * repository's insert refuses a company that is not the workspace's.
 */
public final class CreateContactService implements CreateContactUseCase {

  private final WorkspaceTransactions transactions;
  private final ContactRepository contacts;
  private final SuppressionGuard suppression;
  private final CustomValueIntake custom;
  private final IdGenerator ids;
  private final Clock clock;

  public CreateContactService(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, CustomValueIntake custom, IdGenerator ids, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.suppression = new SuppressionGuard(suppressionList);
    this.custom = Objects.requireNonNull(custom, "custom");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Contact create(Actor actor, WithCustom<CreateContactCommand> input) {
    return transactions.inWorkspace(input.workspace(), actor, Permission.CONTACT_WRITE, () -> {
      Map<CustomField, Optional<CustomValue>> changes = custom.check(input, ObjectType.CONTACT);
      CreateContactCommand command = input.command();
      suppression.refuseSuppressed(command.workspace(), Optional.of(command.email()), command.phone());
      suppression.refuseSuppressedCustom(command.workspace(), CustomValueIntake.emails(changes),
          CustomValueIntake.phones(changes));
      Contact contact = Contact.create(command.workspace(), ContactId.of(ids.newId()),
          command.firstName(), command.lastName(), command.email(), command.phone(), command.jobTitle(),
          command.company(), Timestamps.now(clock));
      contacts.insert(contact);
      custom.write(command.workspace(), new RecordRef(ObjectType.CONTACT, contact.id().value()), changes);
      return contact.withCustom(CustomValueIntake.applied(CustomValues.NONE, changes));
    });
  }
}
