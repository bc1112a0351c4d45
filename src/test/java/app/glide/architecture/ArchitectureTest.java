package app.glide.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules the README states, checked on the compiled main classes (tests excluded).
 * Plain JUnit Jupiter tests calling {@code rule.check(...)}: each fails with ArchUnit's list of
 * violations (for cycles: every cycle with the dependencies that form it).
 */
class ArchitectureTest {

  /** Shared infrastructure: may be used by every feature, depends on none. */
  static final String[] INFRASTRUCTURE = {"app.glide.web..", "app.glide.config..", "app.glide.db.."};

  /** The one native SQL path: {@code db/Sql} (and the readiness probe's own connection, {@code db/DirectConnection}). */
  static final String SQL_PATH = "app.glide.db..";

  /**
   * Plain-Java domain classes besides every {@code *Math} and {@code *Rules}: the progression,
   * adherence, alert, suggestion, flare-up, code-format, password and cursor rules, and the
   * outcome-measure scorers. They must stay unit-testable without a container.
   */
  static final Set<String> PURE_DOMAIN = Set.of(
      "app.glide.adherence.CaseloadKey",
      "app.glide.alert.AlertEscalation",
      "app.glide.auth.CodeFormat",
      "app.glide.auth.PasswordPolicy",
      "app.glide.flare.FlareEnd",
      "app.glide.language.CardText",
      "app.glide.language.ContentLanguage",
      "app.glide.language.ExerciseText",
      "app.glide.language.LanguageChoice",
      "app.glide.language.LanguageContext",
      "app.glide.language.LanguageTag",
      "app.glide.language.RuleTexts",
      "app.glide.message.MessageText",
      "app.glide.message.RedFlagPhrases",
      "app.glide.outcome.AnswerError",
      "app.glide.outcome.AnswerOption",
      "app.glide.outcome.AnswerSheet",
      "app.glide.outcome.Change",
      "app.glide.outcome.DueQuestionnaires",
      "app.glide.outcome.InstrumentDefinition",
      "app.glide.outcome.Instruments",
      "app.glide.outcome.Item",
      "app.glide.outcome.Nprs",
      "app.glide.outcome.Oswestry",
      "app.glide.outcome.OutcomeRefusal",
      "app.glide.outcome.Psfs",
      "app.glide.outcome.QuestionnaireScoring",
      "app.glide.outcome.RolandMorris",
      "app.glide.outcome.Score",
      "app.glide.outcome.StartBack",
      "app.glide.outcome.Wording",
      "app.glide.plan.Progression",
      "app.glide.plan.Schedule",
      "app.glide.plan.TodayProgress",
      "app.glide.plan.PatientCalendar",
      "app.glide.plan.MorningCheckWindow",
      "app.glide.plan.PlanHead",
      "app.glide.plan.PlanMediaUses",
      "app.glide.media.MediaProbe",
      "app.glide.media.AcceptedType",
      "app.glide.progress.ProgressMarkers",
      "app.glide.reminder.PushTokens",
      "app.glide.reminder.ReminderPreferences",
      "app.glide.reminder.ReminderSchedule",
      "app.glide.session.SessionHash",
      "app.glide.suggestion.ItemSuggestion",
      "app.glide.suggestion.SignalHolds",
      "app.glide.suggestion.SorenessNotes",
      "app.glide.suggestion.SuggestionEvidence",
      "app.glide.web.PageCursor",
      "app.glide.web.VisibleTexts");

