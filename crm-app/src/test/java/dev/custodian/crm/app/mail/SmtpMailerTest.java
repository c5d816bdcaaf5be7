package dev.custodian.crm.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.custodian.crm.app.mail.SmtpMailer.Security;
import dev.custodian.crm.app.mail.SmtpMailer.Settings;
import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.port.out.MailDeliveryException;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SMTP adapter against a real SMTP server on loopback (GreenMail, in this JVM). */
class SmtpMailerTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("crm", "smtp-secret"));

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09Z"), ZoneOffset.UTC);
  private static final String TOKEN = "vrf_" + "Ab-_".repeat(10) + "xyz";
  private static final Pattern URL = Pattern.compile("[a-z][a-z0-9+.-]*://\\S+", Pattern.CASE_INSENSITIVE);

  private static OutgoingMail verification() {
    return MailTemplate.VERIFY_EMAIL.render(new EmailAddress("ada@example.org"),
        URI.create("http://127.0.0.1:8080"), Optional.of(TOKEN));
  }

  private static Settings plain(Optional<String> user, Optional<String> password) {
    return new Settings("127.0.0.1", smtp.getSmtp().getPort(), user, password, "Custodian CRM <no-reply@example.org>",
        Security.NONE);
  }

  @Test
  @DisplayName("CON-05: a mail sent over SMTP arrives as plain text with its one link, the token in the fragment")
  void givenALoopbackServer_whenSentWithoutEncryption_thenItArrivesWithItsOneLink() throws Exception {
    new SmtpMailer(plain(Optional.of("crm"), Optional.of("smtp-secret")), CLOCK).send(verification());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getRecipients(Message.RecipientType.TO))
        .containsExactly(new InternetAddress("ada@example.org"));
    assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("no-reply@example.org");
    assertThat(message.getSubject()).isEqualTo(MailTemplate.VERIFY_EMAIL.subject());
    assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(message.getSentDate()).isEqualTo(java.util.Date.from(CLOCK.instant()));
    assertThat(message.getMessageID()).endsWith("@example.org>");
    String body = ((String) message.getContent()).replace("\r\n", "\n");
    // The SMTP server's end of data takes the last line break.
    assertThat(body.stripTrailing()).isEqualTo(verification().body().stripTrailing());
    Matcher links = URL.matcher(body);
    assertThat(links.find()).isTrue();
    assertThat(links.group()).isEqualTo("http://127.0.0.1:8080/verify-email#token=" + TOKEN);
    assertThat(links.find()).isFalse();
  }

  @Test
  void givenNoServerListening_whenSent_thenADeliveryFailureThatNamesNoAddress() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SmtpMailer mailer = new SmtpMailer(new Settings("127.0.0.1", closedPort, Optional.empty(), Optional.empty(),
        "no-reply@example.org", Security.NONE), CLOCK);

    assertThatThrownBy(() -> mailer.send(verification()))
        .isInstanceOfSatisfying(MailDeliveryException.class, e -> {
          assertThat(e.getMessage()).doesNotContain("ada@example.org").doesNotContain(TOKEN);
          assertThat(e.getCause()).isNull();
        });
  }

  @Test
  void givenWrongCredentials_whenSent_thenRefusedAndNothingArrives() {
    SmtpMailer mailer = new SmtpMailer(plain(Optional.of("crm"), Optional.of("wrong")), CLOCK);

    assertThatThrownBy(() -> mailer.send(verification()))
        .isInstanceOf(MailDeliveryException.class)
        .hasMessageNotContaining("wrong").hasMessageNotContaining("ada@example.org");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void givenStartTlsRequired_whenTheServerCannotProvideTrustedTls_thenNothingIsSentInClear() {
    SmtpMailer mailer = new SmtpMailer(new Settings("127.0.0.1", smtp.getSmtp().getPort(), Optional.empty(),
        Optional.empty(), "no-reply@example.org", Security.STARTTLS), CLOCK);

    assertThatThrownBy(() -> mailer.send(verification())).isInstanceOf(MailDeliveryException.class);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"smtp.example.org", "10.0.0.1", "192.168.1.1", "::2", "127.example.org", "localhost.example.org"})
  void givenNoEncryption_whenTheHostIsNotLoopback_thenRefused(String host) {
    assertThatThrownBy(() -> new Settings(host, 25, Optional.empty(), Optional.empty(), "no-reply@example.org", Security.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]"})
  void givenNoEncryption_whenTheHostIsLoopback_thenAllowed(String host) {
    assertThat(new Settings(host, 25, Optional.empty(), Optional.empty(), "no-reply@example.org", Security.NONE).host())
        .isEqualTo(host);
  }

  @Test
  void settingsAreCheckedAndNeverShowThePassword() {
    Settings settings = new Settings("smtp.example.org", 587, Optional.of("crm"), Optional.of("smtp-secret"),
        "no-reply@example.org", Security.STARTTLS);
    assertThat(settings.toString()).doesNotContain("smtp-secret").doesNotContain("crm,");
    assertThatThrownBy(() -> new Settings("smtp.example.org", 587, Optional.of("crm"), Optional.empty(),
        "no-reply@example.org", Security.STARTTLS)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Settings("smtp.example.org", 0, Optional.empty(), Optional.empty(),
        "no-reply@example.org", Security.TLS)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Settings("smtp.example.org", 465, Optional.empty(), Optional.empty(),
        "not an address", Security.TLS)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Security.parse(" StartTLS ")).isEqualTo(Security.STARTTLS);
    assertThat(Security.parse("tls")).isEqualTo(Security.TLS);
    assertThat(Security.parse("none")).isEqualTo(Security.NONE);
    assertThatThrownBy(() -> Security.parse("ssl")).isInstanceOf(IllegalArgumentException.class);
  }
}
