package dev.custodian.crm.app.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, so a test can send what no client library would (a garbage request
 * line, invalid UTF-8, a lying Content-Length) and read exactly what the server answers.
 */
final class RawHttp {

  /** What came back: the status, the headers (lower-case names) and the body as text. */
  record Answer(int status, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {}

  /** Sends {@code request} as is, half-closes, and reads the answer until the server closes. */
  static Answer send(int port, byte[] request) throws IOException {
    return send(port, request, true);
  }

  /**
   * Sends {@code request}; with {@code halfClose} false the socket stays open for writing (a body
   * still to come), so the answer shows what the server decides without waiting for it.
   */
  static Answer send(int port, byte[] request, boolean halfClose) throws IOException {
    return send(null, port, request, halfClose);
  }

  /**
   * Sends {@code request} from the loopback address {@code source} (Linux routes all of 127/8 to lo),
   * so a test can play several clients, as the server sees them by their socket's address.
   */
  static Answer sendFrom(String source, int port, byte[] request) throws IOException {
    return send(java.net.InetAddress.getByName(source), port, request, true);
  }

  private static Answer send(java.net.InetAddress source, int port, byte[] request, boolean halfClose)
      throws IOException {
    try (Socket socket = new Socket()) {
      if (source != null) {
        socket.bind(new InetSocketAddress(source, 0));
      }
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
      return parse(readAll(socket.getInputStream()));
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
        if (complete(all.toByteArray())) {
          break;
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // what arrived is the answer
    }
    return all.toByteArray();
  }

  /** A whole answer with a Content-Length has arrived (one needs not wait for the close). */
  private static boolean complete(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    for (String line : text.substring(0, end).split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return raw.length - end - 4 >= Integer.parseInt(line.substring(15).strip());
      }
    }
    return false;
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return new Answer(-1, Map.of(), text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      StringBuilder joined = new StringBuilder();
      int at = 0;
      while (at < body.length()) {
        int lineEnd = body.indexOf("\r\n", at);
        int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
        if (size == 0) {
          break;
        }
        joined.append(body, lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
      }
      body = joined.toString();
    }
    return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }
}
