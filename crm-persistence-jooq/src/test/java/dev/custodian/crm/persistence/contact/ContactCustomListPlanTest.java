package dev.custodian.crm.persistence.contact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodian.crm.core.common.paging.CustomColumn;
import dev.custodian.crm.core.common.paging.Filter;
import dev.custodian.crm.core.common.paging.ListOffer;
import dev.custodian.crm.core.common.paging.ListQuery;
import dev.custodian.crm.core.common.paging.ValueType;
import dev.custodian.crm.core.contact.ContactListing;
import dev.custodian.crm.core.tenancy.WorkspaceId;
import dev.custodian.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lists by custom fields on 5,000 contacts with values (issue 24 item 5): as the application role
 * under row-level security, a selective custom filter's {@code EXISTS} is served by V21's partial
 * index of its value column (its condition implies the index's predicate), and finds its rows; a
 * custom sort's page walks a range of that index.
 */
class ContactCustomListPlanTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  private static final UUID WORKSPACE = UUID.randomUUID();
  private static final UUID SCORE = UUID.randomUUID();
  private static final UUID NICKNAME = UUID.randomUUID();
  private static final UUID TIER = UUID.randomUUID();
  private static final UUID GOLD = UUID.randomUUID();
  private static final UUID SILVER = UUID.randomUUID();

  private static final ListOffer OFFER = ContactListing.OFFER.withCustom(new ListOffer.Custom()
      .filter("custom.score", ValueType.INTEGER, new CustomColumn(SCORE, CustomColumn.Part.NUMBER),
          Filter.Operator.AT_LEAST, Filter.Operator.AT_MOST, Filter.Operator.EMPTY)
      .sort("custom.score", ValueType.INTEGER, new CustomColumn(SCORE, CustomColumn.Part.NUMBER))
      .filter("custom.nickname", ValueType.TEXT, new CustomColumn(NICKNAME, CustomColumn.Part.TEXT),
          Filter.Operator.ANY_OF, Filter.Operator.EMPTY)
      .sort("custom.nickname", ValueType.TEXT, new CustomColumn(NICKNAME, CustomColumn.Part.TEXT))
      .filter("custom.tier", ValueType.oneOf("gold", "silver"),
          new CustomColumn(TIER, CustomColumn.Part.OPTION, Map.of("gold", GOLD, "silver", SILVER)),
          Filter.Operator.ANY_OF, Filter.Operator.EMPTY));

  @BeforeAll
  static void fiveThousandContactsWithValues() throws Exception {
    try (Connection c = db.superuserConnection(); Statement st = c.createStatement()) {
      st.execute("insert into workspaces (id, name, slug, status, created_at) values ('" + WORKSPACE
          + "', 'W', 'w-" + WORKSPACE + "', 'ACTIVE', now())");
      for (String[] field : List.of(new String[] {SCORE.toString(), "score", "NUMBER"},
          new String[] {NICKNAME.toString(), "nickname", "TEXT"}, new String[] {TIER.toString(), "tier", "SINGLE_SELECT"})) {
        st.execute("insert into custom_fields (tenant_id, id, object_type, field_key, type, label, sensitive, created_at,"
            + " updated_at, version) values ('" + WORKSPACE + "', '" + field[0] + "', 'CONTACT', '" + field[1] + "', '"
            + field[2] + "', 'L', false, now(), now(), 1)");
      }
      st.execute("insert into custom_field_options (tenant_id, id, field_id, option_key, label, position) values ('"
          + WORKSPACE + "', '" + GOLD + "', '" + TIER + "', 'gold', 'Gold', 1), ('" + WORKSPACE + "', '" + SILVER + "', '"
          + TIER + "', 'silver', 'Silver', 2)");
      st.execute("insert into contacts (tenant_id, id, first_name, last_name, last_name_sort, email, email_normalised,"
          + " created_at, updated_at, version)"
          + " select '" + WORKSPACE + "', gen_random_uuid(), 'First' || i, 'Last' || i, 'last' || i,"
          + " 'person' || i || '@example.org', 'person' || i || '@example.org', now() - i * interval '1 second', now(), 1"
          + " from generate_series(1, 5000) i");
      st.execute("insert into custom_field_values (tenant_id, id, field_id, contact_id, number_value)"
          + " select tenant_id, gen_random_uuid(), '" + SCORE + "', id, (row_number() over (order by id)) from contacts");
      st.execute("insert into custom_field_values (tenant_id, id, field_id, contact_id, text_value, text_sort)"
          + " select tenant_id, gen_random_uuid(), '" + NICKNAME + "', id, 'Nick' || last_name, 'nick' || last_name_sort"
          + " from contacts");
      st.execute("insert into custom_field_values (tenant_id, id, field_id, contact_id, option_id)"
          + " select tenant_id, gen_random_uuid(), '" + TIER + "', id, case when random() < 0.01 then '" + GOLD
          + "'::uuid else '" + SILVER + "'::uuid end from contacts");
      st.execute("analyze contacts");
      st.execute("analyze custom_field_values");
    }
  }

  @Test
  void aSelectiveCustomFilter_usesItsValueIndex_underRowLevelSecurity() throws Exception {
    assertThat(explainAsApp(sql("custom.score.gte", "4990"))).contains("custom_field_values_contact_number_ix");
    assertThat(explainAsApp(sql("custom.score.lte", "3", "sort", "-createdAt"))).contains("custom_field_values_contact_number_ix");
    assertThat(explainAsApp(sql("custom.nickname", "NickLast4242"))).contains("custom_field_values_contact_text_ix");
    assertThat(explainAsApp(sql("custom.tier", "gold"))).containsPattern("custom_field_values_(contact_)?option_ix");
  }

  @Test
  void aCustomSortsPage_walksItsValueIndex_underRowLevelSecurity() throws Exception {
    // the page's ids: a range of the value index in its order (backward for a descending sort),
    // not a sort of every contact's value; reading those few contacts is the planner's choice
    assertThat(explainAsApp(sql("sort", "-custom.score", "limit", "50")))
        .contains("Index Only Scan Backward using custom_field_values_contact_number_ix");
    assertThat(explainAsApp(sql("sort", "custom.nickname", "limit", "50")))
        .contains("Index Only Scan using custom_field_values_contact_text_ix");
  }

  @Test
  void theCustomFilterFindsItsContacts_andTheCustomSortWalksThem() throws Exception {
    assertThat(count(sql("custom.score.gte", "4991", "limit", "50"))).isEqualTo(10);
    assertThat(count(sql("custom.nickname", "nicklast4242"))).isEqualTo(1);
    assertThat(count(sql("custom.score.lte", "30", "sort", "-custom.score", "limit", "200"))).isEqualTo(30);
  }

  private static String sql(String... nameValuePairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      parameters.put(nameValuePairs[i], List.of(nameValuePairs[i + 1]));
    }
    ListQuery query = ListQuery.of(OFFER, parameters);
    return DSL.using(SQLDialect.POSTGRES).renderInlined(
        JooqContactRepository.listStatement(DSL.using(SQLDialect.POSTGRES), new WorkspaceId(WORKSPACE), query));
  }

  private static int count(String sql) throws Exception {
    return db.asApp(WORKSPACE, c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        return n;
      }
    });
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
