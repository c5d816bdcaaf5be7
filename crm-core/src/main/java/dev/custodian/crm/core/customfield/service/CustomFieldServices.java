package dev.custodian.crm.core.customfield.service;

import dev.custodian.crm.core.access.service.WorkspaceTransactions;
import dev.custodian.crm.core.common.port.out.IdGenerator;
import dev.custodian.crm.core.customfield.port.in.CustomFieldUseCases;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import java.time.Clock;

/** Factory: the custom field use cases over their out-ports. */
public final class CustomFieldServices {

  private CustomFieldServices() {}

  public static CustomFieldUseCases create(WorkspaceTransactions transactions, CustomFieldRepository fields,
      IdGenerator ids, Clock clock) {
    CustomFieldDefinitionService service = new CustomFieldDefinitionService(transactions, fields, ids, clock);
    return new CustomFieldUseCases(service, service, service, service, service);
  }
}
