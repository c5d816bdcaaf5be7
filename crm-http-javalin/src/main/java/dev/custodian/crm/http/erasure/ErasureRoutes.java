package dev.custodian.crm.http.erasure;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.PageRequest;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.contact.ContactId;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import dev.custodian.crm.privacy.erasure.port.in.ErasureUseCases;
import io.javalin.http.Context;
import java.util.Objects;

/** HTTP adapter: erasure at the person's request, and the receipts that prove it. */
final class ErasureRoutes implements RouteGroup {

  static final String ERASE = "/api/v1/workspaces/{workspaceId}/contacts/{contactId}/erasure";
  static final String RECEIPTS = "/api/v1/workspaces/{workspaceId}/erasures";

  private final ErasureUseCases useCases;

  ErasureRoutes(ErasureUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(ERASE).access(Access.permission(Permission.ERASURE_MANAGE))
        .describe("eraseContact", "Erase a contact at the person's request and keep a receipt")
        .responds(200, ErasureReceiptResponse.class).handle(this::erase);
    table.get(RECEIPTS).access(Access.permission(Permission.ERASURE_MANAGE))
        .describe("listErasureReceipts", "Walk the workspace's erasure receipts, oldest first")
        .respondsPage(ErasureReceiptResponse.class, ListOffer.OLDEST_FIRST).handle(this::list);
  }

  /** {@code POST .../erasure}: 200 with the receipt; a second erasure is a 404. */
  void erase(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ContactId contact = Requests.idPathParam(ctx, v, "contactId", ContactId::of);
    v.throwIfInvalid();
    ctx.json(ErasureReceiptResponse.from(useCases.erase().erase(CurrentActor.of(ctx), workspace, contact)));
  }

  /** {@code GET .../erasures}: a page of receipts, oldest first. */
  void list(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    PageRequest page = Paging.page(ctx, v);
    v.throwIfInvalid();
    ctx.json(Paging.PagedItems.from(useCases.list().list(CurrentActor.of(ctx), new PageQuery(workspace, page)),
        ErasureReceiptResponse::from));
  }
}
