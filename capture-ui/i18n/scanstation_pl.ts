<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="pl" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Dziennik zdarzeń</translation>
    </message>
    <message numerus="yes">
        <source>Read-only. %n entr(ies) shown.</source>
        <translation><numerusform>Tylko do odczytu. Pokazano %n wpis.</numerusform><numerusform>Tylko do odczytu. Pokazano %n wpisy.</numerusform><numerusform>Tylko do odczytu. Pokazano %n wpisów.</numerusform></translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <source>← Back</source>
        <translation>← Wstecz</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Karta %1</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karta</translation>
    </message>
    <message>
        <source>Open a card from the scan or the review queue.</source>
        <translation>Otwórz kartę ze skanowania lub z kolejki do sprawdzenia.</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>przyjęta</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>do sprawdzenia</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) to check</source>
        <translation><numerusform>%n pole do sprawdzenia</numerusform><numerusform>%n pola do sprawdzenia</numerusform><numerusform>%n pól do sprawdzenia</numerusform></translation>
    </message>
    <message>
        <source>Nothing to check on this card.</source>
        <translation>Na tej karcie nie ma nic do sprawdzenia.</translation>
    </message>
    <message>
        <source>Your role may look at this card but not change it.</source>
        <translation>Twoja rola pozwala oglądać tę kartę, ale nie zmieniać jej.</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <source>Print cards</source>
        <translation>Drukuj karty</translation>
    </message>
    <message>
        <source>Cards carry the class, the lesson and a code that ties them to this school.</source>
        <translation>Karta zawiera klasę, lekcję i kod, który wiąże ją z tą szkołą.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasa</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Pierwszy dzień</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Ostatni dzień</translation>
    </message>
    <message>
        <source>Outage cards</source>
        <translation>Karty awaryjne</translation>
    </message>
    <message>
        <source>Print outage cards</source>
        <translation>Drukuj karty awaryjne</translation>
    </message>
</context>
<context>
    <name>ChoiceFilter</name>
    <message>
        <source>any</source>
        <translation>wszystkie</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Yes</source>
        <translation>Tak</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>CorrectionPanel</name>
    <message>
        <source>Tap a framed field on the card</source>
        <translation>Dotknij pola w ramce na karcie</translation>
    </message>
    <message>
        <source>What did the teacher mean?</source>
        <translation>Co nauczyciel miał na myśli?</translation>
    </message>
    <message>
        <source>Reason (required), e.g. "teacher confirmed the pupil was absent"</source>
        <translation>Powód (wymagany), np. „nauczyciel potwierdził nieobecność ucznia”</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Teacher confirmed</source>
        <translation>Potwierdził nauczyciel</translation>
    </message>
    <message>
        <source>Faint mark was intended</source>
        <translation>Słaby znak był zamierzony</translation>
    </message>
    <message>
        <source>Mark erased badly</source>
        <translation>Źle wytarty znak</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Zapisz poprawkę</translation>
    </message>
</context>
<context>
    <name>CountsBar</name>
    <message>
        <source>%1 of %2 pages</source>
        <translation>%1 z %2 stron</translation>
    </message>
    <message>
        <source>read: %1</source>
        <translation>odczytane: %1</translation>
    </message>
    <message>
        <source>check this: %1</source>
        <translation>do sprawdzenia: %1</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>odrzucone: %1</translation>
    </message>
    <message>
        <source>not a card: %1</source>
        <translation>nie karty: %1</translation>
    </message>
    <message>
        <source>already scanned: %1</source>
        <translation>już zeskanowane: %1</translation>
    </message>
</context>
<context>
    <name>DayStackCard</name>
    <message>
        <source>Label: %1</source>
        <translation>Etykieta: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) held</source>
        <translation><numerusform>%n karta w przechowaniu</numerusform><numerusform>%n karty w przechowaniu</numerusform><numerusform>%n kart w przechowaniu</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n may be shredded</source>
        <translation><numerusform>%n może iść do niszczarki</numerusform><numerusform>%n mogą iść do niszczarki</numerusform><numerusform>%n może iść do niszczarki</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n shredded</source>
        <translation><numerusform>%n zniszczona</numerusform><numerusform>%n zniszczone</numerusform><numerusform>%n zniszczonych</numerusform></translation>
    </message>
