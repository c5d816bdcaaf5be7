package dev.custodian.crm.http.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.InvalidValueException;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * HTTP adapter: reading requests the same way in every route. Path parameters go into the
 * request's one {@link Validator}; a body that cannot be read at all is thrown at once for the
 * problem table to answer (415, 413, malformed JSON).
 */
public final class Requests {

  private static final Pattern UUID_FORMAT = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Requests() {}

  /**
   * The JSON body bound to {@code type}. The body must be sent as {@code application/json} (or a
   * {@code +json} type) and within the size limit; it must be a JSON object, not {@code null}.
   */
  public static <T> T jsonBody(Context ctx, Class<T> type) throws JsonProcessingException {
    if (!isJson(ctx.contentType())) {
      throw new UnsupportedMediaTypeResponse();
    }
    String text = ctx.body(); // reading the body enforces the size limit (413)
    if (text.isBlank()) {
      throw new JsonParseException(null, "the body is empty");
    }
    if (text.strip().equals("null")) { // Javalin's mapper cannot return null
      throw MismatchedInputException.from(null, type, "the body is null");
    }
    T body = ctx.bodyAsClass(type);
    return body;
  }

  /**
   * The {@code workspaceId} path parameter, the only source of a request's workspace; {@code null}
   * after recording a parameter error in {@code v}.
   */
  public static WorkspaceId workspaceId(Context ctx, Validator v) {
    return idPathParam(ctx, v, "workspaceId", WorkspaceId::of);
  }

  /**
   * A path parameter that must be a UUID, as the id type {@code wrap} makes of it; {@code null}
   * after recording a parameter error in {@code v}.
   */
  public static <T> T idPathParam(Context ctx, Validator v, String name, Function<UUID, T> wrap) {
    return v.required(FieldError.Location.PARAMETER, name, ctx.pathParam(name), raw -> wrap.apply(uuid(raw)));
  }

  private static UUID uuid(String raw) {
    if (!UUID_FORMAT.matcher(raw).matches()) {
      throw new InvalidValueException("must be a UUID");
    }
    return UUID.fromString(raw);
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json")
        || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
  }
}
