package dev.custodian.crm.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.mail.service.MailDispatcher;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The core logs through {@link System.Logger}; in the server that must land in Logback like every other line. */
class CoreLoggingTest {

  @Test
  void theCoresSystemLoggerIsBackedBySlf4j() {
    System.Logger logger = System.getLogger(MailDispatcher.class.getName());

    assertThat(logger.getClass().getName()).startsWith("org.slf4j.");
    assertThat(logger.isLoggable(System.Logger.Level.WARNING))
        .isEqualTo(LoggerFactory.getLogger(MailDispatcher.class).isWarnEnabled());
  }
}
