package app.glide.me;

import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.audit.AuditLog;
import app.glide.language.LanguageTag;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import app.glide.clinic.Clinic;
import app.glide.patient.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
public class MeService {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeView view(UUID userId) {
        return view((UserAccount) UserAccount.findById(userId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MeView view(UserAccount user) {
        Clinic clinic = Clinic.findById(user.clinicId);
        if (user.role == Role.PATIENT) {
            Patient p = Patient.findById(user.id);
            return new MeView(user.id, user.role.name(), user.clinicId, clinic.name, user.displayName, null,
                    p.timeZone, p.primaryTherapistId, user.locale);
        }
        return new MeView(user.id, user.role.name(), user.clinicId, clinic.name, user.displayName, user.email,
                null, null, user.locale);
    }

    /**
     * The caller's own language: a BCP 47 tag (400 {@code invalid-locale} when malformed; a
     * language nobody ships is fine and falls back), or null to follow the phone and the clinic.
     */
    @Transactional
    public MeView setLocale(UUID userId, String locale) {
        String tag = locale == null ? null : LanguageTag.require(locale);
        UserAccount user = UserAccount.findById(userId);
        user.locale = tag;
        user.updatedAt = clock.instant();
        audit.record("user", userId, "locale_changed", tag == null ? Map.of() : Map.of("locale", tag));
        return view(user);
    }
}
