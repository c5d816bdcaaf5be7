package dev.custodian.crm.http.fields;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CRM-01/CRM-02 check on a list of built-in field names: which of them name a special
 * category of personal data (health, religion, ethnicity, politics, sexual orientation, biometric
 * or genetic data) or a tax or national identifier (SSN, EIN, TIN, tax anything, national id).
 * A name is split into its camelCase and snake_case words, so {@code taxId} and {@code tax_id} are
 * caught while {@code weinstein} or {@code status} are not.
 */
final class SpecialCategoryFields {

  private static final Set<String> FORBIDDEN_WORDS = Set.of("ssn", "ein", "tin", "itin", "tax", "taxes", "vat",
      "health", "medical", "diagnosis", "disability", "religion", "religious", "faith", "ethnicity", "ethnic",
      "race", "racial", "political", "politics", "party", "sexual", "orientation", "gender", "biometric",
      "fingerprint", "genetic", "dna", "passport", "union");

  /** Word pairs that are forbidden together, each harmless alone. */
  private static final List<List<String>> FORBIDDEN_PAIRS = List.of(List.of("national", "id"),
      List.of("national", "identity"), List.of("social", "security"), List.of("national", "insurance"),
      List.of("trade", "union"));

  private SpecialCategoryFields() {}

  /** The names of {@code fields} that are forbidden, in their order; empty when all are fine. */
  static List<String> violations(Collection<String> fields) {
    List<String> bad = new ArrayList<>();
    for (String field : fields) {
      List<String> words = words(field);
      boolean forbidden = words.stream().anyMatch(FORBIDDEN_WORDS::contains)
          || FORBIDDEN_PAIRS.stream().anyMatch(pair -> containsInOrder(words, pair));
      if (forbidden) {
        bad.add(field);
      }
    }
    return bad;
  }

  /** {@code nationalIdNumber} -> national, id, number; {@code tax_id} -> tax, id. */
  static List<String> words(String field) {
    String spaced = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
    List<String> words = new ArrayList<>();
    for (String word : spaced.split("[^A-Za-z0-9]+")) {
      if (!word.isEmpty()) {
        words.add(word.toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  private static boolean containsInOrder(List<String> words, List<String> pair) {
    int first = words.indexOf(pair.get(0));
    return first >= 0 && words.subList(first + 1, words.size()).contains(pair.get(1));
  }
}
