package dev.custodian.crm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.zaxxer.hikari.HikariDataSource;
import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.account.AccountId;
import dev.custodian.crm.core.common.error.ConflictException;
import dev.custodian.crm.core.contact.port.in.CreateContactCommand;
import dev.custodian.crm.core.erasure.ErasureReceipt;
import dev.custodian.crm.core.tenancy.PageQuery;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.schema.PostgresDataSources;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.privacy.Custodian;
import dev.custodian.crm.privacy.crypto.MasterKey;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's embedding example, taken from the README itself (one source, not a copy),
 * compiled as printed and run against PostgreSQL.
 */
class EmbeddingExampleTest {

  @RegisterExtension static final TestDatabase database = new TestDatabase();

  private static final Pattern EXAMPLE = Pattern.compile(
      "<!-- embedding-example:start -->\\s*```java\\n(.*?)```\\s*<!-- embedding-example:stop -->", Pattern.DOTALL);

  /** The README's Java example, exactly as printed. */
  static String readmeExample() throws Exception {
    Matcher m = EXAMPLE.matcher(Files.readString(Path.of("..", "README.md")));
    assertThat(m.find()).as("the README's embedding example between its markers").isTrue();
    return m.group(1);
  }

  @Test
  void theReadmeExampleCompilesAsPrinted_andRuns(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("GettingStarted.java"), readmeExample());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int status = javac.run(null, null, null, "-d", dir.toString(), "-cp", classpath,
        "-Xlint:all", "-Werror", dir.resolve("GettingStarted.java").toString());
    assertThat(status).as("javac on the README's example").isZero();

    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String masterKey = Base64.getEncoder().encodeToString(key);
    ErasureReceipt receipt;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Method run = loader.loadClass("GettingStarted")
          .getMethod("run", String.class, String.class, String.class, String.class);
      receipt = (ErasureReceipt) run.invoke(null, database.jdbcUrl(), database.ownerPassword(),
          database.appPassword(), masterKey);
    }

    assertThat(receipt.removedByParticipant()).containsEntry("contacts", 1);
    Actor owner = Actor.account(AccountId.of(ownerOf(receipt.workspace().value())));
    try (HikariDataSource pool = PostgresDataSources.pooled(database.jdbcUrl(), "crm_app",
        database.appPassword(), 2, "readme-check")) {
      Custodian again = Custodian.builder().persistence(JooqPersistence.create(pool))
          .keys(MasterKey.fromBase64(masterKey).orElseThrow()).build();
      assertThatThrownBy(() -> again.contacts().create().create(owner, CreateContactCommand.builder(receipt.workspace())
          .firstName("Ada").lastName("Lovelace").email("ada@example.org").build()))
          .isInstanceOfSatisfying(ConflictException.class,
              e -> assertThat(e.kind()).isEqualTo(ConflictException.Kind.SUPPRESSED));
      assertThat(again.erasure().list().list(owner, PageQuery.first(receipt.workspace(), 10)).items())
          .containsExactly(receipt);
    }
  }

  /** The one member of the example's workspace, who created it, as the superuser reads it. */
  private static java.util.UUID ownerOf(java.util.UUID workspace) throws Exception {
    try (java.sql.Connection c = database.superuserConnection();
        java.sql.PreparedStatement st = c.prepareStatement("select account_id, role from memberships where workspace_id = ?")) {
      st.setObject(1, workspace);
      try (java.sql.ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("role")).isEqualTo("OWNER");
        java.util.UUID owner = rs.getObject("account_id", java.util.UUID.class);
        assertThat(rs.next()).as("one member").isFalse();
        return owner;
      }
    }
  }
}
