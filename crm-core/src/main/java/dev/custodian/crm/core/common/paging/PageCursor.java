package dev.custodian.crm.core.common.paging;

import dev.custodian.crm.core.common.error.InvalidValueException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Position in a keyset walk: the sort it belongs to, the last row's sort key ({@code null} when
 * that row's value was empty) and id, and the {@linkplain ListQuery#scope() scope} of the query
 * that produced it (a hash of its filters and sort), so that it is refused with any other. Its
 * text form is opaque to clients: base64url of a versioned string ({@code v2}), read back
 * strictly against the list's offer, so that no hand-made cursor reaches a query.
 *
 * <p>The key is the last row's own value (text as its lower-cased key): a cursor is as personal as
 * the page it came from, and is kept no more than that page is.
 */
public record PageCursor(Sort sort, Object key, UUID id, String scope) {

  private static final String VERSION = "v2";
  /**
   * Longer texts are refused before decoding: base64 of the longest key (4 UTF-8 bytes a code
   * point) and the rest, some 5.5 kB, which fits a request line.
   */
  private static final int MAX_TEXT = (ValueType.MAX_KEY_LENGTH * 4 + 200) / 3 * 4 + 4;
  private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9_-]{12}");

  public PageCursor {
    Objects.requireNonNull(sort, "sort");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(scope, "scope");
    if (!SCOPE.matcher(scope).matches()) {
      throw new IllegalArgumentException("a scope is 12 base64url characters");
    }
    if (key != null) {
      key = sort.type().canonical(key);
      if (!key.equals(sort.type().sortKey(key))) {
        throw new IllegalArgumentException("a cursor holds a sort key, not a raw value");
      }
    }
  }

  /** The opaque text a client passes back as {@code cursor}. */
  public String encode() {
    String plain = String.join(":", VERSION, scope, sort.parameter(), id.toString(),
        key == null ? "-" : "=" + sort.type().format(key));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor of a list with this offer back.
   *
   * @throws InvalidValueException when {@code text} is not a cursor this code produced for such a
   *     list (it does not say whether it belongs to the query: compare its {@link #scope()})
   */
  public static PageCursor decode(String text, ListOffer offer) {
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      throw invalid();
    }
    try {
      String plain = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(text))).toString();
      String[] parts = plain.split(":", 5);
      if (parts.length != 5 || !parts[0].equals(VERSION) || !SCOPE.matcher(parts[1]).matches()
          || parts[3].length() != 36) {
        throw invalid();
      }
      boolean descending = parts[2].startsWith("-");
      String field = descending ? parts[2].substring(1) : parts[2];
      ValueType type = offer.sortType(field).orElseThrow(PageCursor::invalid);
      Sort sort = new Sort(field, type, descending ? SortDirection.DESCENDING : SortDirection.ASCENDING);
      UUID id = UUID.fromString(parts[3]);
      if (!id.toString().equals(parts[3])) {
        throw invalid();
      }
      Object key;
      if (parts[4].equals("-")) {
        key = null;
      } else if (parts[4].startsWith("=")) {
        key = type.parseKey(parts[4].substring(1));
      } else {
        throw invalid();
      }
      return new PageCursor(sort, key, id, parts[1]);
    } catch (IllegalArgumentException | CharacterCodingException e) {
      throw invalid(); // base64, UTF-8 or uuid; a key that InvalidValueException did not catch
    } catch (InvalidValueException e) {
      throw invalid();
    }
  }

  private static InvalidValueException invalid() {
    return new InvalidValueException("is not a valid cursor");
  }
}
