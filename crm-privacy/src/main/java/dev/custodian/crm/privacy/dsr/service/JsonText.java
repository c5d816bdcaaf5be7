package dev.custodian.crm.privacy.dsr.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A small JSON writer for the packages' files (RFC 8259): objects, arrays, text (escaped, every
 * control character and the HTML-sensitive {@code < > &} as {@code \\u} escapes), numbers and
 * booleans; anything else is written as its text.
 */
final class JsonText {

  private JsonText() {}

  static void write(Writer out, Object value) {
    try {
      value(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void value(Writer out, Object value) throws IOException {
    if (value == null) {
      out.write("null");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.write(value.toString());
    } else if (value instanceof Map<?, ?> map) {
      out.write('{');
      Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<?, ?> entry = entries.next();
        string(out, String.valueOf(entry.getKey()));
        out.write(':');
        value(out, entry.getValue());
        if (entries.hasNext()) {
          out.write(',');
        }
      }
      out.write('}');
    } else if (value instanceof Collection<?> list) {
      out.write('[');
      Iterator<?> items = list.iterator();
      while (items.hasNext()) {
        value(out, items.next());
        if (items.hasNext()) {
          out.write(',');
        }
      }
      out.write(']');
    } else {
      string(out, value.toString());
    }
  }

  /** {@code text} as a JSON string. */
  static void string(Writer out, String text) throws IOException {
    out.write('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.write("\\\"");
        case '\\' -> out.write("\\\\");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        case '\t' -> out.write("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            out.write(String.format("\\u%04x", (int) c));
          } else {
            out.write(c);
          }
        }
      }
    }
    out.write('"');
  }
}
