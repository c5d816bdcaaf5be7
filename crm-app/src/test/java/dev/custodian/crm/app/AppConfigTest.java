package dev.custodian.crm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.custodian.crm.persistence.schema.DatabaseTimeouts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Configuration from environment variables: defaults, and one clear line per bad value. */
class AppConfigTest {

  @Test
  @DisplayName("RET-03: the retention job runs hourly in batches of 1000 by default; a bad CRM_RETENTION_* value (an interval over 24 hours, not a duration, not a boolean, a batch size of 0 or not a number) refuses to start, naming it")
  void givenRetentionSettings_thenCheckedAndNamed() {
    assertThat(AppConfig.fromEnvironment(Map.of()).retention()).isEqualTo(RetentionConfig.DEFAULT);
    assertThat(AppConfig.fromEnvironment(Map.of(RetentionConfig.INTERVAL, "PT24H", RetentionConfig.ENABLED, "false",
        RetentionConfig.BATCH_SIZE, "50")).retention())
        .isEqualTo(new RetentionConfig(false, java.time.Duration.ofHours(24), 50));
    for (var variable : java.util.List.of(Map.entry(RetentionConfig.INTERVAL, "PT25H"),
        Map.entry(RetentionConfig.INTERVAL, "hourly"), Map.entry(RetentionConfig.ENABLED, "yes"),
        Map.entry(RetentionConfig.BATCH_SIZE, "0"), Map.entry(RetentionConfig.BATCH_SIZE, "lots"))) {
      assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.ofEntries(variable)))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(variable.getKey() + " must be");
    }
  }

  @Test
  void givenNothingSet_thenDefaults() {
    AppConfig config = AppConfig.fromEnvironment(Map.of());

    assertThat(config.httpHost()).isEqualTo("127.0.0.1");
    assertThat(config.httpPort()).isEqualTo(7070);
    assertThat(config.maxRequestBytes()).isEqualTo(1_000_000L);
    assertThat(config.embedded()).isTrue();
    assertThat(config.dataDir()).isEqualTo(Path.of("crm-data").toAbsolutePath());
  }

  @Test
  void givenExternalDatabase_thenCredentialsAreRead() {
    AppConfig config = AppConfig.fromEnvironment(Map.of(
        "CRM_DATABASE_URL", "jdbc:postgresql://db:5432/crm",
        "CRM_DATABASE_USER", "crm_app", "CRM_DATABASE_PASSWORD", "secret-app",
        "CRM_DATABASE_OWNER_USER", "crm_owner", "CRM_DATABASE_OWNER_PASSWORD", "secret-owner",
        "CRM_SMTP_HOST", "smtp.example.org", "CRM_SMTP_USER", "crm", "CRM_SMTP_PASSWORD", "secret-smtp"));

    assertThat(config.embedded()).isFalse();
    assertThat(config.app()).hasValueSatisfying(c -> assertThat(c.user()).isEqualTo("crm_app"));
    assertThat(config.owner()).hasValueSatisfying(c -> assertThat(c.password()).isEqualTo("secret-owner"));
    assertThat(config.toString()).doesNotContain("secret");
  }

  @Test
  void givenNoAccountSettings_thenTheDocumentedDefaults() {
    AccountConfig accounts = AppConfig.fromEnvironment(Map.of()).accounts();
    assertThat(accounts.minimumAge()).isEqualTo(16);
    assertThat(accounts.mailTokenTtl()).isEqualTo(java.time.Duration.ofHours(1));
    assertThat(accounts.throttleLimit()).isEqualTo(5);
    assertThat(accounts.throttleWindow()).isEqualTo(java.time.Duration.ofMinutes(15));
    assertThat(accounts.smtp()).isEmpty();
    assertThat(accounts.sessions().maxAge()).isEqualTo(java.time.Duration.ofDays(30));
    assertThat(accounts.sessions().rotateAfter()).isEqualTo(java.time.Duration.ofMinutes(15));
  }

  @Test
  @DisplayName("ACC-06, ACC-07: CRM_SESSION_MAX_AGE=P31D and CRM_SESSION_ROTATE_AFTER=PT16M refuse to start; shorter ones are taken")
  void givenLongerSessionBounds_thenRefused() {
    for (var variable : java.util.List.of(
        Map.entry(AccountConfig.SESSION_MAX_AGE, "P31D"), Map.entry(AccountConfig.SESSION_ROTATE_AFTER, "PT16M"))) {
      assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.ofEntries(variable)))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(variable.getKey() + " must be an ISO-8601 duration");
    }
    AccountConfig shorter = AppConfig.fromEnvironment(Map.of(AccountConfig.SESSION_MAX_AGE, "P7D",
        AccountConfig.SESSION_ROTATE_AFTER, "PT5M")).accounts();
    assertThat(shorter.sessions().maxAge()).isEqualTo(java.time.Duration.ofDays(7));
    assertThat(shorter.sessions().rotateAfter()).isEqualTo(java.time.Duration.ofMinutes(5));
  }

  @Test
  @DisplayName("TRN-13, ACC-01, ACC-10: a lower age, weaker Argon2, longer tokens, cleartext SMTP off loopback, "
      + "and an external database without SMTP each refuse to start with one line")
  void givenUnsafeAccountSettings_thenOneLineNamingTheVariable() {
    Map<Map<String, String>, String> refused = new java.util.LinkedHashMap<>();
    refused.put(Map.of("CRM_MINIMUM_AGE", "15"), "CRM_MINIMUM_AGE");
    refused.put(Map.of("CRM_ARGON2_MEMORY_KIB", "1024"), "CRM_ARGON2_MEMORY_KIB");
    refused.put(Map.of("CRM_ARGON2_ITERATIONS", "1"), "CRM_ARGON2_ITERATIONS");
    refused.put(Map.of("CRM_ARGON2_PARALLELISM", "0"), "CRM_ARGON2_PARALLELISM");
    refused.put(Map.of("CRM_MAIL_TOKEN_TTL", "PT2H"), "CRM_MAIL_TOKEN_TTL");
    refused.put(Map.of("CRM_INVITATION_TTL", "P8D"), "CRM_INVITATION_TTL");
    refused.put(Map.of("CRM_THROTTLE_WINDOW", "15 minutes"), "CRM_THROTTLE_WINDOW");
    refused.put(Map.of("CRM_SMTP_HOST", "smtp.example.org", "CRM_SMTP_SECURITY", "none",
        "CRM_SMTP_USER", "crm", "CRM_SMTP_PASSWORD", "secret-smtp"), "CRM_SMTP");
    refused.put(Map.of("CRM_DATABASE_URL", "jdbc:postgresql://db:5432/crm",
        "CRM_DATABASE_USER", "crm_app", "CRM_DATABASE_PASSWORD", "secret-app"), "CRM_SMTP_HOST");
    refused.forEach((env, variable) -> assertThatThrownBy(() -> AppConfig.fromEnvironment(env))
        .as("%s", env.keySet())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(variable)
        .hasMessageNotContaining("secret")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")));
    // none is allowed to a loopback relay
    assertThat(AppConfig.fromEnvironment(Map.of("CRM_SMTP_HOST", "127.0.0.1", "CRM_SMTP_SECURITY", "none"))
        .accounts().smtp()).isPresent();
  }

  @Test
  void mailLinksGoUnderThePublicUrl_elseTheBoundAddress_andAWildcardBindThroughLoopback() {
    assertThat(AppConfig.fromEnvironment(Map.of()).mailLinkBase(7070)).hasToString("http://127.0.0.1:7070");
    assertThat(AppConfig.fromEnvironment(Map.of("CRM_HTTP_HOST", "0.0.0.0")).mailLinkBase(7070))
        .hasToString("http://127.0.0.1:7070");
    assertThat(AppConfig.fromEnvironment(Map.of("CRM_HTTP_HOST", "::1")).mailLinkBase(7070))
        .hasToString("http://[::1]:7070");
    assertThat(AppConfig.fromEnvironment(Map.of("CRM_PUBLIC_URL", "https://crm.example.com")).mailLinkBase(7070))
        .hasToString("https://crm.example.com");
  }

  @Test
  void givenBadPorts_thenOneLineNamingTheVariable() {
    for (String bad : new String[] {"abc", "-1", "65536", "70 70", "1e3"}) {
      assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("CRM_HTTP_PORT", bad)))
          .isInstanceOf(ConfigException.class)
          .hasMessage("CRM_HTTP_PORT must be a whole number from 0 to 65535");
    }
  }

  @Test
  void givenNoDatabaseTimeouts_thenThreeSeconds_andStatementsCancelledHalfASecondEarlier() {
    AppConfig config = AppConfig.fromEnvironment(Map.of());

    assertThat(config.databaseTimeouts().answer()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.databaseTimeouts().statement()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void givenDatabaseTimeouts_thenRead_andTheStatementTimeoutFollowsTheAnswerTimeout() {
    assertThat(AppConfig.fromEnvironment(Map.of("CRM_DATABASE_TIMEOUT", "PT1S")).databaseTimeouts())
        .isEqualTo(new DatabaseTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)));
    assertThat(AppConfig.fromEnvironment(Map.of("CRM_DATABASE_TIMEOUT", "PT1M",
        "CRM_DATABASE_STATEMENT_TIMEOUT", "PT30S")).databaseTimeouts())
        .isEqualTo(new DatabaseTimeouts(Duration.ofMinutes(1), Duration.ofSeconds(30)));
  }

  @Test
  void givenBadDatabaseTimeouts_thenOneLineNamingTheVariable() {
    for (String bad : new String[] {"3", "3s", "PT0S", "-PT3S", "PT1.5S", "PT0.5S", "PT61S", "P1D"}) {
      assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("CRM_DATABASE_TIMEOUT", bad)))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessage("CRM_DATABASE_TIMEOUT must be an ISO-8601 duration of whole seconds from PT1S"
              + " to PT1M, e.g. PT3S");
    }
    for (String bad : new String[] {"2", "PT0S", "-PT1S", "PT3S", "PT4S", "PT0.0001S"}) {
      assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("CRM_DATABASE_STATEMENT_TIMEOUT", bad)))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("CRM_DATABASE_STATEMENT_TIMEOUT must be")
          .hasMessageContaining("shorter than CRM_DATABASE_TIMEOUT (PT3S)")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void givenNoPoolSize_thenTenConnections_andAGivenOneIsRead() {
    assertThat(AppConfig.fromEnvironment(Map.of()).databasePoolSize()).isEqualTo(10);
    assertThat(AppConfig.fromEnvironment(Map.of("CRM_DATABASE_POOL_SIZE", "")).databasePoolSize()).isEqualTo(10);
    assertThat(AppConfig.fromEnvironment(Map.of("CRM_DATABASE_POOL_SIZE", " 24 ")).databasePoolSize()).isEqualTo(24);
    assertThat(AppConfig.fromEnvironment(Map.of("CRM_DATABASE_POOL_SIZE", "2")).databasePoolSize()).isEqualTo(2);
    assertThat(AppConfig.fromEnvironment(Map.of("CRM_DATABASE_POOL_SIZE", "200")).databasePoolSize()).isEqualTo(200);
  }

  @Test
  void givenBadPoolSizes_thenOneLineNamingTheVariable() {
    for (String bad : new String[] {"1", "0", "-10", "201", "ten", "10.5", "1e2"}) {
      assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("CRM_DATABASE_POOL_SIZE", bad)))
          .as(bad)
          .isInstanceOf(ConfigException.class)
          .hasMessage("CRM_DATABASE_POOL_SIZE must be a whole number from 2 to 200");
    }
  }

  @Test
  void givenBadMaxRequestBytes_thenRejected() {
    assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("CRM_HTTP_MAX_REQUEST_BYTES", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("CRM_HTTP_MAX_REQUEST_BYTES");
  }

  @Test
  void givenNonPostgresUrl_thenRejected() {
    assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("CRM_DATABASE_URL", "mysql://x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("CRM_DATABASE_URL must be a PostgreSQL JDBC URL");
  }

  @Test
  void givenUserWithoutPassword_thenRejectedWithoutEchoingValues() {
    assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(
        "CRM_DATABASE_URL", "jdbc:postgresql://db/crm", "CRM_DATABASE_USER", "someone")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("CRM_DATABASE_USER and CRM_DATABASE_PASSWORD must be set together");
  }

  @Test
  void givenCredentialsWithoutUrl_thenRejected() {
    assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of(
        "CRM_DATABASE_USER", "crm_app", "CRM_DATABASE_PASSWORD", "pw")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("CRM_DATABASE_URL is not");
  }

  @Test
  void givenMasterKeyInEitherBase64Alphabet_thenReadAndNeverPrinted() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (0xf8 + i); // encodes with '+', '/' in standard and '-', '_' in URL-safe
    }
    for (String text : new String[] {
        Base64.getEncoder().encodeToString(key),
        Base64.getEncoder().withoutPadding().encodeToString(key),
        Base64.getUrlEncoder().encodeToString(key),
        Base64.getUrlEncoder().withoutPadding().encodeToString(key),
        "  " + Base64.getEncoder().encodeToString(key) + "\n"}) {
      AppConfig config = AppConfig.fromEnvironment(Map.of("CRM_MASTER_KEY", text));

      assertThat(config.masterKey()).hasValueSatisfying(k -> assertThat(k.masterKey()).isEqualTo(key));
      assertThat(config.masterKey().get().toString()).isEqualTo("MasterKey[redacted]");
      assertThat(config.toString()).doesNotContain(text.strip()).doesNotContain("MasterKey");
    }
    assertThat(AppConfig.fromEnvironment(Map.of()).masterKey()).isEmpty();
  }

  @Test
  void givenMalformedOrWrongLengthMasterKey_thenOneLineNamingTheVariableButNotTheValue() {
    Map<String, String> bad = new HashMap<>();
    bad.put("not base64", "not base64 at all!");
    bad.put("31 bytes", Base64.getEncoder().encodeToString(new byte[31]));
    bad.put("33 bytes", Base64.getEncoder().encodeToString(new byte[33]));
    bad.put("16 bytes", Base64.getEncoder().encodeToString(new byte[16]));
    bad.put("64 bytes", Base64.getEncoder().encodeToString(new byte[64]));
    bad.put("hex of 32 bytes", HexFormat.of().formatHex(new byte[32]).replace('0', 'a'));
    bad.put("mixed alphabets", "+-" + Base64.getEncoder().encodeToString(new byte[32]).substring(2));
    bad.put("bad padding", Base64.getEncoder().encodeToString(new byte[32]) + "==");
    bad.put("inner space", "AAAA AAAA" + Base64.getEncoder().encodeToString(new byte[32]).substring(9));
    bad.forEach((what, value) ->
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("CRM_MASTER_KEY", value)))
            .as(what)
            .isInstanceOf(ConfigException.class)
            .hasMessage("CRM_MASTER_KEY must be base64 of exactly 32 bytes"
                + " (make one with: openssl rand -base64 32)")
            .hasNoCause());
  }

  @Test
  void givenUnknownCommandOrBadConfig_thenMainPrintsOneLineAndExitsTwo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(Main.run(new String[] {"dance"}, Map.of(), stream)).isEqualTo(2);
    assertThat(Main.run(new String[] {}, Map.of(), stream)).isEqualTo(2);
    assertThat(Main.run(new String[] {"serve"}, Map.of("CRM_HTTP_PORT", "x"), stream)).isEqualTo(2);

    assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        Main.USAGE, Main.USAGE,
        "crm-app: configuration error: CRM_HTTP_PORT must be a whole number from 0 to 65535");
  }
}
