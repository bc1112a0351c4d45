-- Messages (issue 15, items 1 and 2): one conversation per patient with their care team, the
-- readers' markers, the clinic's messaging setting, and the red-flag phrases a patient message
-- is checked against. Session comments (session_comment) stay where they are and are read into
-- the conversation. New tables get the application role's grants through V14's default privileges.

-- One message of a conversation. PATIENT messages carry the phone's UUID (the key is per patient,
-- as for sessions) and body_hash, the SHA-256 of the body: a replay under the same id is the same
-- message exactly when the hashes are equal. THERAPIST messages get a server id; SYSTEM messages
-- (the red-flag check-in prompt) name the patient message they answer in reply_to.
create table message (
    id          uuid not null,
    patient_id  uuid not null references patient (id),
    clinic_id   uuid not null references clinic (id),
    kind        text not null check (kind in ('PATIENT', 'THERAPIST', 'SYSTEM')),
    author_id   uuid references app_user (id) check ((kind = 'SYSTEM') = (author_id is null)),
    body        text not null check (length(body) between 1 and 2000),
    body_hash   bytea,
    reply_to    uuid,
    created_at  timestamptz not null,
    primary key (patient_id, id)
);
-- The conversation's delta sync and pages (patient_id, created_at, id), and the caseload's
-- unread count and oldest unanswered patient message per kind (patient_id, kind, created_at).
create index message_conversation on message (patient_id, created_at, id);
create index message_kind on message (patient_id, kind, created_at);
-- The delta sync merges session comments by time as well.
create index session_comment_conversation on session_comment (patient_id, created_at, id);

-- Each reader's marker in a conversation: everything created at or before read_up_to is read.
-- The patient has one; each therapist of the care team has their own.
create table message_read (
    patient_id   uuid not null references patient (id),
    reader_id    uuid not null references app_user (id),
    read_up_to   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (patient_id, reader_id)
);

alter table clinic_settings add column messaging_enabled boolean not null default true;
alter table clinic_settings add column messaging_reply_hours integer not null default 48
    check (messaging_reply_hours between 1 and 336);

