package app.glide.education;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The education card cache in plain Java: bounded, and a card's owner travels with it. */
class EducationCatalogCacheTest {

    private final EducationCatalog catalog = new EducationCatalog();

    private static EducationCard card(UUID clinicId, int i) {
        EducationCard c = new EducationCard();
        c.id = UUID.randomUUID();
        c.clinicId = clinicId;
        c.slug = "card-" + i;
        c.title = "Card " + i;
        c.body = "b";
        c.tags = new String[] {"t"};
        return c;
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < EducationCatalog.MAX_ENTRIES + 500; i++) {
            catalog.remember(card(UUID.randomUUID(), i));
        }
        assertEquals(EducationCatalog.MAX_ENTRIES, catalog.cachedEntries());
    }

    @Test
    void aClinicsOwnCardIsVisibleToThatClinicOnly() {
        UUID clinic = UUID.randomUUID();
        EducationCard own = card(clinic, 1);
        EducationCard shipped = card(null, 2);
        catalog.remember(own);
        catalog.remember(shipped);
        // No database in this test: a miss would fail on the Panache static.
        assertTrue(catalog.visible(own.id, clinic));
        assertFalse(catalog.visible(own.id, UUID.randomUUID()));
        assertTrue(catalog.visible(shipped.id, UUID.randomUUID()));
        assertEquals(List.of(shipped.id, own.id),
                catalog.get(List.of(shipped.id, own.id), clinic).stream().map(EducationCatalog.CardView::id).toList());
    }
}
