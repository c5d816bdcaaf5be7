package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.http.Route;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The list grammar over a real socket: contacts filtered and sorted both ways, page by page, each
 * bad parameter named at once, a cursor kept to its own query, and every list route refusing what
 * it does not offer.
 */
class ListGrammarApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Created in this order; "ｚ" (U+FF5A) sorts before "𝒜" (U+1D49C) by code point. */
  private static final List<String> LAST_NAMES = List.of("Zoë", "ada", "Émile", "Bob", "𝒜lice", "Ｚed");

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;
  private static String a;
  private static String b;
  private static final List<JsonNode> contactsOfA = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.on(db).signIn();
    a = ApiTestSupport.workspace(app);
    b = ApiTestSupport.workspace(app);
    for (String lastName : LAST_NAMES) {
      HttpResponse<String> created = app.postJson(contacts(a), "{\"firstName\":\"F\",\"lastName\":\"" + lastName
          + "\",\"email\":\"" + UUID.randomUUID() + "@example.org\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      contactsOfA.add(JSON.readTree(created.body()));
    }
    app.postJson(contacts(b), "{\"firstName\":\"F\",\"lastName\":\"Aaron\",\"email\":\"aaron@example.org\"}");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private static String contacts(String workspace) {
    return "/api/v1/workspaces/" + workspace + "/contacts";
  }

  /** Every page of the list at {@code path} (with its query), following each {@code nextCursor}. */
  private static List<JsonNode> walk(String path) throws Exception {
    List<JsonNode> walked = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> page = app.get(path + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      JsonNode body = JSON.readTree(page.body());
      body.path("items").forEach(walked::add);
      cursor = body.hasNonNull("nextCursor") ? body.get("nextCursor").asText() : null;
    } while (cursor != null);
    return walked;
  }

  private static List<String> lastNames(List<JsonNode> contacts) {
    return contacts.stream().map(c -> c.path("lastName").asText()).toList();
  }

  private static List<String> errors(HttpResponse<String> response) throws Exception {
    ApiTestSupport.assertProblem(response, 400, "/problems/validation");
    List<String> errors = new ArrayList<>();
    for (JsonNode e : JSON.readTree(response.body()).path("errors")) {
      errors.add(e.path("parameter").asText() + ": " + e.path("detail").asText());
    }
    return errors;
  }

  @Test
  void contactsSortByLastNameIgnoringCaseInCodePointOrder_bothWays_andByCreationBothWays() throws Exception {
    assertThat(lastNames(walk(contacts(a) + "?sort=lastName&limit=2")))
        .containsExactly("ada", "Bob", "Zoë", "Émile", "Ｚed", "𝒜lice");
    assertThat(lastNames(walk(contacts(a) + "?sort=-lastName&limit=2")))
        .containsExactly("𝒜lice", "Ｚed", "Émile", "Zoë", "Bob", "ada");
    assertThat(lastNames(walk(contacts(a) + "?limit=4"))).containsExactlyElementsOf(LAST_NAMES);
    assertThat(lastNames(walk(contacts(a) + "?sort=createdAt&limit=4"))).containsExactlyElementsOf(LAST_NAMES);
    List<String> newestFirst = new ArrayList<>(LAST_NAMES);
    java.util.Collections.reverse(newestFirst);
    assertThat(lastNames(walk(contacts(a) + "?sort=-createdAt&limit=4"))).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void contactsFilterOnCreatedTime_boundsIncluded_andOnEmptyLastName() throws Exception {
    String from = contactsOfA.get(1).path("createdAt").asText();
    String to = contactsOfA.get(3).path("createdAt").asText();
    assertThat(lastNames(walk(contacts(a) + "?createdAt.gte=" + from + "&createdAt.lte=" + to + "&limit=1")))
        .containsExactly("ada", "Émile", "Bob");
    assertThat(lastNames(walk(contacts(a) + "?createdAt.gte=" + from + "&createdAt.lte=" + to + "&sort=-lastName")))
        .containsExactly("Émile", "Bob", "ada");
    assertThat(walk(contacts(a) + "?lastName.empty=true")).isEmpty();
    assertThat(walk(contacts(a) + "?lastName.empty=false&limit=5")).hasSize(LAST_NAMES.size());
  }

  @Test
  @DisplayName("TEN-02: q finds a workspace's contacts and companies by a substring in any case, never another workspace's")
  void searchFindsByASubstringIgnoringCase_combinedWithSorts_andNeverAnotherWorkspacesRows() throws Exception {
    assertThat(lastNames(walk(contacts(a) + "?q=MILE&limit=1"))).containsExactly("Émile");
    assertThat(lastNames(walk(contacts(a) + "?q=%C3%A9mi"))).as("é lower-cased").containsExactly("Émile");
    assertThat(walk(contacts(b) + "?q=mile")).as("B's search never shows A's rows").isEmpty();
    assertThat(lastNames(walk(contacts(a) + "?q=aaron"))).as("A's search never shows B's rows").isEmpty();
    assertThat(lastNames(walk(contacts(b) + "?q=AARON&sort=-lastName"))).containsExactly("Aaron");
    HttpResponse<String> company = app.postJson("/api/v1/workspaces/" + a + "/companies",
        "{\"name\":\"Searchable Widgets\",\"domain\":\"widgets-" + UUID.randomUUID() + ".example\"}");
    assertThat(company.statusCode()).as(company.body()).isEqualTo(201);
    assertThat(walk("/api/v1/workspaces/" + a + "/companies?q=able%20wid")).hasSize(1);
    assertThat(walk("/api/v1/workspaces/" + b + "/companies?q=able%20wid")).isEmpty();
  }

  @Test
  void aSearchOfFewerThan3OrMoreThan100Characters_is400OnQ() throws Exception {
    assertThat(errors(app.get(contacts(a) + "?q=ab"))).containsExactly("q: must be 3 to 100 characters long");
    assertThat(errors(app.get(contacts(a) + "?q=" + "x".repeat(101) + "&limit=0")))
        .containsExactly("q: must be 3 to 100 characters long", "limit: must be between 1 and 200");
    assertThat(errors(app.get("/api/v1/workspaces/" + a + "/companies?q=ab"))).containsExactly("q: must be 3 to 100 characters long");
  }

  @Test
  void everyBadInputOfTheGrammar_isNamedAtOnce() throws Exception {
    assertThat(errors(app.get(contacts(a) + "?foo=1&lastName.gte=a&createdAt.gte=yesterday&sort=firstName&limit=0"
        + "&lastName.empty=maybe&createdAt=2026-01-01T00:00:00Z&createdAt.lte=2026-01-01T00:00:00.0000001Z&cursor=zzz")))
        .containsExactly(
            "foo: is not a parameter of this list",
            "lastName.gte: is not a filter of this list, which offers lastName.empty",
            "createdAt.gte: must be an ISO-8601 instant, e.g. 2026-01-31T12:00:00Z",
            "sort: must be one of: createdAt, -createdAt, lastName, -lastName",
            "limit: must be between 1 and 200",
            "lastName.empty: must be true or false",
            "createdAt: is not a filter of this list, which offers createdAt.gte, createdAt.lte",
            "createdAt.lte: must not be more precise than microseconds",
            "cursor: is not a valid cursor");
    assertThat(errors(app.get(contacts(a) + "?sort=lastName&sort=-lastName&lastName.empty=true&lastName.empty=false")))
        .containsExactly("sort: must be given once", "lastName.empty: must be given once");
    assertThat(errors(app.get("/api/v1/workspaces/nope/contacts?sort=nope")))
        .containsExactly("workspaceId: must be a UUID", "sort: must be one of: createdAt, -createdAt, lastName, -lastName");
  }

  @Test
  void aCursorOfAnotherSortOrOtherFilters_is400OnTheCursor() throws Exception {
    JsonNode first = JSON.readTree(app.get(contacts(a) + "?sort=lastName&limit=1").body());
    String cursor = first.path("nextCursor").asText();
    for (String other : List.of("?sort=-lastName", "?limit=1", "?sort=createdAt", "?sort=lastName&lastName.empty=false",
        "?sort=lastName&createdAt.gte=2000-01-01T00:00:00Z")) {
      assertThat(errors(app.get(contacts(a) + other + "&cursor=" + cursor))).as(other)
          .containsExactly("cursor: belongs to another sort or filter");
    }
    assertThat(errors(app.get("/api/v1/workspaces/" + a + "/members?cursor=" + cursor)))
        .containsExactly("cursor: is not a valid cursor");
    HttpResponse<String> sameQueryOtherLimit = app.get(contacts(a) + "?limit=3&sort=lastName&cursor=" + cursor);
    assertThat(sameQueryOtherLimit.statusCode()).as(sameQueryOtherLimit.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(sameQueryOtherLimit.body()).path("items").forEach(items::add);
    assertThat(lastNames(items)).containsExactly("Bob", "Zoë", "Émile");
  }

  @Test
  @DisplayName("TEN-01: B's sorted and filtered lists never show A's contacts, even from a cursor made in A's list")
  void anotherWorkspacesListsNeverShowTheContacts() throws Exception {
    List<String> idsOfA = contactsOfA.stream().map(c -> c.path("id").asText()).toList();
    String cursorOfA = JSON.readTree(app.get(contacts(a) + "?sort=-lastName&limit=1").body()).path("nextCursor").asText();
    for (String query : List.of("?sort=-lastName&lastName.empty=false&limit=200", "?sort=lastName",
        "?sort=-createdAt&createdAt.gte=2000-01-01T00:00:00Z", "?sort=-lastName&cursor=" + cursorOfA)) {
      HttpResponse<String> page = app.get(contacts(b) + query);
      assertThat(page.statusCode()).as(query).isEqualTo(200);
      assertThat(page.body()).as(query).doesNotContain(idsOfA);
    }
    assertThat(lastNames(walk(contacts(b) + "?sort=lastName"))).containsExactly("Aaron");
  }

  @Test
  void everyListRoute_refusesAParameterItDoesNotOffer() throws Exception {
    HttpResponse<String> deal = app.postJson("/api/v1/workspaces/" + a + "/deals", "{\"title\":\"Listed\"}");
    assertThat(deal.statusCode()).as(deal.body()).isEqualTo(201);
    String dealId = JSON.readTree(deal.body()).path("id").asText();
    String contactId = contactsOfA.get(0).path("id").asText();
    String companyId = ApiTestSupport.acme(app, a);
    int lists = 0;
    for (Route route : app.routeTable()) {
      if (!route.paged()) {
        continue;
      }
      lists++;
      String path = route.path().replace("{workspaceId}", a).replace("{dealId}", dealId)
          .replace("{contactId}", contactId).replace("{companyId}", companyId); // their timelines
      assertThat(path).as("every path parameter of %s has a value here", route.key()).doesNotContain("{");
      assertThat(errors(app.get(path + "?foo=1&limit=2"))).as(route.key())
          .containsExactly("foo: is not a parameter of this list");
      if (route.list().sorts().isEmpty()) {
        assertThat(errors(app.get(path + "?sort=createdAt"))).as(route.key())
            .containsExactly("sort: is not offered: this list has a fixed order");
      }
      HttpResponse<String> plain = app.get(path + "?limit=1");
      assertThat(plain.statusCode()).as(route.key() + ": " + plain.body()).isEqualTo(200);
    }
    assertThat(lists).as("workspaces, contacts, erasures, members, invitations, API keys").isGreaterThanOrEqualTo(6);
  }
}
