package app.glide.plan;

import app.glide.education.EducationCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** What in a served plan can carry media, for its manifest (media/MediaLinks). Plain Java. */
final class PlanMediaUses {

    private PlanMediaUses() {
    }

    /** Every exercise the items name (prescribed, today's, upcoming). */
    static Set<UUID> exerciseIds(PlanViews.PlanView plan) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (PlanViews.ItemView i : plan.items()) {
            ids.add(i.prescribed().exerciseId());
            ids.add(i.today().exerciseId());
            if (i.upcoming() != null) {
                i.upcoming().forEach(u -> ids.add(u.exerciseId()));
            }
        }
        return ids;
    }

    /** The cards the plan shows (its own, and the flare-up cards during a flare-up). */
    static List<UUID> educationCardIds(PlanViews.PlanView plan) {
        return plan.education().stream().map(EducationCatalog.CardView::id).toList();
    }

    /** The items' own media: media id → the items that use it. */
    static Map<UUID, List<UUID>> personalMedia(PlanViews.PlanView plan) {
        Map<UUID, List<UUID>> byMedia = new LinkedHashMap<>();
        for (PlanViews.ItemView i : plan.items()) {
            if (i.mediaId() != null) {
                byMedia.computeIfAbsent(i.mediaId(), k -> new ArrayList<>()).add(i.id());
            }
        }
        return byMedia;
    }
}
