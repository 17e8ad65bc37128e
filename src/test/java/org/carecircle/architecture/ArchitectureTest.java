package org.carecircle.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of docs/architecture.md, kept: the engine is plain Java (GraphHopper, JTS, HPPC and the
 * JDK only), features depend on each other one way as the table below says, GraphQL stays in each
 * feature's API layer, and no package takes part in a cycle. A violation turns the build red.
 */
class ArchitectureTest {
    private static final String ROOT = "org.carecircle";

    /** What each package may use of CareCircle besides itself: the table in docs/architecture.md. */
    private static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("engine.geometry", List.of());
        MAY_USE.put("engine.osm", List.of());
        MAY_USE.put("engine.network", List.of("engine.geometry", "engine.osm"));
        MAY_USE.put("engine.coverage", List.of("engine.geometry", "engine.network"));
        MAY_USE.put("engine.planning", List.of("engine.geometry", "engine.coverage"));
        MAY_USE.put("engine.indicator", List.of());
        MAY_USE.put("api", List.of());
        MAY_USE.put("area", List.of("api", "engine.."));
        MAY_USE.put("institution", List.of("api", "engine..", "area"));
        MAY_USE.put("population", List.of("api", "engine.."));
        MAY_USE.put("network", List.of("api", "engine..", "institution", "population"));
        MAY_USE.put("coverage", List.of("api", "engine..", "area", "institution", "network"));
        MAY_USE.put("indicator", List.of("api", "engine..", "area", "institution", "coverage"));
        MAY_USE.put("planning", List.of("api", "engine..", "institution", "network", "coverage", "indicator"));
        MAY_USE.put("estimate", List.of("api", "engine..", "area", "institution", "population", "network"));
        MAY_USE.put("tiles", List.of("api", "engine..", "area", "institution", "network", "coverage"));
        MAY_USE.put("schema", List.of("api", "engine..", "area", "institution", "population", "network", "coverage",
                "indicator", "planning", "estimate", "tiles"));
    }

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void noPackageTakesPartInACycle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void everyPackageUsesOnlyWhatTheTableAllows() {
        List<String> unlisted = new ArrayList<>();
        for (JavaClass type : main) {
            String pkg = type.getPackageName().substring(ROOT.length() + 1);
            if (!MAY_USE.containsKey(pkg)) {
                unlisted.add(type.getPackageName());
            }
        }
        if (!unlisted.isEmpty()) {
            throw new AssertionError("packages missing from the table of allowed dependencies: "
                    + unlisted.stream().distinct().sorted().toList());
        }
        MAY_USE.forEach((pkg, allowed) -> {
            List<String> packages = new ArrayList<>(List.of(ROOT + "." + pkg));
            allowed.forEach(other -> packages.add(ROOT + "." + other));
            classes().that().resideInAPackage(ROOT + "." + pkg)
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                            .or(resideInAnyPackage(packages.toArray(new String[0]))))
                    .allowEmptyShould(true)
                    .check(main);
        });
    }

    /** The engine is plain Java: GraphHopper, JTS, HPPC and the JDK (no JDBC) and nothing else. */
    @Test
    void theEngineUsesNoFramework() {
        classes().that().resideInAPackage(ROOT + ".engine..")
                .should().onlyDependOnClassesThat(resideInAnyPackage(ROOT + ".engine..", "java..", "javax.xml.stream..",
                        "com.graphhopper..", "org.locationtech.jts..", "com.carrotsearch.hppc..")
                        .and(DescribedPredicate.not(resideInAnyPackage("java.sql..", "javax.sql.."))))
                .check(main);
    }

    @Test
    void theEngineUsesNoEntity() {
        noClasses().that().resideInAPackage(ROOT + ".engine..")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .check(main);
    }

    /**
     * A feature's API layer is its resolver (a class named …Api, annotated @GraphQLApi) and the
     * records and enums it takes and gives. Services, entities, exports and the engine carry no
     * GraphQL schema annotation.
     */
    @Test
    void graphQlStaysInTheApiLayer() {
        noClasses().that().areNotAnnotatedWith(GraphQLApi.class).and().areNotAnnotatedWith(Interface.class)
                .and().areNotEnums().and(DescribedPredicate.not(assignableTo(Record.class)))
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.microprofile.graphql..")
                .because("the GraphQL schema is declared by resolvers and the records, enums and interfaces they take and give, "
                        + "never by services, entities, exports or the engine")
                .check(main);
        noClasses().that().resideInAPackage(ROOT + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.microprofile.graphql..", "io.smallrye.graphql..")
                .check(main);
        classes().that().areAnnotatedWith(GraphQLApi.class)
                .should().haveSimpleNameEndingWith("Api")
                .andShould().resideOutsideOfPackages(ROOT + ".api", ROOT + ".engine..")
                .check(main);
        methods().that().areAnnotatedWith(Query.class).or().areAnnotatedWith(Mutation.class)
                .should().beDeclaredInClassesThat().areAnnotatedWith(GraphQLApi.class)
                .check(main);
    }
}
