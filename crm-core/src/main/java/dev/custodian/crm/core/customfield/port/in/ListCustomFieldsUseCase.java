package dev.custodian.crm.core.customfield.port.in;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.customfield.CustomField;
import dev.custodian.crm.core.customfield.ObjectType;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import java.util.List;

/** Use case: every custom field definition of one object type of a workspace (at most 100), oldest first. */
@FunctionalInterface
public interface ListCustomFieldsUseCase {

  /** @throws dev.custodian.crm.core.common.error.NotFoundException when the workspace does not exist */
  List<CustomField> list(Actor actor, WorkspaceId workspace, ObjectType objectType);
}
