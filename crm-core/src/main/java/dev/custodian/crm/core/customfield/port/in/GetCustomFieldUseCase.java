package dev.custodian.crm.core.customfield.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.CustomFieldId;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.tenancy.WorkspaceId;

/** Use case: read one custom field definition of an object type. */
@FunctionalInterface
public interface GetCustomFieldUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException for no such workspace or definition of the object type */
  CustomField get(Actor actor, WorkspaceId workspace, ObjectType objectType, CustomFieldId id);
}
