package app.glide.clientcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.glide.client.ApiClient;
import app.glide.client.model.Alert;
import app.glide.client.model.AlertKind;
import app.glide.client.model.AlertPage;
import app.glide.client.model.CaseloadPage;
import app.glide.client.model.FlareUpAlert;
import app.glide.client.model.LowAdherenceAlert;
import app.glide.client.model.NoActivityAlert;
import app.glide.client.model.PainRisingAlert;
import app.glide.client.model.PeripheralisationAlert;
import app.glide.client.model.PlanAutoAdjustedAlert;
import app.glide.client.model.RedFlagAlert;
import app.glide.client.model.SymptomExtent;
import app.glide.client.model.WorseNextMorningAlert;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated client reads alert bodies as the server writes them (details as the
 * alert code puts them, per kind): `Alert` is a oneOf with a discriminator on `kind`, so
 * each body must become exactly one per-kind type with typed details. A contract shape
 * that makes two kinds match, or none, fails here.
 */
class GeneratedClientReadsAlertsTest {

    private static final ObjectMapper MAPPER = ApiClient.createDefaultObjectMapper();

    private static String alert(String kind, String severity, String details) {
        return """
                {"id":"6f1c1d2e-8a9b-4c3d-9e8f-0a1b2c3d4e5f","patientId":"0b6f3c2a-1d4e-4f5a-8b9c-7d6e5f4a3b2c",
                 "patientName":"Ada","kind":"%s","severity":"%s","status":"OPEN","message":"m","details":%s,
                 "createdAt":"2026-03-02T08:15:00Z","escalations":0}""".formatted(kind, severity, details);
    }

    @Test
    void everyAlertKindBecomesItsOwnTypeWithTypedDetails() throws Exception {
        String page = "{\"items\":[" + String.join(",",
                alert("RED_FLAG", "URGENT", "{\"checkId\":\"9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a\","
                        + "\"positive\":[\"footDrop\",\"saddleNumbness\"],\"newlyPositive\":[\"saddleNumbness\"]}"),
                alert("PAIN_RISING", "HIGH", "{\"painAvg7d\":6.4,\"painBaseline\":4.0}"),
                alert("WORSE_NEXT_MORNING", "HIGH", "{\"sessionId\":\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\",\"pain\":7}"),
                alert("PERIPHERALISATION", "HIGH", "{\"sessionId\":\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\","
                        + "\"symptomExtent\":\"FOOT\",\"previousSymptomExtent\":\"BELOW_KNEE\"}"),
                alert("LOW_ADHERENCE", "NORMAL", "{\"adherence7d\":0.25}"),
                alert("NO_ACTIVITY", "NORMAL", "{\"lastActive\":\"2026-02-20\"}"),
                alert("FLARE_UP", "HIGH", "{\"pain\":8,\"symptomExtent\":\"THIGH\",\"revision\":4}"),
                alert("PLAN_AUTO_ADJUSTED", "NORMAL",
                        "{\"revision\":5,\"rule\":\"pain-above-limit\",\"action\":\"REGRESS\",\"restore\":4}"))
                + "]}";

        List<Alert> items = MAPPER.readValue(page, AlertPage.class).getItems();

        RedFlagAlert redFlag = assertInstanceOf(RedFlagAlert.class, items.get(0).getActualInstance());
        assertEquals(List.of("footDrop", "saddleNumbness"), redFlag.getDetails().getPositive());
        assertEquals(List.of("saddleNumbness"), redFlag.getDetails().getNewlyPositive());
        PainRisingAlert painRising = assertInstanceOf(PainRisingAlert.class, items.get(1).getActualInstance());
        assertEquals(new BigDecimal("6.4"), painRising.getDetails().getPainAvg7d());
        WorseNextMorningAlert worse = assertInstanceOf(WorseNextMorningAlert.class, items.get(2).getActualInstance());
        assertEquals(7, worse.getDetails().getPain());
        PeripheralisationAlert spread = assertInstanceOf(PeripheralisationAlert.class, items.get(3).getActualInstance());
        assertEquals(SymptomExtent.BELOW_KNEE, spread.getDetails().getPreviousSymptomExtent());
        LowAdherenceAlert low = assertInstanceOf(LowAdherenceAlert.class, items.get(4).getActualInstance());
        assertEquals(new BigDecimal("0.25"), low.getDetails().getAdherence7d());
        NoActivityAlert none = assertInstanceOf(NoActivityAlert.class, items.get(5).getActualInstance());
        assertEquals(LocalDate.of(2026, 2, 20), none.getDetails().getLastActive());
        FlareUpAlert flare = assertInstanceOf(FlareUpAlert.class, items.get(6).getActualInstance());
        assertEquals(4, flare.getDetails().getRevision());
        PlanAutoAdjustedAlert auto = assertInstanceOf(PlanAutoAdjustedAlert.class, items.get(7).getActualInstance());
        assertEquals(4, auto.getDetails().getRestore());
    }

    @Test
    void aCaseloadRowNamesItsAlertKindsWithTheSharedEnum() throws Exception {
        String page = """
                {"items":[{"patientId":"0b6f3c2a-1d4e-4f5a-8b9c-7d6e5f4a3b2c","displayName":"Ada","openAlerts":2,
                 "urgentAlerts":1,"attention":{"alertKinds":["RED_FLAG","PAIN_RISING"],"flareUp":false,
                 "pendingSuggestions":["REGRESS"]}}]}""";

        CaseloadPage caseload = MAPPER.readValue(page, CaseloadPage.class);

        assertEquals(List.of(AlertKind.RED_FLAG, AlertKind.PAIN_RISING),
                caseload.getItems().get(0).getAttention().getAlertKinds());
    }
}
