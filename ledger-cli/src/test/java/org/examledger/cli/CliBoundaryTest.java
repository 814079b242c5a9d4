package org.examledger.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.examledger.cli.violation.UsesAxonDirectly;
import org.junit.jupiter.api.Test;

/**
 * The CLI uses ledger-core's integrity library and talks to the server over HTTP only
 * (docs/architecture.md): no Spring, no Axon, no server or projection code, so that an auditor's
 * verifier is readable without them.
 */
class CliBoundaryTest {

  static final ArchRule CLI_USES_ONLY_THE_LIBRARY =
      noClasses()
          .that()
          .resideInAPackage("org.examledger.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "org.axonframework..",
              "org.examledger.api..",
              "org.examledger.projections..");

  @Test
  void cliDependsOnNoFrameworkAndNoServerCode() {
    JavaClasses cli =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.examledger.cli");
    assertThat(cli).isNotEmpty();
    CLI_USES_ONLY_THE_LIBRARY.check(cli);
  }

  @Test
  void boundaryRuleFiresOnCliCodeThatUsesAxon() {
    JavaClasses offender = new ClassFileImporter().importClasses(UsesAxonDirectly.class);
    assertThat(CLI_USES_ONLY_THE_LIBRARY.evaluate(offender).hasViolation()).isTrue();
  }
}
