package app.glide.plan;

import app.glide.web.ApiProblem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strong ETag of a plan as served: {@code "<planId>.<revision>.<yyyyMMdd>"}, plus
 * {@code ".<variant>"} when the body shows a state outside the revision (the patient's stop
 * state: {@code stop-<fingerprint>}), so a phone holding the ETag of the plan before it
 * never gets a 304 for it. The date is the patient's local date, because today's resolved
 * dosage is part of the body. For writes ({@code If-Match}) only plan and revision are
 * compared: a therapist who loaded the plan yesterday may still change it if nobody else
 * did. Plain Java.
 */
public record PlanEtag(UUID planId, int revision, LocalDate date, String variant) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** A strong tag only: If-Match uses the strong comparison (RFC 9110 section 13.1.1), so W/"..." never matches. */
    private static final Pattern FORMAT = Pattern.compile(
            "\"([0-9a-f-]{36})\\.(\\d{1,9})\\.(\\d{8})(?:\\.[a-z0-9-]{1,120})?\"");

    public PlanEtag(UUID planId, int revision, LocalDate date) {
        this(planId, revision, date, null);
    }

    public String header() {
        return "\"" + planId + "." + revision + "." + DAY.format(date) + (variant == null ? "" : "." + variant) + "\"";
    }

    /**
     * Whether an If-None-Match value (a list of entity tags, or {@code *}) matches this ETag.
     * RFC 9110 section 13.1.2 uses the weak comparison here: {@code W/"x"} matches {@code "x"}.
     */
    public boolean matchesAny(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String mine = header();
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(mine)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks an If-Match header against the plan's current revision: 428 when missing, 412
     * when it names another plan or revision.
     */
    public static void requireCurrent(String ifMatch, UUID planId, int currentRevision) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(428, "precondition-required", "If-Match required",
                    "Changing a plan needs If-Match with the plan's ETag (from GET), so that two therapists"
                            + " cannot overwrite each other's changes.");
        }
        if (ifMatch.strip().equals("*")) {
            // "Any version" defeats the point: the writer must name the revision it has seen.
            throw new ApiProblem(428, "precondition-required", "If-Match required",
                    "If-Match: * is not enough to change a plan: send the plan's ETag (from GET), so that two"
                            + " therapists cannot overwrite each other's changes.");
        }
        for (String candidate : ifMatch.split(",")) {
            Matcher m = FORMAT.matcher(candidate.strip());
            if (m.matches() && m.group(1).equals(planId.toString())
                    && Integer.parseInt(m.group(2)) == currentRevision) {
                return;
            }
        }
        throw new ApiProblem(412, "plan-changed", "Plan has changed",
                "The plan is now at revision " + currentRevision + "; reload it, check the changes and try again.");
    }
}
