package app.glide.me;

import app.glide.access.Role;
import app.glide.access.UserAccount;
import app.glide.clinic.Clinic;
import app.glide.patient.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
public class MeService {

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
                    p.timeZone, p.primaryTherapistId);
        }
        return new MeView(user.id, user.role.name(), user.clinicId, clinic.name, user.displayName, user.email,
                null, null);
    }
}
