package app.glide.plan;

import app.glide.plan.PlanViews.PlanView;

/** A plan as answered to the care team, with its ETag. */
public record ServedPlan(PlanView view, PlanEtag etag) {
}
