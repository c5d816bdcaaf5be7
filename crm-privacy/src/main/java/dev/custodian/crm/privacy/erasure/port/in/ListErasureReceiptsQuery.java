package dev.custodian.crm.privacy.erasure.port.in;

import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.TenantId;
import java.util.Objects;

/** Input of {@link ListErasureReceiptsUseCase}: which workspace, and which page. */
public record ListErasureReceiptsQuery(TenantId tenant, PageRequest page) {

  public ListErasureReceiptsQuery {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(page, "page");
  }

  /** Validates the paging parameters together; {@code null} means default limit / first page. */
  public static ListErasureReceiptsQuery of(TenantId tenant, Integer limit, String cursor) {
    Validator v = new Validator();
    ListErasureReceiptsQuery query = of(v, tenant, limit, cursor);
    v.throwIfInvalid();
    return query;
  }

  /** Validates the paging parameters into {@code v}; {@code null} when {@code v} holds any error. */
  public static ListErasureReceiptsQuery of(Validator v, TenantId tenant, Integer limit, String cursor) {
    PageRequest page = PageRequest.of(v, limit, cursor);
    return v.hasErrors() ? null : new ListErasureReceiptsQuery(tenant, page);
  }
}