  static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("app.glide");
  }

  @Test
  void featurePackagesAreFreeOfCycles() {
    ArchRule rule = slices().matching("app.glide.(*)..")
        .should().beFreeOfCycles()
        .because("a feature that must react to another's change observes a domain event"
            + " instead of importing it (issue 13)");
    rule.check(main);
  }

  @Test
  void infrastructureDependsOnNoFeature() {
    ArchRule rule = classes().that().resideInAnyPackage(INFRASTRUCTURE)
        .should().onlyDependOnClassesThat(
            DescribedPredicate.not(DescribedPredicate.<JavaClass>describe(
                "a feature class (app.glide.* outside web/, config/ and db/)",
                c -> c.getPackageName().startsWith("app.glide.")
                    && !c.getPackageName().startsWith("app.glide.web")
                    && !c.getPackageName().startsWith("app.glide.config")
                    && !c.getPackageName().startsWith("app.glide.db"))))
        .because("web/, config/ and db/ are shared infrastructure, not features");
    rule.check(main);
  }

  @Test
  void resourcesUseNoPersistenceOrSql() {
    ArchRule rule = noClasses().that().areAnnotatedWith(Path.class)
        .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
        .orShould().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.hibernate..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("app.glide.db.Sql")
        .orShould().callMethodWhere(panacheStatic())
        .orShould().beAnnotatedWith("jakarta.transaction.Transactional")
        .because("resources are thin: services run queries and own transactions");
    rule.check(main);
  }

  @Test
  void resourceMethodsOwnNoTransactions() {
    ArchRule rule = ArchRuleDefinition.noMethods()
        .that().areDeclaredInClassesThat().areAnnotatedWith(Path.class)
        .should().beAnnotatedWith("jakarta.transaction.Transactional")
        .because("services own transactions");
    rule.check(main);
  }

  @Test
  void domainRulesArePlainJava() {
    ArchRule rule = noClasses().that().haveSimpleNameEndingWith("Math")
        .or().haveSimpleNameEndingWith("Rules")
        .or().haveNameMatching(String.join("|",
            PURE_DOMAIN.stream().map(n -> n.replace(".", "\\.") + "(\\$.*)?").toList()))
        .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "io.vertx..")
        .because("domain rules are plain Java with plain unit tests");
    rule.check(main);
  }

  @Test
  void nativeSqlOnlyThroughTheDbPackage() {
    ArchRule rule = noClasses().that().resideOutsideOfPackages(SQL_PATH)
        .should().callMethodWhere(nativeQuery())
        .orShould().callMethodWhere(plainJdbc())
        .orShould().dependOnClassesThat().belongToAnyOf(Connection.class, Statement.class, Driver.class)
        .because("native SQL has one path, db/Sql: its statements are counted, bound by type and run on"
            + " the transaction's connection; HQL and Panache for the rest (issue 13)");
    rule.check(main);
  }

  @Test
  void nowComesFromTheInjectedClocks() {
    ArchRule rule = noClasses().that().resideOutsideOfPackage("app.glide.time..")
        .should().callMethodWhere(readsTheSystemClock())
        .because("\"now\" is the injected clinical Clock, or the @WallClock for security lifetimes"
            + " (time/Clocks): tests move the clinical clock instead of rewriting rows (issue 13)");
    rule.check(main);
  }

  /**
   * A read of the system clock: {@code now()} (and {@code now(ZoneId)}) of the java.time types,
   * {@code System.currentTimeMillis()}, {@code Clock.systemUTC()}, {@code Clock.systemDefaultZone()}.
   * {@code now(Clock)} reads the clock it is given and is allowed.
   */
  static DescribedPredicate<JavaCall<?>> readsTheSystemClock() {
    Set<Class<?>> withNow = Set.of(Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class,
        OffsetDateTime.class, ZonedDateTime.class);
    return DescribedPredicate.describe("a read of the system clock (Instant.now(), LocalDate.now(),"
        + " System.currentTimeMillis(), Clock.systemUTC(), ...)", call -> {
          String owner = call.getTargetOwner().getName();
          String name = call.getName();
          boolean withClock = call.getTarget().getRawParameterTypes().stream()
              .anyMatch(t -> t.isEquivalentTo(Clock.class));
          return (withNow.stream().anyMatch(c -> c.getName().equals(owner)) && name.equals("now") && !withClock)
              || (owner.equals(System.class.getName()) && name.equals("currentTimeMillis"))
              || (owner.equals(Clock.class.getName()) && (name.equals("systemUTC") || name.equals("systemDefaultZone")));
        });
  }

  /** {@code createNativeQuery} (and the other native-query factories) of JPA or Hibernate. */
  static DescribedPredicate<JavaCall<?>> nativeQuery() {
    return DescribedPredicate.describe("a native query of the entity manager", call ->
        (call.getTargetOwner().isAssignableTo(EntityManager.class)
            || call.getTargetOwner().isAssignableTo("org.hibernate.SharedSessionContract"))
            && call.getName().startsWith("createNative"));
  }

  /** A statement, connection or driver of JDBC used directly, or a connection taken from a data source. */
  static DescribedPredicate<JavaCall<?>> plainJdbc() {
    return DescribedPredicate.describe("plain JDBC (Connection, Statement, Driver, DataSource.getConnection)", call ->
        call.getTargetOwner().isAssignableTo(Connection.class)
            || call.getTargetOwner().isAssignableTo(Statement.class)
            || call.getTargetOwner().isAssignableTo(Driver.class)
            || (call.getTargetOwner().isAssignableTo(DataSource.class) && call.getName().equals("getConnection")));
  }

  /** A call of one of Panache's static finders/updaters on an entity class. */
  static DescribedPredicate<JavaCall<?>> panacheStatic() {
    Set<String> names = Set.of("findById", "findByIdOptional", "find", "findAll", "list", "listAll",
        "stream", "streamAll", "count", "delete", "deleteAll", "deleteById", "update", "persist",
        "getEntityManager", "getSession", "flush");
    return DescribedPredicate.describe("a Panache static on an entity", call ->
        call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)
            && names.contains(call.getName())
            && call.getTarget().resolveMember()
                .map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(true));
  }
}
