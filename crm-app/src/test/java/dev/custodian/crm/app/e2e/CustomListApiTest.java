package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP end to end for lists by custom fields ({@code custom.<key>}): a filter and a sort on each of
 * the contact, company and deal lists (one mechanism), the 400s naming each bad parameter at once,
 * and TEN-01/TEN-03: workspace B's custom filters never show workspace A's rows, though A has the
 * same keys and values. Company and deal values are stored by SQL here (their API writes them in
 * another change); the lists read them the same way.
 */
class CustomListApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.on(db);
    try {
      app.signIn();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static String base(String workspace) {
    return "/api/v1/workspaces/" + workspace;
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String field(String workspace, String objectType, String body) throws Exception {
    HttpResponse<String> created = app.postJson(base(workspace) + "/custom-fields/" + objectType, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  private static String created(String path, String body) throws Exception {
    HttpResponse<String> created = app.postJson(path, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  /** The ids of a list's first page for these query parameters (name, value pairs, encoded here). */
  private static List<String> ids(String path, String... nameValuePairs) throws Exception {
    HttpResponse<String> listed = app.get(path + query(nameValuePairs));
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(listed).path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private static String query(String... nameValuePairs) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      query.append(i == 0 ? '?' : '&').append(URLEncoder.encode(nameValuePairs[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(nameValuePairs[i + 1], StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  /** Stores a NUMBER value of a company's or deal's custom field, as their API would. */
  private static void numberValue(String workspace, String fieldId, String recordColumn, String recordId, long value)
      throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("insert into custom_field_values (tenant_id, id, field_id, " + recordColumn + ", number_value) values ('"
          + workspace + "', '" + UUID.randomUUID() + "', '" + fieldId + "', '" + recordId + "', " + value + ")");
    }
  }

  private static String contactWith(String workspace, String lastName, String custom) throws Exception {
    return created(base(workspace) + "/contacts", "{\"firstName\":\"A\",\"lastName\":\"" + lastName + "\",\"email\":\""
        + UUID.randomUUID() + "@example.org\",\"custom\":" + custom + "}");
  }

  @Test
  void contactsFilterAndSortByCustomFields() throws Exception {
    String ws = ApiTestSupport.workspace(app);
    field(ws, "contact", "{\"key\":\"tier\",\"type\":\"single_select\",\"label\":\"Tier\","
        + "\"options\":[{\"key\":\"gold\",\"label\":\"Gold\"},{\"key\":\"silver\",\"label\":\"Silver\"}]}");
    field(ws, "contact", "{\"key\":\"score\",\"type\":\"number\",\"label\":\"Score\"}");
    field(ws, "contact", "{\"key\":\"nickname\",\"type\":\"text\",\"label\":\"Nickname\"}");
    String gold = contactWith(ws, "Gold", "{\"tier\":\"gold\",\"score\":10,\"nickname\":\"Goldie\"}");
    String silver = contactWith(ws, "Silver", "{\"tier\":\"silver\",\"score\":30}");
    String none = contactWith(ws, "None", "{}");

    assertThat(ids(base(ws) + "/contacts", "custom.tier", "gold")).containsExactly(gold);
    assertThat(ids(base(ws) + "/contacts", "custom.nickname", "GOLDIE")).containsExactly(gold);
    assertThat(ids(base(ws) + "/contacts", "custom.score.gte", "20")).containsExactly(silver);
    assertThat(ids(base(ws) + "/contacts", "custom.tier.empty", "true")).containsExactly(none);
    assertThat(ids(base(ws) + "/contacts", "sort", "-custom.score")).containsExactly(silver, gold, none);
    assertThat(ids(base(ws) + "/contacts", "sort", "custom.score")).containsExactly(gold, silver, none);
    // a page's cursor carries the custom sort: the walk goes on from it
    HttpResponse<String> first = app.get(base(ws) + "/contacts" + query("sort", "custom.score", "limit", "1"));
    String cursor = json(first).path("nextCursor").asText();
    assertThat(ids(base(ws) + "/contacts", "sort", "custom.score", "limit", "1", "cursor", cursor)).containsExactly(silver);
  }

  @Test
  void companiesAndDealsFilterAndSortByCustomFields_throughTheSameMechanism() throws Exception {
    String ws = ApiTestSupport.workspace(app);
    String companyScore = field(ws, "company", "{\"key\":\"score\",\"type\":\"number\",\"label\":\"Score\"}");
    String dealScore = field(ws, "deal", "{\"key\":\"score\",\"type\":\"number\",\"label\":\"Score\"}");
    List<String> companies = new ArrayList<>();
    List<String> deals = new ArrayList<>();
    for (long score : new long[] {2, 1, 3}) {
      String company = ApiTestSupport.acme(app, ws);
      numberValue(ws, companyScore, "company_id", company, score);
      companies.add(company);
      String deal = created(base(ws) + "/deals", "{\"title\":\"Deal " + score + "\"}");
      numberValue(ws, dealScore, "deal_id", deal, score * 10);
      deals.add(deal);
    }

    assertThat(ids(base(ws) + "/companies", "custom.score.lte", "2")).containsExactlyInAnyOrder(companies.get(0),
        companies.get(1));
    assertThat(ids(base(ws) + "/companies", "sort", "-custom.score")).containsExactly(companies.get(2), companies.get(0),
        companies.get(1));
    assertThat(ids(base(ws) + "/deals", "custom.score.gte", "20")).containsExactlyInAnyOrder(deals.get(0), deals.get(2));
    assertThat(ids(base(ws) + "/deals", "sort", "custom.score")).containsExactly(deals.get(1), deals.get(0), deals.get(2));
  }

  @Test
  void anUnknownKey_aSortedMultiSelect_andABadValue_areNamedInOne400() throws Exception {
    String ws = ApiTestSupport.workspace(app);
    field(ws, "contact", "{\"key\":\"tags\",\"type\":\"multi_select\",\"label\":\"Tags\","
        + "\"options\":[{\"key\":\"vip\",\"label\":\"VIP\"}]}");
    field(ws, "contact", "{\"key\":\"score\",\"type\":\"number\",\"label\":\"Score\"}");
    HttpResponse<String> refused = app.get(base(ws) + "/contacts"
        + query("custom.nope", "1", "sort", "custom.tags", "custom.score.gte", "lots", "custom.tags", "platinum"));
    ApiTestSupport.assertProblem(refused, 400, "/problems/validation");
    List<String> parameters = new ArrayList<>();
    json(refused).path("errors").forEach(e -> parameters.add(e.path("parameter").asText()));
    assertThat(parameters).containsExactlyInAnyOrder("custom.nope", "sort", "custom.score.gte", "custom.tags");
    // the same on a list without such a field: the key names none
    ApiTestSupport.assertProblem(app.get(base(ws) + "/deals" + query("custom.score", "1")), 400, "/problems/validation");
    // and a malformed name is refused by its syntax
    ApiTestSupport.assertProblem(app.get(base(ws) + "/companies" + query("custom.Score", "1")), 400, "/problems/validation");
  }

  @Test
  @DisplayName("TEN-01, TEN-03: workspace B's custom filters and sorts never show workspace A's rows, A having the same keys and values")
  void customFiltersNeverCrossWorkspaces() throws Exception {
    String a = ApiTestSupport.workspace(app);
    String b = ApiTestSupport.workspace(app);
    String tier = "{\"key\":\"tier\",\"type\":\"single_select\",\"label\":\"Tier\","
        + "\"options\":[{\"key\":\"gold\",\"label\":\"Gold\"}]}";
    field(a, "contact", tier);
    field(b, "contact", tier);
    String aScore = field(a, "company", "{\"key\":\"score\",\"type\":\"number\",\"label\":\"Score\"}");
    field(b, "company", "{\"key\":\"score\",\"type\":\"number\",\"label\":\"Score\"}");
    String ofA = contactWith(a, "InA", "{\"tier\":\"gold\"}");
    String ofB = contactWith(b, "InB", "{\"tier\":\"gold\"}");
    String companyOfA = ApiTestSupport.acme(app, a);
    numberValue(a, aScore, "company_id", companyOfA, 5);

    assertThat(ids(base(b) + "/contacts", "custom.tier", "gold")).containsExactly(ofB);
    assertThat(ids(base(b) + "/contacts", "custom.tier.empty", "false", "sort", "custom.tier")).containsExactly(ofB);
    assertThat(ids(base(b) + "/companies", "custom.score.gte", "0")).isEmpty();
    assertThat(ids(base(b) + "/companies", "sort", "custom.score")).isEmpty();
    assertThat(ids(base(a) + "/contacts", "custom.tier", "gold")).containsExactly(ofA);
    assertThat(ids(base(a) + "/companies", "custom.score.gte", "0")).containsExactly(companyOfA);
  }
}
