package dev.custodian.crm.privacy.dsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.error.InvalidTokenException;
import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.dsr.DataSubjectRequestId;
import dev.custodian.crm.core.dsr.RequestState;
import dev.custodian.crm.core.dsr.port.in.CreateRequestCommand;
import dev.custodian.crm.core.dsr.port.in.PublicRequestUseCase;
import dev.custodian.crm.core.mail.MailTemplate;
import dev.custodian.crm.core.mail.OutgoingMail;
import dev.custodian.crm.core.mail.RecordingMailer;
import dev.custodian.crm.core.mail.service.MailDispatcher;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.core.testing.InMemoryPersistence;
import dev.custodian.crm.core.testing.MutableClock;
import dev.custodian.crm.core.workspace.port.in.CreateWorkspaceCommand;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.crypto.KeyDerivation;
import dev.custodian.crm.privacy.crypto.MasterKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The public intake of data-subject requests on the in-memory fakes: its throttles per address and
 * per client address apart, the code's keyed hash and its single use.
 */
class PublicRequestIntakeTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Pattern CODE = Pattern.compile("\\n\\s*([0-9]{6})\\s*\\n");

  private final InMemoryPersistence persistence = new InMemoryPersistence();
  private final MutableClock clock = new MutableClock(START);
  private final RecordingMailer mailer = new RecordingMailer();
  private final byte[] key = new byte[32];
  private Custodian custodian;
  private PublicRequestUseCase intake;
  private MailDispatcher dispatcher;
  private WorkspaceId ws;

  @BeforeEach
  void workspace() {
    new SecureRandom().nextBytes(key);
    custodian = Custodian.builder().persistence(persistence).keys(MasterKey.of(key)).clock(clock).build();
    intake = custodian.privacyRequestIntake();
    dispatcher = custodian.mailDispatcher(mailer, MailDispatcher.Settings.of(URI.create("http://127.0.0.1:8080"),
        Duration.ofHours(1)));
    ws = custodian.workspaces().create().create(Actor.account(AccountId.of(UUID.randomUUID())),
        CreateWorkspaceCommand.named("Intake")).id();
  }

  private CreateRequestCommand access(String email) {
    return CreateRequestCommand.of(ws, new CreateRequestCommand.Raw("ACCESS", email, null, null, null, null),
        clock.instant());
  }

  private String codeMailedTo(String email) {
    dispatcher.dispatchDue();
    List<OutgoingMail> mails = mailer.sent().stream().filter(m -> m.to().value().equals(email))
        .filter(m -> m.subject().equals(MailTemplate.PRIVACY_REQUEST_CODE.subject())).toList();
    assertThat(mails).isNotEmpty();
    Matcher code = CODE.matcher(mails.get(mails.size() - 1).body());
    assertThat(code.find()).isTrue();
    return code.group(1);
  }

  @Test
  @DisplayName("DSR-12: intakes count per address whatever the client address, and per client address whatever the address")
  void intakesAreThrottledPerAddressAndPerClientAddress() {
    for (int i = 0; i < 5; i++) {
      intake.submit(access("often@example.org"), "192.0.2." + i);
    }
    assertThatThrownBy(() -> intake.submit(access("often@example.org"), "192.0.2.99"))
        .isInstanceOf(RateLimitedException.class);

    clock.advance(Duration.ofMinutes(15));
    for (int i = 0; i < 5; i++) {
      intake.submit(access("person" + i + "@example.org"), "198.51.100.7");
    }
    assertThatThrownBy(() -> intake.submit(access("another@example.org"), "198.51.100.7"))
        .isInstanceOf(RateLimitedException.class);
    intake.submit(access("another@example.org"), "198.51.100.8");
  }

  @Test
  @DisplayName("DSR-12: the code is kept as HMAC-SHA256 of dsr-code:<request id>:<code> under the workspace's dsr-code key")
  void theCodesHashHasItsLayout() throws Exception {
    DataSubjectRequestId id = DataSubjectRequestId.of(UUID.randomUUID());
    byte[] workspaceKey = KeyDerivation.workspaceKey(key, "dsr-code", ws);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(workspaceKey, "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal(("dsr-code:" + id.value() + ":042917")
        .getBytes(StandardCharsets.UTF_8)));

    assertThat(new KeyedRequestCodeHasher(MasterKey.of(key)).hash(ws, id, "042917")).isEqualTo(expected);
    assertThat(new KeyedRequestCodeHasher(MasterKey.of(key)).hash(WorkspaceId.of(UUID.randomUUID()), id, "042917"))
        .as("another workspace's key").isNotEqualTo(expected);
  }

  @Test
  @DisplayName("DSR-12: the mailed code verifies the request once; a wrong one, a used one and another workspace's path fail alike")
  void theCodeVerifiesOnce() {
    DataSubjectRequestId id = intake.submit(access("grace@example.org"), "192.0.2.1");
    String code = codeMailedTo("grace@example.org");
    WorkspaceId other = WorkspaceId.of(UUID.randomUUID());

    assertThatThrownBy(() -> intake.verify(other, id.value().toString(), code, "192.0.2.1"))
        .isInstanceOf(InvalidTokenException.class);
    intake.verify(ws, id.value().toString(), code, "192.0.2.1");
    assertThatThrownBy(() -> intake.verify(ws, id.value().toString(), code, "192.0.2.1"))
        .isInstanceOf(InvalidTokenException.class);
    assertThat(persistence.transactions().inWorkspace(ws, () -> persistence.dataSubjectRequests().find(ws, id))
        .orElseThrow().state()).isInstanceOf(RequestState.IdentityVerified.class);
  }

  @Test
  @DisplayName("DSR-12: a re-sent code counts as an intake of the request's address, from any client address")
  void reSendsCountAgainstTheAddress() {
    DataSubjectRequestId id = intake.submit(access("resent@example.org"), "192.0.2.1");
    for (int i = 0; i < 4; i++) {
      intake.resend(ws, id.value().toString(), "203.0.113." + i);
    }
    assertThatThrownBy(() -> intake.resend(ws, id.value().toString(), "203.0.113.99"))
        .isInstanceOf(RateLimitedException.class);
    assertThatThrownBy(() -> intake.submit(access("resent@example.org"), "203.0.113.100"))
        .isInstanceOf(RateLimitedException.class);
    intake.resend(ws, UUID.randomUUID().toString(), "203.0.113.101"); // an unknown request: nothing, said to no one
    assertThatThrownBy(() -> intake.resend(ws, "not-an-id", "203.0.113.101")).isInstanceOf(InvalidTokenException.class);
  }
}
