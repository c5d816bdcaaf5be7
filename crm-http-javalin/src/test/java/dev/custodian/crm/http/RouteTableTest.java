package dev.custodian.crm.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodian.crm.core.access.Actor;
import dev.custodian.crm.core.access.Permission;
import dev.custodian.crm.core.access.PermissionMatrix;
import dev.custodian.crm.core.access.Role;
import dev.custodian.crm.core.account.AccountId;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The route table's own rules, without a database. */
class RouteTableTest {

  @Test
  @DisplayName("SEC-08: a route registered without an access makes building the API fail")
  void aRouteWithoutAccessIsRefused() {
    RouteGroup careless = table -> table.get("/api/v1/test/careless").handle(ctx -> ctx.result("open"));
    assertThatThrownBy(() -> HttpApi.create(List.of(careless), TestSessions.credentials(), java.util.Optional::empty,
        HttpApi.Settings.loopback(1000), Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GET /api/v1/test/careless").hasMessageContaining("no access");
  }

  @Test
  void aRouteDeclaredTwiceIsRefused() {
    RouteGroup twice = table -> {
      table.get("/api/v1/test/twice").access(Access.ACCOUNT).handle(ctx -> ctx.result("one"));
      table.get("/api/v1/test/twice").access(Access.ACCOUNT).handle(ctx -> ctx.result("two"));
    };
    assertThatThrownBy(() -> HttpApi.table(List.of(twice))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("declared twice");
  }

  @Test
  @DisplayName("SEC-08: a permission the matrix does not list is denied to every role, OWNER included")
  void aPermissionMissingFromTheMatrixIsDeniedToAll() {
    Permission testOnly = new Permission("test.only");
    Actor person = Actor.account(new AccountId(UUID.randomUUID()));
    for (Role role : Role.values()) {
      assertThat(PermissionMatrix.standard().allows(person, role, testOnly)).as(role.name()).isFalse();
    }
  }
}