</context>
<context>
    <name>KioskShell</name>
    <message>
        <source>Scan</source>
        <translation>Skanowanie</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Karta</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Do sprawdzenia</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronizacja</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karty</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Uczniowie</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Dziennik zdarzeń</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation><numerusform>Zablokowano po %n minucie bezczynności.</numerusform><numerusform>Zablokowano po %n minutach bezczynności.</numerusform><numerusform>Zablokowano po %n minutach bezczynności.</numerusform></translation>
    </message>
    <message>
        <source>The station was locked.</source>
        <translation>Stacja została zablokowana.</translation>
    </message>
    <message>
        <source>ScanStation</source>
        <translation>ScanStation</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Zablokuj teraz</translation>
    </message>
    <message>
        <source>Signs out at once, e.g. for an evacuation (Ctrl+L)</source>
        <translation>Natychmiast wylogowuje, np. przy ewakuacji (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>LastSignInPanel</name>
    <message>
        <source>Welcome, %1.</source>
        <translation>Witaj, %1.</translation>
    </message>
    <message>
        <source>Last successful sign-in: %1</source>
        <translation>Ostatnie udane logowanie: %1</translation>
    </message>
    <message>
        <source>Last failed sign-in: %1</source>
        <translation>Ostatnie nieudane logowanie: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>ScanStation</source>
        <translation>ScanStation</translation>
    </message>
</context>
<context>
    <name>OutageAssignDialog</name>
    <message>
        <source>Assign outage card %1 to a lesson</source>
        <translation>Przypisz kartę awaryjną %1 do lekcji</translation>
    </message>
    <message>
        <source>outage card assigned to the lesson written on it</source>
        <translation>karta awaryjna przypisana do lekcji wpisanej na karcie</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasa</translation>
    </message>
    <message>
        <source>Day (YYYY-MM-DD)</source>
        <translation>Dzień (RRRR-MM-DD)</translation>
    </message>
    <message>
        <source>Lesson number</source>
        <translation>Numer lekcji</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Przypisz</translation>
    </message>
</context>
<context>
    <name>PageTile</name>
    <message>
        <source>no card</source>
        <translation>nie karta</translation>
    </message>
</context>
<context>
    <name>PaperPage</name>
    <message>
        <source>Paper cards</source>
        <translation>Karty papierowe</translation>
    </message>
    <message>
        <source>Keep each day's cards together under its label until they may be shredded.</source>
        <translation>Karty z jednego dnia trzymaj razem pod ich etykietą, dopóki nie będzie można ich zniszczyć.</translation>
    </message>
    <message>
        <source>Shredding protocol</source>
        <translation>Protokół zniszczenia</translation>
    </message>
    <message>
        <source>shredded</source>
        <translation>zniszczona</translation>
    </message>
    <message>
        <source>may be shredded</source>
        <translation>można zniszczyć</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>Drukuj etykietę</translation>
    </message>
</context>
<context>
    <name>PasswordChangePanel</name>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Wpisane nowe hasła się różnią.</translation>
    </message>
    <message>
        <source>At least 8 characters with upper case, lower case and digits; not the old password.</source>
        <translation>Co najmniej 8 znaków: wielkie i małe litery oraz cyfry; inne niż dotychczasowe hasło.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nowe hasło</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Powtórz nowe hasło</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Sprawdzanie…</translation>
    </message>
    <message>
        <source>Change password and sign in</source>
        <translation>Zmień hasło i zaloguj</translation>
    </message>
    <message>
        <source>Choose a new password first (%1).</source>
        <translation>Najpierw ustaw nowe hasło (%1).</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Reject card %1?</source>
        <translation>Odrzucić kartę %1?</translation>
    </message>
    <message>
        <source>The card's data will not be used. Give it back to the teacher to enter by hand.</source>
        <translation>Dane z karty nie zostaną użyte. Oddaj ją nauczycielowi do ręcznego wpisania.</translation>
    </message>
    <message>
        <source>Reject card</source>
        <translation>Odrzuć kartę</translation>
    </message>
    <message>
        <source>rejected at review: unusable card</source>
        <translation>odrzucona przy sprawdzaniu: karta nie nadaje się do odczytu</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Do sprawdzenia</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting for a person</source>
        <translation><numerusform>%n pozycja czeka na decyzję</numerusform><numerusform>%n pozycje czekają na decyzję</numerusform><numerusform>%n pozycji czeka na decyzję</numerusform></translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasa</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dzień</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Powód</translation>
    </message>
    <message>
        <source>Open card</source>
        <translation>Otwórz kartę</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Odrzuć</translation>
    </message>
    <message>
        <source>Nothing waits for review.</source>
        <translation>Nic nie czeka na sprawdzenie.</translation>
    </message>
    <message>
        <source>Assign lesson</source>
        <translation>Przypisz lekcję</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Roster</source>
        <translation>Uczniowie</translation>
    </message>
    <message numerus="yes">
        <source>%n pupil(s)</source>
        <translation><numerusform>%n uczeń</numerusform><numerusform>%n uczniów</numerusform><numerusform>%n uczniów</numerusform></translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasa</translation>
    </message>
    <message>
        <source>No pupils to show: your role sees the pupils of the classes you teach or lead.</source>
        <translation>Brak uczniów do pokazania: Twoja rola widzi uczniów klas, które uczysz lub prowadzisz jako wychowawca.</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>Scan</source>
        <translation>Skanowanie</translation>
    </message>
    <message>
        <source>Put the cards in the feeder and press the button. Pages that need you are framed in orange or red; tap one to check it.</source>
        <translation>Włóż karty do podajnika i naciśnij przycisk. Strony wymagające uwagi mają pomarańczową lub czerwoną ramkę; dotknij, aby sprawdzić.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Zatrzymaj</translation>
    </message>
    <message>
        <source>Scan the stack</source>
        <translation>Skanuj plik kart</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Źródło</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) need you: tap the framed pages below.</source>
        <translation><numerusform>%n strona wymaga uwagi: dotknij stron w ramce poniżej.</numerusform><numerusform>%n strony wymagają uwagi: dotknij stron w ramce poniżej.</numerusform><numerusform>%n stron wymaga uwagi: dotknij stron w ramce poniżej.</numerusform></translation>
    </message>
    <message>
        <source>No pages yet.</source>
        <translation>Brak stron.</translation>
    </message>
    <message>
        <source>Feeder scanner</source>
        <translation>Skaner z podajnikiem</translation>
    </message>
    <message>
        <source>Hot folder</source>
        <translation>Folder skanów</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search…</source>
        <translation>Szukaj…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <source>demo data, nothing is sent anywhere</source>
        <translation>dane demonstracyjne, nic nie jest wysyłane</translation>
    </message>
    <message>
        <source>Lock after inactivity (minutes)</source>
        <translation>Blokada po bezczynności (minuty)</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>najwyżej %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Język</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Zalogowano jako</translation>
    </message>
