package app.glide.visit;

import app.glide.web.ApiProblem;
import java.util.UUID;

/**
 * Strong ETag of a visit: {@code "<visitId>.v<version>"}. An amendment must send it as
 * {@code If-Match}, as a plan change must send the plan's: without it (or with {@code *}) 428
 * {@code precondition-required}; when another version was written since, 412. Plain Java.
 */
public final class VisitEtag {

    private VisitEtag() {
    }

    public static String header(UUID visitId, int version) {
        return "\"" + visitId + ".v" + version + "\"";
    }

    /** 428 without If-Match or with {@code *}; else one of the tags must name the current version (412). */
    public static void requireCurrent(String ifMatch, UUID visitId, int currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(428, "precondition-required", "If-Match required",
                    "Amending a visit needs If-Match with the visit's ETag (from GET), so that two therapists"
                            + " cannot overwrite each other's amendments.");
        }
        if (ifMatch.strip().equals("*")) {
            // "Any version" defeats the point: the writer must name the version it has seen.
            throw new ApiProblem(428, "precondition-required", "If-Match required",
                    "If-Match: * is not enough to amend a visit: send the visit's ETag (from GET), so that two"
                            + " therapists cannot overwrite each other's amendments.");
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
