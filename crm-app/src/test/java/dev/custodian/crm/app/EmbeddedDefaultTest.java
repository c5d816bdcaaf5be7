package dev.custodian.crm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodian.crm.app.keys.MasterKeys;
import dev.custodian.crm.persistence.testing.LogCapture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The embedded default: with no database configured, serve starts PostgreSQL under
 * {@code CRM_DATA_DIR}, and what it stored is there after a restart. With no
 * {@code CRM_MASTER_KEY}, it generates a master key file once and reuses it.
 */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line
class EmbeddedDefaultTest {

  private static final String PASSWORD = "a long enough passphrase for this";

  /** Signed in once, it sends the session cookie with every later call, across the restart. */
  private final EmbeddedClient client = new EmbeddedClient();

  @Test
  void givenNoDatabaseUrl_whenWorkspaceCreatedAndServerRestarted_thenWorkspaceAndMasterKeyAreStillThere()
      throws Exception {
    Path dataDir = Path.of("target", "embedded-default-" + UUID.randomUUID().toString().substring(0, 8))
        .toAbsolutePath();
    Map<String, String> env = Map.of(
        AppConfig.DATA_DIR, dataDir.toString(), AppConfig.HTTP_PORT, "0");

    String id;
    String created;
    List<String> firstStartLog;
    try (LogCapture logs = new LogCapture();
        CrmServer server = CrmServer.start(AppConfig.fromEnvironment(env))) {
      assertThat(client.call(server, "GET", "/ready", null).statusCode()).isEqualTo(200);

      // Without SMTP the embedded default writes account mail into CRM_DATA_DIR/mail/, privately.
      String mail = client.signUpVerifyAndSignIn(server, dataDir, "ada@example.org", PASSWORD);
      assertThat(mail).contains("To: ada@example.org")
          .containsPattern("http://127\\.0\\.0\\.1:" + server.port() + "/verify-email#token=vrf_[A-Za-z0-9_-]{43}");
      Path mailDir = dataDir.resolve("mail");
      assertThat(EmbeddedClient.mailFiles(mailDir)).singleElement().satisfies(file -> assertThat(
          Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------")));
      assertThat(Files.getPosixFilePermissions(mailDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));

      HttpResponse<String> response =
          client.call(server, "POST", "/api/v1/workspaces", "{\"name\":\"Survives Restarts\"}");
      assertThat(response.statusCode()).isEqualTo(201);
      created = response.body();
      id = new ObjectMapper().readTree(created).path("id").asText();
      firstStartLog = logs.lines();
    }

    Path keyFile = dataDir.resolve(MasterKeys.FILE);
    assertThat(Files.getPosixFilePermissions(keyFile))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String keyBefore = Files.readString(keyFile);
    byte[] key = Base64.getDecoder().decode(keyBefore.strip());
    assertThat(key).hasSize(32);
    assertThat(firstStartLog).anySatisfy(line -> assertThat(line)
        .contains("Generated a master key into " + keyFile)
        .contains("set CRM_MASTER_KEY from a secret store, kept apart from database backups"));
    for (String line : firstStartLog) {
      assertThat(line).doesNotContain(keyBefore.strip())
          .doesNotContain(HexFormat.of().formatHex(key));
    }
    assertThat(dataDir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));

    Path passwords = dataDir.resolve("database-passwords.properties");
    assertThat(Files.getPosixFilePermissions(passwords))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String passwordsBefore = Files.readString(passwords);

    try (CrmServer server = CrmServer.start(AppConfig.fromEnvironment(env))) {
      HttpResponse<String> read = client.call(server, "GET", "/api/v1/workspaces/" + id, null);
      assertThat(read.statusCode()).as("read with the session cookie from before the restart").isEqualTo(200);
      ObjectMapper json = new ObjectMapper();
      JsonNode before = json.readTree(created);
      assertThat(json.readTree(read.body())).isEqualTo(before);
    }
    assertThat(Files.readString(passwords)).as("passwords are reused").isEqualTo(passwordsBefore);
    assertThat(Files.readString(keyFile)).as("the master key is reused (and matched the database's"
        + " key check, else the restart was refused)").isEqualTo(keyBefore);

    Map<String, String> otherKey = new HashMap<>(env);
    byte[] other = new byte[32];
    new SecureRandom().nextBytes(other);
    otherKey.put(AppConfig.MASTER_KEY, Base64.getEncoder().encodeToString(other));
    assertThatThrownBy(() -> CrmServer.start(AppConfig.fromEnvironment(otherKey)))
        .as("CRM_MASTER_KEY takes precedence over the file, and must match the database")
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("does not match the master key this database was set up with");
    assertThat(dataDir.resolve("postgres/data/postmaster.pid"))
        .as("the refused start stopped its PostgreSQL again").doesNotExist();
    assertThat(dataDir.resolve("postgres/data/postgresql.conf")).exists();
    assertThat(dataDir.resolve("postgres/postgres.log")).exists();
    deleteRecursively(dataDir); // only on success: a failure leaves the files to look at
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
