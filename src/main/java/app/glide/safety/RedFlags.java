package app.glide.safety;

import app.glide.safety.RedFlagDtos.RedFlagRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which answers of a red-flag check-in are positive. Plain Java. */
public final class RedFlags {

    private RedFlags() {
    }

    public static Map<String, Boolean> answers(RedFlagRequest r) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        m.put("saddleNumbness", r.saddleNumbness());
        m.put("bladderOrBowelChange", r.bladderOrBowelChange());
        m.put("symptomsInBothLegs", r.symptomsInBothLegs());
        m.put("worseningLegWeakness", r.worseningLegWeakness());
        m.put("footDrop", r.footDrop());
        m.put("feverOrUnwell", Boolean.TRUE.equals(r.feverOrUnwell()));
        m.put("unexplainedWeightLoss", Boolean.TRUE.equals(r.unexplainedWeightLoss()));
        m.put("nightPainUnrelatedToMovement", Boolean.TRUE.equals(r.nightPainUnrelatedToMovement()));
        m.put("recentTrauma", Boolean.TRUE.equals(r.recentTrauma()));
        return m;
    }

    public static List<String> positive(Map<String, Boolean> answers) {
        return answers.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }
}
