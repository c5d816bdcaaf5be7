package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.contact.Contact;
import dev.custodian.crm.core.customfield.port.in.WithCustom;

/** Use case: change some fields of a contact, unless someone else changed it first. */
public interface UpdateContactUseCase {

  /**
   * @return the contact as stored after the change
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or contact
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   * @throws dev.custodian.crm.core.common.error.ConflictException when the new email is taken or
   *     a new email or phone is suppressed
   * @throws dev.custodian.crm.core.common.error.ValidationException naming {@code companyId} when
   *     the new company is not one of the workspace's
   */
  default Contact update(Actor actor, UpdateContactCommand command) {
    return update(actor, WithCustom.of(command.workspace(), command));
  }

  /**
   * Changes the contact's fields and custom values (a {@code null} value clears its key; a key not
   * given keeps its value), checked against the workspace's contact fields.
   *
   * @throws dev.custodian.crm.core.common.error.ValidationException naming every bad built-in and
   *     custom field ({@code custom/<key>}) at once
   * @throws dev.custodian.crm.core.common.error.ValidationException also naming {@code custom/<key>}
   *     when its field (or a chosen option) was deleted meanwhile, as an unknown key: nothing is stored
   */
  Contact update(Actor actor, WithCustom<UpdateContactCommand> input);
}
