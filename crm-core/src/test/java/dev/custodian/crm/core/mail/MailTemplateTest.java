package dev.custodian.crm.core.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.EmailAddress;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailTemplateTest {

  private static final EmailAddress TO = new EmailAddress("ada@example.org");
  private static final URI BASE = URI.create("http://127.0.0.1:8080");
  private static final Pattern URL = Pattern.compile("[a-z][a-z0-9+.-]*://\\S+|www\\.\\S+", Pattern.CASE_INSENSITIVE);

  private static Optional<String> tokenFor(MailTemplate template) {
    return template.tokenPurpose().map(p -> p.tokenPrefix() + "A".repeat(43));
  }

  @Test
  @DisplayName("CON-05: the list of templates is pinned; a new one is a deliberate change")
  void theTemplateListIsPinned() {
    assertThat(MailTemplate.values()).containsExactly(
        MailTemplate.VERIFY_EMAIL, MailTemplate.PASSWORD_RESET, MailTemplate.INVITATION, MailTemplate.ACCOUNT_EXISTS,
        MailTemplate.WORKSPACE_CANCELLED, MailTemplate.WORKSPACE_PURGE_REMINDER, MailTemplate.CONSENT_CONFIRMATION,
        MailTemplate.PRIVACY_REQUEST_EXTENDED, MailTemplate.PRIVACY_REQUEST_REJECTED, MailTemplate.PRIVACY_REQUEST_ERASED,
        MailTemplate.PRIVACY_REQUEST_CODE, MailTemplate.PRIVACY_REQUEST_COMPLETED, MailTemplate.PRIVACY_RESTRICTION_LIFTED,
        MailTemplate.MARKETING);
    assertThat(MailTemplate.MARKETING.tokenPurpose()).isEmpty();
    assertThat(MailTemplate.VERIFY_EMAIL.tokenPurpose()).contains(MailTokenPurpose.VERIFY_EMAIL);
    assertThat(MailTemplate.PASSWORD_RESET.tokenPurpose()).contains(MailTokenPurpose.PASSWORD_RESET);
    assertThat(MailTemplate.INVITATION.tokenPurpose()).contains(MailTokenPurpose.INVITATION);
    assertThat(MailTemplate.ACCOUNT_EXISTS.tokenPurpose()).isEmpty();
    assertThat(MailTemplate.WORKSPACE_CANCELLED.tokenPurpose()).isEmpty();
    assertThat(MailTemplate.WORKSPACE_PURGE_REMINDER.tokenPurpose()).isEmpty();
    assertThat(MailTemplate.CONSENT_CONFIRMATION.tokenPurpose()).contains(MailTokenPurpose.CONSENT_CONFIRMATION);
    assertThat(MailTemplate.PRIVACY_REQUEST_COMPLETED.tokenPurpose()).contains(MailTokenPurpose.PRIVACY_DOWNLOAD);
    assertThat(MailTemplate.PRIVACY_RESTRICTION_LIFTED.tokenPurpose()).isEmpty();
    assertThat(MailTemplate.values()).filteredOn(MailTemplate::toWorkspaceSubject)
        .containsExactly(MailTemplate.CONSENT_CONFIRMATION, MailTemplate.PRIVACY_REQUEST_EXTENDED,
            MailTemplate.PRIVACY_REQUEST_REJECTED, MailTemplate.PRIVACY_REQUEST_ERASED, MailTemplate.PRIVACY_REQUEST_CODE,
            MailTemplate.PRIVACY_REQUEST_COMPLETED, MailTemplate.PRIVACY_RESTRICTION_LIFTED, MailTemplate.MARKETING);
  }

  @Test
  @DisplayName("CON-02, CON-07: a marketing mail has the workspace's texts, its postal address, one unsubscribe link and both headers")
  void aMarketingMailHasItsUnsubscribeLinkAndHeaders() {
    OutgoingMail mail = MailTemplate.MARKETING.renderMarketing(TO, BASE, "u1.AbC-_9", "Spring offers",
        "Ten percent off.", "Acme Ltd, 1 Main Street, Springfield");

    Matcher links = URL.matcher(mail.body());
    assertThat(links.find()).isTrue();
    assertThat(links.group()).isEqualTo("http://127.0.0.1:8080/api/v1/public/unsubscribe/u1.AbC-_9");
    assertThat(links.find()).as("a second link").isFalse();
    assertThat(mail.subject()).isEqualTo("Spring offers");
    assertThat(mail.body()).contains("Ten percent off.").contains("Acme Ltd, 1 Main Street, Springfield")
        .doesNotContain(TO.value());
    assertThat(mail.headers()).containsExactly(
        java.util.Map.entry("List-Unsubscribe", "<http://127.0.0.1:8080/api/v1/public/unsubscribe/u1.AbC-_9>"),
        java.util.Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
    assertThatThrownBy(() -> MailTemplate.MARKETING.render(TO, BASE, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailTemplate.MARKETING.renderMarketing(TO, BASE, "u1.a b", "s", "t", "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("DSR-05: a workspace notice names the workspace and its purge time, and needs them; other mails take none")
  void aWorkspaceNoticeNamesItsWorkspace() {
    WorkspaceNotice notice = new WorkspaceNotice("Acme Sales", java.time.Instant.parse("2027-01-01T09:00:00Z"));
    OutgoingMail mail = MailTemplate.WORKSPACE_CANCELLED.render(TO, BASE, Optional.empty(), Optional.of(notice));
    assertThat(mail.body()).contains("\"Acme Sales\"").contains("2027-01-01T09:00:00Z");
    assertThatThrownBy(() -> MailTemplate.WORKSPACE_PURGE_REMINDER.render(TO, BASE, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailTemplate.ACCOUNT_EXISTS.render(TO, BASE, Optional.empty(), Optional.of(notice)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(value = MailTemplate.class, names = "MARKETING", mode = EnumSource.Mode.EXCLUDE)
  @DisplayName("CON-05: each mail is plain text with exactly one link, under the public URL, any token only in its fragment")
  void eachMailIsPlainTextWithOneLinkUnderThePublicUrl(MailTemplate template) {
    OutgoingMail mail = template.takesDetail() ? template.renderWithDetail(TO, BASE, "Due by 2027-01-01T09:00:00Z.")
        : template.render(TO, BASE, tokenFor(template), template.aboutWorkspace()
            ? Optional.of(new WorkspaceNotice("Acme Sales", java.time.Instant.parse("2027-01-01T09:00:00Z")))
            : Optional.empty());

    Matcher links = URL.matcher(mail.body());
    assertThat(links.find()).isTrue();
    URI link = URI.create(links.group());
    assertThat(links.find()).as("a second link").isFalse();
    assertThat(link.toString()).startsWith("http://127.0.0.1:8080/");
    assertThat(link.getRawQuery()).isNull();
    assertThat(mail.body()).doesNotContain("<").doesNotContain(">").endsWith("\n");
    assertThat(mail.subject()).isNotBlank().doesNotContain("\n");
    tokenFor(template).ifPresentOrElse(
        token -> {
          assertThat(link.getRawFragment()).isEqualTo("token=" + token);
          assertThat(link.getRawPath()).doesNotContain(token);
          assertThat(mail.subject()).doesNotContain(token);
        },
        () -> assertThat(link.getRawFragment()).isNull());
    assertThat(mail.body()).as("the mail does not name its recipient").doesNotContain(TO.value());
    assertThat(mail.toString()).doesNotContain(TO.value()).doesNotContain("token");
  }

  @Test
  void aBaseUrlWithAPathKeepsIt() {
    assertThat(MailTemplate.VERIFY_EMAIL.link(URI.create("https://crm.example.org/base/"), Optional.of("vrf_abc")))
        .isEqualTo(URI.create("https://crm.example.org/base/verify-email#token=vrf_abc"));
    assertThat(MailTemplate.INVITATION.link(URI.create("https://crm.example.org/base/"), Optional.of("inv_abc")))
        .isEqualTo(URI.create("https://crm.example.org/base/accept-invitation#token=inv_abc"));
    assertThat(MailTemplate.ACCOUNT_EXISTS.link(URI.create("https://crm.example.org"), Optional.empty()))
        .isEqualTo(URI.create("https://crm.example.org/password-reset"));
  }

  @Test
  void aTokenThatDoesNotFitTheTemplateIsRefused() {
    assertThatThrownBy(() -> MailTemplate.VERIFY_EMAIL.link(BASE, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailTemplate.ACCOUNT_EXISTS.link(BASE, Optional.of("vrf_abc"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailTemplate.VERIFY_EMAIL.link(BASE, Optional.of("rst_abc"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MailTemplate.VERIFY_EMAIL.link(BASE, Optional.of("vrf_a b"))).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.org", "/relative", "https://user@example.org", "https://example.org/?a=b",
      "https://example.org/#x", "mailto:ada@example.org"})
  void aPublicUrlThatCannotBeALinkBaseIsRefused(String url) {
    assertThatThrownBy(() -> MailTemplate.requirePublicUrl(URI.create(url))).isInstanceOf(IllegalArgumentException.class);
  }
}
