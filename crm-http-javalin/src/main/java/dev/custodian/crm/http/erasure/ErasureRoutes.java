package dev.custodian.crm.http.erasure;

import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenant.TenantId;
import dev.custodian.crm.http.common.InputErrors;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import dev.custodian.crm.privacy.erasure.port.in.EraseContactUseCase;
import dev.custodian.crm.privacy.erasure.port.in.ListErasureReceiptsQuery;
import dev.custodian.crm.privacy.erasure.port.in.ListErasureReceiptsUseCase;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Objects;

/** HTTP adapter: erasure at the person's request, and the receipts that prove it. */
public final class ErasureRoutes {

  public static final String ERASE = "/api/v1/workspaces/{workspaceId}/contacts/{contactId}/erasure";
  public static final String RECEIPTS = "/api/v1/workspaces/{workspaceId}/erasures";

  /** The use cases behind the routes. */
  public record UseCases(EraseContactUseCase erase, ListErasureReceiptsUseCase list) {

    public UseCases {
      Objects.requireNonNull(erase, "erase");
      Objects.requireNonNull(list, "list");
    }
  }

  private final UseCases useCases;

  public ErasureRoutes(UseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  public void addTo(JavalinConfig config) {
    config.routes.post(ERASE, this::erase);
    config.routes.get(RECEIPTS, this::list);
  }

  /** {@code POST .../erasure}: 200 with the receipt; a second erasure is a 404. */
  void erase(Context ctx) throws Exception {
    InputErrors inputs = new InputErrors();
    TenantId workspace = inputs.read(() -> Requests.workspaceId(ctx));
    ContactId contact = inputs.read(() -> ContactId.of(Requests.uuidPathParam(ctx, "contactId")));
    inputs.throwIfAny();
    ctx.json(ErasureReceiptResponse.from(useCases.erase().erase(workspace, contact)));
  }

  /** {@code GET .../erasures}: a page of receipts, oldest first. */
  void list(Context ctx) throws Exception {
    InputErrors inputs = new InputErrors();
    TenantId workspace = inputs.read(() -> Requests.workspaceId(ctx));
    ListErasureReceiptsQuery query = inputs.read(() -> Paging.query(ctx, (limit, cursor) ->
        ListErasureReceiptsQuery.of(InputErrors.orPlaceholder(workspace), limit, cursor)));
    inputs.throwIfAny();
    ctx.json(Paging.PagedItems.from(useCases.list().list(query), ErasureReceiptResponse::from));
  }
}
