package dev.custodian.crm.http.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.validation.Uuids;
import dev.custodian.crm.core.common.validation.Validator;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.http.problem.ProblemType;
import dev.custodian.crm.http.problem.RequestRefused;
import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * HTTP adapter: reading requests the same way in every route. Path parameters go into the
 * request's one {@link Validator}; a body that cannot be read at all is thrown at once for the
 * problem table to answer (415, 413, malformed JSON).
 */
public final class Requests {

  private Requests() {}

  /** The most members (object fields, at any depth) a body may have: no amplification by bulk. */
  public static final int MAX_MEMBERS = 1000;

  private static final String JSON = "application/json";
  private static final String MERGE_PATCH = "application/merge-patch+json";

  /**
   * The JSON body bound to {@code type}: sent as {@code application/json}, in UTF-8, within the
   * size limit, with at most {@value #MAX_MEMBERS} members, and an object, not {@code null}.
   */
  public static <T> T jsonBody(Context ctx, Class<T> type) throws JsonProcessingException {
    return bind(ctx, type, Set.of(JSON));
  }

  /** The body of a JSON merge patch: as {@link #jsonBody}, also sent as {@code application/merge-patch+json}. */
  public static ObjectNode mergePatchBody(Context ctx) throws JsonProcessingException {
    return bind(ctx, ObjectNode.class, Set.of(JSON, MERGE_PATCH));
  }

  private static <T> T bind(Context ctx, Class<T> type, Set<String> mediaTypes) throws JsonProcessingException {
    requireMediaType(ctx.header("Content-Type"), mediaTypes); // the raw header: parsing its charset may throw
    String text = utf8(ctx.bodyAsBytes()); // reading the body enforces the size limit (413)
    if (text.isBlank()) {
      throw new JsonParseException(null, "the body is empty");
    }
    ObjectMapper mapper = mapper(ctx);
    requireFewMembers(mapper, text);
    if (text.strip().equals("null")) { // binding would answer null
      throw MismatchedInputException.from(null, type, "the body is null");
    }
    return mapper.readValue(text, type);
  }

  /**
   * A body read as a stream (an upload): its {@code Content-Type} must be {@code mediaType}, its
   * charset, if named, UTF-8; a 415 problem otherwise.
   */
  public static void requireMediaType(Context ctx, String mediaType) {
    requireMediaType(ctx.header("Content-Type"), Set.of(mediaType));
  }

  /** The media type must be one of {@code allowed}; a charset, if named, must be UTF-8. */
  private static void requireMediaType(String contentType, Set<String> allowed) {
    if (contentType == null) {
      throw new UnsupportedMediaTypeResponse();
    }
    String[] parts = contentType.split(";");
    if (!allowed.contains(parts[0].strip().toLowerCase(Locale.ROOT))) {
      throw new UnsupportedMediaTypeResponse();
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter[0].strip().equalsIgnoreCase("charset")
          && (parameter.length < 2 || !unquote(parameter[1]).equalsIgnoreCase("utf-8"))) {
        throw new RequestRefused(ProblemType.UNSUPPORTED_MEDIA_TYPE,
            "The request body must be UTF-8: name no charset in Content-Type, or charset=utf-8.");
      }
    }
  }

  private static String unquote(String value) {
    String v = value.strip();
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
  }

  /** Decodes strictly: bytes that are not UTF-8 are refused, not replaced with U+FFFD. */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RequestRefused(ProblemType.MALFORMED_JSON, "The request body is not valid UTF-8.");
    }
  }

  /** Counts the members in one streaming pass before anything is bound. */
  private static void requireFewMembers(ObjectMapper mapper, String text) throws JsonProcessingException {
    try (JsonParser parser = mapper.createParser(text)) {
      int members = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME && ++members > MAX_MEMBERS) {
          throw new RequestRefused(ProblemType.PAYLOAD_TOO_LARGE,
              "The request body has more than " + MAX_MEMBERS + " members.");
        }
      }
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  /** The API's one Jackson configuration (Javalin's mapper's). */
  public static ObjectMapper mapper(Context ctx) {
    if (ctx.jsonMapper() instanceof JavalinJackson jackson) {
      return jackson.getMapper();
    }
    throw new IllegalStateException("the API is configured with JavalinJackson");
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
    return v.required(FieldError.Location.PARAMETER, name, ctx.pathParam(name), raw -> wrap.apply(Uuids.parse(raw)));
  }

  /**
   * The client's address for throttling: the socket's, never a forwarded header, which would let a
   * client pick its own throttle key.
   */
  public static String clientIp(Context ctx) {
    return ctx.req().getRemoteAddr();
  }
}