</context>
<context>
    <name>ShredConfirmPanel</name>
    <message>
        <source>Scan the code of each card as it goes into the shredder, or type it and press Enter.</source>
        <translation>Zeskanuj kod każdej karty wkładanej do niszczarki albo wpisz go i naciśnij Enter.</translation>
    </message>
    <message>
        <source>Card or day code</source>
        <translation>Kod karty lub dnia</translation>
    </message>
    <message>
        <source>Confirm shredded</source>
        <translation>Potwierdź zniszczenie</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>ScanStation</source>
        <translation>ScanStation</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>PIN lub hasło</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Sprawdzanie…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Zaloguj</translation>
    </message>
    <message>
        <source>Your actions on this station are recorded in the audit log.</source>
        <translation>Twoje działania na tej stacji są zapisywane w dzienniku zdarzeń.</translation>
    </message>
    <message>
        <source>Demo accounts: admin / Admin1234 (administrator), dyrektor / Dyrektor1234 (director), jkaczmarek / Kaczmarek1234 (class teacher), rjakubowski / Jakubowski1234 (teacher), sekretariat / Sekret1234 (secretariat), wizytator / Wizytator1234 (inspector); abaran / Baran1234 is a one-time password</source>
        <translation>Konta demonstracyjne: admin / Admin1234 (administrator), dyrektor / Dyrektor1234 (dyrektor), jkaczmarek / Kaczmarek1234 (wychowawca), rjakubowski / Jakubowski1234 (nauczyciel), sekretariat / Sekret1234 (sekretariat), wizytator / Wizytator1234 (kontrola); abaran / Baran1234 to hasło jednorazowe</translation>
    </message>
    <message>
        <source>The badge was not accepted: %1</source>
        <translation>Identyfikator nie został przyjęty: %1</translation>
    </message>
    <message>
        <source>That is not an operator badge (%1).</source>
        <translation>To nie jest identyfikator operatora (%1).</translation>
    </message>
    <message>
        <source>Your password must be changed first (%1). Sign in with your password this time.</source>
        <translation>Najpierw trzeba zmienić hasło (%1). Tym razem zaloguj się hasłem.</translation>
    </message>
    <message>
        <source>or show your badge to the scanner or camera</source>
        <translation>albo pokaż swój identyfikator skanerowi lub kamerze</translation>
    </message>
    <message>
        <source>Show the demo administrator's badge to the camera</source>
        <translation>Pokaż kamerze identyfikator demonstracyjnego administratora</translation>
    </message>
