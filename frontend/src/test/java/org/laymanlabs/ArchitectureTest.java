package org.laymanlabs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of DESIGN.md: frontend → backend → sandbox-runtime, and a framework-free sandbox. */
@AnalyzeClasses(packages = "org.laymanlabs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependenciesPointFromFrontendToBackendToSandbox = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Frontend").definedBy("org.laymanlabs", "org.laymanlabs.frontend..")
            .layer("Backend").definedBy("org.laymanlabs.backend..")
            .layer("Sandbox").definedBy("org.laymanlabs.sandbox..")
            .whereLayer("Frontend").mayNotBeAccessedByAnyLayer()
            .whereLayer("Backend").mayOnlyBeAccessedByLayers("Frontend")
            .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Backend");

    @ArchTest
    static final ArchRule theSandboxIsPlainJava = noClasses()
            .that().resideInAPackage("org.laymanlabs.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "com.vaadin..", "jakarta.persistence..", "javax.persistence..",
                    "org.hibernate..", "jakarta.servlet..")
            .because("sandbox-runtime runs in the REPL and in tests without Spring, Vaadin or JPA");

    @ArchTest
    static final ArchRule theBackendKnowsNothingOfTheUi = noClasses()
            .that().resideInAPackage("org.laymanlabs.backend..")
            .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
            .because("the backend also serves the REST APIs and must not depend on Vaadin");
}
