package dev.custodian.crm.http.export;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.myexport.MyData;
import dev.custodian.crm.core.myexport.port.in.ExportMyDataUseCase;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import dev.custodian.crm.http.common.CurrentActor;
import dev.custodian.crm.http.common.Requests;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * HTTP adapter: {@code GET /api/v1/me/export}, the signed-in account's own data as a ZIP (DSR-01,
 * DSR-06 for accounts). The use case reads and audits first (a refusal, e.g. the 4th call in an
 * hour, is still a problem), then the ZIP is streamed to the client.
 */
final class MyDataRoutes implements RouteGroup {

  static final String MY_EXPORT = "/api/v1/me/export";

  private final ExportMyDataUseCase useCase;

  MyDataRoutes(ExportMyDataUseCase useCase) {
    this.useCase = Objects.requireNonNull(useCase, "useCase");
  }

  @Override
  public void addTo(RouteTable table) {
    table.get(MY_EXPORT).access(Access.ACCOUNT)
        .describe("exportMyData", "Download your own data as a ZIP of CSV and NDJSON files: profile, memberships, "
            + "sessions, sign-ins and how the platform processes them (3 an hour, audited)")
        .responds(200, null).handle(this::export);
  }

  void export(Context ctx) {
    Validator v = new Validator();
    ctx.queryParamMap().keySet().stream().sorted()
        .forEach(name -> v.reject(FieldError.parameter(name, "is not a parameter of this route")));
    v.throwIfInvalid();
    MyData data = useCase.export(CurrentActor.of(ctx).account());
    ctx.status(200).contentType("application/zip")
        .header("Content-Disposition", "attachment; filename=\"my-data.zip\"")
        .header("Cache-Control", "no-store");
    try {
      OutputStream body = ctx.res().getOutputStream();
      MyDataZip.write(body, data, Requests.mapper(ctx));
      body.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
