package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.access.Actor;
/**
 * Use case: delete a contact (a hard delete). Erasure at the person's request, which also keeps
 * the person from being re-added, is crm-privacy's {@code EraseContactUseCase}.
 */
public interface DeleteContactUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or contact
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the expected
   *     version is stale
   */
  void delete(Actor actor, DeleteContactCommand command);
}
