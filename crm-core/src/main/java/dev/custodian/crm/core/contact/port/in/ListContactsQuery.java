package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.TenantId;
import java.util.Objects;

/** Input of {@link ListContactsUseCase}: which workspace, and which page. */
public record ListContactsQuery(TenantId tenant, PageRequest page) {

  public ListContactsQuery {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(page, "page");
  }

  /**
   * Validates the paging parameters together.
   *
   * @param limit {@code null} for the default of {@value PageRequest#DEFAULT_LIMIT}
   * @param cursor {@code null} for the first page
   */
  public static ListContactsQuery of(TenantId tenant, Integer limit, String cursor) {
    Validator v = new Validator();
    ListContactsQuery query = of(v, tenant, limit, cursor);
    v.throwIfInvalid();
    return query;
  }

  /** Validates the paging parameters into {@code v}; {@code null} when {@code v} holds any error. */
  public static ListContactsQuery of(Validator v, TenantId tenant, Integer limit, String cursor) {
    PageRequest page = PageRequest.of(v, limit, cursor);
    return v.hasErrors() ? null : new ListContactsQuery(tenant, page);
  }
}