-- The phrases that make a patient message a red-flag mention (message/RedFlagPhrases). Data, not
-- code: a phrase is matched case-insensitively on normalised text (accents and umlauts stripped,
-- ß as ss, apostrophes dropped), word by word, each phrase word a prefix of the message's word.
-- A negation word directly before an occurrence ("no numbness in my groin") makes it a denial,
-- so a loss said with a negation ("keine Kontrolle über die Blase") is a phrase of its own.
create table red_flag_phrase (
    language  text not null check (language ~ '^[a-z]{2}$'),
    phrase    text not null check (length(phrase) between 2 and 200),
    symptom   text not null check (symptom in ('SADDLE_NUMBNESS', 'BLADDER_BOWEL', 'WORSENING_WEAKNESS', 'BOTH_LEGS')),
    primary key (language, phrase)
);
insert into red_flag_phrase (language, phrase, symptom) values
    ('en', 'saddle numbness', 'SADDLE_NUMBNESS'),
    ('en', 'saddle area numb', 'SADDLE_NUMBNESS'),
    ('en', 'numb saddle', 'SADDLE_NUMBNESS'),
    ('en', 'numb between my legs', 'SADDLE_NUMBNESS'),
    ('en', 'numbness between my legs', 'SADDLE_NUMBNESS'),
    ('en', 'numb in my groin', 'SADDLE_NUMBNESS'),
    ('en', 'numbness in my groin', 'SADDLE_NUMBNESS'),
    ('en', 'numb groin', 'SADDLE_NUMBNESS'),
    ('en', 'groin is numb', 'SADDLE_NUMBNESS'),
    ('en', 'numb around my bottom', 'SADDLE_NUMBNESS'),
    ('en', 'numbness around my bottom', 'SADDLE_NUMBNESS'),
    ('en', 'numb bottom', 'SADDLE_NUMBNESS'),
    ('en', 'numb genital', 'SADDLE_NUMBNESS'),
    ('en', 'numbness in my genital', 'SADDLE_NUMBNESS'),
    ('en', 'numb down below', 'SADDLE_NUMBNESS'),
    ('en', 'cant feel my bottom', 'SADDLE_NUMBNESS'),
    ('en', 'cannot feel my bottom', 'SADDLE_NUMBNESS'),
    ('en', 'cant control my bladder', 'BLADDER_BOWEL'),
    ('en', 'cannot control my bladder', 'BLADDER_BOWEL'),
    ('en', 'can not control my bladder', 'BLADDER_BOWEL'),
    ('en', 'lost control of my bladder', 'BLADDER_BOWEL'),
    ('en', 'losing control of my bladder', 'BLADDER_BOWEL'),
    ('en', 'loss of bladder control', 'BLADDER_BOWEL'),
    ('en', 'bladder control', 'BLADDER_BOWEL'),
    ('en', 'no control over my bladder', 'BLADDER_BOWEL'),
    ('en', 'no control of my bladder', 'BLADDER_BOWEL'),
    ('en', 'no control over my bowel', 'BLADDER_BOWEL'),
    ('en', 'no feeling between my legs', 'SADDLE_NUMBNESS'),
    ('en', 'no feeling in my groin', 'SADDLE_NUMBNESS'),
    ('en', 'cant hold my urine', 'BLADDER_BOWEL'),
    ('en', 'cant hold my pee', 'BLADDER_BOWEL'),
    ('en', 'cant pee', 'BLADDER_BOWEL'),
    ('en', 'cannot pee', 'BLADDER_BOWEL'),
    ('en', 'cant urinate', 'BLADDER_BOWEL'),
    ('en', 'cannot urinate', 'BLADDER_BOWEL'),
    ('en', 'trouble peeing', 'BLADDER_BOWEL'),
    ('en', 'wet myself', 'BLADDER_BOWEL'),
    ('en', 'wetting myself', 'BLADDER_BOWEL'),
    ('en', 'incontinen', 'BLADDER_BOWEL'),
    ('en', 'cant control my bowel', 'BLADDER_BOWEL'),
    ('en', 'cannot control my bowel', 'BLADDER_BOWEL'),
    ('en', 'lost control of my bowel', 'BLADDER_BOWEL'),
    ('en', 'loss of bowel control', 'BLADDER_BOWEL'),
    ('en', 'bowel control', 'BLADDER_BOWEL'),
    ('en', 'soiled myself', 'BLADDER_BOWEL'),
    ('en', 'new bladder', 'BLADDER_BOWEL'),
    ('en', 'new bowel', 'BLADDER_BOWEL'),
    ('en', 'weakness getting worse', 'WORSENING_WEAKNESS'),
    ('en', 'weakness is getting worse', 'WORSENING_WEAKNESS'),
    ('en', 'weakness worse', 'WORSENING_WEAKNESS'),
    ('en', 'getting weaker', 'WORSENING_WEAKNESS'),
    ('en', 'leg is weaker', 'WORSENING_WEAKNESS'),
    ('en', 'legs are weaker', 'WORSENING_WEAKNESS'),
    ('en', 'foot drop', 'WORSENING_WEAKNESS'),
    ('en', 'foot is dragging', 'WORSENING_WEAKNESS'),
    ('en', 'cant lift my foot', 'WORSENING_WEAKNESS'),
    ('en', 'cannot lift my foot', 'WORSENING_WEAKNESS'),
    ('en', 'leg giving way', 'WORSENING_WEAKNESS'),
    ('en', 'legs giving way', 'WORSENING_WEAKNESS'),
    ('en', 'leg gives way', 'WORSENING_WEAKNESS'),
    ('en', 'legs give way', 'WORSENING_WEAKNESS'),
    ('en', 'both legs', 'BOTH_LEGS'),
    ('en', 'both my legs', 'BOTH_LEGS'),
    ('en', 'both feet', 'BOTH_LEGS'),
    ('en', 'both my feet', 'BOTH_LEGS'),
    ('en', 'in both sides', 'BOTH_LEGS'),
    ('en', 'down both', 'BOTH_LEGS'),
    ('de', 'Taubheit im Intimbereich', 'SADDLE_NUMBNESS'),
    ('de', 'taub im Intimbereich', 'SADDLE_NUMBNESS'),
    ('de', 'Intimbereich taub', 'SADDLE_NUMBNESS'),
    ('de', 'Intimbereich ist taub', 'SADDLE_NUMBNESS'),
    ('de', 'Taubheit im Genitalbereich', 'SADDLE_NUMBNESS'),
    ('de', 'taub im Genitalbereich', 'SADDLE_NUMBNESS'),
    ('de', 'Taubheit zwischen den Beinen', 'SADDLE_NUMBNESS'),
    ('de', 'taub zwischen den Beinen', 'SADDLE_NUMBNESS'),
    ('de', 'Taubheit im Gesäß', 'SADDLE_NUMBNESS'),
    ('de', 'taub am Gesäß', 'SADDLE_NUMBNESS'),
    ('de', 'Gesäß ist taub', 'SADDLE_NUMBNESS'),
    ('de', 'Reithose', 'SADDLE_NUMBNESS'),
    ('de', 'gefühllos im Intimbereich', 'SADDLE_NUMBNESS'),
    ('de', 'Blase nicht kontrollieren', 'BLADDER_BOWEL'),
    ('de', 'Blase nicht mehr kontrollieren', 'BLADDER_BOWEL'),
    ('de', 'Kontrolle über die Blase', 'BLADDER_BOWEL'),
    ('de', 'keine Kontrolle über die Blase', 'BLADDER_BOWEL'),
    ('de', 'keine Kontrolle über meine Blase', 'BLADDER_BOWEL'),
    ('de', 'keine Kontrolle über den Darm', 'BLADDER_BOWEL'),
    ('de', 'kein Gefühl im Intimbereich', 'SADDLE_NUMBNESS'),
    ('de', 'kein Gefühl zwischen den Beinen', 'SADDLE_NUMBNESS'),
    ('de', 'Kontrolle über meine Blase', 'BLADDER_BOWEL'),
    ('de', 'Kontrolle über den Darm', 'BLADDER_BOWEL'),
    ('de', 'Inkontinen', 'BLADDER_BOWEL'),
    ('de', 'Urin nicht halten', 'BLADDER_BOWEL'),
    ('de', 'Urin nicht mehr halten', 'BLADDER_BOWEL'),
    ('de', 'Wasser nicht halten', 'BLADDER_BOWEL'),
    ('de', 'Wasser nicht mehr halten', 'BLADDER_BOWEL'),
    ('de', 'Stuhl nicht halten', 'BLADDER_BOWEL'),
    ('de', 'Stuhlgang nicht kontrollieren', 'BLADDER_BOWEL'),
    ('de', 'Darm nicht kontrollieren', 'BLADDER_BOWEL'),
    ('de', 'kann nicht mehr pinkeln', 'BLADDER_BOWEL'),
    ('de', 'kann nicht pinkeln', 'BLADDER_BOWEL'),
    ('de', 'Blasenproblem', 'BLADDER_BOWEL'),
    ('de', 'Blasenstörung', 'BLADDER_BOWEL'),
    ('de', 'Darmproblem', 'BLADDER_BOWEL'),
    ('de', 'eingenässt', 'BLADDER_BOWEL'),
    ('de', 'Schwäche wird schlimmer', 'WORSENING_WEAKNESS'),
    ('de', 'Schwäche wird stärker', 'WORSENING_WEAKNESS'),
    ('de', 'wird schwächer', 'WORSENING_WEAKNESS'),
    ('de', 'werden schwächer', 'WORSENING_WEAKNESS'),
    ('de', 'immer schwächer', 'WORSENING_WEAKNESS'),
    ('de', 'Fuß hängt', 'WORSENING_WEAKNESS'),
    ('de', 'Fußheberschwäche', 'WORSENING_WEAKNESS'),
    ('de', 'knickt weg', 'WORSENING_WEAKNESS'),
    ('de', 'knicken weg', 'WORSENING_WEAKNESS'),
    ('de', 'beide Beine', 'BOTH_LEGS'),
    ('de', 'beiden Beinen', 'BOTH_LEGS'),
    ('de', 'beide Füße', 'BOTH_LEGS'),
    ('de', 'beidseitig', 'BOTH_LEGS');

-- A patient message that mentions a red-flag symptom raises RED_FLAG_MESSAGE (URGENT); the
-- constraint lists every kind again (V17's list plus the new one).
alter table alert drop constraint alert_kind_check;
alter table alert add constraint alert_kind_check check (kind in ('RED_FLAG', 'PAIN_RISING', 'WORSE_NEXT_MORNING',
    'PERIPHERALISATION', 'LOW_ADHERENCE', 'NO_ACTIVITY', 'FLARE_UP', 'PLAN_AUTO_ADJUSTED', 'OUTCOME_WORSENED',
    'HIGH_RISK_START_BACK', 'RED_FLAG_MESSAGE'));
