package dev.custodian.crm.http.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CRM-01, CRM-02: the built-in fields of contacts, companies, deals, activities and tasks are
 * pinned (what their create requests take and their responses show, read from the records
 * themselves), and none names a special category or a tax or national identifier. A new field
 * fails the pin until it is added here, where the check sees it.
 */
class BuiltInFieldsTest {

  private static final Set<String> COMMON = Set.of("id", "workspaceId", "createdAt", "updatedAt", "version");

  static List<String> fieldsOf(String... recordClasses) throws ClassNotFoundException {
    Set<String> names = new TreeSet<>();
    for (String name : recordClasses) {
      Class<?> type = Class.forName("dev.custodian.crm.http." + name);
      assertThat(type.isRecord()).as(name).isTrue();
      Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).forEach(names::add);
    }
    names.removeAll(COMMON);
    return List.copyOf(names);
  }

  @Test
  @DisplayName("CRM-02: the pinned built-in field lists of contacts, companies, deals, activities and tasks hold no special-category or tax field")
  void thePinnedBuiltInFieldsHoldNoSpecialCategoryOrTaxField() throws Exception {
    List<List<String>> pinned = List.of(
        pin(fieldsOf("contact.CreateContactRequest", "contact.ContactResponse"),
            "companyId", "custom", "email", "firstName", "jobTitle", "lastName", "phone"),
        pin(fieldsOf("company.CreateCompanyRequest", "company.CompanyResponse"), "custom", "domain", "name"),
        pin(fieldsOf("deal.CreateDealRequest", "deal.DealResponse"), "amount", "closedAt", "companyId", "contactIds",
            "custom", "expectedCloseDate", "pipelineId", "stageId", "status", "title"),
        pin(fieldsOf("activity.CreateActivityRequest", "activity.ActivityResponse"), "body", "companyIds",
            "contactIds", "dealIds", "duration", "kind", "occurredAt", "subject"),
        pin(fieldsOf("task.CreateTaskRequest", "task.TaskResponse"), "assigneeId", "body", "companyIds", "contactIds",
            "dealIds", "done", "doneAt", "dueAt", "title"));
    for (List<String> fields : pinned) {
      assertThat(SpecialCategoryFields.violations(fields)).as("%s", fields).isEmpty();
    }
  }

  private static List<String> pin(List<String> actual, String... expected) {
    assertThat(actual).as("the built-in fields, pinned").containsExactly(expected);
    return actual;
  }

  @Test
  @DisplayName("CRM-02: negative control: a test-only built-in taxId, and names like SSN, EIN, national id, health, religion, ethnicity, fail the check")
  void aTaxIdOrASpecialCategoryFieldFailsTheCheck() throws Exception {
    List<String> withTaxId = new java.util.ArrayList<>(fieldsOf("contact.CreateContactRequest",
        "contact.ContactResponse"));
    withTaxId.add("taxId");
    assertThat(SpecialCategoryFields.violations(withTaxId)).containsExactly("taxId");
    assertThat(SpecialCategoryFields.violations(List.of("ssn", "SSN", "employerEin", "tax_id", "nationalId",
        "national_identity_number", "socialSecurityNumber", "healthStatus", "religion", "ethnicity",
        "politicalParty", "sexualOrientation", "TIN")))
        .hasSize(13);
    assertThat(SpecialCategoryFields.violations(List.of("weinstein", "status", "stageId", "contentType", "einstein",
        "title", "domain", "nationality"))).isEmpty();
  }
}
