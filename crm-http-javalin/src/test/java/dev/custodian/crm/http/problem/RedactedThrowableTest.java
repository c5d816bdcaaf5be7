package dev.custodian.crm.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactedThrowableTest {

  @Test
  @org.junit.jupiter.api.DisplayName("TEL-10: an unexpected error is logged with classes and stack trace, never its messages")
  void keepsClassesAndStackTraces_butNoMessage() {
    IllegalArgumentException cause = new IllegalArgumentException("invalid input syntax: \"ada@example.org\"");
    IllegalStateException top = new IllegalStateException("failed for ada@example.org", cause);

    RedactedThrowable redacted = RedactedThrowable.of(top);
    StringWriter printed = new StringWriter();
    redacted.printStackTrace(new PrintWriter(printed));

    assertThat(printed.toString())
        .doesNotContain("ada@example.org")
        .contains("java.lang.IllegalStateException", "java.lang.IllegalArgumentException")
        .contains("RedactedThrowableTest");
    assertThat(redacted.getCause()).isNotNull();
    assertThat(redacted.getStackTrace()).isEqualTo(top.getStackTrace());
  }
}
