package dev.custodian.crm.app.e2e;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.custodian.crm.core.common.error.ForbiddenException;
import dev.custodian.crm.http.Access;
import dev.custodian.crm.http.RouteGroup;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A feature joins the server by binding its {@link RouteGroup} into Guice's set, and nothing
 * else: a test module that does only that is served, next to the features, and its errors go
 * through the same problem table.
 */
class RouteGroupRegistrationTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();
  private static TestApp app;

  /** A feature's module, reduced to its route group. */
  static final class ThrowingFeatureModule extends AbstractModule {

    @ProvidesIntoSet
    RouteGroup throwingRoutes() {
      return table -> {
        table.get("/api/v1/test/forbidden").access(Access.ACCOUNT).handle(ctx -> {
          throw new ForbiddenException("needs a role this test has not");
        });
        table.get("/api/v1/test/bug").access(Access.ACCOUNT).handle(ctx -> {
          throw new IllegalStateException("a bug");
        });
      };
    }
  }

  @BeforeAll
  static void start() throws Exception {
    app = TestApp.start(TestApp.environmentFor(db), new ThrowingFeatureModule()).signIn();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void aRouteGroupBoundOnlyInTheSet_isServed_besideTheFeatures() throws Exception {
    ApiTestSupport.assertProblem(app.get("/api/v1/test/forbidden"), 403, "/problems/forbidden");
    ApiTestSupport.assertProblem(app.get("/api/v1/test/bug"), 500, "/problems/internal-error");
    ApiTestSupport.workspace(app); // the features' routes are still there
  }
}
