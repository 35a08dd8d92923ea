"""Labels and hints of the web editor's form, one catalogue per language.

Keys are ``<kind>.<field>`` (``story.title``, ``person.consent.photo``) for every field the
content models define, plus a few for collections. A test fails when a model field has no
label in a catalogue, so a new field cannot reach the form without words for it.
A label is ``(label, hint)``; the hint may be empty.
"""

from __future__ import annotations

Entry = tuple[str, str]

EN: dict[str, Entry] = {
    "pattern": ("Not in the expected form: see the hint", ""),
    # collections
    "collection.stories": ("Stories", "Each story is a folder stories/<date>-<slug>/ "
                           "with index.md and its photo."),
    "collection.stories.singular": ("Story", ""),
    "collection.people": ("People", "One profile per person, with what they agreed to "
                          "publish."),
    "collection.people.singular": ("Person", ""),
    "collection.values": ("Values", "The company's values (values.yml)."),
    "collection.values.file": ("Values", ""),
    "collection.values.singular": ("Value", ""),
    # story
    "story.title": ("Title", "Short and concrete: under 70 characters fits on preview cards."),
    "story.date": ("Date", "When it happened or was written."),
    "story.people": ("People", "Who the story is about."),
    "story.values": ("Values", "The values the story shows (one or two)."),
    "story.summary": ("Summary", "One or two sentences that make people want to read on: "
                      "the first ~210 characters show on LinkedIn."),
    "story.author": ("Author", "Who wrote it, if not the person it is about."),
    "story.image": ("Photo", "A JPEG, PNG or WebP; it is saved beside the story."),
    "story.image_alt": ("Photo description", "What the photo shows, for people who cannot "
                        "see it."),
    "story.tags": ("Tags", "A few words, one per item."),
    "story.tag": ("Tag", ""),
    "story.lang": ("Language", "Only if the story is not in the site's language: en, it…"),
    "story.draft": ("Draft", "Drafts are never published."),
    "story.featured": ("Featured", "Show it in the home page's hero (else the newest story)."),
    "story.translation_of": ("Translation of", "If this is a translation: the slug of the "
                             "original story. Set the language too."),
    "story.publish_at": ("Publish from", "Embargo: not published before this moment."),
    "story.slug": ("Web address", "The folder name decides it."),
    "story.social": ("Your own post text", "Optional, per network; used as written, so it "
                     "must fit the network's limit."),
    "story.body": ("Story", "Start with a moment: where were you, what happened, who was "
                   "there? Let people speak in their own words."),
    "story.body.prompts": ("", "Questions to start from:"),
    # person
    "person.name": ("Full name", ""),
    "person.role": ("Role", "Job title."),
    "person.team": ("Team", "People with the same team name form a team page."),
    "person.photo": ("Photo", "Published only if they agreed to it (Consent → Photo)."),
    "person.photo_alt": ("Photo description", "What the photo shows."),
    "person.pronouns": ("Pronouns", ""),
    "person.location": ("Location", ""),
    "person.links": ("Profiles", "Handles are mentioned in posts only with their consent."),
    "person.links.linkedin": ("LinkedIn", "Profile address, https://…"),
    "person.links.instagram": ("Instagram", "Handle only, e.g. name.surname"),
    "person.links.x": ("X", "Handle only, e.g. namesurname"),
    "person.links.threads": ("Threads", "Handle only"),
    "person.links.bluesky": ("Bluesky", "Handle, e.g. name.bsky.social"),
    "person.links.mastodon": ("Mastodon", "Handle, e.g. @name@mastodon.social"),
    "person.links.facebook": ("Facebook", "Profile address, https://…"),
    "person.links.website": ("Website", "https://…"),
    "person.status": ("Status", "alumni: has left the company (set the day below)."),
    "person.joined": ("Joined", ""),
    "person.left": ("Left", "From this day nothing about them is published."),
    "person.consent": ("Consent", "What this person agreed to publish. Anything not ticked "
                       "is never published. Keep their written yes."),
    "person.consent.name": ("Name", "Their name, and so stories about them."),
    "person.consent.photo": ("Photo", "Their photo."),
    "person.consent.quotes": ("Quotes", "Their words, in quotes."),
    "person.consent.social": ("Social handles", "Their handles in suggested posts."),
    "person.consent.date": ("Date of consent", "The day they agreed."),
    "person.consent.withdrawn": ("Withdrawn on", "If they change their mind: from this day "
                                 "nothing about them is published."),
    "person.translations": ("In other languages", "The role as stories in that language "
                            "show it; leave it empty to keep the one above."),
    "person.translations.role": ("Role", "Job title, in this language."),
    "person.body": ("Bio", "A short bio in the third person."),
    # value
    "value.id": ("Id", "Lower-case letters, digits and hyphens; used in addresses and by "
                 "stories. Do not change it once stories use it."),
    "value.name": ("Name", ""),
    "value.description": ("Description", "What the value means for the company."),
    "value.color": ("Colour", "Badge and share-card colour."),
    "value.icon": ("Icon", "A Material icon, e.g. material/hand-heart"),
    "value.hashtags": ("Hashtags", "Without #."),
    "value.hashtag": ("Hashtag", ""),
    "value.prompts": ("Questions", "Questions that help someone write a story about it; "
                      "they are shown as hints when writing a story."),
    "value.prompt": ("Question", ""),
    "value.translations": ("In other languages", "Name, description and hashtags for the "
                           "pages, share images and posts of stories in that language; what "
                           "you leave empty stays as above."),
    "value.translations.name": ("Name", "In this language."),
    "value.translations.description": ("Description", "In this language."),
    "value.translations.hashtags": ("Hashtags", "Without #, in this language."),
}

