package app.glide.plan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * When an item is done: on fixed days of the week, or a number of sessions per week on
 * days the patient chooses ("flexible"). Exactly one of the two.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schedule(Set<DayOfWeek> daysOfWeek, Integer sessionsPerWeek) {

    public Schedule {
        daysOfWeek = daysOfWeek == null ? null : Collections.unmodifiableSet(daysOfWeek.isEmpty()
                ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(daysOfWeek));
    }

    @JsonIgnore
    public boolean isFlexible() {
        return sessionsPerWeek != null;
    }

    /** Due on this (patient-local) date: a fixed day that matches, or any day when flexible. */
    public boolean isDueOn(LocalDate date) {
        return isFlexible() || (daysOfWeek != null && daysOfWeek.contains(date.getDayOfWeek()));
    }

    /** Prescribed sessions in a Monday-to-Sunday week. */
    public int sessionsPerWeekPrescribed() {
        return isFlexible() ? sessionsPerWeek : daysOfWeek.size();
    }
}
