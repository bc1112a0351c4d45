package app.glide.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.convertors.factory.VersionConvertorFactory_40_50;
import org.hl7.fhir.r4.formats.XmlParser;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import java.io.ByteArrayInputStream;

/**
 * The HL7 validator, offline, with the base R4 (4.0.1) definitions only: the StructureDefinitions,
 * ValueSets, CodeSystems and extension definitions HAPI ships in hapi-fhir-validation-resources-r4,
 * converted to the validator's R5 model. No terminology server and no package download: codes from
 * external systems (LOINC, SNOMED CT, UCUM beyond syntax) are not checked against their code
 * systems (see docs/fhir.md). Built once per test JVM (loading the definitions takes seconds).
 */
final class OfflineR4Validator {

    private static final String[] DEFINITIONS = {
        "org/hl7/fhir/r4/model/profile/profiles-types.xml",
        "org/hl7/fhir/r4/model/profile/profiles-resources.xml",
        "org/hl7/fhir/r4/model/profile/profiles-others.xml",
        "org/hl7/fhir/r4/model/extension/extension-definitions.xml",
        "org/hl7/fhir/r4/model/valueset/valuesets.xml",
        "org/hl7/fhir/r4/model/valueset/v3-codesystems.xml",
        "org/hl7/fhir/r4/model/valueset/v2-tables.xml",
    };

    private static final String SPDX = "http://hl7.org/fhir/spdx-license";

    private static SimpleWorkerContext context;

    private OfflineR4Validator() {
    }

    /** The R4 definitions, loaded once (the validator built on them is cheap; it is not thread-safe). */
    static synchronized SimpleWorkerContext context() {
        if (context == null) {
            try {
                SimpleWorkerContext c = new SimpleWorkerContext.SimpleWorkerContextBuilder()
                        .withAllowLoadingDuplicates(true).fromNothing();
                c.setNoTerminologyServer(true);
                setVersion(c, "4.0.1");
                c.setCanRunWithoutTerminology(true);
                c.setExpansionParameters(new org.hl7.fhir.r5.model.Parameters());
                XmlParser xml = new XmlParser();
                for (String path : DEFINITIONS) {
                    try (InputStream in = OfflineR4Validator.class.getClassLoader().getResourceAsStream(path)) {
                        Bundle bundle = (Bundle) xml.parse(in);
                        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                            if (entry.getResource() instanceof org.hl7.fhir.r4.model.CodeSystem cs
                                    && SPDX.equals(cs.getUrl())) {
                                continue; // the validator brings its own, newer copy
                            }
                            c.cacheResource(VersionConvertorFactory_40_50.convertResource(entry.getResource()));
                        }
                    }
                }
                context = c;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return context;
    }

    /** The context's FHIR version is set by package loading only, which would go online. */
    private static void setVersion(SimpleWorkerContext c, String version) {
        try {
            java.lang.reflect.Field f = org.hl7.fhir.r5.context.BaseWorkerContext.class.getDeclaredField("version");
            f.setAccessible(true);
            f.set(c, version);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All messages for a JSON resource. */
    static synchronized List<ValidationMessage> validate(String json) {
        try {
            List<ValidationMessage> messages = new ArrayList<>();
            SimpleWorkerContext c = context();
            InstanceValidator validator = new InstanceValidator(c, null, null,
                    new ValidatorSession(), new ValidatorSettings());
            validator.validate(null, messages, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    FhirFormat.JSON);
            return messages;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ValidationMessage> errors(List<ValidationMessage> messages) {
        return messages.stream().filter(m -> m.getLevel() == IssueSeverity.ERROR || m.getLevel() == IssueSeverity.FATAL)
                .toList();
    }

    static String describe(List<ValidationMessage> messages) {
        return messages.stream().map(m -> m.getLevel() + " " + m.getLocation() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"));
    }
}
