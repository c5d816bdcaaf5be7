package dev.custodian.crm.http.common;

import dev.custodian.crm.core.common.error.FieldError;
import dev.custodian.crm.core.common.error.ValidationException;
import dev.custodian.crm.http.problem.AnswerHeaders;
import dev.custodian.crm.http.problem.ProblemType;
import dev.custodian.crm.http.problem.RequestRefused;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HTTP adapter: what every request passes before any route runs. It sets the headers every answer
 * carries, refuses a {@code Host} that is not ours (a web page reaching the API through DNS
 * rebinding), a declared body over the limit (at once, without reading it), and a query whose
 * percent-encoding is not valid UTF-8 (which the framework would silently drop).
 */
public final class RequestGuards {

  private final Set<String> allowedHosts;
  private final long maxRequestBytes;
  private final List<Map.Entry<Pattern, Long>> uploads;
  private volatile boolean stopping;

  /**
   * @param allowedHosts host names (lower case, without port) a request may name in {@code Host}
   * @param maxRequestBytes the largest request body accepted
   */
  public RequestGuards(Set<String> allowedHosts, long maxRequestBytes) {
    this(allowedHosts, maxRequestBytes, Map.of());
  }

  /**
   * @param uploads routes ({@code METHOD /path} with {@code {param}} placeholders) that take a
   *     larger body, with their limit each (an import's file)
   */
  public RequestGuards(Set<String> allowedHosts, long maxRequestBytes, Map<String, Long> uploads) {
    this.allowedHosts = Set.copyOf(Objects.requireNonNull(allowedHosts, "allowedHosts"));
    this.maxRequestBytes = maxRequestBytes;
    this.uploads = uploads.entrySet().stream()
        .map(e -> Map.entry(template(e.getKey()), e.getValue())).toList();
  }

  /** A route key's pattern: each {@code {param}} one path segment, the rest as written. */
  private static Pattern template(String key) {
    StringBuilder regex = new StringBuilder();
    for (String part : key.split("\\{[^}/]+}", -1)) {
      if (regex.length() > 0) {
        regex.append("[^/]+");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  /** The most bytes a request to {@code method path} may send. */
  private long limitOf(String method, String path) {
    String key = method + " " + path;
    return uploads.stream().filter(e -> e.getKey().matcher(key).matches()).map(Map.Entry::getValue)
        .findFirst().orElse(maxRequestBytes);
  }

  /**
   * From now on the server is shutting down: a request that still arrives (on a connection kept
   * open) gets a 503 with {@code Retry-After} and the connection closes, instead of a reset.
   */
  public void stopping() {
    stopping = true;
  }

  /** The {@code before} handler. */
  public void check(Context ctx) {
    AnswerHeaders.ALL.forEach(ctx::header);
    if (stopping) {
      ctx.header("Connection", "close");
      throw new RequestRefused(ProblemType.UNAVAILABLE, "The server is shutting down; try again shortly.");
    }
    if (ctx.path().startsWith("/api/")) {
      ctx.header("Cache-Control", "no-store"); // answers of the API may hold personal data
    }
    if (!allowedHosts.contains(hostName(ctx.header("Host")))) {
      throw new RequestRefused(ProblemType.MISDIRECTED_REQUEST,
          "This server does not answer for the host named in the request.");
    }
    String length = ctx.header("Content-Length"); // the server has checked it is digits
    long limit = length == null ? maxRequestBytes : limitOf(ctx.method().name(), ctx.path());
    if (length != null && (length.length() > 18 || Long.parseLong(length.strip()) > limit)) {
      throw new RequestRefused(ProblemType.PAYLOAD_TOO_LARGE,
          "The request body is larger than " + limit + " bytes.");
    }
    requireValidQuery(ctx.queryString());
  }

  /** The host name of a {@code Host} header: lower case, without the port, IPv6 in brackets. */
  static String hostName(String host) {
    if (host == null) {
      return "";
    }
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close < 0 ? h : h.substring(0, close + 1);
    }
    int colon = h.indexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  /** Every {@code %XX} is two hex digits and the decoded parts are UTF-8; names the bad parameter. */
  private static void requireValidQuery(String query) {
    if (query == null || query.isEmpty()) {
      return;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (!isValidEncoding(pair)) {
        String named = isValidEncoding(name) && name.matches("[A-Za-z0-9_.-]{1,64}") ? name : "query";
        throw ValidationException.of(FieldError.parameter(named, "is not valid percent-encoded UTF-8"));
      }
    }
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static boolean isValidEncoding(String part) {
    ByteBuffer bytes = ByteBuffer.allocate(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%') {
        if (i + 2 >= part.length() || !isHex(part.charAt(i + 1)) || !isHex(part.charAt(i + 2))) {
          return false;
        }
        bytes.put((byte) Integer.parseInt(part.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c > 0x7F) {
        return false; // a raw non-ASCII byte in a query is not a URI
      } else {
        bytes.put((byte) c);
      }
    }
    bytes.flip();
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
