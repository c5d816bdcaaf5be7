package dev.custodian.crm.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

/** Purity of crm-core: plain Java only, no JDBC, no package cycles. */
class CoreArchitectureTest {

  static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.custodian.crm.core");

  /** crm-core depends on nothing outside {@code java..} and itself, and not on {@code java.sql..}. */
  static final ArchRule CORE_IS_PURE_JAVA = noClasses()
      .that().resideInAPackage("dev.custodian.crm.core..")
      .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.custodian.crm.core..")
      .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
      .because("the core is a pure-Java library that adapters plug into");

  static final ArchRule NO_PACKAGE_CYCLES = SlicesRuleDefinition.slices()
      .matching("dev.custodian.crm.core.(**)")
      .should().beFreeOfCycles();

  @Test
  void coreUsesOnlyJavaAndItself() {
    CORE_IS_PURE_JAVA.check(CORE);
  }

  @Test
  void corePackagesAreFreeOfCycles() {
    NO_PACKAGE_CYCLES.check(CORE);
  }
}
