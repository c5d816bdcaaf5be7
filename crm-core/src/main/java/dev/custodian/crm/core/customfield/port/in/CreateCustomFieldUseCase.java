package dev.custodian.crm.core.customfield.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.customfield.CustomField;

/** Use case: add a custom field definition to one object type of a workspace (at most 100 each). */
@FunctionalInterface
public interface CreateCustomFieldUseCase {

  /**
   * @throws dev.custodian.crm.core.common.error.ConflictException (duplicate) for a key the object
   *     type has; (limit) when it has 100 fields already
   */
  CustomField create(Actor actor, CreateCustomFieldCommand command);
}
