package dev.custodian.crm.app.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.common.error.RateLimitedException;
import dev.custodian.crm.core.throttle.ThrottleKey;
import dev.custodian.crm.core.throttle.service.Throttle;
import dev.custodian.crm.persistence.JooqPersistence;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.testing.TestDatabase;
import dev.custodian.crm.persistence.throttle.JooqThrottleStores;
import dev.custodian.crm.privacy.crypto.MasterKey;
import dev.custodian.crm.privacy.throttle.KeyedThrottleHasher;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The throttle as the server will run it: the master key's keyed hashes, the jOOQ adapter, real
 * PostgreSQL, and two instances over their own pools.
 */
class ThrottleAtRestTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T10:05:00Z"), ZoneOffset.UTC);
  private static final MasterKey KEY = aKey();

  private static MasterKey aKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return MasterKey.of(key);
  }

  /** One server instance: its own pool and adapter, the shared master key. */
  private static Throttle anInstance() {
    JooqPersistence persistence = JooqPersistence.create(db.pool(DatabaseRoles.APP, db.appPassword(), 2));
    return new Throttle(persistence.transactions(), JooqThrottleStores.entries(persistence.transactions()),
        new KeyedThrottleHasher(KEY), CLOCK);
  }

  @Test
  @DisplayName("SEC-07: throttle_entries holds no address or IP in clear, only keyed hashes")
  void aSuperuserScanFindsNoAddressAndNoIp() throws Exception {
    Throttle throttle = anInstance();
    throttle.check(ThrottleKey.email("auth", "grace.hopper@example.org"), ThrottleKey.clientIp("auth", "198.51.100.23"));
    throttle.check(ThrottleKey.email("auth", "grace.hopper@example.org"),
        ThrottleKey.clientIp("auth", "2001:db8:abcd:12::99"));

    List<String> rows = new ArrayList<>();
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select t::text, t.keyed_hash from throttle_entries t")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
        assertThat(rs.getString(2)).matches("[0-9a-f]{64}");
      }
    }
    // One address, one IPv4, one IPv6 /64 (and whatever the class's other tests stored).
    assertThat(rows).hasSizeGreaterThanOrEqualTo(3);
    assertThat(String.join("\n", rows).toLowerCase())
        .doesNotContain("grace").doesNotContain("hopper").doesNotContain("example.org").doesNotContain("ada@")
        .doesNotContain("198.51.100").doesNotContain("2001:db8").doesNotContain("abcd:12");
  }

  @Test
  @DisplayName("SEC-07: two server instances on one database share the count for one address")
  void twoInstances_shareTheCount() {
    Throttle one = anInstance();
    Throttle two = anInstance();
    ThrottleKey address = ThrottleKey.email("auth", "ada@example.org");
    for (int i = 0; i < 5; i++) {
      (i % 2 == 0 ? one : two).check(address);
    }
    assertThatThrownBy(() -> two.check(address)).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfterSeconds()).isEqualTo(600)); // the window ends at 10:15
    assertThatThrownBy(() -> one.check(address)).isInstanceOf(RateLimitedException.class);
  }
}