IT: dict[str, Entry] = {
    "pattern": ("Non è nella forma attesa: vedi il suggerimento", ""),
    "collection.stories": ("Storie", "Ogni storia è una cartella stories/<data>-<slug>/ "
                           "con index.md e la sua foto."),
    "collection.stories.singular": ("Storia", ""),
    "collection.people": ("Persone", "Un profilo per persona, con ciò che ha acconsentito "
                          "a pubblicare."),
    "collection.people.singular": ("Persona", ""),
    "collection.values": ("Valori", "I valori dell'azienda (values.yml)."),
    "collection.values.file": ("Valori", ""),
    "collection.values.singular": ("Valore", ""),
    "story.title": ("Titolo", "Breve e concreto: sotto i 70 caratteri entra nelle anteprime."),
    "story.date": ("Data", "Quando è successo o quando è stata scritta."),
    "story.people": ("Persone", "Di chi parla la storia."),
    "story.values": ("Valori", "I valori che la storia racconta (uno o due)."),
    "story.summary": ("Sommario", "Una o due frasi che invoglino a leggere: su LinkedIn si "
                      "vedono i primi ~210 caratteri."),
    "story.author": ("Autore", "Chi l'ha scritta, se non è la persona di cui parla."),
    "story.image": ("Foto", "JPEG, PNG o WebP; viene salvata accanto alla storia."),
    "story.image_alt": ("Descrizione della foto", "Cosa mostra la foto, per chi non può "
                        "vederla."),
    "story.tags": ("Tag", "Poche parole, una per voce."),
    "story.tag": ("Tag", ""),
    "story.lang": ("Lingua", "Solo se la storia non è nella lingua del sito: en, it…"),
    "story.draft": ("Bozza", "Le bozze non vengono mai pubblicate."),
    "story.featured": ("In evidenza", "Mostrala in apertura della home (altrimenti la più "
                       "recente)."),
    "story.translation_of": ("Traduzione di", "Se è una traduzione: lo slug della storia "
                             "originale. Indica anche la lingua."),
    "story.publish_at": ("Pubblica dal", "Embargo: non pubblicata prima di questo momento."),
    "story.slug": ("Indirizzo web", "Lo decide il nome della cartella."),
    "story.social": ("Testo dei tuoi post", "Facoltativo, per social; usato così com'è, "
                     "quindi deve rispettare il limite del social."),
    "story.body": ("Storia", "Comincia da un momento: dove eri, cosa è successo, chi c'era? "
                   "Lascia parlare le persone con le loro parole."),
    "story.body.prompts": ("", "Domande da cui partire:"),
    "person.name": ("Nome e cognome", ""),
    "person.role": ("Ruolo", "Mansione."),
    "person.team": ("Reparto", "Le persone con lo stesso reparto formano una pagina reparto."),
    "person.photo": ("Foto", "Pubblicata solo con il suo consenso (Consenso → Foto)."),
    "person.photo_alt": ("Descrizione della foto", "Cosa mostra la foto."),
    "person.pronouns": ("Pronomi", ""),
    "person.location": ("Luogo", ""),
    "person.links": ("Profili", "Gli handle compaiono nei post solo con il suo consenso."),
    "person.links.linkedin": ("LinkedIn", "Indirizzo del profilo, https://…"),
    "person.links.instagram": ("Instagram", "Solo l'handle, es. nome.cognome"),
    "person.links.x": ("X", "Solo l'handle, es. nomecognome"),
    "person.links.threads": ("Threads", "Solo l'handle"),
    "person.links.bluesky": ("Bluesky", "Handle, es. nome.bsky.social"),
    "person.links.mastodon": ("Mastodon", "Handle, es. @nome@mastodon.social"),
    "person.links.facebook": ("Facebook", "Indirizzo del profilo, https://…"),
    "person.links.website": ("Sito web", "https://…"),
    "person.status": ("Stato", "alumni: ha lasciato l'azienda (indica il giorno sotto)."),
    "person.joined": ("Assunzione", ""),
    "person.left": ("Uscita", "Da questo giorno non si pubblica più nulla su di lei/lui."),
    "person.consent": ("Consenso", "Ciò che questa persona ha acconsentito a pubblicare. "
                       "Ciò che non è spuntato non viene mai pubblicato. Conserva il suo sì "
                       "scritto."),
    "person.consent.name": ("Nome", "Il suo nome, e quindi le storie su di lei/lui."),
    "person.consent.photo": ("Foto", "La sua foto."),
    "person.consent.quotes": ("Citazioni", "Le sue parole, tra virgolette."),
    "person.consent.social": ("Profili social", "I suoi handle nei post suggeriti."),
    "person.consent.date": ("Data del consenso", "Il giorno in cui ha acconsentito."),
    "person.consent.withdrawn": ("Revocato il", "Se cambia idea: da questo giorno non si "
                                 "pubblica più nulla su di lei/lui."),
    "person.translations": ("In altre lingue", "Il ruolo come lo mostrano le storie in "
                            "quella lingua; se resta vuoto vale quello sopra."),
    "person.translations.role": ("Ruolo", "Mansione, in questa lingua."),
    "person.body": ("Biografia", "Una breve biografia in terza persona."),
    "value.id": ("Id", "Lettere minuscole, cifre e trattini; usato negli indirizzi e dalle "
                 "storie. Non cambiarlo quando delle storie lo usano."),
    "value.name": ("Nome", ""),
    "value.description": ("Descrizione", "Cosa significa il valore per l'azienda."),
    "value.color": ("Colore", "Colore dei badge e delle immagini social."),
    "value.icon": ("Icona", "Un'icona Material, es. material/hand-heart"),
    "value.hashtags": ("Hashtag", "Senza #."),
    "value.hashtag": ("Hashtag", ""),
    "value.prompts": ("Domande", "Domande che aiutano a scrivere una storia su questo "
                      "valore; compaiono come suggerimenti mentre si scrive."),
    "value.prompt": ("Domanda", ""),
    "value.translations": ("In altre lingue", "Nome, descrizione e hashtag per le pagine, "
                           "le immagini di condivisione e i post delle storie in quella "
                           "lingua; ciò che lasci vuoto resta come sopra."),
    "value.translations.name": ("Nome", "In questa lingua."),
    "value.translations.description": ("Descrizione", "In questa lingua."),
    "value.translations.hashtags": ("Hashtag", "Senza #, in questa lingua."),
}

CATALOGUES: dict[str, dict[str, Entry]] = {"en": EN, "it": IT}


def catalogue(language: str) -> dict[str, Entry]:
    """The catalogue for a site language (``it``, ``it-IT``…); English otherwise."""
    return CATALOGUES.get(language.split("-")[0].split("_")[0].lower(), EN)

#: words of the admin page and of the preview error page, per language
PAGE: dict[str, dict[str, str]] = {
    "en": {
        "admin_title": "{site} — editor",
        "noscript": "The editor needs JavaScript.",
        "preview_title": "The preview is waiting: {count} problem(s) in the content",
        "preview_intro": "Fix these and save: this page reloads by itself when the content "
                         "is valid again. storyhub check lists the same problems.",
    },
    "it": {
        "admin_title": "{site} — editor",
        "noscript": "L'editor ha bisogno di JavaScript.",
        "preview_title": "L'anteprima è in attesa: {count} problema/i nei contenuti",
        "preview_intro": "Correggili e salva: la pagina si ricarica da sola quando i contenuti "
                         "tornano validi. storyhub check elenca gli stessi problemi.",
    },
}


def page_words(language: str) -> dict[str, str]:
    return PAGE.get(language.split("-")[0].split("_")[0].lower(), PAGE["en"])
