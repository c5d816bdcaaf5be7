package dev.custodian.crm.persistence.access;

import static org.assertj.core.api.Assertions.assertThat;



import dev.custodian.crm.core.access.AbstractApiKeyRepositoryContractTest;
import dev.custodian.crm.core.access.port.out.ApiKeyRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;


import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API-key contract on the jOOQ adapter, and the application role's narrow grants on its table. */
class JooqApiKeyRepositoryTest extends AbstractApiKeyRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Override
  protected ApiKeyRepository apiKeys() {
    return JooqAccessStores.apiKeys(db.persistence().transactions());
  }

  @Test
  void theApplicationRoleCannotDeleteKeysNorRewriteWhatTheyAre() throws Exception {
    assertThat(db.sqlStatesAsApp(
        "delete from api_keys",
        "truncate api_keys",
        "update api_keys set workspace_id = workspace_id",
        "update api_keys set name = name",
        "update api_keys set role = role",
        "update api_keys set token_hash = token_hash",
        "update api_keys set created_by = created_by",
        "update api_keys set created_at = created_at"))
        .as("each refused with SQLState 42501").containsOnly("42501");
    assertThat(db.sqlStatesAsApp("update api_keys set last_used_at = last_used_at, revoked_at = revoked_at"))
        .as("recording a use and revoking are allowed").containsOnlyNulls();
  }

  @Test
  @DisplayName("SEC-05: a clear API key cannot be stored as its hash, nor an OWNER key at all")
  void aClearKeyCannotBeStoredAsItsHash() throws Exception {
    String insert = "insert into api_keys (id, workspace_id, name, role, token_hash, created_by, created_at)"
        + " values (gen_random_uuid(), '" + a + "', 'Key', '%s', '%s', gen_random_uuid(), now())";
    assertThat(db.sqlStatesAsApp(
        String.format(insert, "ADMIN", "crmk_" + "A".repeat(59)),
        String.format(insert, "ADMIN", "AB".repeat(32)),
        String.format(insert, "OWNER", "ab".repeat(32))))
        .as("each refused with SQLState 23514").containsOnly("23514");
  }
}
