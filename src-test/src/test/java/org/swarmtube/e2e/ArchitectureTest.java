package org.swarmtube.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of DEVELOPERS.md, written down as rules. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.swarmtube");
    }

    @Test
    void catalogKnowsNothingOfTheOtherModulesOrLibtorrentOrUi() {
        noClasses().that().resideInAPackage("org.swarmtube.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("org.swarmtube.swarm..", "org.swarmtube.media..",
                        "org.swarmtube.app..", "org.libtorrent4j..", "javafx..", "uk.co.caprica..")
                .check(classes);
    }

    @Test
    void swarmAndMediaDoNotReachIntoTheAppOrEachOther() {
        noClasses().that().resideInAPackage("org.swarmtube.swarm..")
                .should().dependOnClassesThat().resideInAnyPackage("org.swarmtube.app..", "org.swarmtube.media..", "javafx..",
                        "uk.co.caprica..")
                .check(classes);
        noClasses().that().resideInAPackage("org.swarmtube.media..")
                .should().dependOnClassesThat().resideInAnyPackage("org.swarmtube.app..", "org.swarmtube.swarm..",
                        "org.libtorrent4j..")
                .check(classes);
    }

    @Test
    void onlySwarmTouchesLibtorrentAndOnlyMediaTouchesVlc() {
        noClasses().that().resideOutsideOfPackage("org.swarmtube.swarm..")
                .should().dependOnClassesThat().resideInAPackage("org.libtorrent4j..").check(classes);
        noClasses().that().resideOutsideOfPackage("org.swarmtube.media..")
                .should().dependOnClassesThat().resideInAPackage("uk.co.caprica..").check(classes);
    }

    @Test
    void noLibtorrentTypeInSwarmsPublicApi() {
        methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage("org.swarmtube.swarm..")
                .should(new ArchCondition<JavaMethod>("not mention libtorrent4j types in their signature") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        DescribedPredicate<JavaClass> libtorrent = DescribedPredicate.describe("libtorrent4j type",
                                c -> c.getPackageName().startsWith("org.libtorrent4j"));
                        boolean leaks = libtorrent.test(method.getRawReturnType())
                                || method.getRawParameterTypes().stream().anyMatch(libtorrent);
                        if (leaks) events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes libtorrent4j"));
                    }
                })
                .check(classes);
    }

    @Test
    void theDesktopUiNeverTalksSqlOrToTheEngineDirectly() {
        // the UI goes through the node: no JDBC, no database classes, no libtorrent, no catalog storage internals
        noClasses().that().resideInAPackage("org.swarmtube.app.desktop..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..",
                        "org.libtorrent4j..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrints() {
        noClasses().that().resideOutsideOfPackage("org.swarmtube.app..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(classes);
    }
}
