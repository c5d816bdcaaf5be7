package dev.custodian.crm.privacy.dsr.service;

import dev.custodian.crm.core.consent.Purpose;
import dev.custodian.crm.core.datamap.DataClass;
import dev.custodian.crm.core.erasure.SubjectDataParticipant.SubjectRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code index.html} of an ACCESS package: one self-contained page (no script, no outside
 * resource: its policy forbids both), every text escaped, naming the right to complain (DSR-16).
 */
final class IndexHtml {

  private final Writer out;

  IndexHtml(Writer out) {
    this.out = out;
  }

  void start(Instant generatedAt) {
    raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        + "<title>Your data</title><style>table{border-collapse:collapse}td,th{border:1px solid #999;"
        + "padding:2px 6px;text-align:left;vertical-align:top}</style></head><body>\n<h1>Your data</h1>\n<p>Prepared ");
    text(generatedAt.toString());
    raw(". The files <code>subject.json</code> and <code>processing.json</code> beside this page hold the same, "
        + "readable by a program.</p>\n");
  }

  void section(String name, Optional<DataClass> dataClass) {
    raw("<h2>");
    text(name);
    raw("</h2>\n");
    dataClass.ifPresent(c -> {
      raw("<p>");
      text(c.description() + " — category " + c.category().name() + "; purpose: " + c.purpose() + "; basis: "
          + c.basis().name() + "; kept " + c.rule().describe() + ".");
      raw("</p>\n");
    });
    raw("<table>\n");
  }

  void record(SubjectRecord record) {
    raw("<tr><td><table>");
    for (Map.Entry<String, Object> field : record.fields().entrySet()) {
      raw("<tr><th>");
      text(field.getKey());
      raw("</th><td>");
      text(field.getValue() == null ? "" : field.getValue().toString());
      raw("</td></tr>");
    }
    raw("</table></td></tr>\n");
  }

  void endSection() {
    raw("</table>\n");
  }

  void end(List<Purpose> purposes) {
    raw("<h2>Why and for how long</h2>\n<ul>\n");
    for (Purpose purpose : purposes) {
      raw("<li>");
      text(purpose.name().value() + ": basis " + purpose.basis().name());
      raw("</li>\n");
    }
    raw("</ul>\n<p>Recipients: ");
    text(String.join("; ", ProcessingDeclaration.RECIPIENTS));
    raw("</p>\n<h2>Your right to complain</h2>\n<p>");
    text(ProcessingDeclaration.RIGHT_TO_COMPLAIN);
    raw("</p>\n</body></html>\n");
  }

  private void raw(String html) {
    try {
      out.write(html);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text escaped for an element's content or a quoted attribute. */
  private void text(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    raw(escaped.toString());
  }
}
