package dev.custodian.crm.http.datamap;

import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.http.RouteTable;
import io.javalin.http.Context;
import java.util.Objects;

/** HTTP adapter: {@code GET /api/v1/data-map}, public: what the product stores, why, and for how long. */
final class DataMapRoutes implements RouteGroup {

  static final String DATA_MAP = "/api/v1/data-map";

  private final DataMapResponse answer;

  DataMapRoutes(DataMap map) {
    // The map is fixed at start: built once from its declarations.
    this.answer = new DataMapResponse(Objects.requireNonNull(map, "map").classes().stream()
        .map(DataClassResponse::from).toList());
  }

  @Override
  public void addTo(RouteTable table) {
    table.get(DATA_MAP).access(Access.PUBLIC)
        .describe("getDataMap", "Every class of data stored: category, purpose, legal basis, CCPA category, "
            + "retention and whether it is enforced")
        .responds(200, DataMapResponse.class).handle(this::get);
  }

  void get(Context ctx) {
    ctx.json(answer);
  }
}
