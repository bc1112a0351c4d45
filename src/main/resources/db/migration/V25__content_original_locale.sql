-- The language of a clinic's own exercise or education card as written (docs/languages.md).
--
-- A translation is looked up down the request's language order (Accept-Language, the person's
-- locale, the clinic default, English); the original text counts as the translation in its own
-- language. Shipped content (clinic_id null) is English and keeps null here. A clinic's content is
-- taken to be written in the clinic's default locale when it is created; without this, a German
-- clinic's exercise with an English translation showed the English to its German patients.
alter table exercise
    add column original_locale text
        check (original_locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' and length(original_locale) <= 35);
alter table education_card
    add column original_locale text
        check (original_locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' and length(original_locale) <= 35);

update exercise e
set original_locale = coalesce((select s.default_locale from clinic_settings s where s.clinic_id = e.clinic_id), 'en')
where e.clinic_id is not null;
update education_card c
set original_locale = coalesce((select s.default_locale from clinic_settings s where s.clinic_id = c.clinic_id), 'en')
where c.clinic_id is not null;
