package dev.custodian.crm.http.company;

import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.company.Company;
import dev.custodian.crm.core.company.CompanyId;
import dev.custodian.crm.core.company.CompanyListing;
import dev.custodian.crm.core.company.port.in.CompanyUseCases;
import dev.custodian.crm.core.company.port.in.CreateCompanyCommand;
import dev.custodian.crm.core.company.port.in.DeleteCompanyCommand;
import dev.custodian.crm.core.company.port.in.UpdateCompanyCommand;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.CustomJson;
import dev.custodian.crm.http.common.ETags;
import dev.custodian.crm.http.common.Paging;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * HTTP adapter: the company routes, one small handler per use case, read and answered as the
 * contact routes are. The workspace in the path is the only source of the workspace.
 */
final class CompanyRoutes implements RouteGroup {

  static final String COLLECTION = "/api/v1/workspaces/{workspaceId}/companies";
  static final String ONE = COLLECTION + "/{companyId}";

  private final CompanyUseCases useCases;

  CompanyRoutes(CompanyUseCases useCases) {
    this.useCases = Objects.requireNonNull(useCases, "useCases");
  }

  @Override
  public void addTo(RouteTable table) {
    table.post(COLLECTION).access(Access.permission(Permission.COMPANY_WRITE))
        .describe("createCompany", "Add a company to the workspace")
        .request(CreateCompanyRequest.class).responds(201, CompanyResponse.class).handle(this::create);
    table.get(COLLECTION).access(Access.permission(Permission.COMPANY_READ))
        .describe("listCompanies", "Walk the workspace's companies, oldest first")
        .respondsPage(CompanyResponse.class, CompanyListing.OFFER).handle(this::list);
    table.get(ONE).access(Access.permission(Permission.COMPANY_READ))
        .describe("getCompany", "Read one company").responds(200, CompanyResponse.class).handle(this::get);
    table.patch(ONE).access(Access.permission(Permission.COMPANY_WRITE))
        .describe("updateCompany", "Change some fields of a company (a merge patch, with If-Match)")
        .mergePatch(CreateCompanyRequest.class).header("If-Match").responds(200, CompanyResponse.class)
        .handle(this::update);
    table.delete(ONE).access(Access.permission(Permission.COMPANY_DELETE))
        .describe("deleteCompany", "Delete a company, unlinking its contacts (If-Match optional)")
        .header("If-Match").responds(204, null).handle(this::delete);
  }

  /** {@code POST}: 201 with the company, its {@code Location} and {@code ETag}. */
  void create(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CreateCompanyRequest body = Requests.jsonBody(ctx, CreateCompanyRequest.class);
    CreateCompanyCommand command = CreateCompanyCommand.of(v, workspace, body.name(), body.domain());
    Company company = useCases.create().create(CurrentActor.of(ctx),
        CustomJson.withCustom(v, workspace, command, body.custom()));
    ctx.status(HttpStatus.CREATED)
        .header("Location", "/api/v1/workspaces/" + workspace + "/companies/" + company.id());
    respond(ctx, company);
  }

  /** {@code GET} the collection: a page of the list query, with {@code nextCursor} unless last. */
  void list(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    ListQuery query = Paging.query(ctx, v, CompanyListing.OFFER);
    v.throwIfInvalid();
    ctx.json(Paging.PagedItems.from(useCases.list().list(CurrentActor.of(ctx), workspace, query), CompanyResponse::from));
  }

  /** {@code GET} one: 200 with a strong {@code ETag} of its version. */
  void get(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CompanyId id = companyId(ctx, v);
    v.throwIfInvalid();
    respond(ctx, useCases.get().get(CurrentActor.of(ctx), workspace, id));
  }

  /** {@code PATCH}: a merge patch, only with {@code If-Match} of the current version. */
  void update(Context ctx) throws Exception {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CompanyId id = companyId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    CompanyPatchRequest patch = CompanyPatchRequest.from(Requests.mergePatchBody(ctx), v);
    UpdateCompanyCommand command = UpdateCompanyCommand.of(v, workspace, id, expected, patch.name(), patch.domain());
    respond(ctx, useCases.update().update(CurrentActor.of(ctx),
        CustomJson.withCustom(v, workspace, command, patch.custom())));
  }

  /** {@code DELETE}: 204; with {@code If-Match}, only if that is still the current version. */
  void delete(Context ctx) {
    Validator v = new Validator();
    WorkspaceId workspace = Requests.workspaceId(ctx, v);
    CompanyId id = companyId(ctx, v);
    OptionalLong expected = ETags.ifMatch(ctx, v);
    v.throwIfInvalid();
    useCases.delete().delete(CurrentActor.of(ctx), new DeleteCompanyCommand(workspace, id, expected));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static void respond(Context ctx, Company company) {
    ctx.header("ETag", ETags.of(company.version())).json(CompanyResponse.from(company));
  }

  private static CompanyId companyId(Context ctx, Validator v) {
    return Requests.idPathParam(ctx, v, "companyId", CompanyId::of);
  }
}
