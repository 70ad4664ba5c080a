<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Журнал действий</translation>
    </message>
    <message numerus="yes">
        <source>Read-only. %n entr(ies) shown.</source>
        <translation><numerusform>Только чтение. Показана %n запись.</numerusform><numerusform>Только чтение. Показаны %n записи.</numerusform><numerusform>Только чтение. Показано %n записей.</numerusform></translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <source>← Back</source>
        <translation>← Назад</translation>
    </message>
    <message>
        <source>Card %1</source>
        <translation>Карта %1</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Open a card from the scan or the review queue.</source>
        <translation>Откройте карту из сканирования или из очереди проверки.</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>принята</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>на проверку</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) to check</source>
        <translation><numerusform>%n поле для проверки</numerusform><numerusform>%n поля для проверки</numerusform><numerusform>%n полей для проверки</numerusform></translation>
    </message>
    <message>
        <source>Nothing to check on this card.</source>
        <translation>На этой карте нечего проверять.</translation>
    </message>
    <message>
        <source>Your role may look at this card but not change it.</source>
        <translation>Ваша роль позволяет смотреть эту карту, но не изменять её.</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <source>Print cards</source>
        <translation>Печать карт</translation>
    </message>
    <message>
        <source>Cards carry the class, the lesson and a code that ties them to this school.</source>
        <translation>На карте указаны класс, урок и код, связывающий её с этой школой.</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Первый день</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Последний день</translation>
    </message>
    <message>
        <source>Outage cards</source>
        <translation>Резервные карты</translation>
    </message>
    <message>
        <source>Print outage cards</source>
        <translation>Печать резервных карт</translation>
    </message>
</context>
<context>
    <name>ChoiceFilter</name>
    <message>
        <source>any</source>
        <translation>все</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>CorrectionPanel</name>
    <message>
        <source>Tap a framed field on the card</source>
        <translation>Коснитесь поля в рамке на карте</translation>
    </message>
    <message>
        <source>What did the teacher mean?</source>
        <translation>Что имел в виду учитель?</translation>
    </message>
    <message>
        <source>Reason (required), e.g. "teacher confirmed the pupil was absent"</source>
        <translation>Причина (обязательно), напр. «учитель подтвердил отсутствие ученика»</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Teacher confirmed</source>
        <translation>Учитель подтвердил</translation>
    </message>
    <message>
        <source>Faint mark was intended</source>
        <translation>Слабая отметка сделана намеренно</translation>
    </message>
    <message>
        <source>Mark erased badly</source>
        <translation>Плохо стёртая отметка</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Сохранить исправление</translation>
    </message>
</context>
<context>
    <name>CountsBar</name>
    <message>
        <source>%1 of %2 pages</source>
        <translation>%1 из %2 страниц</translation>
    </message>
    <message>
        <source>read: %1</source>
        <translation>прочитано: %1</translation>
    </message>
    <message>
        <source>check this: %1</source>
        <translation>проверить: %1</translation>
    </message>
    <message>
        <source>rejected: %1</source>
        <translation>отклонено: %1</translation>
    </message>
    <message>
        <source>not a card: %1</source>
        <translation>не карты: %1</translation>
    </message>
    <message>
        <source>already scanned: %1</source>
        <translation>уже отсканировано: %1</translation>
    </message>
</context>
<context>
    <name>DayStackCard</name>
    <message>
        <source>Label: %1</source>
        <translation>Этикетка: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) held</source>
        <translation><numerusform>%n карта на хранении</numerusform><numerusform>%n карты на хранении</numerusform><numerusform>%n карт на хранении</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n may be shredded</source>
        <translation><numerusform>%n можно уничтожить</numerusform><numerusform>%n можно уничтожить</numerusform><numerusform>%n можно уничтожить</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n shredded</source>
        <translation><numerusform>%n уничтожена</numerusform><numerusform>%n уничтожены</numerusform><numerusform>%n уничтожено</numerusform></translation>
    </message>
