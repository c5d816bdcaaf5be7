package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.core.access.PermissionMatrix;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.Route;
import dev.custodian.crm.persistence.testing.TestDatabase;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document the real server serves, against the router it actually built, the route
 * table it was built from, swagger-parser, and the README's list of routes.
 */
class OpenApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern README_ROUTE = Pattern.compile("^\\| `(GET|POST|PATCH|PUT|DELETE) ([^`]+)` \\| ([^|]+) \\|",
      Pattern.MULTILINE);

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String document;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.on(db);
    HttpResponse<String> served = app.get("/api/openapi.json");
    assertThat(served.statusCode()).as("public: no session needed").isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    document = served.body();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  /** Every {@code METHOD /path} the document describes. */
  private static Set<String> operations(String json) throws Exception {
    Set<String> operations = new TreeSet<>();
    JsonNode paths = JSON.readTree(json).path("paths");
    for (Iterator<String> p = paths.fieldNames(); p.hasNext(); ) {
      String path = p.next();
      for (Iterator<String> m = paths.path(path).fieldNames(); m.hasNext(); ) {
        operations.add(m.next().toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    return operations;
  }

  /** What is in one set and not the other, both ways; empty when they agree. */
  private static Set<String> differences(Set<String> router, Set<String> documented) {
    Set<String> missing = new TreeSet<>(router);
    missing.removeAll(documented);
    Set<String> extra = new TreeSet<>(documented);
    extra.removeAll(router);
    missing.addAll(extra);
    return missing;
  }

  @Test
  @DisplayName("OpenAPI: the method and path pairs of Javalin's router equal the document's operations, both ways")
  void theDocumentDescribesExactlyTheRoutesServed() throws Exception {
    Set<String> router = new TreeSet<>(app.routes());
    Set<String> documented = operations(document);

    assertThat(router).contains("POST /api/v1/workspaces/{workspaceId}/contacts", "GET /api/openapi.json");
    assertThat(differences(router, documented)).isEmpty();

    // Positive controls: a route registered outside the table, and a table entry dropped from the document.
    Set<String> withOutsider = new HashSet<>(router);
    withOutsider.add("GET /api/v1/test/outside");
    assertThat(differences(withOutsider, documented)).containsExactly("GET /api/v1/test/outside");
    Set<String> dropped = new TreeSet<>(documented);
    dropped.remove("GET /api/v1/workspaces/{workspaceId}/contacts");
    assertThat(differences(router, dropped)).containsExactly("GET /api/v1/workspaces/{workspaceId}/contacts");
  }

  @Test
  @DisplayName("OpenAPI: the document parses as OpenAPI 3.1 without messages")
  void theDocumentIsValidOpenApi31() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
    assertThat(parsed.getOpenAPI().getPaths()).containsKey("/api/v1/workspaces/{workspaceId}/contacts");
  }

  @Test
  @DisplayName("OpenAPI: every field of each request and response record is in its schema, and each operation states its access")
  void everyRecordFieldIsInItsSchema() throws Exception {
    JsonNode doc = JSON.readTree(document);
    JsonNode schemas = doc.path("components").path("schemas");
    int checked = 0;
    for (Route route : app.routeTable()) {
      JsonNode operation = doc.path("paths").path(route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
      assertThat(operation.isObject()).as(route.key()).isTrue();
      assertThat(operation.path("operationId").asText()).as(route.key()).isEqualTo(route.operationId());
      if (route.access() instanceof Access.InWorkspace inWorkspace) {
        assertThat(operation.path("x-minimum-role").asText()).as(route.key())
            .isEqualTo(PermissionMatrix.standard().grantOf(inWorkspace.permission()).orElseThrow().minimum().name());
      } else if (route.access() instanceof Access.Public) {
        assertThat(operation.path("security")).as(route.key()).isEmpty();
      }
      for (Class<?> type : new Class<?>[] {route.requestBody(), route.response()}) {
        if (type == null) {
          continue;
        }
        JsonNode properties = schemas.path(type.getSimpleName()).path("properties");
        assertThat(properties.isObject()).as("schema of %s", type.getSimpleName()).isTrue();
        for (String field : fieldsOf(type)) {
          assertThat(properties.has(field)).as("%s.%s in the schema", type.getSimpleName(), field).isTrue();
          checked++;
        }
        assertThat(schemas.path(type.getSimpleName()).path("additionalProperties").asBoolean(true))
            .as("%s is strict", type.getSimpleName()).isFalse();
      }
    }
    assertThat(checked).as("fields checked").isGreaterThan(50);
  }

  @Test
  @DisplayName("OpenAPI: every operation documents exactly the query parameters it reads: its list offer, its filters, its own")
  void everyListDocumentsItsGrammar() throws Exception {
    JsonNode doc = JSON.readTree(document);
    int lists = 0;
    for (Route route : app.routeTable()) {
      JsonNode operation = doc.path("paths").path(route.path()).path(route.method().name().toLowerCase(Locale.ROOT));
      Set<String> documented = new TreeSet<>();
      operation.path("parameters").forEach(p -> {
        if (p.path("in").asText().equals("query")) {
          documented.add(p.path("name").asText());
        }
      });
      Set<String> offered = new TreeSet<>();
      if (route.paged()) {
        lists++;
        offered.addAll(List.of("limit", "cursor"));
        route.list().filters().forEach((field, filter) -> filter.operators().forEach(o -> offered.add(field + o.suffix())));
        if (!route.list().sorts().isEmpty()) {
          offered.add("sort");
        }
        if (route.list().searchable()) {
          offered.add("q");
        }
      }
      if (route.filters() != null) {
        route.filters().filters().forEach((field, filter) -> filter.operators().forEach(o -> offered.add(field + o.suffix())));
      }
      if (route.export() != null) {
        route.export().offer().filters().forEach((field, filter) -> filter.operators().forEach(o -> offered.add(field + o.suffix())));
        if (!route.export().offer().sorts().isEmpty()) {
          offered.add("sort");
        }
        if (route.export().offer().searchable()) {
          offered.add("q");
        }
        offered.add("format");
        if (route.export().sensitive()) {
          offered.add("includeSensitive");
        }
      }
      route.query().forEach(parameter -> offered.add(parameter.name()));
      assertThat(documented).as(route.key()).isEqualTo(offered);
    }
    assertThat(lists).isGreaterThanOrEqualTo(6);
    JsonNode contacts = doc.path("paths").path("/api/v1/workspaces/{workspaceId}/contacts").path("get").path("parameters");
    assertThat(contacts.findValuesAsText("name")).contains("createdAt.gte", "createdAt.lte", "lastName.empty", "sort", "q");
    // custom fields' parameters are the workspace's keys: described by a pattern, on each list that takes them
    for (String list : List.of("contacts", "companies", "deals")) {
      JsonNode custom = doc.path("paths").path("/api/v1/workspaces/{workspaceId}/" + list).path("get")
          .path("x-custom-field-parameters");
      assertThat(custom.path("pattern").asText()).as(list).isEqualTo("^custom\\.[a-z][a-z0-9_]{0,49}(\\.(gte|lte|empty|currency|currency\\.empty))?$");
      assertThat(custom.path("sortPattern").asText()).as(list).isNotEmpty();
    }
  }

  @Test
  @DisplayName("SEC-08: the README's list of routes and their access is the route table's")
  void theReadmeListsEveryRouteWithItsAccess() throws Exception {
    Set<String> documented = new TreeSet<>();
    Matcher rows = README_ROUTE.matcher(Files.readString(Path.of("..", "README.md")));
    while (rows.find()) {
      documented.add(rows.group(1) + " " + rows.group(2) + " | " + rows.group(3).strip());
    }
    Set<String> table = new TreeSet<>();
    for (Route route : app.routeTable()) {
      table.add(route.key() + " | " + accessOf(route.access()));
    }
    assertThat(documented).isEqualTo(table);
  }

  /** How the README names a route's access. */
  static String accessOf(Access access) {
    if (access instanceof Access.InWorkspace inWorkspace) {
      var grant = PermissionMatrix.standard().grantOf(inWorkspace.permission()).orElseThrow();
      return grant.minimum().name() + " (`" + inWorkspace.permission().name() + "`" + (grant.accountsOnly() ? ", no API key" : "") + ")";
    }
    return access instanceof Access.Public ? "PUBLIC" : "ACCOUNT";
  }

  /** The JSON names of a record's fields, an unwrapped record's fields in its place. */
  private static List<String> fieldsOf(Class<?> type) {
    List<String> fields = new java.util.ArrayList<>();
    if (!type.isRecord()) {
      return fields;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class) || component.isAnnotationPresent(JsonUnwrapped.class)) {
        fields.addAll(fieldsOf(component.getType()));
        continue;
      }
      JsonProperty named = component.getAnnotation(JsonProperty.class);
      if (named == null) {
        named = component.getAccessor().getAnnotation(JsonProperty.class);
      }
      fields.add(named != null ? named.value() : component.getName());
    }
    return fields;
  }
}
