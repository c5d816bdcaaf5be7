package dev.custodian.crm.core.contact.port.in;

import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenant.TenantId;
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
    PageRequest page = PageRequest.of(limit, cursor, v);
    v.throwIfInvalid();
    return new ListContactsQuery(tenant, page);
  }
}
