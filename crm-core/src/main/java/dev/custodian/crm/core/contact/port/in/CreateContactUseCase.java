package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.customfield.port.in.WithCustom;

/** Use case: add a contact to a workspace. */
public interface CreateContactUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code DUPLICATE} when the email
   *     is taken in the workspace, {@code SUPPRESSED} when it was erased at the person's request
   * @throws dev.custodian.crm.core.common.error.ValidationException naming {@code companyId} when
   *     the company is not one of the workspace's (another workspace's, or none at all)
   */
  default Contact create(Actor actor, CreateContactCommand command) {
    return create(actor, WithCustom.of(command.workspace(), command));
  }

  /**
   * Adds the contact with its custom values, checked against the workspace's contact fields.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming every bad built-in and
   *     custom field ({@code custom/<key>}) at once
   * @throws dev.custodian.crm.core.common.error.ConflictException {@code SUPPRESSED} also when a
   *     custom EMAIL or PHONE value was erased at the person's request
   */
  Contact create(Actor actor, WithCustom<CreateContactCommand> input);
}
