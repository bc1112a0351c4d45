package app.glide.patient;

import app.glide.web.PatientLocks;
import app.glide.language.LanguageTag;
import app.glide.access.Caller;
import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.audit.AuditLog;
import app.glide.patient.PatientDtos.CareTeamMemberView;
import app.glide.patient.PatientDtos.CareTeamView;
import app.glide.patient.PatientDtos.PatientView;
import app.glide.web.ApiProblem;
import app.glide.web.Page;
import app.glide.web.PageCursor;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Patients, their enrolment codes and care teams. Authorisation goes through {@link PatientAccess}. */
@ApplicationScoped
@Transactional
public class PatientService {

    @Inject
    PatientLocks locks;

    @Inject
    Caller caller;

    @Inject
    PatientAccess access;

    @Inject
    PatientCredentials credentials;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Event<PatientDischarged> discharged;

    public record Created(Patient patient, PatientCredentials.Issued code) {
    }

    public Created create(PatientDtos.CreatePatientRequest request) {
        String locale = request.locale() == null ? null : LanguageTag.require(request.locale());
        Instant now = clock.instant();
        UserAccount account = UserAccount.newUser(caller.clinicId(), Role.PATIENT, request.displayName().strip(), now);
        account.locale = locale;
        account.persist();
        Patient p = new Patient();
        p.account = account;
        p.clinicId = caller.clinicId();
        p.primaryTherapistId = caller.userId();
        p.timeZone = request.timeZone();
        p.status = PatientStatus.ACTIVE;
        p.persist();
        CareTeamMember.of(p.id, caller.userId(), caller.userId(), now).persist();
        PatientCredentials.Issued code = credentials.issueEnrolmentCode(p.id, caller.userId());
        audit.record("patient", p.id, "created", Map.of("timeZone", p.timeZone));
        audit.record("enrolment_code", p.id, "issued", Map.of("expiresAt", code.expiresAt().toString()));
        return new Created(p, code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PatientView> list(String cursor, int limit, PatientStatus status) {
        Optional<PageCursor> after = PageCursor.decodeUuid(cursor);
        StringBuilder q = new StringBuilder("select p from Patient p join fetch p.account a where p.clinicId = :clinic");
        Parameters params = Parameters.with("clinic", caller.clinicId());
        if (caller.is(Role.THERAPIST)) {
            q.append(" and exists (select 1 from CareTeamMember m where m.id.patientId = p.id and m.id.therapistId = :me)");
            params.and("me", caller.userId());
        }
        if (status != null) {
            q.append(" and p.status = :status");
            params.and("status", status);
        }
        if (after.isPresent()) {
            q.append(" and (lower(a.displayName) > :k or (lower(a.displayName) = :k and p.id > :id))");
            params.and("k", after.get().key()).and("id", after.get().uuid());
        }
        q.append(" order by lower(a.displayName), p.id");
        List<Patient> rows = Patient.<Patient>find(q.toString(), params).page(0, limit + 1).list();
        return Page.of(rows, limit, PatientView::of,
                p -> new PageCursor(p.account.displayName.toLowerCase(Locale.ROOT), p.id.toString()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Patient get(UUID id) {
        return access.require(id);
    }

    /**
     * The view is built inside the transaction: the account (name, timestamps) is loaded
     * lazily, and a PATCH that changes nothing (a client's retry) never touched it before.
     */
    public PatientView update(UUID id, PatientDtos.UpdatePatientRequest request) {
        if (request.isEmpty()) {
            throw ApiProblem.badRequest("empty-update", "Nothing to change",
                    "Send at least one of displayName, timeZone, primaryTherapistId, status, locale.");
        }
        Patient p = access.require(id);
        // Erasure takes the same lock: a PATCH either commits before it or sees it (409 patient-erased).
        locks.lockWritable(p.id);
        Map<String, Object> changes = new LinkedHashMap<>();
        if (request.displayName() != null && !request.displayName().strip().equals(p.account.displayName)) {
            changes.put("displayName", "changed"); // not the name: audit rows outlive an erasure (docs/security.md)
            p.account.displayName = request.displayName().strip();
        }
        if (request.locale() != null) {
            String locale = LanguageTag.require(request.locale());
            if (!locale.equals(p.account.locale)) {
                changes.put("locale", locale);
                p.account.locale = locale;
            }
        }
        if (request.timeZone() != null && !request.timeZone().equals(p.timeZone)) {
            changes.put("timeZone", Map.of("from", p.timeZone, "to", request.timeZone()));
            p.timeZone = request.timeZone();
        }
        if (request.primaryTherapistId() != null && !request.primaryTherapistId().equals(p.primaryTherapistId)) {
            UserAccount t = usableTherapist(request.primaryTherapistId());
            changes.put("primaryTherapistId", Map.of("from", p.primaryTherapistId.toString(), "to", t.id.toString()));
            p.primaryTherapistId = t.id;
            joinCareTeam(p.id, t.id);
        }
        if (request.status() != null && request.status() != p.status) {
            changes.put("status", Map.of("from", p.status.name(), "to", request.status().name()));
            p.status = request.status();
            if (p.status == PatientStatus.DISCHARGED) {
                long revoked = credentials.revokeAll(p.id, "discharged"); // access tokens too, on every replica
                changes.put("refreshTokensRevoked", revoked);
                discharged.fire(new PatientDischarged(p.id, LocalDate.ofInstant(clock.instant(), ZoneId.of(p.timeZone))));
            }
        }
        if (!changes.isEmpty()) {
            p.account.updatedAt = clock.instant();
            audit.record("patient", p.id, "updated", changes);
        }
        return PatientView.of(p);
    }

    public PatientCredentials.Issued issueCode(UUID id) {
        Patient p = access.require(id);
        locks.lockWritable(p.id);
        if (p.status != PatientStatus.ACTIVE) {
            throw ApiProblem.conflict("patient-discharged", "Patient is discharged",
                    "Re-admit the patient (status ACTIVE) before issuing an enrolment code.");
        }
        PatientCredentials.Issued issued = credentials.issueEnrolmentCode(p.id, caller.userId());
        audit.record("enrolment_code", p.id, "issued", Map.of("expiresAt", issued.expiresAt().toString()));
        return issued;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CareTeamView careTeam(UUID id) {
        return careTeamOf(access.require(id));
    }

    public CareTeamView addToCareTeam(UUID patientId, UUID therapistId) {
        Patient p = access.require(patientId);
        locks.lockWritable(p.id);
        UserAccount t = access.requireTherapist(therapistId);
        if (!t.active) {
            throw ApiProblem.unprocessable("therapist-deactivated", "Therapist cannot be assigned",
                    t.displayName + " is deactivated.");
        }
        if (joinCareTeam(p.id, t.id)) {
            audit.record("care_team", p.id, "member_added", Map.of("therapistId", t.id.toString()));
        }
        return careTeamOf(p);
    }

    public void removeFromCareTeam(UUID patientId, UUID therapistId) {
        Patient p = access.require(patientId);
        locks.lockWritable(p.id);
        access.requireTherapist(therapistId);
        if (p.primaryTherapistId.equals(therapistId)) {
            throw ApiProblem.conflict("primary-therapist", "Cannot remove the primary therapist",
                    "Make another therapist primary (PATCH the patient) before removing this one.");
        }
        long removed = CareTeamMember.delete("id.patientId = ?1 and id.therapistId = ?2", p.id, therapistId);
        if (removed > 0) {
            audit.record("care_team", p.id, "member_removed", Map.of("therapistId", therapistId.toString()));
        }
    }

    private UserAccount usableTherapist(UUID therapistId) {
        UserAccount t = UserAccount.findTherapist(caller.clinicId(), therapistId)
                .orElseThrow(() -> ApiProblem.unprocessable("therapist-not-found", "Therapist cannot be assigned",
                        "There is no therapist " + therapistId + " in your clinic."));
        if (!t.active) {
            throw ApiProblem.unprocessable("therapist-deactivated", "Therapist cannot be assigned",
                    t.displayName + " is deactivated.");
        }
        return t;
    }

    /** Adds the member unless present; true when added. */
    private boolean joinCareTeam(UUID patientId, UUID therapistId) {
        if (CareTeamMember.findById(new CareTeamMember.Key(patientId, therapistId)) != null) {
            return false;
        }
        CareTeamMember.of(patientId, therapistId, caller.userId(), clock.instant()).persist();
        return true;
    }

    private CareTeamView careTeamOf(Patient p) {
        List<Object[]> rows = CareTeamMember.getEntityManager().createQuery("""
                select u.id, u.displayName, u.active from CareTeamMember m, UserAccount u
                where m.id.patientId = :p and u.id = m.id.therapistId""", Object[].class)
                .setParameter("p", p.id).getResultList();
        List<CareTeamMemberView> members = rows.stream()
                .map(r -> new CareTeamMemberView((UUID) r[0], (String) r[1], r[0].equals(p.primaryTherapistId),
                        (Boolean) r[2]))
                .sorted(Comparator.comparing((CareTeamMemberView m) -> !m.primary())
                        .thenComparing(m -> m.displayName().toLowerCase(Locale.ROOT)))
                .toList();
        return new CareTeamView(p.id, members);
    }
}