</context>
<context>
    <name>StatusPill</name>
    <message>
        <source>Online</source>
        <translation>Połączono</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Brak połączenia od %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation><numerusform>%n czeka</numerusform><numerusform>%n czekają</numerusform><numerusform>%n czeka</numerusform></translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Jeszcze nie wysłano</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync with the register</source>
        <translation>Synchronizacja z dziennikiem</translation>
    </message>
    <message>
        <source>Every card's data stays on this station until the register confirms it.</source>
        <translation>Dane każdej karty pozostają na stacji, dopóki dziennik ich nie potwierdzi.</translation>
    </message>
    <message>
        <source>Trying…</source>
        <translation>Próba…</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Spróbuj teraz</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stan</translation>
    </message>
    <message>
        <source>online since %1</source>
        <translation>połączono od %1</translation>
    </message>
    <message>
        <source>offline since %1</source>
        <translation>brak połączenia od %1</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Czeka na wysłanie</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation><numerusform>%n wpis</numerusform><numerusform>%n wpisy</numerusform><numerusform>%n wpisów</numerusform></translation>
    </message>
    <message>
        <source>Oldest waiting since</source>
        <translation>Najstarszy czeka od</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Ostatni błąd</translation>
    </message>
    <message>
        <source>none</source>
        <translation>brak</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Do wysłania</translation>
    </message>
    <message>
        <source>queued %1</source>
        <translation>w kolejce od %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation><numerusform>%n próba</numerusform><numerusform>%n próby</numerusform><numerusform>%n prób</numerusform></translation>
    </message>
    <message>
        <source>The outbox is empty: the register has everything.</source>
        <translation>Nic nie czeka: dziennik ma wszystkie dane.</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>read</source>
        <translation>odczytana</translation>
    </message>
    <message>
        <source>check this</source>
        <translation>sprawdź</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>odrzucona</translation>
    </message>
    <message>
        <source>not a card</source>
        <translation>nie karta</translation>
    </message>
    <message>
        <source>already scanned</source>
        <translation>już zeskanowana</translation>
    </message>
    <message>
        <source>present</source>
        <translation>obecny</translation>
    </message>
    <message>
        <source>nb – absent</source>
        <translation>nb – nieobecny</translation>
    </message>
    <message>
        <source>u – excused</source>
        <translation>u – usprawiedliwiony</translation>
    </message>
    <message>
        <source>sp – late</source>
        <translation>sp – spóźniony</translation>
    </message>
    <message>
        <source>zw – released</source>
        <translation>zw – zwolniony</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>nauczyciel</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>secretariat</source>
        <translation>sekretariat</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>kontrola</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nigdy</translation>
    </message>
    <message>
        <source>class teacher</source>
        <translation>wychowawca</translation>
    </message>
    <message>
        <source>director</source>
        <translation>dyrektor</translation>
    </message>
</context>
</TS>