package dev.custodian.crm.core.datamap;

import dev.custodian.crm.core.consent.LegalBasis;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One class of stored data (RET-12): what it is, why and on what basis it is kept, whether it is
 * personal (then with its CCPA category, DSR-02), and its retention rule; {@code enforced} says
 * whether code already carries the rule out (one with no executor yet shows as not enforced).
 *
 * @throws IllegalArgumentException for a rule that would expire CRM data or communications while
 *     its workspace is active (RET-01), a personal class without a CCPA category, or a blank purpose
 *     (TRN-17: the map is the processing register, each purpose with its lawful basis)
 */
public record DataClass(String name, String description, DataCategory category, String purpose, LegalBasis basis,
    Optional<CcpaCategory> ccpa, RetentionRule rule, boolean enforced) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z_]{0,63}");

  public DataClass {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(ccpa, "ccpa");
    Objects.requireNonNull(rule, "rule");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a data class is named in lower case, e.g. contact");
    }
    if (purpose.isBlank()) {
      throw new IllegalArgumentException("TRN-17: " + name + " is kept for a purpose, on a lawful basis: name the purpose");
    }
    if (category.isWorkspaceContent() && rule.trigger() != RetentionRule.Trigger.WORKSPACE_ENDED) {
      throw new IllegalArgumentException("RET-01: " + name + " is " + category
          + ": it is kept while its workspace is active and expires only once it ends");
    }
  }

  /** A personal class, with its CCPA category. */
  public static DataClass personal(String name, String description, DataCategory category, String purpose,
      LegalBasis basis, CcpaCategory ccpa, RetentionRule rule, boolean enforced) {
    return new DataClass(name, description, category, purpose, basis, Optional.of(ccpa), rule, enforced);
  }

  /** A class holding nothing about a person. */
  public static DataClass impersonal(String name, String description, DataCategory category, String purpose,
      LegalBasis basis, RetentionRule rule, boolean enforced) {
    return new DataClass(name, description, category, purpose, basis, Optional.empty(), rule, enforced);
  }

  public boolean isPersonal() {
    return ccpa.isPresent();
  }
}
