package org.tcmeval.evaluation.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Measure;

/**
 * HAPI's FHIR validator against the R4 core profiles, terminology checked in memory
 * (DefaultProfileValidationSupport, InMemoryTerminologyServerValidationSupport,
 * CommonCodeSystemsTerminologyService in one ValidationSupportChain), with the export's own
 * Measures added to the chain so that the validator's Measure rules also check each MeasureReport
 * against its Measure (populations, scoring, score range and units).
 *
 * <p>Zero errors, but for one Measure rule the export breaks on purpose: it wants a score value on
 * every proportion, ratio and continuous-variable report, and a result without a value keeps its
 * measureScore with a data-absent-reason rather than an invented number. Those errors (not a
 * profile's: without the Measures in the chain they do not arise) are allowed only up to the
 * number of measureScores that carry a data-absent-reason. Built once: loading the core package
 * takes half a minute.
 */
@SuppressWarnings("unchecked")
public final class FhirValidation {

    /** The Measure rules that want a score value (see the class comment). */
    static final Set<String> SCORE_REQUIRED = Set.of("MEASURE_MR_SCORE_REQUIRED", "MEASURE_MR_SCORE_VALUE_REQUIRED");

    private static FhirValidator validator;
    private static ValidationSupportChain chain;
    private static KnownMeasures known;

    private FhirValidation() {
    }

    /** Validates {@code json} as served; prints the counts, fails listing the errors. */
    public static synchronized void assertValid(String what, String json) {
        validator();
        long start = System.nanoTime();
        List<SingleValidationMessage> aware = withOwnLoader(() -> validator.validateWithResult(json).getMessages());
        List<SingleValidationMessage> scoreRequired = aware.stream().filter(FhirValidation::isError)
                .filter(m -> SCORE_REQUIRED.contains(m.getMessageId())).toList();
        List<SingleValidationMessage> others = aware.stream().filter(m -> !scoreRequired.contains(m)).toList();
        print(what, others, scoreRequired.size(), (System.nanoTime() - start) / 1_000_000);
        assertThat(errors(others)).as("FHIR R4 validation errors of %s", what).isEmpty();
        assertThat((long) scoreRequired.size()).as("score-required errors of %s: only where a data-absent-reason"
                + " stands in for the score", what).isLessThanOrEqualTo(absentScores(json));
    }

    /** Makes Measures known to the validator, by canonical URL with and without |version. */
    public static synchronized void know(IBaseResource... resources) {
        validator();
        for (IBaseResource r : resources) {
            known.add((Measure) r);
        }
        chain.invalidateCaches();
    }

    static long absentScores(String json) {
        Matcher m = java.util.regex.Pattern.compile("\"measureScore\":\\{\"extension\":\\[\\{\"url\":\""
                + java.util.regex.Pattern.quote(Fhir.DATA_ABSENT_REASON)).matcher(json);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static boolean isError(SingleValidationMessage m) {
        return m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal();
    }

    private static List<String> errors(List<SingleValidationMessage> messages) {
        return messages.stream().filter(FhirValidation::isError)
                .map(m -> m.getLocationString() + ": " + m.getMessage() + " [" + m.getMessageId() + "]").toList();
    }

    private static void print(String what, List<SingleValidationMessage> messages, int scoreRequired, long ms) {
        long errors = messages.stream().filter(FhirValidation::isError).count();
        long warnings = messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING).count();
        long information = messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.INFORMATION).count();
        System.out.printf("FHIR validation of %s: %d errors, %d warnings, %d information (and %d score-required where a"
                + " data-absent-reason stands in; %d ms)%n", what, errors, warnings, information, scoreRequired, ms);
        messages.stream().filter(m -> m.getSeverity() != ResultSeverityEnum.INFORMATION).forEach(m ->
                System.out.printf("  %s %s: %s [%s]%n", m.getSeverity(), m.getLocationString(), m.getMessage(),
                        m.getMessageId()));
    }

    /**
     * Runs {@code work} with this class's loader as the context loader: HAPI finds its XML parser
     * through the context loader, and a plain test running after a Quarkus test in the same JVM would
     * otherwise be handed Quarkus's loader (and a second javax.xml.namespace.QName, from the
     * validator's xpp3).
     */
    private static <T> T withOwnLoader(java.util.function.Supplier<T> work) {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(FhirValidation.class.getClassLoader());
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(before);
        }
    }

    private static synchronized void validator() {
        if (validator == null) {
            withOwnLoader(FhirValidation::build);
        }
    }

    private static Void build() {
        FhirContext ctx = Fhir.context();
        known = new KnownMeasures(ctx);
        chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx), new CommonCodeSystemsTerminologyService(ctx),
                known);
        validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        long start = System.nanoTime();
        validator.validateWithResult(new org.hl7.fhir.r4.model.Basic().setCode(
                new org.hl7.fhir.r4.model.CodeableConcept().setText("warm-up")));
        System.out.printf("FHIR validator ready in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        return null;
    }

    /** Serves the Measures a test made known, by canonical URL with and without |version. */
    static final class KnownMeasures implements IValidationSupport {
        private final FhirContext ctx;
        private final Map<String, IBaseResource> byCanonical = new ConcurrentHashMap<>();

        KnownMeasures(FhirContext ctx) {
            this.ctx = ctx;
        }

        void add(Measure m) {
            byCanonical.put(m.getUrl() + (m.hasVersion() ? "|" + m.getVersion() : ""), m);
            byCanonical.putIfAbsent(m.getUrl(), m);
        }

        @Override
        public FhirContext getFhirContext() {
            return ctx;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> theClass, String theUri) {
            IBaseResource r = byCanonical.get(theUri);
            return r != null && (theClass == null || theClass.isInstance(r)) ? (T) r : null;
        }
    }
}
