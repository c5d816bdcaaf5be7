package dev.custodian.crm.core.datamap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.consent.LegalBasis;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataMapTest {

  @Test
  @DisplayName("RET-01: a rule expiring CRM data or communications by time, or with an account, cannot be built")
  void workspaceContentExpiresOnlyWithItsWorkspace() {
    for (DataCategory category : List.of(DataCategory.CRM_DATA, DataCategory.COMMUNICATIONS)) {
      for (RetentionRule rule : List.of(RetentionRule.sinceEvent("created_at", Period.ofYears(10)),
          RetentionRule.afterAccountEnds(Period.ofDays(30)), RetentionRule.systemLifetime())) {
        assertThatThrownBy(() -> DataClass.personal("notes", "Notes", category, "crm", LegalBasis.CONTRACT,
            CcpaCategory.CUSTOMER_CONTENT, rule, true))
            .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("RET-01");
      }
    }
    assertThat(DataMap.standard().classes()).filteredOn(c -> c.category().isWorkspaceContent())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.rule().trigger()).isEqualTo(RetentionRule.Trigger.WORKSPACE_ENDED));
  }

  @Test
  @DisplayName("DSR-02: every personal class of the map has a CCPA category, every other none")
  void everyPersonalClassHasItsCcpaCategory() {
    assertThat(DataMap.standard().classes()).filteredOn(DataClass::isPersonal).isNotEmpty()
        .allSatisfy(c -> assertThat(c.ccpa()).isPresent());
    assertThat(DataMap.standard().classes()).extracting(DataClass::name).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("TRN-17: every class of the processing register names its purpose and its lawful basis; one without either cannot be declared")
  void everyPurposeHasALawfulBasis() {
    assertThat(DataMap.standard().classes()).isNotEmpty()
        .allSatisfy(c -> assertThat(c.purpose()).isNotBlank())
        .allSatisfy(c -> assertThat(c.basis()).isNotNull());
    RetentionRule rule = RetentionRule.afterWorkspaceEnds(Period.ZERO);
    assertThatThrownBy(() -> DataClass.personal("notes", "Notes", DataCategory.CRM_DATA, " ", LegalBasis.CONTRACT,
        CcpaCategory.CUSTOMER_CONTENT, rule, true)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("TRN-17");
    assertThatThrownBy(() -> DataClass.personal("notes", "Notes", DataCategory.CRM_DATA, "crm", null,
        CcpaCategory.CUSTOMER_CONTENT, rule, true)).isInstanceOf(NullPointerException.class).hasMessage("basis");
  }

  @Test
  @DisplayName("RET-12: every class declares a rule, in words")
  void everyClassHasARuleInWords() {
    assertThat(DataMap.standard().classes()).allSatisfy(c -> assertThat(c.rule().describe()).isNotBlank());
    assertThat(RetentionRule.afterAccountEnds(Period.ofMonths(12)).describe()).isEqualTo("12 months after its account ends");
    assertThat(RetentionRule.afterWorkspaceEnds(Period.ZERO).describe()).isEqualTo("at once after its workspace ends");
    assertThat(RetentionRule.sinceEvent("window_end", Period.ZERO).describe()).isEqualTo("at once after its window end");
  }
}
