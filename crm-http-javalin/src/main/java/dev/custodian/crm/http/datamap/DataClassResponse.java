package dev.custodian.crm.http.datamap;

import dev.custodian.crm.core.datamap.DataClass;
import java.util.Locale;

/**
 * One class of the data map, in words and as names (lower case): its category, purpose, legal
 * basis, whether it is personal and under which CCPA category, its retention (the rule in words,
 * its trigger and ISO-8601 period) and whether code enforces it yet.
 */
record DataClassResponse(String name, String description, String category, String purpose, String legalBasis,
    boolean personal, String ccpaCategory, String retention, String trigger, String period, boolean enforced) {

  static DataClassResponse from(DataClass c) {
    return new DataClassResponse(c.name(), c.description(), lower(c.category()), c.purpose(), lower(c.basis()),
        c.isPersonal(), c.ccpa().map(DataClassResponse::lower).orElse(null), c.rule().describe(),
        lower(c.rule().trigger()), c.rule().period().toString(), c.enforced());
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
