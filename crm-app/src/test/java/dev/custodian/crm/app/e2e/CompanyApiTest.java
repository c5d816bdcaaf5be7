package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * HTTP end to end for companies and the contacts that work for them: isolation, the domain's form
 * and uniqueness, optimistic locking, paging, bad input, and a delete that keeps the contacts.
 */
class CompanyApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String a;
  private static String b;

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.on(db).signIn();
    a = ApiTestSupport.workspace(app);
    b = ApiTestSupport.workspace(app);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  static String companies(String workspace) {
    return "/api/v1/workspaces/" + workspace + "/companies";
  }

  static String contacts(String workspace) {
    return "/api/v1/workspaces/" + workspace + "/contacts";
  }

  static String unique() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  static HttpResponse<String> create(String workspace, String name, String domain) throws Exception {
    return app.postJson(companies(workspace), domain == null
        ? "{\"name\":\"" + name + "\"}"
        : "{\"name\":\"" + name + "\",\"domain\":\"" + domain + "\"}");
  }

  static String company(String workspace) throws Exception {
    HttpResponse<String> created = create(workspace, "Acme", unique() + ".example.com");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  static HttpResponse<String> createContact(String workspace, String companyId) throws Exception {
    return app.postJson(contacts(workspace), "{\"firstName\":\"Wile\",\"lastName\":\"Coyote\",\"email\":\""
        + unique() + "@example.org\",\"jobTitle\":\"Engineer\",\"companyId\":\"" + companyId + "\"}");
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  static void assertProblem(HttpResponse<String> response, int status, String type) throws Exception {
    ApiTestSupport.assertProblem(response, status, type);
  }

  static List<String> errorNames(HttpResponse<String> response) throws Exception {
    List<String> names = new ArrayList<>();
    for (JsonNode e : json(response).path("errors")) {
      names.add(e.has("pointer") ? e.get("pointer").asText()
          : e.has("parameter") ? "?" + e.get("parameter").asText() : "@" + e.get("header").asText());
    }
    return names;
  }

  @Test
  void companyLifecycle_createReadListPatchDelete() throws Exception {
    String host = unique() + ".example.com";
    HttpResponse<String> created = create(a, " Acme Corp ", "https://WWW." + host.toUpperCase() + "/about?x=1");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = json(created);
    String id = body.path("id").asText();
    String one = companies(a) + "/" + id;
    assertThat(created.headers().firstValue("Location")).hasValue(one);
    assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(body.path("name").asText()).isEqualTo("Acme Corp");
    assertThat(body.path("domain").asText()).isEqualTo(host);
    assertThat(body.path("workspaceId").asText()).isEqualTo(a);
    assertThat(body.path("version").asLong()).isEqualTo(1);

    HttpResponse<String> read = app.get(one);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(json(read)).isEqualTo(body);
    assertThat(app.get(companies(a) + "?limit=200").body()).contains(id);

    HttpResponse<String> patched = app.json("PATCH", one, MERGE_PATCH,
        "{\"name\":\"Acme Inc\",\"domain\":null}", "If-Match", "\"1\"");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(patched.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(json(patched).path("name").asText()).isEqualTo("Acme Inc");
    assertThat(json(patched).has("domain")).isFalse();
    assertThat(json(app.get(one))).isEqualTo(json(patched));

    assertProblem(app.delete(one, "If-Match", "\"1\""), 412, "/problems/precondition-failed");
    assertThat(app.delete(one, "If-Match", "\"2\"").statusCode()).isEqualTo(204);
    assertProblem(app.get(one), 404, "/problems/not-found");
    assertProblem(app.delete(one), 404, "/problems/not-found");
  }

  @Test
  @DisplayName("TEN-01: a company of workspace A read, patched or deleted through B's path answers 404 and changes nothing")
  void anotherWorkspacesCompanyIsNotFound() throws Exception {
    String id = company(a);
    String contactOfA = json(createContact(a, id)).path("id").asText();
    JsonNode before = json(app.get(companies(a) + "/" + id));
    String viaB = companies(b) + "/" + id;

    assertProblem(app.get(viaB), 404, "/problems/not-found");
    assertProblem(app.json("PATCH", viaB, MERGE_PATCH, "{\"name\":\"Mallory\"}", "If-Match", "\"1\""),
        404, "/problems/not-found");
    assertProblem(app.delete(viaB), 404, "/problems/not-found");
    assertProblem(app.delete(viaB, "If-Match", "\"1\""), 404, "/problems/not-found");
    assertThat(app.get(companies(b) + "?limit=200").body()).doesNotContain(id);

    HttpResponse<String> viaA = app.get(companies(a) + "/" + id);
    assertThat(viaA.statusCode()).isEqualTo(200);
    assertThat(json(viaA)).isEqualTo(before);
    assertThat(json(app.get(contacts(a) + "/" + contactOfA)).path("companyId").asText())
        .as("the failed delete through B unlinked nothing").isEqualTo(id);
  }

  @Test
  @DisplayName("TEN-01: a contact of workspace B naming A's company, or none at all, is a 400 naming companyId, alike, storing nothing")
  void aContactCannotWorkForAnotherWorkspacesCompany() throws Exception {
    String ofA = company(a);
    String contactOfB = ApiTestSupport.ada(app, b);
    long contactsBefore = TestApp.count(db, "contacts");

    List<String> details = new ArrayList<>();
    for (String companyId : List.of(ofA, UUID.randomUUID().toString())) {
      HttpResponse<String> created = createContact(b, companyId);
      assertProblem(created, 400, "/problems/validation");
      assertThat(errorNames(created)).containsExactly("#/companyId");
      details.add(json(created).path("errors").toString());

      HttpResponse<String> patched = app.json("PATCH", contacts(b) + "/" + contactOfB, MERGE_PATCH,
          "{\"companyId\":\"" + companyId + "\"}", "If-Match", "\"1\"");
      assertProblem(patched, 400, "/problems/validation");
      assertThat(errorNames(patched)).containsExactly("#/companyId");
      details.add(json(patched).path("errors").toString());
    }
    assertThat(details).as("another workspace's company and none answer alike").containsOnly(details.get(0));
    assertThat(details.get(0)).doesNotContain(ofA);
    assertThat(TestApp.count(db, "contacts")).isEqualTo(contactsBefore);
    JsonNode contact = json(app.get(contacts(b) + "/" + contactOfB));
    assertThat(contact.has("companyId")).isFalse();
    assertThat(contact.path("version").asLong()).isEqualTo(1);
  }

  @Test
  @DisplayName("TEN-02: raw SQL as the application role sees only the bound workspace's companies, and none without one")
  void rowLevelSecurityAloneHidesOtherWorkspacesCompanies() throws Exception {
    String ofA = company(a);
    String ofB = company(b);

    List<UUID> seenInA = companyIdsAsApp(UUID.fromString(a));
    assertThat(seenInA).contains(UUID.fromString(ofA)).doesNotContain(UUID.fromString(ofB));
    assertThat(tenantsAsApp(UUID.fromString(a))).containsOnly(UUID.fromString(a));
    assertThat(tenantsAsApp(UUID.fromString(b))).containsOnly(UUID.fromString(b));
    assertThat(companyIdsAsApp(null)).isEmpty();
    int changed = db.asApp(UUID.fromString(a), c -> c.createStatement().executeUpdate(
        "update companies set name = 'Mallory' where id = '" + ofB + "'"));
    assertThat(changed).isZero();
  }

  private static List<UUID> companyIdsAsApp(UUID workspace) throws SQLException {
    return uuidsAsApp(workspace, "select id from companies");
  }

  private static List<UUID> tenantsAsApp(UUID workspace) throws SQLException {
    return uuidsAsApp(workspace, "select tenant_id from companies");
  }

  private static List<UUID> uuidsAsApp(UUID workspace, String sql) throws SQLException {
    return db.asApp(workspace, (Connection c) -> {
      List<UUID> ids = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
      return ids;
    });
  }

  @Test
  void givenUnknownWorkspace_everyCompanyRouteAnswers404() throws Exception {
    String unknown = companies(UUID.randomUUID().toString());
    assertProblem(app.get(unknown), 404, "/problems/not-found");
    assertProblem(app.postJson(unknown, "{\"name\":\"A\"}"), 404, "/problems/not-found");
    assertProblem(app.get(unknown + "/" + UUID.randomUUID()), 404, "/problems/not-found");
    assertProblem(app.json("PATCH", unknown + "/" + UUID.randomUUID(), MERGE_PATCH, "{\"name\":\"A\"}",
        "If-Match", "\"1\""), 404, "/problems/not-found");
    assertProblem(app.delete(unknown + "/" + UUID.randomUUID()), 404, "/problems/not-found");
  }

  @Test
  void duplicateDomainInTheSameWorkspaceIsAConflict_inAnotherWorkspaceItIsFine() throws Exception {
    String host = unique() + ".example.com";
    assertThat(create(a, "First", host).statusCode()).isEqualTo(201);
    long before = TestApp.count(db, "companies");

    HttpResponse<String> again = create(a, "Second", "http://www." + host.toUpperCase() + ":8080/");
    assertProblem(again, 409, "/problems/duplicate");
    assertThat(again.body()).doesNotContain(host);
    assertThat(TestApp.count(db, "companies")).isEqualTo(before);

    String other = json(create(a, "Other", null)).path("id").asText();
    HttpResponse<String> patched = app.json("PATCH", companies(a) + "/" + other, MERGE_PATCH,
        "{\"domain\":\"" + host + "\"}", "If-Match", "\"1\"");
    assertProblem(patched, 409, "/problems/duplicate");
    assertThat(json(app.get(companies(a) + "/" + other)).has("domain")).isFalse();

    assertThat(create(b, "First", host).statusCode()).isEqualTo(201);
    assertThat(create(a, "No domain", null).statusCode()).as("companies without a domain never clash").isEqualTo(201);
  }

  @Test
  void badCreateInput_answers400NamingEveryFieldAndStoresNothing() throws Exception {
    long companiesBefore = TestApp.count(db, "companies");
    long contactsBefore = TestApp.count(db, "contacts");

    HttpResponse<String> missing = app.postJson(companies(a), "{}");
    assertProblem(missing, 400, "/problems/validation");
    assertThat(errorNames(missing)).containsExactly("#/name");

    HttpResponse<String> both = app.postJson(companies(a), "{\"name\":\"  \",\"domain\":\"192.168.0.1\"}");
    assertProblem(both, 400, "/problems/validation");
    assertThat(errorNames(both)).containsExactly("#/name", "#/domain");

    HttpResponse<String> tooLong = app.postJson(companies(a),
        "{\"name\":\"" + "x".repeat(201) + "\",\"domain\":\"not a domain\"}");
    assertProblem(tooLong, 400, "/problems/validation");
    assertThat(errorNames(tooLong)).containsExactly("#/name", "#/domain");
    assertThat(tooLong.body()).doesNotContain("not a domain");
    assertThat(create(a, "x".repeat(200), null).statusCode()).isEqualTo(201);
    companiesBefore++;

    for (String badDomain : List.of("localhost", "https://10.0.0.1/", "[::1]", "-acme.example", "a..example",
        "user@acme.example", "acme_corp.example")) {
      HttpResponse<String> response = create(a, "Acme", badDomain);
      assertProblem(response, 400, "/problems/validation");
      assertThat(errorNames(response)).as(badDomain).containsExactly("#/domain");
    }

    HttpResponse<String> unknownField = app.postJson(companies(a), "{\"name\":\"A\",\"industry\":\"x\"}");
    assertProblem(unknownField, 400, "/problems/validation");
    assertThat(errorNames(unknownField)).containsExactly("#/industry");
    HttpResponse<String> wrongType = app.postJson(companies(a), "{\"name\":\"A\",\"domain\":42}");
    assertProblem(wrongType, 400, "/problems/validation");
    assertThat(errorNames(wrongType)).containsExactly("#/domain");

    HttpResponse<String> badContact = app.postJson(contacts(a), "{\"firstName\":\"\",\"lastName\":\"L\","
        + "\"email\":\"bad\",\"jobTitle\":\"" + "x".repeat(101) + "\",\"companyId\":\"not-a-uuid\"}");
    assertProblem(badContact, 400, "/problems/validation");
    assertThat(errorNames(badContact)).containsExactly("#/firstName", "#/email", "#/jobTitle", "#/companyId");

    assertThat(TestApp.count(db, "companies")).isEqualTo(companiesBefore);
    assertThat(TestApp.count(db, "contacts")).isEqualTo(contactsBefore);
  }

  @Test
  void badPatchInputAndPreconditions_answerAsForContacts_andChangeNothing() throws Exception {
    String one = companies(a) + "/" + company(a);
    JsonNode before = json(app.get(one));

    HttpResponse<String> response = app.json("PATCH", one, MERGE_PATCH,
        "{\"name\":null,\"domain\":\"nope\"}", "If-Match", "\"1\"");
    assertProblem(response, 400, "/problems/validation");
    assertThat(errorNames(response)).containsExactly("#/name", "#/domain");
    HttpResponse<String> shape = app.json("PATCH", one, MERGE_PATCH, "{\"name\":true,\"size\":\"x\"}", "If-Match", "\"1\"");
    assertProblem(shape, 400, "/problems/validation");
    assertThat(errorNames(shape)).containsExactlyInAnyOrder("#/name", "#/size");

    String patch = "{\"name\":\"X\"}";
    assertProblem(app.json("PATCH", one, MERGE_PATCH, patch), 428, "/problems/precondition-required");
    assertProblem(app.json("PATCH", one, MERGE_PATCH, patch, "If-Match", "\"7\""), 412, "/problems/precondition-failed");
    HttpResponse<String> badTag = app.json("PATCH", one, MERGE_PATCH, patch, "If-Match", "W/\"1\"");
    assertProblem(badTag, 400, "/problems/validation");
    assertThat(errorNames(badTag)).containsExactly("@If-Match");
    assertProblem(app.delete(one, "If-Match", "\"7\""), 412, "/problems/precondition-failed");
    HttpResponse<String> badId = app.get(companies(a) + "/not-a-uuid");
    assertThat(errorNames(badId)).containsExactly("?companyId");
    assertThat(json(app.get(one))).isEqualTo(before);
  }

  @Test
  void deletingACompany_keepsItsContacts_unlinked_andLeavesOtherCompaniesContactsAlone() throws Exception {
    String acme = company(a);
    String other = company(a);
    List<String> linked = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> created = createContact(a, acme);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(json(created).path("companyId").asText()).isEqualTo(acme);
      assertThat(json(created).path("jobTitle").asText()).isEqualTo("Engineer");
      linked.add(json(created).path("id").asText());
    }
    JsonNode atOther = json(createContact(a, other));
    JsonNode firstBefore = json(app.get(contacts(a) + "/" + linked.get(0)));
    long contactsBefore = TestApp.count(db, "contacts");

    assertThat(app.delete(companies(a) + "/" + acme, "If-Match", "\"1\"").statusCode()).isEqualTo(204);

    assertThat(TestApp.count(db, "contacts")).isEqualTo(contactsBefore);
    for (String id : linked) {
      HttpResponse<String> contact = app.get(contacts(a) + "/" + id);
      assertThat(contact.statusCode()).isEqualTo(200);
      assertThat(json(contact).has("companyId")).isFalse();
      assertThat(json(contact).path("jobTitle").asText()).isEqualTo("Engineer");
      assertThat(contact.headers().firstValue("ETag")).as("the representation changed").hasValue("\"2\"");
    }
    JsonNode firstAfter = json(app.get(contacts(a) + "/" + linked.get(0)));
    assertThat(firstAfter.path("updatedAt")).isEqualTo(firstBefore.path("updatedAt"));
    assertThat(json(app.get(contacts(a) + "/" + atOther.path("id").asText()))).isEqualTo(atOther);
    assertProblem(app.get(companies(a) + "/" + acme), 404, "/problems/not-found");
    HttpResponse<String> relink = createContact(a, acme);
    assertProblem(relink, 400, "/problems/validation");
    assertThat(errorNames(relink)).containsExactly("#/companyId");
  }

  @Test
  void contactsGainJobTitleAndCompany_setChangedAndClearedByMergePatch() throws Exception {
    String acme = company(a);
    String other = company(a);
    HttpResponse<String> created = createContact(a, acme);
    String one = contacts(a) + "/" + json(created).path("id").asText();
    assertThat(json(app.get(one))).isEqualTo(json(created));

    HttpResponse<String> moved = app.json("PATCH", one, MERGE_PATCH,
        "{\"jobTitle\":\" Chief Engineer \",\"companyId\":\"" + other.toUpperCase() + "\"}", "If-Match", "\"1\"");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(json(moved).path("jobTitle").asText()).isEqualTo("Chief Engineer");
    assertThat(json(moved).path("companyId").asText()).isEqualTo(other);

    HttpResponse<String> cleared = app.json("PATCH", one, MERGE_PATCH,
        "{\"jobTitle\":null,\"companyId\":null}", "If-Match", "\"2\"");
    assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
    assertThat(json(cleared).has("jobTitle")).isFalse();
    assertThat(json(cleared).has("companyId")).isFalse();
    assertThat(cleared.headers().firstValue("ETag")).hasValue("\"3\"");

    HttpResponse<String> bad = app.json("PATCH", one, MERGE_PATCH,
        "{\"jobTitle\":\"" + "x".repeat(101) + "\",\"companyId\":\"12\"}", "If-Match", "\"3\"");
    assertProblem(bad, 400, "/problems/validation");
    assertThat(errorNames(bad)).containsExactly("#/jobTitle", "#/companyId");
  }

  @Test
  void listingWalksAllCompaniesOldestFirst() throws Exception {
    String ws = ApiTestSupport.workspace(app);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(company(ws));
    }
    List<String> walked = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> page = app.get(companies(ws) + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.statusCode()).isEqualTo(200);
      JsonNode body = json(page);
      assertThat(body.path("items").size()).isLessThanOrEqualTo(2);
      body.path("items").forEach(item -> walked.add(item.path("id").asText()));
      cursor = body.hasNonNull("nextCursor") ? body.get("nextCursor").asText() : null;
    } while (cursor != null);
    assertThat(walked).containsExactlyElementsOf(created);
    assertThat(errorNames(app.get(companies(ws) + "?limit=0&cursor=x"))).containsExactly("?limit", "?cursor");
  }
}
