package app.glide.outcome;

import java.util.List;
import java.util.Map;

/**
 * The instruments Glide scores, by versioned id. A response naming an id that is not here (another
 * version, a typo) is refused with the ids that are. Plain Java.
 */
public final class Instruments {

    public static final List<InstrumentDefinition> ALL = List.of(Oswestry.DEFINITION, RolandMorris.DEFINITION,
            StartBack.DEFINITION, Psfs.DEFINITION, Nprs.DEFINITION);

    private Instruments() {
    }

    public static InstrumentDefinition definition(String instrumentId) {
        return ALL.stream().filter(d -> d.id().equals(instrumentId)).findFirst()
                .orElseThrow(() -> OutcomeRefusal.of(String.valueOf(instrumentId), "instrument", "instrument '"
                        + instrumentId + "' is not known; the known instruments are "
                        + String.join(", ", ALL.stream().map(InstrumentDefinition::id).toList())));
    }

    /**
     * Scores a response of an instrument answered item by item (item id to answer code): ODI,
     * RMDQ, STarT Back and NPRS. PSFS is scored from named activities with {@link Psfs#score}.
     */
    public static Score score(String instrumentId, Map<String, String> answers) {
        return switch (definition(instrumentId).id()) {
            case Oswestry.ID -> Oswestry.score(answers);
            case RolandMorris.ID -> RolandMorris.score(answers);
            case StartBack.ID -> StartBack.score(answers);
            case Nprs.ID -> Nprs.score(answers);
            default -> throw OutcomeRefusal.of(instrumentId, "answers", instrumentId
                    + " is scored from named activities, not item answers");
        };
    }
}
