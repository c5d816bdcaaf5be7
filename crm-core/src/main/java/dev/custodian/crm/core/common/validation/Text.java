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
    refuseUnsafeCodePoints(value); // before normalising: NFC must not be what hides a bad input
    String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    if (text.isEmpty() || text.codePoints().allMatch(Text::isInvisible)) {
      throw new InvalidValueException("must not be blank");
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw new InvalidValueException("must be at most " + maxLength + " characters");
    }
    return text;
  }

  private static void refuseUnsafeCodePoints(String value) {
    value.codePoints().forEach(cp -> {
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
    });
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
