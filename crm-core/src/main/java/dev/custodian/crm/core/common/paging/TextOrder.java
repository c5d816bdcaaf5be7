package dev.custodian.crm.core.common.paging;

import java.util.Comparator;

/**
 * How text sorts, alike in Java and in PostgreSQL: by a sort key that ignores case, compared in
 * code-point order. The key is the text with each code point lower-cased on its own (Unicode's
 * simple case mapping, {@link Character#toLowerCase(int)}: one code point stays one, so a key is
 * never longer than its text); the database stores it in a column ordered {@code COLLATE "C"}
 * (UTF-8 byte order, which is code-point order). {@link String#compareTo} compares UTF-16 units
 * and disagrees for text beyond U+FFFF, so every in-memory ordering of keys uses
 * {@link #CODE_POINTS} instead.
 */
public final class TextOrder {

  /** Code-point order, as PostgreSQL's {@code "C"} collation orders UTF-8 text. */
  public static final Comparator<String> CODE_POINTS = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  };

  private TextOrder() {}

  /**
   * The sort key of {@code text}: {@code null} (empty, sorted last) for {@code null} or
   * {@code ""}, else the text lower-cased code point by code point.
   */
  public static String key(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    StringBuilder key = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> key.appendCodePoint(Character.toLowerCase(cp)));
    return key.toString();
  }
}
