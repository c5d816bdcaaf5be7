package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.contact.Contact;

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
  Contact update(Actor actor, UpdateContactCommand command);
}
