package dev.custodian.crm.app;

import dev.custodian.crm.app.mail.SmtpMailer;
import dev.custodian.crm.core.account.AgeAttestation;
import dev.custodian.crm.core.mail.MailTokenPurpose;
import dev.custodian.crm.core.session.SessionPolicy;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.privacy.crypto.Argon2PasswordHasher;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of accounts, their mail and their sessions, read and checked once with the rest of
 * {@link AppConfig}: a bad value stops the start with one line naming the variable, and a secret
 * (the SMTP password) is never echoed.
 */
public record AccountConfig(int minimumAge, int argon2MemoryKib, int argon2Iterations, int argon2Parallelism,
    int argon2MaxConcurrent, Duration mailTokenTtl, int throttleLimit, Duration throttleWindow,
    Optional<SmtpMailer.Settings> smtp, SessionPolicy sessions, Duration invitationTtl,
    Duration consentConfirmationTtl, Duration dsrDownloadTtl) {

  public static final String MINIMUM_AGE = "CRM_MINIMUM_AGE";
  public static final String ARGON2_MEMORY_KIB = "CRM_ARGON2_MEMORY_KIB";
  public static final String ARGON2_ITERATIONS = "CRM_ARGON2_ITERATIONS";
  public static final String ARGON2_PARALLELISM = "CRM_ARGON2_PARALLELISM";
  public static final String ARGON2_MAX_CONCURRENT = "CRM_ARGON2_MAX_CONCURRENT";
  public static final String MAIL_TOKEN_TTL = "CRM_MAIL_TOKEN_TTL";
  public static final String THROTTLE_LIMIT = "CRM_THROTTLE_LIMIT";
  public static final String THROTTLE_WINDOW = "CRM_THROTTLE_WINDOW";
  public static final String SMTP_HOST = "CRM_SMTP_HOST";
  public static final String SMTP_PORT = "CRM_SMTP_PORT";
  public static final String SMTP_USER = "CRM_SMTP_USER";
  public static final String SMTP_PASSWORD = "CRM_SMTP_PASSWORD";
  public static final String SMTP_FROM = "CRM_SMTP_FROM";
  public static final String SMTP_SECURITY = "CRM_SMTP_SECURITY";
  public static final String SESSION_MAX_AGE = "CRM_SESSION_MAX_AGE";
  public static final String SESSION_ROTATE_AFTER = "CRM_SESSION_ROTATE_AFTER";
  public static final String INVITATION_TTL = "CRM_INVITATION_TTL";
  /** How long a double opt-in's mailed link works (at most 7 days, the default). */
  public static final String CONSENT_CONFIRMATION_TTL = "CRM_CONSENT_CONFIRMATION_TTL";
  /** How long a data-subject package's mailed download link works (7 days by default, 1 minute to 30 days). */
  public static final String DSR_DOWNLOAD_TTL = "CRM_DSR_DOWNLOAD_TTL";

  /** The most a mail token lives, and its default (ACC-10). */
  public static final Duration MAX_MAIL_TOKEN_TTL = Duration.ofHours(1);
  public static final String DEFAULT_FROM = "Custodian CRM <no-reply@localhost>";

  static AccountConfig fromEnvironment(Map<String, String> env) {
    int age = whole(env, MINIMUM_AGE, AgeAttestation.LOWEST_MINIMUM_AGE, AgeAttestation.LOWEST_MINIMUM_AGE, 150);
    int memory = whole(env, ARGON2_MEMORY_KIB, Argon2PasswordHasher.MIN_MEMORY_KIB, Argon2PasswordHasher.MIN_MEMORY_KIB, 4_194_304);
    int iterations = whole(env, ARGON2_ITERATIONS, Argon2PasswordHasher.MIN_ITERATIONS, Argon2PasswordHasher.MIN_ITERATIONS, 100);
    int parallelism = whole(env, ARGON2_PARALLELISM, Argon2PasswordHasher.MIN_PARALLELISM, Argon2PasswordHasher.MIN_PARALLELISM, 64);
    int concurrent = whole(env, ARGON2_MAX_CONCURRENT, Runtime.getRuntime().availableProcessors(), 1, 1024);
    Duration ttl = duration(env, MAIL_TOKEN_TTL, MAX_MAIL_TOKEN_TTL, Duration.ofSeconds(1), MAX_MAIL_TOKEN_TTL);
    int limit = whole(env, THROTTLE_LIMIT, Throttle.DEFAULT_LIMIT, 1, 1_000_000);
    Duration window = duration(env, THROTTLE_WINDOW, Throttle.DEFAULT_WINDOW, Throttle.MIN_WINDOW, Throttle.MAX_WINDOW);
    Duration maxAge = duration(env, SESSION_MAX_AGE, SessionPolicy.MAX_AGE, Duration.ofMinutes(1), SessionPolicy.MAX_AGE);
    Duration rotateAfter = duration(env, SESSION_ROTATE_AFTER, SessionPolicy.MAX_ROTATE_AFTER, Duration.ofSeconds(1),
        SessionPolicy.MAX_ROTATE_AFTER);
    Duration invitationTtl = duration(env, INVITATION_TTL, MailTokenPurpose.INVITATION.maxTtl(), Duration.ofMinutes(1),
        MailTokenPurpose.INVITATION.maxTtl());
    Duration confirmationTtl = duration(env, CONSENT_CONFIRMATION_TTL, MailTokenPurpose.CONSENT_CONFIRMATION.maxTtl(),
        Duration.ofSeconds(1), MailTokenPurpose.CONSENT_CONFIRMATION.maxTtl());
    return new AccountConfig(age, memory, iterations, parallelism, concurrent, ttl, limit, window, smtp(env),
        new SessionPolicy(maxAge, rotateAfter), invitationTtl, confirmationTtl,
        duration(env, DSR_DOWNLOAD_TTL, Duration.ofDays(7), Duration.ofMinutes(1), Duration.ofDays(30)));
  }

  private static Optional<SmtpMailer.Settings> smtp(Map<String, String> env) {
    Optional<String> host = value(env, SMTP_HOST);
    if (host.isEmpty()) {
      for (String other : new String[] {SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_SECURITY}) {
        if (value(env, other).isPresent()) {
          throw new ConfigException(other + " is set but " + SMTP_HOST + " is not");
        }
      }
      return Optional.empty();
    }
    SmtpMailer.Security security;
    try {
      security = value(env, SMTP_SECURITY).map(SmtpMailer.Security::parse).orElse(SmtpMailer.Security.STARTTLS);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(SMTP_SECURITY + " must be starttls, tls or none");
    }
    int port = whole(env, SMTP_PORT, security.defaultPort(), 1, 65_535);
    try {
      return Optional.of(new SmtpMailer.Settings(host.get(), port, value(env, SMTP_USER),
          Optional.ofNullable(env.get(SMTP_PASSWORD)).filter(p -> !p.isEmpty()),
          value(env, SMTP_FROM).orElse(DEFAULT_FROM), security));
    } catch (IllegalArgumentException e) {
      // The settings' own messages name the rule, never a value (the password least of all).
      throw new ConfigException("CRM_SMTP_*: " + e.getMessage());
    }
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
  }

  private static int whole(Map<String, String> env, String name, int fallback, int min, int max) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(name + " must be a whole number from " + min + " to " + max);
  }

  private static Duration duration(Map<String, String> env, String name, Duration fallback, Duration min, Duration max) {
    Optional<String> v = value(env, name);
    if (v.isEmpty()) {
      return fallback;
    }
    try {
      Duration d = Duration.parse(v.get());
      if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
        return d;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new ConfigException(name + " must be an ISO-8601 duration from " + min + " to " + max + ", e.g. " + fallback);
  }

  /** Without the SMTP password. */
  @Override
  public String toString() {
    return "AccountConfig[minimumAge=" + minimumAge + ", smtp=" + smtp.map(s -> s.host()).orElse("(none)") + "]";
  }
}
