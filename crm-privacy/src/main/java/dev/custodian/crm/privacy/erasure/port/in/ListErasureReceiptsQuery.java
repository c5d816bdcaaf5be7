package dev.custodian.crm.privacy.erasure.port.in;

import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenant.TenantId;
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
    PageRequest page = PageRequest.of(limit, cursor, v);
    v.throwIfInvalid();
    return new ListErasureReceiptsQuery(tenant, page);
  }
}
