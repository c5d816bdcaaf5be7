package dev.custodian.crm.app.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.app.AppConfig;
import dev.custodian.crm.app.StartupException;
import dev.custodian.crm.app.SuiteLanes;
import dev.custodian.crm.core.common.InMemoryTransactions;
import dev.custodian.crm.core.keys.InMemoryKeyCheckRepository;
import dev.custodian.crm.core.keys.port.out.KeyCheckRepository;
import dev.custodian.crm.persistence.testing.LogCapture;
import dev.custodian.crm.privacy.crypto.MasterKey;
import dev.custodian.crm.privacy.crypto.MasterKeyCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Where the master key comes from, its generated development file, and its check. */
@ResourceLock(SuiteLanes.SHARED_OBSERVERS) // it watches every log line
class MasterKeysTest {

  @TempDir Path temp;

  @Test
  void givenEmbeddedDefaultWithoutKey_whenLoaded_thenGeneratesAPrivateFileOnce_andLogsWithoutTheKey()
      throws Exception {
    Path dataDir = temp.resolve("data");
    AppConfig config = embedded(dataDir);

    MasterKey generated;
    List<String> lines;
    try (LogCapture logs = new LogCapture()) {
      generated = MasterKeys.load(config);
      lines = logs.lines();
    }

    Path file = dataDir.resolve("master.key");
    assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String text = Files.readString(file);
    assertThat(Base64.getDecoder().decode(text.strip())).isEqualTo(generated.masterKey()).hasSize(32);
    assertThat(dataDir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    assertThat(lines).filteredOn(l -> l.contains("Generated a master key")).singleElement()
        .satisfies(l -> assertThat(l).contains(file.toString()).contains("CRM_MASTER_KEY")
            .contains("secret store").contains("apart from database backups"));
    for (String line : lines) {
      assertThat(line).doesNotContain(text.strip()).doesNotContain(HexFormat.of().formatHex(generated.masterKey()));
    }

    try (LogCapture logs = new LogCapture()) {
      assertThat(MasterKeys.load(config).masterKey()).as("reused").isEqualTo(generated.masterKey());
      assertThat(logs.lines()).noneMatch(l -> l.contains("Generated"));
    }
    assertThat(Files.readString(file)).isEqualTo(text);
  }

  @Test
  void givenCorruptKeyFile_whenLoaded_thenOneLineNamingTheFileButNotItsContent() throws Exception {
    Path dataDir = Files.createDirectories(temp.resolve("data"));
    Path file = dataDir.resolve("master.key");
    String secretish = Base64.getEncoder().encodeToString(new byte[31]);
    Files.writeString(file, secretish);

    assertThatThrownBy(() -> MasterKeys.load(embedded(dataDir)))
        .isInstanceOf(StartupException.class)
        .hasMessage("the master key file " + file + " is not base64 of 32 bytes; restore it, or set"
            + " CRM_MASTER_KEY to the key this database was set up with")
        .hasNoCause();
    assertThat(Files.readString(file)).as("never overwritten").isEqualTo(secretish);
  }

  @Test
  void givenKeyConfigured_whenLoaded_thenItWins_andNoFileIsWritten() {
    byte[] key = randomKey();
    Path dataDir = temp.resolve("data");
    AppConfig config = AppConfig.fromEnvironment(Map.of(
        AppConfig.DATA_DIR, dataDir.toString(),
        AppConfig.MASTER_KEY, Base64.getEncoder().encodeToString(key)));

    assertThat(MasterKeys.load(config).masterKey()).isEqualTo(key);
    assertThat(dataDir.resolve("master.key")).doesNotExist();
  }

  @Test
  void givenExternalDatabaseWithoutKey_whenLoaded_thenRefusedWithOneLine() {
    AppConfig config = AppConfig.fromEnvironment(Map.of(
        AppConfig.DATABASE_URL, "jdbc:postgresql://db.example/crm",
        AppConfig.DATA_DIR, temp.resolve("data").toString(),
        dev.custodian.crm.app.AccountConfig.SMTP_HOST, "smtp.example.org"));

    assertThatThrownBy(() -> MasterKeys.load(config))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("CRM_MASTER_KEY is not set: with an external database (CRM_DATABASE_URL)")
        .hasNoCause();
    assertThat(temp.resolve("data")).doesNotExist();
  }

  @Test
  void keyProviderHandsOutFreshCopies_andPrintsNothing() {
    byte[] key = randomKey();
    MasterKey provider = MasterKey.of(key);

    byte[] first = provider.masterKey();
    first[0] ^= 1;
    assertThat(provider.masterKey()).isEqualTo(key).isNotSameAs(provider.masterKey());
    assertThat(provider.toString()).doesNotContain(Base64.getEncoder().encodeToString(key));
    assertThatThrownBy(() -> MasterKey.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MasterKey.of(new byte[32])).as("all zero").isInstanceOf(IllegalArgumentException.class);
    assertThat(MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]))).isEmpty();
  }

  @Test
  void givenStoredCheckOfAnotherKey_whenVerified_thenOneLine_andTheSameKeyPasses() {
    InMemoryTransactions transactions = new InMemoryTransactions();
    InMemoryKeyCheckRepository keyChecks = new InMemoryKeyCheckRepository(transactions);
    byte[] first = randomKey();
    MasterKeys.verified(() -> new MasterKeyCheck(transactions, keyChecks, () -> first.clone(), Clock.systemUTC()).verifyOrRecord());
    assertThat(transactions.inPlatform(keyChecks::find)).contains(MasterKeyCheck.valueOf(first));

    assertThatThrownBy(() -> MasterKeys.verified(
        () -> new MasterKeyCheck(transactions, keyChecks, MasterKeysTest::randomKey, Clock.systemUTC()).verifyOrRecord()))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("CRM_MASTER_KEY does not match the master key this database was set up with")
        .hasNoCause();
    MasterKeys.verified(() -> new MasterKeyCheck(transactions, keyChecks, () -> first.clone(), Clock.systemUTC()).verifyOrRecord());
  }

  @Test
  void givenAnotherServerRecordsFirst_whenVerified_thenItsValueIsMet_andAnotherKeysValueIsAMismatch() {
    InMemoryTransactions transactions = new InMemoryTransactions();
    byte[] key = randomKey();
    // The other server's row is committed outside our transaction, so our rollback keeps it.
    assertThat(verifyRacing(transactions, key, MasterKeyCheck.valueOf(key))).isEmpty();

    assertThatThrownBy(() -> verifyRacing(transactions, key, MasterKeyCheck.valueOf(randomKey())))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("CRM_MASTER_KEY does not match");
  }

  @Test
  void givenTheDatabaseFailsTwice_whenVerified_thenOneLine() {
    InMemoryTransactions transactions = new InMemoryTransactions();
    KeyCheckRepository broken = new KeyCheckRepository() {
      @Override
      public Optional<String> find() {
        throw new IllegalStateException("database gone");
      }

      @Override
      public void insert(String keyCheck, Instant createdAt) {
        throw new IllegalStateException("database gone");
      }
    };
    assertThatThrownBy(() -> MasterKeys.verified(
        () -> new MasterKeyCheck(transactions, broken, () -> randomKey(), Clock.systemUTC()).verifyOrRecord()))
        .isInstanceOf(StartupException.class)
        .hasMessage("cannot check the master key against the database (IllegalStateException)");
  }

  /**
   * Verifies {@code key} while another server records {@code othersValue} between our look and
   * our insert; returns what our own store holds afterwards (our insert lost the race).
   */
  private static Optional<String> verifyRacing(InMemoryTransactions transactions, byte[] key, String othersValue) {
    InMemoryKeyCheckRepository ours = new InMemoryKeyCheckRepository(transactions);
    AtomicReference<String> committedByOther = new AtomicReference<>();
    AtomicInteger inserts = new AtomicInteger();
    KeyCheckRepository racing = new KeyCheckRepository() {
      @Override
      public Optional<String> find() {
        return Optional.ofNullable(committedByOther.get()).or(ours::find);
      }

      @Override
      public void insert(String keyCheck, Instant createdAt) {
        inserts.incrementAndGet();
        committedByOther.compareAndSet(null, othersValue); // the other server commits first ...
        throw new IllegalStateException("duplicate key"); // ... so our insert fails
      }
    };
    try {
      MasterKeys.verified(() -> new MasterKeyCheck(transactions, racing, () -> key.clone(), Clock.systemUTC()).verifyOrRecord());
    } finally {
      assertThat(inserts).as("one insert, then the stored value is met").hasValue(1);
    }
    return transactions.inPlatform(ours::find);
  }

  private static AppConfig embedded(Path dataDir) {
    return AppConfig.fromEnvironment(Map.of(AppConfig.DATA_DIR, dataDir.toString()));
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
