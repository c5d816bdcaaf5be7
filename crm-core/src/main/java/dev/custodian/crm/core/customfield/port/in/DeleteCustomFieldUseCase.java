package dev.custodian.crm.core.customfield.port.in;

import dev.custodian.crm.core.access.Actor;

/** Use case: delete a custom field definition, with its options and every value of it. */
@FunctionalInterface
public interface DeleteCustomFieldUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.NotFoundException for no such definition of the object type
   * @throws dev.custodian.crm.core.common.error.PreconditionFailedException when the version is not the current one
   */
  void delete(Actor actor, DeleteCustomFieldCommand command);
}
