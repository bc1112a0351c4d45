package app.glide.suggestion;

import app.glide.suggestion.SuggestionRules.Action;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * One item's suggestion as the therapist sees it. {@code applicable}: accepting would change
 * the plan; when it would not, {@code notApplicableBecause} says why (HOLD is never
 * applicable and says nothing).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(UUID itemId, UUID exerciseId, String exerciseName, Action action, String rule,
                         String reason, List<String> evidence, List<UUID> evidenceSessionIds, boolean applicable,
                         String notApplicableBecause) {
}
