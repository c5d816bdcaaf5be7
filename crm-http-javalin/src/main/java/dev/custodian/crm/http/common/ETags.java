package dev.custodian.crm.http.common;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Validator;
import io.javalin.http.Context;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP adapter: strong entity tags made from an aggregate's version ({@code "3"}), and the
 * {@code If-Match} header that carries one back for optimistic locking.
 */
public final class ETags {

  public static final String IF_MATCH = "If-Match";
  private static final Pattern ONE_STRONG_VERSION_TAG = Pattern.compile("\"([1-9][0-9]{0,17})\"");

  private ETags() {}

  /** The strong entity tag of a version. */
  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version in {@code If-Match}; empty when the header is absent, or after recording a header
   * error in {@code v} when it is not exactly one entity tag that this API issued.
   */
  public static OptionalLong ifMatch(Context ctx, Validator v) {
    return v.optional(FieldError.Location.HEADER, IF_MATCH, ctx.header(IF_MATCH), ETags::version)
        .map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  private static long version(String header) {
    Matcher matcher = ONE_STRONG_VERSION_TAG.matcher(header.strip());
    if (!matcher.matches()) {
      throw new InvalidValueException("must be exactly one strong entity tag as returned in ETag, e.g. \"3\"");
    }
    return Long.parseLong(matcher.group(1));
  }
}
