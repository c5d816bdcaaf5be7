package dev.custodian.crm.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditDetailsTest {

  @Test
  void countsIdsEnumNamesAndFieldNames_inOneCanonicalForm() {
    UUID receipt = UUID.fromString("c3a074bd-2ade-4738-8538-ffc63757eec6");
    AuditDetails details = AuditDetails.none()
        .withId(AuditDetails.Key.RECEIPT_ID, receipt)
        .withCount(AuditDetails.Key.COUNT, "dealContacts", 2)
        .withName(AuditDetails.Key.ROLE, Role.ADMIN)
        .withFields(AuditDetails.Key.FIELDS, List.of("lastName", "email"));
    assertThat(details.canonical())
        .isEqualTo("count.dealContacts=2;fields=email,lastName;receipt_id=" + receipt + ";role=ADMIN");
    assertThat(AuditDetails.reconstitute(details.canonical())).isEqualTo(details);
  }

  @Test
  @DisplayName("SEC-09: no free text and no personal value fits in an entry's details")
  void noFreeTextFits() {
    assertThatThrownBy(() -> AuditDetails.none().withFields(AuditDetails.Key.FIELDS, List.of("Ada Lovelace")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditDetails.none().withCount(AuditDetails.Key.COUNT, "ada@example.org", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditDetails.none().withCount(AuditDetails.Key.COUNT, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditDetails.reconstitute("note=Ada Lovelace"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditDetails.reconstitute("email=ada@example.org"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
