package dev.custodian.crm.core.contact.service;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.common.PhoneNumber;
import dev.custodian.crm.core.common.Timestamps;
import dev.custodian.crm.core.common.error.NotFoundException;
import dev.custodian.crm.core.common.error.PreconditionFailedException;
import dev.custodian.crm.core.common.patch.PatchValue;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.contact.JobTitle;
import dev.custodian.crm.core.contact.PersonName;
import dev.custodian.crm.core.contact.port.in.UpdateContactCommand;
import dev.custodian.crm.core.contact.port.in.UpdateContactUseCase;
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
 * Service: applies a partial change with optimistic locking. The version check is repeated in the
 * repository's write, so a change based on a stale read never overwrites a newer one. Only an
 * email or phone that the change introduces is checked against the suppression list.
 */
public final class UpdateContactService implements UpdateContactUseCase {

  private final WorkspaceTransactions transactions;
  private final ContactRepository contacts;
  private final SuppressionGuard suppression;
  private final CustomValueIntake custom;
  private final Clock clock;

  public UpdateContactService(WorkspaceTransactions transactions, ContactRepository contacts,
      SuppressionList suppressionList, CustomValueIntake custom, Clock clock) {
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.suppression = new SuppressionGuard(suppressionList);
    this.custom = Objects.requireNonNull(custom, "custom");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Contact update(Actor actor, WithCustom<UpdateContactCommand> input) {
    return transactions.inWorkspace(input.workspace(), actor, Permission.CONTACT_WRITE, () -> {
      Map<CustomField, Optional<CustomValue>> changes = custom.check(input, ObjectType.CONTACT);
      UpdateContactCommand command = input.command();
      Contact current = contacts.findById(command.workspace(), command.id())
          .orElseThrow(() -> new NotFoundException("contact"));
      if (current.version() != command.expectedVersion()) {
        throw PreconditionFailedException.stale("contact");
      }
      EmailAddress email = valueOr(command.email(), current.email());
      Optional<PhoneNumber> phone = optionalValueOr(command.phone(), current.phone());
      suppression.refuseSuppressed(command.workspace(),
          Optional.of(email).filter(e -> !e.normalised().equals(current.email().normalised())),
          phone.equals(current.phone()) ? Optional.empty() : phone);
      CustomValues values = CustomValueIntake.applied(current.custom(), changes);
      suppression.refuseSuppressedCustom(command.workspace(), CustomValueIntake.addedEmails(changes, current.custom()),
          CustomValueIntake.addedPhones(changes, current.custom()));
      PersonName firstName = valueOr(command.firstName(), current.firstName());
      PersonName lastName = valueOr(command.lastName(), current.lastName());
      Optional<JobTitle> jobTitle = optionalValueOr(command.jobTitle(), current.jobTitle());
      Optional<CompanyId> company = optionalValueOr(command.company(), current.company());
      if (firstName.equals(current.firstName()) && lastName.equals(current.lastName())
          && email.equals(current.email()) && phone.equals(current.phone())
          && jobTitle.equals(current.jobTitle()) && company.equals(current.company())
          && values.equals(current.custom())) {
        return current; // a change that changes nothing: no new version, nothing written
      }
      Contact changed =
          current.changed(firstName, lastName, email, phone, jobTitle, company, Timestamps.now(clock));
      if (!contacts.update(changed, command.expectedVersion())) {
        throw PreconditionFailedException.stale("contact");
      }
      // After the record's row: its new version is locked, so values are written for it alone.
      custom.write(command.workspace(), new RecordRef(ObjectType.CONTACT, current.id().value()), changes);
      return changed.withCustom(values);
    });
  }

  private static <T> T valueOr(PatchValue<T> patch, T current) {
    return patch instanceof PatchValue.Set<T> set ? set.value() : current;
  }

  /** An optional field: cleared, set, or as it is. */
  private static <T> Optional<T> optionalValueOr(PatchValue<T> patch, Optional<T> current) {
    return patch instanceof PatchValue.Clear
        ? Optional.empty()
        : Optional.ofNullable(valueOr(patch, current.orElse(null)));
  }
}
