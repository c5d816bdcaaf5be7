package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HTTP end to end for activities, tasks and timelines: their lifecycles, isolation (TEN-01, TEN-02),
 * optimistic locking, assignees that must be members, bad input named at once, plain deletes of
 * linked records, and erasure (DSR-04) with the kept shared activity for review.
 */
class ActivityApiTest {

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

  private static String path(String workspace, String rest) {
    return "/api/v1/workspaces/" + workspace + "/" + rest;
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String contact(String workspace, String first, String last) throws Exception {
    HttpResponse<String> created = app.postJson(path(workspace, "contacts"), "{\"firstName\":\"" + first
        + "\",\"lastName\":\"" + last + "\",\"email\":\"p-" + UUID.randomUUID() + "@example.org\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  private static String contact(String workspace) throws Exception {
    return contact(workspace, "Ada", "Lovelace");
  }

  private static String deal(String workspace) throws Exception {
    HttpResponse<String> created = app.postJson(path(workspace, "deals"), "{\"title\":\"Fleet\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  private static String ids(String... ids) {
    return java.util.Arrays.stream(ids).map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  private static HttpResponse<String> createActivity(String workspace, String body) throws Exception {
    return app.postJson(path(workspace, "activities"), body);
  }

  private static String activity(String workspace, String links) throws Exception {
    return activity(workspace, links, "2026-01-31T12:00:00Z", "Called");
  }

  private static String activity(String workspace, String links, String occurredAt, String subject) throws Exception {
    HttpResponse<String> created = createActivity(workspace, "{\"kind\":\"note\",\"subject\":\"" + subject
        + "\",\"occurredAt\":\"" + occurredAt + "\"," + links + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  private static String task(String workspace, String body) throws Exception {
    HttpResponse<String> created = app.postJson(path(workspace, "tasks"), body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).path("id").asText();
  }

  private static List<String> errorNames(HttpResponse<String> response) throws Exception {
    return CompanyApiTest.errorNames(response);
  }

  @Test
  void activityLifecycle_createReadListPatchDelete() throws Exception {
    String contact = contact(a);
    String deal = deal(a);
    HttpResponse<String> created = createActivity(a, "{\"kind\":\"CALL\",\"subject\":\" Renewal call \","
        + "\"body\":\"Line one\\nLine two\",\"occurredAt\":\"2026-01-31T12:00:00Z\",\"duration\":\"PT45M\","
        + "\"contactIds\":" + ids(contact) + ",\"dealIds\":" + ids(deal) + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = json(created);
    String id = body.path("id").asText();
    String one = path(a, "activities/" + id);
    assertThat(created.headers().firstValue("Location")).hasValue(one);
    assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(body.path("kind").asText()).isEqualTo("call");
    assertThat(body.path("subject").asText()).isEqualTo("Renewal call");
    assertThat(body.path("body").asText()).isEqualTo("Line one\nLine two");
    assertThat(body.path("duration").asText()).isEqualTo("PT45M");
    assertThat(body.path("contactIds").get(0).asText()).isEqualTo(contact);
    assertThat(body.path("dealIds").get(0).asText()).isEqualTo(deal);
    assertThat(json(app.get(one))).isEqualTo(body);
    assertThat(app.get(path(a, "activities?kind=call&sort=-occurredAt")).body()).contains(id);

    HttpResponse<String> patched = app.json("PATCH", one, MERGE_PATCH,
        "{\"kind\":\"note\",\"duration\":null,\"dealIds\":null,\"subject\":null}", "If-Match", "\"1\"");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(patched.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(json(patched).path("kind").asText()).isEqualTo("note");
    assertThat(json(patched).has("duration")).isFalse();
    assertThat(json(patched).path("dealIds")).isEmpty();

    HttpResponse<String> noLinkLeft = app.json("PATCH", one, MERGE_PATCH, "{\"contactIds\":[]}", "If-Match", "\"2\"");
    ApiTestSupport.assertProblem(noLinkLeft, 400, "/problems/validation");
    assertThat(errorNames(noLinkLeft)).containsExactlyInAnyOrder("#/contactIds", "#/companyIds", "#/dealIds");

    ApiTestSupport.assertProblem(app.delete(one, "If-Match", "\"1\""), 412, "/problems/precondition-failed");
    assertThat(app.delete(one, "If-Match", "\"2\"").statusCode()).isEqualTo(204);
    ApiTestSupport.assertProblem(app.get(one), 404, "/problems/not-found");
  }

  @Test
  @DisplayName("Bad input (a duration on a note, no link, 51 links, another workspace's link) is one 400 naming each field, storing nothing")
  void badInput_answers400NamingEveryFieldAtOnce_andStoresNothing() throws Exception {
    long activities = TestApp.count(db, "activities");
    long tasks = TestApp.count(db, "tasks");

    HttpResponse<String> noteWithDuration = createActivity(a,
        "{\"kind\":\"note\",\"subject\":\" \",\"occurredAt\":\"yesterday\",\"duration\":\"PT25H\"}");
    ApiTestSupport.assertProblem(noteWithDuration, 400, "/problems/validation");
    assertThat(errorNames(noteWithDuration)).contains("#/subject", "#/occurredAt", "#/duration", "#/contactIds",
        "#/companyIds", "#/dealIds");
    HttpResponse<String> durationOnNote = createActivity(a, "{\"kind\":\"note\",\"occurredAt\":\"2026-01-31T12:00:00Z\","
        + "\"duration\":\"PT5M\",\"contactIds\":" + ids(contact(a)) + "}");
    assertThat(errorNames(durationOnNote)).containsExactly("#/duration");

    String[] many = IntStream.range(0, 51).mapToObj(i -> UUID.randomUUID().toString()).toArray(String[]::new);
    HttpResponse<String> tooMany = createActivity(a, "{\"kind\":\"email\",\"occurredAt\":\"2026-01-31T12:00:00Z\","
        + "\"contactIds\":" + ids(many) + "}");
    ApiTestSupport.assertProblem(tooMany, 400, "/problems/validation");
    assertThat(errorNames(tooMany)).contains("#/contactIds");

    String contactOfB = contact(b);
    String dealOfB = deal(b);
    HttpResponse<String> foreign = createActivity(a, "{\"kind\":\"meeting\",\"occurredAt\":\"2026-01-31T12:00:00Z\","
        + "\"contactIds\":" + ids(contactOfB) + ",\"companyIds\":" + ids(UUID.randomUUID().toString())
        + ",\"dealIds\":" + ids(dealOfB) + "}");
    ApiTestSupport.assertProblem(foreign, 400, "/problems/validation");
    assertThat(errorNames(foreign)).containsExactly("#/contactIds", "#/companyIds", "#/dealIds");

    HttpResponse<String> badTask = app.postJson(path(a, "tasks"), "{\"title\":\"\",\"dueAt\":\"soon\","
        + "\"assigneeId\":\"" + UUID.randomUUID() + "\",\"contactIds\":" + ids(contactOfB) + "}");
    ApiTestSupport.assertProblem(badTask, 400, "/problems/validation");
    assertThat(errorNames(badTask)).containsExactlyInAnyOrder("#/title", "#/dueAt");
    HttpResponse<String> foreignTask = app.postJson(path(a, "tasks"), "{\"title\":\"Follow up\","
        + "\"assigneeId\":\"" + UUID.randomUUID() + "\",\"contactIds\":" + ids(contactOfB) + "}");
    ApiTestSupport.assertProblem(foreignTask, 400, "/problems/validation");
    assertThat(errorNames(foreignTask)).containsExactlyInAnyOrder("#/assigneeId", "#/contactIds");

    assertThat(TestApp.count(db, "activities")).isEqualTo(activities);
    assertThat(TestApp.count(db, "tasks")).isEqualTo(tasks);
  }

  @Test
  @DisplayName("TEN-01: an activity, a task or a timeline of workspace A through B's path answers 404 and changes nothing; B's lists and timelines never show A's rows")
  void anotherWorkspacesActivitiesAndTasksAreNotFound() throws Exception {
    String contact = contact(a);
    String company = ApiTestSupport.acme(app, a);
    String deal = deal(a);
    String activity = activity(a, "\"contactIds\":" + ids(contact) + ",\"companyIds\":" + ids(company)
        + ",\"dealIds\":" + ids(deal));
    String task = task(a, "{\"title\":\"Follow up\",\"contactIds\":" + ids(contact) + "}");
    JsonNode activityBefore = json(app.get(path(a, "activities/" + activity)));
    JsonNode taskBefore = json(app.get(path(a, "tasks/" + task)));

    for (String viaB : List.of(path(b, "activities/" + activity), path(b, "tasks/" + task))) {
      ApiTestSupport.assertProblem(app.get(viaB), 404, "/problems/not-found");
      ApiTestSupport.assertProblem(app.json("PATCH", viaB, MERGE_PATCH, "{\"body\":\"Mallory\"}", "If-Match", "\"1\""),
          404, "/problems/not-found");
      ApiTestSupport.assertProblem(app.delete(viaB), 404, "/problems/not-found");
      ApiTestSupport.assertProblem(app.delete(viaB, "If-Match", "\"1\""), 404, "/problems/not-found");
    }
    for (String timeline : List.of("contacts/" + contact, "companies/" + company, "deals/" + deal)) {
      ApiTestSupport.assertProblem(app.get(path(b, timeline + "/timeline")), 404, "/problems/not-found");
      assertThat(app.get(path(a, timeline + "/timeline")).body()).contains(activity);
    }
    activity(b, "\"contactIds\":" + ids(contact(b)));
    assertThat(app.get(path(b, "activities?limit=200")).body()).doesNotContain(activity);
    assertThat(app.get(path(b, "tasks?limit=200")).body()).doesNotContain(task);

    assertThat(json(app.get(path(a, "activities/" + activity)))).isEqualTo(activityBefore);
    assertThat(json(app.get(path(a, "tasks/" + task)))).isEqualTo(taskBefore);
  }

  @Test
  @DisplayName("TEN-02: raw SQL as the application role sees only the bound workspace's activities, tasks, their links and the receipts' records for review")
  void rowLevelSecurityAloneHidesOtherWorkspacesActivitiesAndTasks() throws Exception {
    for (String workspace : List.of(a, b)) {
      String contact = contact(workspace);
      String erased = contact(workspace);
      activity(workspace, "\"contactIds\":" + ids(contact, erased));
      task(workspace, "{\"title\":\"T\",\"contactIds\":" + ids(contact) + "}");
      HttpResponse<String> receipt = app.postJson(path(workspace, "contacts/" + erased + "/erasure"), "");
      assertThat(json(receipt).path("forReview")).as(receipt.body()).hasSize(1);
    }
    for (String table : List.of("activities", "activity_links", "tasks", "task_links", "erasure_receipt_reviews")) {
      assertThat(tenantsAsApp(UUID.fromString(a), table)).as(table).isNotEmpty().containsOnly(UUID.fromString(a));
      assertThat(tenantsAsApp(UUID.fromString(b), table)).as(table).isNotEmpty().containsOnly(UUID.fromString(b));
      assertThat(tenantsAsApp(null, table)).as(table).isEmpty();
    }
    int changed = db.asApp(UUID.fromString(a), c -> c.createStatement().executeUpdate(
        "update tasks set title = 'Mallory' where tenant_id = '" + b + "'"));
    assertThat(changed).isZero();
  }

  private static List<UUID> tenantsAsApp(UUID workspace, String table) throws SQLException {
    return db.asApp(workspace, (Connection c) -> {
      List<UUID> ids = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select tenant_id from " + table)) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
      return ids;
    });
  }

  @Test
  @DisplayName("A deal's timeline of all kinds pages newest first, by time then id, each entry once")
  void aTimelineOfAllKindsPagesNewestFirst() throws Exception {
    String deal = deal(a); // its creation is a stage change, now
    String early = activity(a, "\"dealIds\":" + ids(deal), "2020-01-01T00:00:00Z", "Early");
    String late = activity(a, "\"dealIds\":" + ids(deal), "2099-01-01T00:00:00Z", "Late");
    String task = task(a, "{\"title\":\"Follow up\",\"dealIds\":" + ids(deal) + "}");
    String won = stageOf(a, "won");
    HttpResponse<String> moved = app.json("PATCH", path(a, "deals/" + deal), MERGE_PATCH,
        "{\"stageId\":\"" + won + "\"}", "If-Match", "\"1\"");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

    List<JsonNode> walked = new ArrayList<>();
    String next = path(a, "deals/" + deal + "/timeline?limit=2");
    while (next != null) {
      JsonNode page = json(app.get(next));
      page.path("items").forEach(walked::add);
      next = page.hasNonNull("nextCursor")
          ? path(a, "deals/" + deal + "/timeline?limit=2&cursor=" + page.path("nextCursor").asText()) : null;
    }
    assertThat(walked).extracting(item -> item.path("type").asText())
        .containsExactlyInAnyOrder("activity", "activity", "task", "stageChange", "stageChange");
    assertThat(walked.get(0).path("id").asText()).isEqualTo(late);
    assertThat(walked.get(walked.size() - 1).path("id").asText()).isEqualTo(early);
    assertThat(walked).extracting(item -> item.path("id").asText()).contains(task).doesNotHaveDuplicates();
    for (int i = 1; i < walked.size(); i++) {
      assertThat(walked.get(i - 1).path("at").asText().compareTo(walked.get(i).path("at").asText()))
          .as("newest first").isGreaterThanOrEqualTo(0);
    }
    JsonNode stageChange = walked.stream().filter(i -> i.path("type").asText().equals("stageChange")
        && i.has("from")).findFirst().orElseThrow();
    assertThat(stageChange.path("to").path("kind").asText()).isEqualTo("won");
  }

  private static String stageOf(String workspace, String kind) throws Exception {
    for (JsonNode pipeline : json(app.get(path(workspace, "pipelines"))).path("items")) {
      if (pipeline.path("isDefault").asBoolean()) {
        for (JsonNode stage : pipeline.path("stages")) {
          if (stage.path("kind").asText().equals(kind)) {
            return stage.path("id").asText();
          }
        }
      }
    }
    throw new AssertionError("no " + kind + " stage");
  }

  @Test
  @DisplayName("Two PATCHes of one task with one If-Match: the first 200, the second 412; done sets doneAt")
  void twoPatchesOfOneVersion_firstWinsSecondIs412() throws Exception {
    String task = task(a, "{\"title\":\"Call back\",\"dueAt\":\"2026-02-01T09:00:00Z\"}");
    String one = path(a, "tasks/" + task);
    HttpResponse<String> first = app.json("PATCH", one, MERGE_PATCH, "{\"done\":true}", "If-Match", "\"1\"");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json(first).path("done").asBoolean()).isTrue();
    assertThat(json(first).path("doneAt").asText()).isNotEmpty();
    HttpResponse<String> second = app.json("PATCH", one, MERGE_PATCH, "{\"title\":\"Other\"}", "If-Match", "\"1\"");
    ApiTestSupport.assertProblem(second, 412, "/problems/precondition-failed");
    assertThat(json(app.get(one)).path("title").asText()).isEqualTo("Call back");
    assertThat(app.get(path(a, "tasks?done=true&sort=dueAt")).body()).contains(task);
    assertThat(app.get(path(a, "tasks?done=false")).body()).doesNotContain(task);
  }

  @Test
  @DisplayName("An assigneeId must be a member (400 otherwise); removing the member unassigns their tasks")
  void assigneesAreMembers_andARemovedMembersTasksAreUnassigned() throws Exception {
    String stranger = UUID.randomUUID().toString();
    HttpResponse<String> refused = app.postJson(path(a, "tasks"), "{\"title\":\"X\",\"assigneeId\":\"" + stranger + "\"}");
    ApiTestSupport.assertProblem(refused, 400, "/problems/validation");
    assertThat(errorNames(refused)).containsExactly("#/assigneeId");

    TestApp.Client member = app.newClient().signUpAndSignIn();
    HttpResponse<String> invited = app.postJson(path(a, "invitations"),
        "{\"email\":\"" + member.email() + "\",\"role\":\"member\"}");
    assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
    String token = TestApp.awaitMail(member.email(), "You are invited to a Custodian CRM workspace").get(1);
    assertThat(member.postJson("/api/v1/invitations/accept", "{\"token\":\"" + token + "\"}").statusCode())
        .isEqualTo(200);
    String memberId = json(member.get("/api/v1/me")).path("id").asText();
    String task = task(a, "{\"title\":\"Yours\",\"assigneeId\":\"" + memberId + "\"}");
    assertThat(app.get(path(a, "tasks?assigneeId=" + memberId)).body()).contains(task);
    HttpResponse<String> notInB = app.postJson(path(b, "tasks"), "{\"title\":\"X\",\"assigneeId\":\"" + memberId + "\"}");
    assertThat(errorNames(notInB)).containsExactly("#/assigneeId");

    assertThat(app.delete(path(a, "members/" + memberId)).statusCode()).isEqualTo(204);
    JsonNode after = json(app.get(path(a, "tasks/" + task)));
    assertThat(after.has("assigneeId")).isFalse();
    assertThat(after.path("version").asLong()).isEqualTo(2);
  }

  @Test
  @DisplayName("A plain delete of a contact, company or deal drops its links: an activity left with none goes, a task stays")
  void aPlainDeleteDropsLinks_anActivityWithoutLinksGoes_aTaskStays() throws Exception {
    String contact = contact(a);
    String deal = deal(a);
    String alone = activity(a, "\"contactIds\":" + ids(contact));
    String shared = activity(a, "\"contactIds\":" + ids(contact) + ",\"dealIds\":" + ids(deal));
    String task = task(a, "{\"title\":\"Stays\",\"contactIds\":" + ids(contact) + "}");

    assertThat(app.delete(path(a, "contacts/" + contact)).statusCode()).isEqualTo(204);
    ApiTestSupport.assertProblem(app.get(path(a, "activities/" + alone)), 404, "/problems/not-found");
    JsonNode kept = json(app.get(path(a, "activities/" + shared)));
    assertThat(kept.path("contactIds")).isEmpty();
    assertThat(kept.path("dealIds").get(0).asText()).isEqualTo(deal);
    assertThat(json(app.get(path(a, "tasks/" + task))).path("contactIds")).isEmpty();

    assertThat(app.delete(path(a, "deals/" + deal)).statusCode()).isEqualTo(204);
    ApiTestSupport.assertProblem(app.get(path(a, "activities/" + shared)), 404, "/problems/not-found");
    assertThat(app.get(path(a, "tasks/" + task)).statusCode()).isEqualTo(200);
  }

  private static String random(int length) {
    String letters = "abcdefghijklmnopqrstuvwxyz";
    SecureRandom random = new SecureRandom();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(letters.charAt(random.nextInt(letters.length())));
    }
    return s.toString();
  }

  @Test
  @DisplayName("DSR-04: erasing X deletes its own activities, task and custom values, clears a company's custom copy of its email, unlinks the shared activity (for review), and leaves no trace but that activity's body")
  void erasureDeletesThePersonsActivitiesAndListsTheSharedOneForReview() throws Exception {
    String first = "Zq" + random(10);
    String last = "Xv" + random(12);
    String email = "zq" + random(12).toLowerCase(java.util.Locale.ROOT) + "@example.org";
    String phone = "+4420" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
    for (String field : List.of("{\"key\":\"dsr_nickname\",\"type\":\"text\",\"label\":\"Nickname\"}",
        "{\"key\":\"dsr_billing_email\",\"type\":\"email\",\"label\":\"Billing email\"}")) {
      HttpResponse<String> defined = app.postJson(path(a, "custom-fields/"
          + (field.contains("billing") ? "company" : "contact")), field);
      assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
    }
    HttpResponse<String> xCreated = app.postJson(path(a, "contacts"), "{\"firstName\":\"" + first
        + "\",\"lastName\":\"" + last + "\",\"email\":\"" + email + "\",\"phone\":\"" + phone
        + "\",\"custom\":{\"dsr_nickname\":\"" + first + "\"}}");
    assertThat(xCreated.statusCode()).as(xCreated.body()).isEqualTo(201);
    String x = json(xCreated).path("id").asText();
    HttpResponse<String> companyCreated = app.postJson(path(a, "companies"), "{\"name\":\"Employer of X\","
        + "\"custom\":{\"dsr_billing_email\":\"" + email.toUpperCase(java.util.Locale.ROOT) + "\"}}");
    assertThat(companyCreated.statusCode()).as(companyCreated.body()).isEqualTo(201);
    String company = json(companyCreated).path("id").asText();
    String y = contact(a);
    String deal = deal(a);
    String name = first + " " + last;
    String alone = activity(a, "\"contactIds\":" + ids(x), "2026-01-01T00:00:00Z", "Call with " + name);
    String withDeal = activity(a, "\"contactIds\":" + ids(x) + ",\"dealIds\":" + ids(deal), "2026-01-02T00:00:00Z",
        "Meeting with " + name);
    HttpResponse<String> sharedCreated = createActivity(a, "{\"kind\":\"meeting\",\"subject\":\"Workshop\","
        + "\"body\":\"Attended: " + name + "\",\"occurredAt\":\"2026-01-03T00:00:00Z\",\"contactIds\":" + ids(x, y) + "}");
    assertThat(sharedCreated.statusCode()).as(sharedCreated.body()).isEqualTo(201);
    String shared = json(sharedCreated).path("id").asText();
    String task = task(a, "{\"title\":\"Send " + name + " the offer\",\"contactIds\":" + ids(x) + "}");
    String before = String.join("\n", TestApp.everyRowAsText(db, "activities", "activity_links", "tasks", "task_links",
        "custom_field_values", "companies"));
    assertThat(before).as("positive control").contains(name, first, last, email, phone);

    HttpResponse<String> receipt = app.postJson(path(a, "contacts/" + x + "/erasure"), "");
    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
    JsonNode removed = json(receipt).path("recordsRemoved");
    assertThat(removed.path("activities").asInt()).isEqualTo(2);
    assertThat(removed.path("activityLinks").asInt()).isEqualTo(1);
    assertThat(removed.path("tasks").asInt()).isEqualTo(1);
    assertThat(removed.path("taskLinks").asInt()).isZero();
    assertThat(removed.path("customValues").asInt()).as("X's own value and the company's copy of its email")
        .isEqualTo(2);
    assertThat(removed.path("contacts").asInt()).isEqualTo(1);
    JsonNode forReview = json(receipt).path("forReview");
    assertThat(forReview).hasSize(1);
    assertThat(forReview.get(0).path("participant").asText()).isEqualTo("activityLinks");
    assertThat(forReview.get(0).path("id").asText()).isEqualTo(shared);
    assertThat(receipt.body()).doesNotContain(first, last);
    JsonNode listed = json(app.get(path(a, "erasures?limit=200"))).path("items");
    assertThat(listed.toString()).contains(shared);

    for (String gone : List.of(alone, withDeal)) {
      ApiTestSupport.assertProblem(app.get(path(a, "activities/" + gone)), 404, "/problems/not-found");
    }
    ApiTestSupport.assertProblem(app.get(path(a, "tasks/" + task)), 404, "/problems/not-found");
    JsonNode kept = json(app.get(path(a, "activities/" + shared)));
    assertThat(kept.path("contactIds")).hasSize(1);
    assertThat(kept.path("contactIds").get(0).asText()).isEqualTo(y);
    assertThat(kept.path("body").asText()).as("free text is neither read nor rewritten").contains(name);

    JsonNode employer = json(app.get(path(a, "companies/" + company)));
    assertThat(employer.path("custom").has("dsr_billing_email")).as("the company's copy of X's email is cleared").isFalse();
    assertThat(employer.path("name").asText()).as("the company stays").isEqualTo("Employer of X");

    List<String> traces = TestApp.everyRowAsText(db, "activities", "activity_links", "tasks", "task_links",
        "custom_field_values", "companies").stream()
        .filter(row -> row.contains(first) || row.contains(last) || row.contains(email) || row.contains(phone)
            || row.contains(email.toUpperCase(java.util.Locale.ROOT)))
        .toList();
    assertThat(traces).hasSize(1);
    assertThat(traces.get(0)).startsWith("activities: ").contains(shared);
  }
}
