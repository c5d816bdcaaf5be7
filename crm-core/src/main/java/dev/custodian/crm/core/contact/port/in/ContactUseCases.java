package dev.custodian.crm.core.contact.port.in;

import java.util.Objects;

/** The contact feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record ContactUseCases(CreateContactUseCase create, GetContactUseCase get,
    ListContactsUseCase list, UpdateContactUseCase update, DeleteContactUseCase delete) {

  public ContactUseCases {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(delete, "delete");
  }
}