</context>
<context>
    <name>KioskShell</name>
    <message>
        <source>Scan</source>
        <translation>Сканирование</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>На проверку</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Бумага</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Карты</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>Ученики</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Журнал действий</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minute(s) without activity.</source>
        <translation><numerusform>Заблокировано после %n минуты бездействия.</numerusform><numerusform>Заблокировано после %n минут бездействия.</numerusform><numerusform>Заблокировано после %n минут бездействия.</numerusform></translation>
    </message>
    <message>
        <source>The station was locked.</source>
        <translation>Станция заблокирована.</translation>
    </message>
    <message>
        <source>ScanStation</source>
        <translation>ScanStation</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Signs out at once, e.g. for an evacuation (Ctrl+L)</source>
        <translation>Сразу выходит из системы, напр. при эвакуации (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>LastSignInPanel</name>
    <message>
        <source>Welcome, %1.</source>
        <translation>Здравствуйте, %1.</translation>
    </message>
    <message>
        <source>Last successful sign-in: %1</source>
        <translation>Последний успешный вход: %1</translation>
    </message>
    <message>
        <source>Last failed sign-in: %1</source>
        <translation>Последний неудачный вход: %1</translation>
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
        <translation>Назначить аварийную карточку %1 уроку</translation>
    </message>
    <message>
        <source>outage card assigned to the lesson written on it</source>
        <translation>аварийная карточка назначена уроку, указанному на ней</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <source>Day (YYYY-MM-DD)</source>
        <translation>День (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>Lesson number</source>
        <translation>Номер урока</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Назначить</translation>
    </message>
</context>
<context>
    <name>PageTile</name>
    <message>
        <source>no card</source>
        <translation>не карта</translation>
    </message>
</context>
<context>
    <name>PaperPage</name>
    <message>
        <source>Paper cards</source>
        <translation>Бумажные карты</translation>
    </message>
    <message>
        <source>Keep each day's cards together under its label until they may be shredded.</source>
        <translation>Храните карты одного дня вместе под их этикеткой, пока их нельзя уничтожить.</translation>
    </message>
    <message>
        <source>Shredding protocol</source>
        <translation>Акт уничтожения</translation>
    </message>
    <message>
        <source>shredded</source>
        <translation>уничтожена</translation>
    </message>
    <message>
        <source>may be shredded</source>
        <translation>можно уничтожить</translation>
    </message>
    <message>
        <source>Print label</source>
        <translation>Печать этикетки</translation>
    </message>
</context>
<context>
    <name>PasswordChangePanel</name>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Введённые новые пароли не совпадают.</translation>
    </message>
    <message>
        <source>At least 8 characters with upper case, lower case and digits; not the old password.</source>
        <translation>Не менее 8 символов: заглавные и строчные буквы и цифры; не совпадает со старым паролем.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Новый пароль ещё раз</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Change password and sign in</source>
        <translation>Сменить пароль и войти</translation>
    </message>
    <message>
        <source>Choose a new password first (%1).</source>
        <translation>Сначала задайте новый пароль (%1).</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Reject card %1?</source>
        <translation>Отклонить карту %1?</translation>
    </message>
    <message>
        <source>The card's data will not be used. Give it back to the teacher to enter by hand.</source>
        <translation>Данные карты не будут использованы. Верните её учителю для ручного ввода.</translation>
    </message>
    <message>
        <source>Reject card</source>
        <translation>Отклонить карту</translation>
    </message>
    <message>
        <source>rejected at review: unusable card</source>
        <translation>отклонена при проверке: карта непригодна</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>На проверку</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting for a person</source>
        <translation><numerusform>%n запись ждёт решения</numerusform><numerusform>%n записи ждут решения</numerusform><numerusform>%n записей ждут решения</numerusform></translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Open card</source>
        <translation>Открыть карту</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <source>Nothing waits for review.</source>
        <translation>Нет ничего на проверку.</translation>
    </message>
    <message>
        <source>Assign lesson</source>
        <translation>Назначить урок</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Roster</source>
        <translation>Ученики</translation>
    </message>
    <message numerus="yes">
        <source>%n pupil(s)</source>
        <translation><numerusform>%n ученик</numerusform><numerusform>%n ученика</numerusform><numerusform>%n учеников</numerusform></translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <source>No pupils to show: your role sees the pupils of the classes you teach or lead.</source>
        <translation>Нет учеников для показа: ваша роль видит учеников классов, в которых вы преподаёте или которыми руководите.</translation>
    </message>
</context>
<context>
    <name>ScanPage</name>
    <message>
        <source>Scan</source>
        <translation>Сканирование</translation>
    </message>
    <message>
        <source>Put the cards in the feeder and press the button. Pages that need you are framed in orange or red; tap one to check it.</source>
        <translation>Положите карты в податчик и нажмите кнопку. Страницы, требующие внимания, обведены оранжевым или красным; коснитесь, чтобы проверить.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <source>Scan the stack</source>
        <translation>Сканировать пачку</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) need you: tap the framed pages below.</source>
        <translation><numerusform>%n страница требует внимания: коснитесь страниц в рамке ниже.</numerusform><numerusform>%n страницы требуют внимания: коснитесь страниц в рамке ниже.</numerusform><numerusform>%n страниц требуют внимания: коснитесь страниц в рамке ниже.</numerusform></translation>
    </message>
    <message>
        <source>No pages yet.</source>
        <translation>Страниц пока нет.</translation>
    </message>
    <message>
        <source>Feeder scanner</source>
        <translation>Сканер с автоподатчиком</translation>
    </message>
    <message>
        <source>Hot folder</source>
        <translation>Папка сканов</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search…</source>
        <translation>Поиск…</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>demo data, nothing is sent anywhere</source>
        <translation>демо-данные, ничего никуда не отправляется</translation>
    </message>
    <message>
        <source>Lock after inactivity (minutes)</source>
        <translation>Блокировка при бездействии (минуты)</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>не более %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Вход выполнен как</translation>
    </message>
</context>
<context>
    <name>ShredConfirmPanel</name>
    <message>
        <source>Scan the code of each card as it goes into the shredder, or type it and press Enter.</source>
        <translation>Сканируйте код каждой карты перед уничтожением или введите его и нажмите Enter.</translation>
    </message>
    <message>
        <source>Card or day code</source>
        <translation>Код карты или дня</translation>
    </message>
    <message>
        <source>Confirm shredded</source>
        <translation>Подтвердить уничтожение</translation>
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
        <translation>Логин</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>PIN или пароль</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Your actions on this station are recorded in the audit log.</source>
        <translation>Ваши действия на этой станции записываются в журнал действий.</translation>
    </message>
    <message>
        <source>Demo accounts: admin / Admin1234 (administrator), dyrektor / Dyrektor1234 (director), jkaczmarek / Kaczmarek1234 (class teacher), rjakubowski / Jakubowski1234 (teacher), sekretariat / Sekret1234 (secretariat), wizytator / Wizytator1234 (inspector); abaran / Baran1234 is a one-time password</source>
        <translation>Демо-учётные записи: admin / Admin1234 (администратор), dyrektor / Dyrektor1234 (директор), jkaczmarek / Kaczmarek1234 (классный руководитель), rjakubowski / Jakubowski1234 (учитель), sekretariat / Sekret1234 (секретариат), wizytator / Wizytator1234 (проверяющий); abaran / Baran1234 — одноразовый пароль</translation>
    </message>
    <message>
        <source>The badge was not accepted: %1</source>
        <translation>Бейдж не принят: %1</translation>
    </message>
    <message>
        <source>That is not an operator badge (%1).</source>
        <translation>Это не бейдж оператора (%1).</translation>
    </message>
    <message>
        <source>Your password must be changed first (%1). Sign in with your password this time.</source>
        <translation>Сначала нужно сменить пароль (%1). На этот раз войдите с паролем.</translation>
    </message>
    <message>
        <source>or show your badge to the scanner or camera</source>
        <translation>или покажите свой бейдж сканеру или камере</translation>
    </message>
    <message>
        <source>Show the demo administrator's badge to the camera</source>
        <translation>Показать камере бейдж демо-администратора</translation>
    </message>
</context>
<context>
    <name>StatusPill</name>
    <message>
        <source>Online</source>
        <translation>На связи</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Нет связи с %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation><numerusform>%n ждёт</numerusform><numerusform>%n ждут</numerusform><numerusform>%n ждут</numerusform></translation>
    </message>
    <message>
        <source>Not sent yet</source>
        <translation>Ещё не отправлено</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync with the register</source>
        <translation>Синхронизация с журналом</translation>
    </message>
    <message>
        <source>Every card's data stays on this station until the register confirms it.</source>
        <translation>Данные каждой карты хранятся на станции, пока журнал их не подтвердит.</translation>
    </message>
    <message>
        <source>Trying…</source>
        <translation>Попытка…</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Попробовать сейчас</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>online since %1</source>
        <translation>на связи с %1</translation>
    </message>
    <message>
        <source>offline since %1</source>
        <translation>нет связи с %1</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Ждёт отправки</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation><numerusform>%n запись</numerusform><numerusform>%n записи</numerusform><numerusform>%n записей</numerusform></translation>
    </message>
    <message>
        <source>Oldest waiting since</source>
        <translation>Самая старая ждёт с</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>К отправке</translation>
    </message>
    <message>
        <source>queued %1</source>
        <translation>в очереди с %1</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation><numerusform>%n попытка</numerusform><numerusform>%n попытки</numerusform><numerusform>%n попыток</numerusform></translation>
    </message>
    <message>
        <source>The outbox is empty: the register has everything.</source>
        <translation>Ничего не ждёт: в журнале есть все данные.</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>read</source>
        <translation>прочитана</translation>
    </message>
    <message>
        <source>check this</source>
        <translation>проверить</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>отклонена</translation>
    </message>
    <message>
        <source>not a card</source>
        <translation>не карта</translation>
    </message>
    <message>
        <source>already scanned</source>
        <translation>уже отсканирована</translation>
    </message>
    <message>
        <source>present</source>
        <translation>присутствовал</translation>
    </message>
    <message>
        <source>nb – absent</source>
        <translation>nb – отсутствовал</translation>
    </message>
    <message>
        <source>u – excused</source>
        <translation>u – уважительная причина</translation>
    </message>
    <message>
        <source>sp – late</source>
        <translation>sp – опоздал</translation>
    </message>
    <message>
        <source>zw – released</source>
        <translation>zw – освобождён</translation>
    </message>
    <message>
        <source>teacher</source>
        <translation>учитель</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>secretariat</source>
        <translation>секретариат</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>проверяющий</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>class teacher</source>
        <translation>классный руководитель</translation>
    </message>
    <message>
        <source>director</source>
        <translation>директор</translation>
    </message>
</context>
</TS>