package dev.custodian.crm.core.customfield.port.in;

import java.util.Objects;

/** The custom field feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record CustomFieldUseCases(CreateCustomFieldUseCase create, GetCustomFieldUseCase get,
    ListCustomFieldsUseCase list, UpdateCustomFieldUseCase update, DeleteCustomFieldUseCase delete) {

  public CustomFieldUseCases {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(delete, "delete");
  }
}
