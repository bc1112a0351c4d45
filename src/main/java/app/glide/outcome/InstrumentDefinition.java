package app.glide.outcome;

import java.util.List;
import java.util.Optional;

/**
 * The structure of an outcome-measure instrument (no licensed wording): its versioned id, its
 * items with their answer options and scores, how many items must be answered for a score, and
 * which way is better. Plain Java.
 *
 * @param minAnswered   the fewest answered items that still give a score (ODI: 8 of 10; PSFS: 3)
 * @param lowerIsBetter true for disability and pain scores (ODI, RMDQ, STarT Back, NPRS), false for PSFS
 */
public record InstrumentDefinition(String id, String name, List<Item> items, int minAnswered, boolean lowerIsBetter) {

    public InstrumentDefinition {
        items = List.copyOf(items);
    }

    public Optional<Item> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }
}
