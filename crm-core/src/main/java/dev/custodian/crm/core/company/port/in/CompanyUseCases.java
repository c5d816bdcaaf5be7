package dev.custodian.crm.core.company.port.in;

import java.util.Objects;

/** The company feature's in-ports, handed out together (to an adapter, or to an embedder). */
public record CompanyUseCases(CreateCompanyUseCase create, GetCompanyUseCase get,
    ListCompaniesUseCase list, UpdateCompanyUseCase update, DeleteCompanyUseCase delete) {

  public CompanyUseCases {
    Objects.requireNonNull(create, "create");
    Objects.requireNonNull(get, "get");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(delete, "delete");
  }
}
