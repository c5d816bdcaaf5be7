package dev.custodian.crm.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.EmailAddress;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.OutgoingMail;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileMailerTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09.123456Z"), ZoneOffset.UTC);

  @TempDir Path dataDir;

  @Test
  void eachMailIsOneCompletePrivateEmlFileThatParsesBack() throws Exception {
    FileMailer mailer = FileMailer.inDataDirectory(dataDir, "Custodian CRM <no-reply@example.org>", CLOCK);
    OutgoingMail mail = MailTemplate.PASSWORD_RESET.render(new EmailAddress("ada@example.org"),
        URI.create("https://crm.example.org"), Optional.of("rst_" + "x".repeat(43)));

    mailer.send(mail);
    mailer.send(mail);

    Path dir = dataDir.resolve("mail");
    assertThat(mailer.directory()).isEqualTo(dir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    List<Path> files;
    try (Stream<Path> listed = Files.list(dir)) {
      files = listed.sorted().toList();
    }
    assertThat(files).hasSize(2).allSatisfy(file -> {
      assertThat(file.getFileName().toString()).endsWith(".eml").doesNotContain("ada");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    });

    MimeMessage parsed;
    try (InputStream in = Files.newInputStream(files.get(0))) {
      parsed = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(parsed.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress("ada@example.org"));
    assertThat(parsed.getFrom()).containsExactly(new InternetAddress("Custodian CRM <no-reply@example.org>"));
    assertThat(parsed.getSubject()).isEqualTo(MailTemplate.PASSWORD_RESET.subject());
    assertThat(parsed.getSentDate()).isEqualTo(java.util.Date.from(CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    assertThat(parsed.getMessageID()).isNotBlank();
    assertThat(parsed.getHeader("MIME-Version")).containsExactly("1.0");
    assertThat(parsed.getContentType()).startsWith("text/plain");
    assertThat(((String) parsed.getContent()).replace("\r\n", "\n")).isEqualTo(mail.body());
  }

  @Test
  void anExistingMailDirectoryOpenToOthersIsTightened() throws Exception {
    Path dir = Files.createDirectory(dataDir.resolve("mail"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));

    FileMailer.inDataDirectory(dataDir, "no-reply@example.org", CLOCK);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
  }
}
