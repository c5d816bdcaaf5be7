package dev.custodian.crm.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.core.datamap.DataClass;
import dev.custodian.crm.core.datamap.DataMap;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/v1/data-map} over a real socket: public, and built from the declarations. */
class DataMapApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.on(db);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @DisplayName("DSR-02, RET-12, TRN-17: the public data map lists every declared class, in words, with its purpose, lawful basis, CCPA category and whether it is enforced")
  void theMapIsBuiltFromTheDeclarations() throws Exception {
    HttpResponse<String> answer = app.newClient().get("/api/v1/data-map");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode classes = JSON.readTree(answer.body()).path("classes");

    List<DataClass> declared = DataMap.standard().classes();
    assertThat(classes).hasSize(declared.size());
    List<String> names = new ArrayList<>();
    for (int i = 0; i < declared.size(); i++) {
      DataClass expected = declared.get(i);
      JsonNode served = classes.get(i);
      names.add(served.path("name").asText());
      assertThat(served.path("name").asText()).isEqualTo(expected.name());
      assertThat(served.path("description").asText()).isEqualTo(expected.description());
      assertThat(served.path("category").asText()).isEqualTo(expected.category().name().toLowerCase(Locale.ROOT));
      assertThat(served.path("purpose").asText()).isEqualTo(expected.purpose()).isNotBlank();
      assertThat(served.path("legalBasis").asText()).isEqualTo(expected.basis().name().toLowerCase(Locale.ROOT));
      assertThat(served.path("personal").asBoolean()).isEqualTo(expected.isPersonal());
      assertThat(served.hasNonNull("ccpaCategory")).isEqualTo(expected.isPersonal());
      assertThat(served.path("retention").asText()).isEqualTo(expected.rule().describe());
      assertThat(served.path("enforced").asBoolean()).isEqualTo(expected.enforced());
    }
    assertThat(names).contains("contact", "workspace_audit_trail", "system");
    JsonNode contact = classes.get(names.indexOf("contact"));
    assertThat(contact.path("category").asText()).isEqualTo("crm_data");
    assertThat(contact.path("ccpaCategory").asText()).isEqualTo("identifiers");
    assertThat(contact.path("retention").asText()).isEqualTo("at once after its workspace ends");
    assertThat(contact.path("trigger").asText()).isEqualTo("workspace_ended");
  }
}
