package app.glide.visit;

import app.glide.web.ApiProblem;
import java.util.UUID;

/**
 * Strong ETag of a visit: {@code "<visitId>.v<version>"}. An amendment may send it as
 * {@code If-Match}: when another version was written since, 412. Plain Java.
 */
public final class VisitEtag {

    private VisitEtag() {
    }

    public static String header(UUID visitId, int version) {
        return "\"" + visitId + ".v" + version + "\"";
    }

    /** Nothing to check without If-Match (or with {@code *}); else one of the tags must name the current version. */
    public static void requireCurrent(String ifMatch, UUID visitId, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String mine = header(visitId, currentVersion);
        for (String candidate : ifMatch.split(",")) {
            if (candidate.strip().equals(mine)) {
                return;
            }
        }
        throw new ApiProblem(412, "visit-changed", "Visit has changed",
                "The visit is now at version " + currentVersion + "; reload it, check the changes and try again.");
    }
}
