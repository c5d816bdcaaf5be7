package dev.custodian.crm.persistence.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.schema.DatabaseRoles;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contact search ({@code q}) on 50,000 contacts: the list's own statement finds a selective
 * text through the trigram index (V16), whatever the sort (V16, V21), as the application role under row-level
 * security: the superuser's bootstrap made {@code ILIKE} and {@code ||} {@code LEAKPROOF}
 * ({@link DatabaseRoles#SEARCH_LEAKPROOF}); the same run finds the rows.
 */
class ContactSearchPlanTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static final UUID WORKSPACE = UUID.randomUUID();

  @BeforeAll
  static void fiftyThousandContacts() throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("insert into workspaces (id, name, slug, status, created_at) values ('" + WORKSPACE
          + "', 'W', 'w-" + WORKSPACE + "', 'ACTIVE', now())");
      st.execute("insert into companies (tenant_id, id, name, name_sort, created_at, updated_at, version)"
          + " select '" + WORKSPACE + "', gen_random_uuid(), 'Company ' || i, 'company ' || i, now(), now(), 1"
          + " from generate_series(1, 500) i");
      st.execute("insert into contacts (tenant_id, id, first_name, last_name, last_name_sort, email, email_normalised,"
          + " job_title, company_id, created_at, updated_at, version)"
          + " select '" + WORKSPACE + "', gen_random_uuid(), 'First' || i, 'Last' || i, 'last' || i,"
          + " 'person' || i || '@example.org', 'person' || i || '@example.org', 'Engineer', null,"
          + " now() - i * interval '1 second', now(), 1 from generate_series(1, 50000) i");
      // statistics of every row, not of a random sample: the same estimates, so the same plan, on every run
      st.execute("set default_statistics_target = 1000");
      st.execute("analyze contacts");
      st.execute("analyze companies");
    }
  }

  @Test
  void aSelectiveSearchOn50000Contacts_usesATrigramIndex_inEverySort() throws Exception {
    for (String sort : List.of("createdAt", "-createdAt", "lastName", "-lastName")) {
      ListQuery query = ListQuery.of(ContactListing.OFFER, Map.of("q", List.of("Last4242"), "sort", List.of(sort)));
      String sql = DSL.using(SQLDialect.POSTGRES)
          .renderInlined(JooqContactRepository.listStatement(DSL.using(SQLDialect.POSTGRES), new WorkspaceId(WORKSPACE), query));
      String plan = explainAsApp(sql);
      assertThat(plan).as(sort + ":\n" + plan).contains("contacts_search_ix");
    }
  }

  @Test
  void theSearchFindsItsContacts() throws Exception {
    ListQuery query = ListQuery.of(ContactListing.OFFER, Map.of("q", List.of("LAST4242"), "limit", List.of("20")));
    String sql = DSL.using(SQLDialect.POSTGRES)
        .renderInlined(JooqContactRepository.listStatement(DSL.using(SQLDialect.POSTGRES), new WorkspaceId(WORKSPACE), query));
    int rows = db.asApp(WORKSPACE, c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        return n;
      }
    });
    assertThat(rows).as("Last4242 and Last42420..Last42429").isEqualTo(11);
  }

  @Test
  void withoutTheLeakproofOperators_rowLevelSecurityKeepsTheSearchOutOfTheIndex() throws Exception {
    // the control: the bootstrap's statement is what makes the index usable under the policy
    ListQuery query = ListQuery.of(ContactListing.OFFER, Map.of("q", List.of("Last4242"), "sort", List.of("createdAt")));
    String sql = DSL.using(SQLDialect.POSTGRES)
        .renderInlined(JooqContactRepository.listStatement(DSL.using(SQLDialect.POSTGRES), new WorkspaceId(WORKSPACE), query));
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute(DatabaseRoles.SEARCH_LEAKPROOF.replace(" leakproof", " not leakproof"));
    }
    try {
      assertThat(explainAsApp(sql)).doesNotContain("contacts_search_ix");
    } finally {
      try (Connection c = db.superuserConnection()) {
        DatabaseRoles.allowSearchIndexesUnderRowLevelSecurity(c);
      }
    }
  }

  /** The plan as the application role, row-level security applying, in the workspace. */
  private static String explainAsApp(String sql) throws Exception {
    return db.asApp(WORKSPACE, c -> {
      List<String> lines = new ArrayList<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("explain " + sql)) {
        while (rs.next()) {
          lines.add(rs.getString(1));
        }
      }
      return String.join("\n", lines);
    });
  }
}
