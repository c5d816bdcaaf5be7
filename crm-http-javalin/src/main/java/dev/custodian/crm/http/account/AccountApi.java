package dev.custodian.crm.http.account;

import dev.custodian.crm.core.account.port.in.AccountUseCases;
import dev.custodian.crm.http.RouteGroup;

/** HTTP adapter, the account feature's entry: its routes under {@code /api/v1/auth}. */
public final class AccountApi {

  private AccountApi() {}

  public static RouteGroup routes(AccountUseCases useCases) {
    return new AccountRoutes(useCases);
  }
}
