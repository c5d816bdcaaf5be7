package dev.custodian.crm.core.common.validation;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.text.Normalizer;

/**
 * Checks shared by the text values of the domain (names and the like): one line of visible text
 * that cannot spoof what a reader sees, stored in Unicode normalisation form C.
 */
public final class Text {

  private Text() {}

  /**
   * The value stripped of surrounding white space and normalised to NFC, if it is then 1 to
   * {@code maxLength} characters (code points) of one line of text. Refused: control characters
   * (C0, C1), line and paragraph separators, bidirectional overrides and isolates (they reorder
   * what a reader sees), lone surrogates, private-use, unassigned and non-characters, and a value
   * that is nothing but invisible characters. Emoji, combining marks and the joiners that some
   * scripts need (ZWJ, ZWNJ) are text.
   *
   * @throws InvalidValueException saying which rule the value breaks (never quoting it)
   */
  public static String requireSingleLine(String value, int maxLength) {
    if (value == null) {
      throw new InvalidValueException("is required");
    }
    boolean composable = refuseUnsafeCodePoints(value); // before normalising: NFC must not be what hides a bad input
    String stripped = value.strip();
    String text = !composable || Normalizer.isNormalized(stripped, Normalizer.Form.NFC) ? stripped
        : Normalizer.normalize(stripped, Normalizer.Form.NFC);
    if (text.isEmpty() || allInvisible(text)) {
      throw new InvalidValueException("must not be blank");
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw new InvalidValueException("must be at most " + maxLength + " characters");
    }
    return text;
  }

  /**
   * The first combining mark (U+0300). Text of code points below it only is in NFC already: each is
   * its own composition and none combines with its neighbour.
   */
  private static final int FIRST_COMBINING = 0x300;

  /**
   * Refuses the unsafe code points; says whether any is at or past {@link #FIRST_COMBINING}, so
   * that normalising could change the text. Loops rather than streams, with printable ASCII passed at once: every name read back from the
   * database passes here (a list's, an export's every row).
   */
  private static boolean refuseUnsafeCodePoints(String value) {
    boolean composable = false;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0x20 && cp < 0x7F) {
        continue; // printable ASCII: none of the below
      }
      composable |= cp >= FIRST_COMBINING;
      if (Character.isISOControl(cp)) {
        throw new InvalidValueException("must not contain control characters");
      }
      if (isBidiControl(cp) || cp == 0x2028 || cp == 0x2029) {
        throw new InvalidValueException("must not contain line breaks or text-direction controls");
      }
      int type = Character.getType(cp);
      if (type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
          || isNonCharacter(cp)) {
        throw new InvalidValueException("must contain only assigned Unicode characters");
      }
    }
    return composable;
  }

  private static boolean allInvisible(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!isInvisible(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** The embeddings, overrides and isolates that reorder text (U+202A..U+202E, U+2066..U+2069). */
  private static boolean isBidiControl(int cp) {
    return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
  }

  /** U+FDD0..U+FDEF and the last two code points of every plane. */
  private static boolean isNonCharacter(int cp) {
    return cp >= 0xFDD0 && cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE;
  }

  /** Renders as nothing: format characters (joiners, zero-width space), spaces, fillers, selectors. */
  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.FORMAT || type == Character.SPACE_SEPARATOR || Character.isWhitespace(cp)
        || cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0
        || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
  }
}
