package dev.custodian.crm.persistence.deal;

import dev.custodian.crm.core.company.port.out.CompanyRepository;
import dev.custodian.crm.core.contact.port.out.ContactRepository;
import dev.custodian.crm.core.customfield.port.out.CustomFieldRepository;
import dev.custodian.crm.core.customfield.port.out.CustomValueRepository;
import dev.custodian.crm.core.deal.AbstractDealRepositoryContractTest;
import dev.custodian.crm.core.deal.port.out.DealRepository;
import dev.custodian.crm.core.pipeline.port.out.PipelineRepository;
import dev.custodian.crm.persistence.testing.TestDatabase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TEN-01, the first wall on its own: the deal contract through a role that BYPASSES row-level
 * security, so every workspace-scoping case passes only because the queries filter by themselves.
 */
@DisplayName("TEN-01: deal queries filter by workspace on their own (run as a BYPASSRLS role)")
class JooqDealRepositoryWithoutRowLevelSecurityTest extends AbstractDealRepositoryContractTest {

  @RegisterExtension static final TestDatabase db = TestDatabase.bypassingRowLevelSecurity();

  @Override
  protected PipelineRepository pipelines() {
    return db.persistence().pipelines();
  }

  @Override
  protected CompanyRepository companies() {
    return db.persistence().companies();
  }

  @Override
  protected ContactRepository contacts() {
    return db.persistence().contacts();
  }

  @Override
  protected DealRepository deals() {
    return db.persistence().deals();
  }

  @Override
  protected CustomFieldRepository customFields() {
    return db.persistence().customFields();
  }

  @Override
  protected CustomValueRepository customValues() {
    return db.persistence().customValues();
  }
}
