<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>App</name>
    <message>
        <source>Welcome to Exchange Ledger</source>
        <translation>Ласкаво просимо до Exchange Ledger</translation>
    </message>
    <message>
        <source>Your new ledger is {path}.

Load the example data (the Istanbul talks article: an agreement, two exchanges and their sources) to look around?</source>
        <translation>Ваш новий реєстр: {path}.

Завантажити приклад (статтю про переговори в Стамбулі: домовленість, два обміни та їхні джерела), щоб ознайомитися?</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Неочікувана помилка</translation>
    </message>
    <message>
        <source>Everything already saved is safe. Copy the details for a report.</source>
        <translation>Усе вже збережене в безпеці. Скопіюйте подробиці для звіту про помилку.</translation>
    </message>
    <message>
        <source>What was done in the earlier demo is kept in {path} (File → Open).</source>
        <translation>Зроблене в попередній демонстрації збережено в {path} (Файл → Відкрити).</translation>
    </message>
    <message>
        <source>Your last ledger is not there</source>
        <translation>Вашого останнього реєстру немає на місці</translation>
    </message>
    <message>
        <source>{gone} is not there any more: moved, deleted, or on a drive that is not connected. Exchange Ledger opens {path} instead; File → Open reaches the other, wherever it is now.</source>
        <translation>{gone} більше немає на місці: його перенесено, видалено або він на непідключеному диску. Натомість Exchange Ledger відкриває {path}; інший реєстр, хоч би де він тепер був, відкривається через Файл → Відкрити.</translation>
    </message>
    <message>
        <source>Exchange Ledger opens {path} instead; File → Open reaches your other ledgers.</source>
        <translation>Натомість Exchange Ledger відкриває {path}; інші реєстри — через Файл → Відкрити.</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Не вдається відкрити файл</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>the folder does not exist</source>
        <translation>папки не існує</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>немає дозволу писати туди</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>диск лише для читання</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заповнений</translation>
    </message>
    <message>
        <source>a folder has that name</source>
        <translation>така назва вже належить папці</translation>
    </message>
    <message>
        <source>Export chart as &amp;PNG…</source>
        <translation>Експортувати &amp;графік у PNG…</translation>
    </message>
    <message>
        <source>Export chart as S&amp;VG…</source>
        <translation>Експортувати графік &amp;у SVG…</translation>
    </message>
    <message>
        <source>Export chart as {kind}</source>
        <translation>Експортувати графік у {kind}</translation>
    </message>
    <message>
        <source>{kind} image (*.{ext})</source>
        <translation>Зображення {kind} (*.{ext})</translation>
    </message>
    <message>
        <source>Chart not exported</source>
        <translation>Графік не експортовано</translation>
    </message>
    <message>
        <source>The chart could not be written to {path}: {why}</source>
        <translation>Не вдалося записати графік у {path}: {why}</translation>
    </message>
    <message>
        <source>Exported the chart as {path}.</source>
        <translation>Графік експортовано як {path}.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Замінити файл?</translation>
    </message>
    <message>
        <source>{path} already exists. Replace it?</source>
        <translation>{path} уже існує. Замінити його?</translation>
    </message>
</context>
<context>
    <name>ChartLegend</name>
    <message>
        <source>{party} received (best): the same line as {other}</source>
        <translation>{party} отримала (найкраща оцінка): та сама лінія, що й {other}</translation>
    </message>
    <message>
        <source>{party} received (best)</source>
        <translation>{party} отримала (найкраща оцінка)</translation>
    </message>
    <message>
        <source>shaded: low–high where undecided</source>
        <translation>затінено: від мінімуму до максимуму, де не вирішено</translation>
    </message>
</context>
<context>
    <name>ChartPane</name>
    <message>
        <source>all</source>
        <translation>усі</translation>
    </message>
    <message>
        <source>Exchange balance chart</source>
        <translation>Графік балансу обмінів</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Fit targets</source>
        <translation>Умістити цілі</translation>
    </message>
    <message>
        <source>Take the agreement targets into the vertical range (else the range follows the data and a label at the top edge names a target above it)</source>
        <translation>Включити цілі домовленостей у вертикальний діапазон (інакше діапазон іде за даними, а мітка біля верхнього краю називає ціль, що вища за нього)</translation>
    </message>
    <message>
        <source>Received, cumulative</source>
        <translation>Отримано, наростаючим підсумком</translation>
    </message>
    <message>
        <source>Net balance</source>
        <translation>Чистий баланс</translation>
    </message>
    <message>
        <source>Charting day (UTC)</source>
        <translation>День на графіку (UTC)</translation>
    </message>
    <message>
        <source>all categories</source>
        <translation>усі категорії</translation>
    </message>
    <message>
        <source>data up to {date}</source>
        <translation>дані до {date}</translation>
    </message>
    <message>
        <source>no exchanges recorded yet</source>
        <translation>обмінів ще не записано</translation>
    </message>
    <message>
        <source>Exchange balance — {category} · {when} · {file}</source>
        <translation>Баланс обмінів — {category} · {when} · {file}</translation>
    </message>
</context>
<context>
    <name>ChartTargets</name>
    <message>
        <source>↑ {party} target line at {count}</source>
        <translation>↑ ціль для {party}: {count}</translation>
    </message>
</context>
<context>
    <name>ChartText</name>
    <message>
        <source>in conflict</source>
        <translation>суперечність</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>знову відкрито</translation>
    </message>
    <message>
        <source>Point at a step (or press ← → on the chart) to see its totals, events and sources; Enter selects its event.</source>
        <translation>Наведіть на сходинку (або натисніть ← → на графіку), щоб побачити підсумки, події та джерела; Enter вибирає її подію.</translation>
    </message>
    <message>
        <source>No exchanges recorded yet: add a report (Ctrl+N) or import a CSV file (Ctrl+I). The chart of the balance appears here with the first exchange.</source>
        <translation>Обмінів ще не записано: додайте повідомлення (Ctrl+N) або імпортуйте файл CSV (Ctrl+I). Графік балансу з’явиться тут разом із першим обміном.</translation>
    </message>
    <message>
        <source>No exchanges of {category} recorded yet: choose another category, or “all”, in the Category box.</source>
        <translation>Обмінів категорії «{category}» ще не записано: виберіть іншу категорію або «усі» в полі «Категорія».</translation>
    </message>
    <message>
        <source>{party} target {count} (agreement {date})</source>
        <translation>{party}: ціль {count} (домовленість від {date})</translation>
    </message>
    <message>
        <source>{party} target {count} (agreements of {date}, added up)</source>
        <translation>{party}: ціль {count} (домовленості від {date}, разом)</translation>
    </message>
    <message>
        <source>{percent}% reached</source>
        <translation>досягнуто {percent}%</translation>
    </message>
    <message>
        <source>received {received} · handed over {sent} · net {net}</source>
        <translation>отримано {received} · передано {sent} · чистий баланс {net}</translation>
    </message>
    <message>
        <source>possible reversed direction: either flow may not have happened</source>
        <translation>можливо переплутаний напрямок: будь-якої з двох передач могло не бути</translation>
    </message>
    <message>
        <source>; also </source>
        <translation>; також </translation>
    </message>
    <message>
        <source>no source</source>
        <translation>без джерела</translation>
    </message>
    <message>
        <source>{event} — sources: {sources}</source>
        <translation>{event} — джерела: {sources}</translation>
    </message>
    <message>
        <source>Selected: {event}</source>
        <translation>Вибрано: {event}</translation>
    </message>
    <message>
        <source>Selected {number} of {count} that day: {event} (Enter: the next)</source>
        <translation>Вибрано {number} з {count} цього дня: {event} (Enter: наступна)</translation>
    </message>
    <message>
        <source>disputed {field}: {values}</source>
        <translation>спірне поле «{field}»: {values}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <source>sources: {sources}</source>
        <translation>джерела: {sources}</translation>
    </message>
    <message>
        <source>{best} ({low} to {high})</source>
        <translation>{best} (від {low} до {high})</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>It contradicts a decided value: the event is reopened for review (F8).</source>
        <translation>Воно суперечить ухваленому значенню: подію знову відкрито для перевірки (F8).</translation>
    </message>
    <message>
        <source>Add report from {source}</source>
        <translation>Додати повідомлення від {source}</translation>
    </message>
    <message>
        <source>Edit report from {source}</source>
        <translation>Змінити повідомлення від {source}</translation>
    </message>
    <message>
        <source>Edit source {source}</source>
        <translation>Змінити джерело {source}</translation>
    </message>
    <message>
        <source>Decide {field}: {value} ({event})</source>
        <translation>Рішення щодо «{field}»: {value} ({event})</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Problems</source>
        <translation>Проблеми</translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation>&amp;Копіювати все</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>Commit the form</source>
        <translation>Внести форму</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>Очистити форму</translation>
    </message>
    <message>
        <source>Add a flow (in the form)</source>
        <translation>Додати передачу (у формі)</translation>
    </message>
    <message>
        <source>Remove the flow (in its row)</source>
        <translation>Прибрати передачу (у її рядку)</translation>
    </message>
    <message>
        <source>Open the calendar (in a date field)</source>
        <translation>Відкрити календар (у полі дати)</translation>
    </message>
    <message>
        <source>Open the selected evidence (in its list)</source>
        <translation>Відкрити вибраний доказ (у його списку)</translation>
    </message>
    <message>
        <source>Remove the selected evidence (in its list)</source>
        <translation>Прибрати вибраний доказ (у його списку)</translation>
    </message>
    <message>
        <source>Step through the chart&apos;s days (on the chart)</source>
        <translation>Крокувати днями графіка (на графіку)</translation>
    </message>
    <message>
        <source>Select the day&apos;s event (on the chart)</source>
        <translation>Вибрати подію дня (на графіку)</translation>
    </message>
    <message>
        <source>Zoom in, out, show it whole (on the chart)</source>
        <translation>Збільшити, зменшити, показати весь (на графіку)</translation>
    </message>
    <message>
        <source>Field labels</source>
        <translation>Підписи полів</translation>
    </message>
    <message>
        <source>Alt + the underlined letter</source>
        <translation>Alt + підкреслена літера</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавіші</translation>
    </message>
    <message>
        <source> or </source>
        <translation> або </translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Джерела</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Сторона</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Надійність</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Назва</translation>
    </message>
    <message>
        <source>&amp;Party</source>
        <translation>&amp;Сторона</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Тип</translation>
    </message>
    <message>
        <source>&amp;Reliability</source>
        <translation>Н&amp;адійність</translation>
    </message>
    <message>
        <source>Merge &amp;into</source>
        <translation>Об’&amp;єднати з</translation>
    </message>
    <message>
        <source>&amp;Save source</source>
        <translation>З&amp;берегти джерело</translation>
    </message>
    <message>
        <source>&amp;Merge into the chosen source</source>
        <translation>&amp;Об’єднати з вибраним джерелом</translation>
    </message>
    <message>
        <source>Source changed meanwhile</source>
        <translation>Джерело тим часом змінено</translation>
    </message>
    <message>
        <source>This source was changed since you began (by another program or an undo): the list shows it as it is now. Save what you typed over that change?</source>
        <translation>Це джерело змінено відтоді, як ви почали (інша програма або скасування): список показує його таким, як воно є тепер. Зберегти введене поверх тієї зміни?</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Об’єднання</translation>
    </message>
    <message>
        <source>Choose another source to merge into.</source>
        <translation>Виберіть інше джерело, з яким об’єднати.</translation>
    </message>
    <message>
        <source>Merge {source} into {target}? Its reports will name {target}. Ctrl+Z takes it back.</source>
        <translation>Об’єднати {source} з {target}? Його повідомлення називатимуть {target}. Ctrl+Z скасує це.</translation>
    </message>
    <message>
        <source>Merge source {source} into {target}</source>
        <translation>Об’єднати джерело {source} з {target}</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Не змінено</translation>
    </message>
</context>
<context>
    <name>DuplicatePrompt</name>
    <message>
        <source>This may be an event already recorded</source>
        <translation>Можливо, цю подію вже записано</translation>
    </message>
    <message>
        <source>Similar events</source>
        <translation>Схожі події</translation>
    </message>
    <message>
        <source>no location</source>
        <translation>місце не вказано</translation>
    </message>
    <message>
        <source>no flows</source>
        <translation>без передач</translation>
    </message>
    <message>
        <source>sources: {sources}</source>
        <translation>джерела: {sources}</translation>
    </message>
    <message>
        <source>&amp;Add the report to this event</source>
        <translation>&amp;Додати повідомлення до цієї події</translation>
    </message>
    <message>
        <source>Create a &amp;new event</source>
        <translation>Створити &amp;нову подію</translation>
    </message>
    <message>
        <source>&amp;Back to the form</source>
        <translation>&amp;Повернутися до форми</translation>
    </message>
    <message>
        <source>Events of the same type, within three days, with a flow between the same parties in the same category. Compare the date, the place and the sources before you add the report to one:</source>
        <translation>Події того самого типу в межах трьох днів, з передачею між тими самими сторонами в тій самій категорії. Порівняйте дату, місце та джерела, перш ніж додати повідомлення до однієї з них:</translation>
    </message>
</context>
<context>
    <name>EventPane</name>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Сторона</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Надійність</translation>
    </message>
    <message>
        <source>Credibility</source>
        <translation>Достовірність</translation>
    </message>
    <message>
        <source>Claimed date</source>
        <translation>Заявлена дата</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Передачі</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Записано</translation>
    </message>
    <message>
        <source>Select an event to see its reports.</source>
        <translation>Виберіть подію, щоб побачити її повідомлення.</translation>
    </message>
    <message>
        <source>Event summary</source>
        <translation>Зведення події</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Evidence of the report</source>
        <translation>Докази повідомлення</translation>
    </message>
    <message>
        <source>Add evidence… ({shortcut})</source>
        <translation>Додати доказ… ({shortcut})</translation>
    </message>
    <message>
        <source>Open evidence</source>
        <translation>Відкрити доказ</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>Додати доказ</translation>
    </message>
    <message>
        <source>New report for this event</source>
        <translation>Нове повідомлення до цієї події</translation>
    </message>
    <message>
        <source>Edit report</source>
        <translation>Змінити повідомлення</translation>
    </message>
    <message>
        <source>Delete report</source>
        <translation>Видалити повідомлення</translation>
    </message>
    <message>
        <source>No evidence yet: drop a file on the report</source>
        <translation>Доказів ще немає: перетягніть файл на повідомлення</translation>
    </message>
    <message>
        <source>Possible reversed direction</source>
        <translation>Можливо, напрямок переплутано</translation>
    </message>
    <message>
        <source>no flows</source>
        <translation>без передач</translation>
    </message>
    <message>
        <source>event {id}</source>
        <translation>подія {id}</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>дату не вказано</translation>
    </message>
    <message>
        <source>no location</source>
        <translation>місце не вказано</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Передачі</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Possible reversed direction: two reports state opposite directions</source>
        <translation>Можливо, напрямок переплутано: два повідомлення вказують протилежні напрямки</translation>
    </message>
    <message>
        <source>  ⚠ reversed?</source>
        <translation>  ⚠ навпаки?</translation>
    </message>
</context>
<context>
    <name>EventsPane</name>
    <message>
        <source>Type:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Категорія:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Від:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>До:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Усі</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>до перевірки</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>To</source>
        <translation>До</translation>
    </message>
    <message>
        <source>Search quotes, sources, locations (Ctrl+F)</source>
        <translation>Пошук у цитатах, джерелах, місцях (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter error</source>
        <translation>Помилка фільтра</translation>
    </message>
    <message>
        <source>No event matches the search and filters (Ctrl+Shift+L clears them).</source>
        <translation>Жодна подія не відповідає пошуку й фільтрам (Ctrl+Shift+L їх скидає).</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>Пошук:</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>&amp;За спаданням</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>✓ verified</source>
        <translation>✓ перевірено</translation>
    </message>
    <message>
        <source>✗ altered</source>
        <translation>✗ змінено</translation>
    </message>
    <message>
        <source>✗ missing</source>
        <translation>✗ відсутній</translation>
    </message>
    <message>
        <source>… not checked yet</source>
        <translation>… ще не перевірено</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>перевірено</translation>
    </message>
    <message>
        <source>altered</source>
        <translation>змінено</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>відсутній</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation>Дата доступу</translation>
    </message>
    <message>
        <source>Archive URL</source>
        <translation>Архівне посилання</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Evidence details</source>
        <translation>Відомості про доказ</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>Додати доказ</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Назва файлу</translation>
    </message>
    <message>
        <source>Accessed on</source>
        <translation>Дата доступу</translation>
    </message>
    <message>
        <source>https://web.archive.org/… (typed, never fetched)</source>
        <translation>https://web.archive.org/… (вводиться вручну, програма нічого не завантажує)</translation>
    </message>
    <message>
        <source>where it came from, what it shows</source>
        <translation>звідки файл і що він показує</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примітка</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt;&lt;br&gt;for {report}</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt;&lt;br&gt;до: {report}</translation>
    </message>
    <message>
        <source>Add evidence {file}</source>
        <translation>Додати доказ {file}</translation>
    </message>
    <message>
        <source>Remove evidence {file}</source>
        <translation>Прибрати доказ {file}</translation>
    </message>
    <message>
        <source>Edit evidence details of {file}</source>
        <translation>Змінити відомості про доказ {file}</translation>
    </message>
    <message>
        <source>Add evidence to the report</source>
        <translation>Додати доказ до повідомлення</translation>
    </message>
    <message>
        <source>This file is read-only: no evidence can be added.</source>
        <translation>Цей файл лише для читання: докази додати не можна.</translation>
    </message>
    <message>
        <source>Select a report first: evidence backs one report.</source>
        <translation>Спершу виберіть повідомлення: доказ підтверджує одне повідомлення.</translation>
    </message>
    <message>
        <source>Copying {file}</source>
        <translation>Копіювання {file}</translation>
    </message>
    <message>
        <source>Cancelled: {file} was not added.</source>
        <translation>Скасовано: {file} не додано.</translation>
    </message>
    <message>
        <source>The report already has this file ({file}).</source>
        <translation>Повідомлення вже має цей файл ({file}).</translation>
    </message>
    <message>
        <source>The accessed date, archive URL and note it was added with are kept; those typed now were not stored.</source>
        <translation>Дату доступу, адресу архіву й примітку, з якими його додали, збережено; введені зараз не записано.</translation>
    </message>
    <message>
        <source>Evidence not added</source>
        <translation>Доказ не додано</translation>
    </message>
    <message>
        <source>{file}: {problem}.</source>
        <translation>{file}: {problem}.</translation>
    </message>
    <message>
        <source>report {id}</source>
        <translation>повідомлення {id}</translation>
    </message>
    <message>
        <source>the report of {source} ({date})</source>
        <translation>повідомлення від {source} ({date})</translation>
    </message>
    <message>
        <source>This file is read-only: evidence details cannot change.</source>
        <translation>Цей файл лише для читання: відомості про докази не можна змінити.</translation>
    </message>
    <message>
        <source>{file} has changed since it was added: what opened is not the file its SHA-256 names (Edit → Verify evidence files).</source>
        <translation>{file} змінився відтоді, як його додали: відкрито не той файл, що його називає SHA-256 (Редагування → Перевірити файли доказів).</translation>
    </message>
    <message>
        <source>{file} has not been checked against its SHA-256 since it last changed on disk: Edit → Verify evidence files says whether it is still the file that was added.</source>
        <translation>{file} не перевіряли за SHA-256 відтоді, як він востаннє змінився на диску: Редагування → Перевірити файли доказів покаже, чи це досі той файл, що його додали.</translation>
    </message>
    <message>
        <source>KB</source>
        <translation>КБ</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>МБ</translation>
    </message>
    <message>
        <source>GB</source>
        <translation>ГБ</translation>
    </message>
    <message>
        <source>accessed {date}</source>
        <translation>дата доступу {date}</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Докази</translation>
    </message>
    <message>
        <source>SHA-256 {hash}</source>
        <translation>Хеш SHA-256: {hash}</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Відкрити</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>Ві&amp;домості…</translation>
    </message>
    <message>
        <source>&amp;Remove from the report</source>
        <translation>&amp;Прибрати з повідомлення</translation>
    </message>
    <message>
        <source>{file} is missing from the evidence folder.</source>
        <translation>Файлу {file} немає в папці доказів.</translation>
    </message>
</context>
<context>
    <name>FlowsEditor</name>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Від кого</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Кількість</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>Точність</translation>
    </message>
    <message>
        <source>{name} is a new party: did you mean {known}?</source>
        <translation>{name} — нова сторона: можливо, {known}?</translation>
    </message>
    <message>
        <source>{name} is a new party</source>
        <translation>{name} — нова сторона</translation>
    </message>
    <message>
        <source>e.g. 1212</source>
        <translation>напр. 1212</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Прибрати</translation>
    </message>
    <message>
        <source>Remove flow</source>
        <translation>Прибрати передачу</translation>
    </message>
    <message>
        <source>Remove this flow (Ctrl+Shift+Delete in the row)</source>
        <translation>Прибрати цю передачу (Ctrl+Shift+Delete у рядку)</translation>
    </message>
    <message>
        <source>Flow error</source>
        <translation>Помилка передачі</translation>
    </message>
    <message>
        <source>No flows: a report may state none (talks, statements).</source>
        <translation>Без передач: повідомлення може їх не містити (переговори, заяви).</translation>
    </message>
    <message>
        <source>Add flow</source>
        <translation>Додати передачу</translation>
    </message>
    <message>
        <source>Add a flow (Alt+A)</source>
        <translation>Додати передачу (Alt+A)</translation>
    </message>
    <message>
        <source>this report already states {flow}</source>
        <translation>це повідомлення вже містить {flow}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This file is read-only: you can read, filter and export, but not change it.</source>
        <translation>Цей файл лише для читання: його можна читати, фільтрувати й експортувати, але не змінювати.</translation>
    </message>
    <message>
        <source>Read-only banner</source>
        <translation>Попередження про режим лише для читання</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Робочі простори</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Баланс</translation>
    </message>
    <message>
        <source>{names} beside it belong to another user (a program of theirs read the ledger in this folder) and cannot be written by you.</source>
        <translation>{names} поруч із ним належать іншому користувачеві (його програма читала реєстр у цій папці), і ви не можете їх записати.</translation>
    </message>
    <message>
        <source>{name} was written by an older version and has been upgraded; the file as it was is kept as {backup}.</source>
        <translation>{name} записано старішою версією, і його оновлено; файл, яким він був, збережено як {backup}.</translation>
    </message>
    <message>
        <source>&amp;New file…</source>
        <translation>&amp;Новий файл…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Відкрити…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Імпорт CSV…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Експорт CSV…</translation>
    </message>
    <message>
        <source>Import an export &amp;folder…</source>
        <translation>Імпорт &amp;папки експорту…</translation>
    </message>
    <message>
        <source>Export also &amp;writes a workbook (.xlsx)</source>
        <translation>Експорт також &amp;записує робочу книгу (.xlsx)</translation>
    </message>
    <message>
        <source>&amp;Merge another file…</source>
        <translation>&amp;Об’єднати з іншим файлом…</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>Зберегти &amp;копію…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Ви&amp;йти</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <source>&amp;Edit the selected report</source>
        <translation>&amp;Змінити вибране повідомлення</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Видалити</translation>
    </message>
    <message>
        <source>&amp;Sources…</source>
        <translation>&amp;Джерела…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>З&amp;найти</translation>
    </message>
    <message>
        <source>&amp;Record: events, reports and the form</source>
        <translation>&amp;Запис: події, повідомлення та форма</translation>
    </message>
    <message>
        <source>Re&amp;view: the queue and the reports side by side</source>
        <translation>Пе&amp;ревірка: черга й повідомлення поруч</translation>
    </message>
    <message>
        <source>&amp;Balance: the chart</source>
        <translation>&amp;Баланс: графік</translation>
    </message>
    <message>
        <source>Go to the event&apos;s re&amp;ports</source>
        <translation>Перейти до по&amp;відомлень події</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>&amp;About Exchange Ledger</source>
        <translation>&amp;Про Exchange Ledger</translation>
    </message>
    <message>
        <source>&amp;New event</source>
        <translation>&amp;Нова подія</translation>
    </message>
    <message>
        <source>This report is not committed yet: commit it (Ctrl+Enter), then drop the file on it.</source>
        <translation>Це повідомлення ще не внесено: внесіть його (Ctrl+Enter), тоді перетягніть на нього файл.</translation>
    </message>
    <message>
        <source>No report to add the file to: select a report, or edit one, then drop the file on the form.</source>
        <translation>Немає повідомлення, до якого додати файл: виберіть повідомлення або відкрийте його для редагування, тоді перетягніть файл на форму.</translation>
    </message>
    <message>
        <source>This file is open read-only: nothing can be changed.</source>
        <translation>Цей файл відкрито лише для читання: нічого не можна змінити.</translation>
    </message>
    <message>
        <source>New re&amp;port for the selected event</source>
        <translation>Нове повідомлення до в&amp;ибраної події</translation>
    </message>
    <message>
        <source>&amp;Your name…</source>
        <translation>Ваше ім’&amp;я…</translation>
    </message>
    <message>
        <source>&amp;Show events to review</source>
        <translation>Показати події до п&amp;еревірки</translation>
    </message>
    <message>
        <source>Cl&amp;ear filters</source>
        <translation>С&amp;кинути фільтри</translation>
    </message>
    <message>
        <source>Go to the en&amp;try form</source>
        <translation>Перейти до &amp;форми введення</translation>
    </message>
    <message>
        <source>&amp;Add evidence to the report…</source>
        <translation>Додати д&amp;оказ до повідомлення…</translation>
    </message>
    <message>
        <source>&amp;Verify evidence files</source>
        <translation>Перев&amp;ірити файли доказів</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Нещодавні &amp;файли</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Редагування</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>S&amp;ort events by</source>
        <translation>&amp;Сортувати події за</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Перевірка</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>{file} [read-only] — Exchange Ledger</source>
        <translation>{file} [лише читання] — Exchange Ledger</translation>
    </message>
    <message>
        <source>{file} — Exchange Ledger</source>
        <translation>{file} — Exchange Ledger</translation>
    </message>
    <message>
        <source>{count} to review</source>
        <translation>до перевірки: {count}</translation>
    </message>
    <message>
        <source>Waiting for another program that is writing {file} ({seconds} s)… your change will be saved as soon as it is done.</source>
        <translation>Очікування на іншу програму, що записує {file} ({seconds} с)… вашу зміну буде збережено, щойно вона завершить.</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Не чекати</translation>
    </message>
    <message>
        <source>Waiting for another program</source>
        <translation>Очікування на іншу програму</translation>
    </message>
    <message>
        <source>Undo starts afresh: another program changed {name}.</source>
        <translation>Історію скасувань почато заново: інша програма змінила {name}.</translation>
    </message>
    <message>
        <source>Select an event first.</source>
        <translation>Спершу виберіть подію.</translation>
    </message>
    <message>
        <source>Delete acts on the events table (the selected event) or on an event&apos;s reports (the selected reports): select there first.</source>
        <translation>Видалення діє в таблиці подій (вибрана подія) або в повідомленнях події (вибрані повідомлення): спершу виберіть там.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Видалення</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Видалити подію</translation>
    </message>
    <message>
        <source>Your name is now {name}: the entries and decisions you make from now on carry it.</source>
        <translation>Тепер ваше ім’я — {name}: записи й рішення, які ви робитимете далі, матимуть його.</translation>
    </message>
    <message>
        <source>Verifying evidence files</source>
        <translation>Перевірка файлів доказів</translation>
    </message>
    <message>
        <source>Evidence files missing or altered</source>
        <translation>Файли доказів відсутні або змінені</translation>
    </message>
    <message>
        <source>This ledger has no evidence files to verify.</source>
        <translation>У цьому реєстрі немає файлів доказів для перевірки.</translation>
    </message>
    <message>
        <source>About Exchange Ledger</source>
        <translation>Про Exchange Ledger</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exchange Ledger&lt;/b&gt; {version}&lt;br&gt;Sourced events of a war, their conflicting reports, and the balance of exchanges. Works offline; every change is committed at once and audited.</source>
        <translation>&lt;b&gt;Exchange Ledger&lt;/b&gt; {version}&lt;br&gt;Події війни з джерелами, суперечливі повідомлення про них і баланс обмінів. Працює без мережі; кожну зміну одразу внесено й задокументовано.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>The window will speak {language} when Exchange Ledger starts again. Restart now? Everything is already saved.</source>
        <translation>Мову інтерфейсу буде змінено на «{language}» після перезапуску Exchange Ledger. Перезапустити зараз? Усе вже збережено.</translation>
    </message>
    <message>
        <source>Exchange Ledger could not be started again: please close it and start it yourself.</source>
        <translation>Не вдалося перезапустити Exchange Ledger: закрийте програму й запустіть її самостійно.</translation>
    </message>
    <message>
        <source>New ledger file</source>
        <translation>Новий файл реєстру</translation>
    </message>
    <message>
        <source>Ledger files (*.db)</source>
        <translation>Файли реєстру (*.db)</translation>
    </message>
    <message>
        <source>Open a ledger file</source>
        <translation>Відкрити файл реєстру</translation>
    </message>
    <message>
        <source>Ledger files (*.db);;All files (*)</source>
        <translation>Файли реєстру (*.db);;Усі файли (*)</translation>
    </message>
    <message>
        <source>{name} copy.db</source>
        <translation>{name} копія.db</translation>
    </message>
    <message>
        <source>Save a copy of the ledger</source>
        <translation>Зберегти копію реєстру</translation>
    </message>
    <message>
        <source>Saving a copy as {name}</source>
        <translation>Збереження копії як {name}</translation>
    </message>
    <message>
        <source>Cancelled: no copy was saved.</source>
        <translation>Скасовано: копію не збережено.</translation>
    </message>
    <message>
        <source>The copy was not saved</source>
        <translation>Копію не збережено</translation>
    </message>
    <message>
        <source>Some evidence files were not copied</source>
        <translation>Деякі файли доказів не скопійовано</translation>
    </message>
    <message>
        <source>The copy {path} holds every commit, but these evidence files could not be copied beside it:</source>
        <translation>Копія {path} містить усі зафіксовані зміни, але ці файли доказів не вдалося скопіювати поруч із нею:</translation>
    </message>
    <message>
        <source>Saved a copy of the ledger as {path}.</source>
        <translation>Копію реєстру збережено як {path}.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(немає)</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Не вдається відкрити файл</translation>
    </message>
    <message>
        <source>&amp;Remove from Open recent</source>
        <translation>&amp;Прибрати з «Нещодавніх файлів»</translation>
    </message>
    <message>
        <source>&amp;Keep it listed</source>
        <translation>&amp;Залишити в списку</translation>
    </message>
    <message>
        <source>Changes kept beside the file</source>
        <translation>Зміни збережено поруч із файлом</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>&apos;{text}&apos; is not a date: use YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>«{text}» не є датою: пишіть РРРР-ММ-ДД, РРРР-ММ або РРРР</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a real date: there is no month {month}</source>
        <translation>«{text}» не є справжньою датою: місяця {month} не існує</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a real date: {month} has {days} days</source>
        <translation>«{text}» не є справжньою датою: у {month} {days} днів</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a real date</source>
        <translation>«{text}» не є справжньою датою</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is in the future (today is {today})</source>
        <translation>«{text}» — дата в майбутньому (сьогодні {today})</translation>
    </message>
    <message>
        <source>date is required (YYYY-MM-DD, YYYY-MM or YYYY)</source>
        <translation>потрібна дата (РРРР-ММ-ДД, РРРР-ММ або РРРР)</translation>
    </message>
    <message>
        <source>source is required</source>
        <translation>потрібне джерело</translation>
    </message>
    <message>
        <source>from party is required</source>
        <translation>потрібна сторона-відправник</translation>
    </message>
    <message>
        <source>to party is required</source>
        <translation>потрібна сторона-отримувач</translation>
    </message>
    <message>
        <source>count is required</source>
        <translation>потрібна кількість</translation>
    </message>
    <message>
        <source>count is &apos;{value}&apos;: a whole number such as 1245 or 1,245</source>
        <translation>кількість «{value}»: потрібне ціле число, напр. 1245 або 1 245</translation>
    </message>
    <message>
        <source>count is &apos;{value}&apos;: write a plain non-negative whole number, without separators or signs (1212, not 1,212)</source>
        <translation>кількість «{value}»: пишіть звичайне невід’ємне ціле число, без роздільників і знаків (1212, а не 1,212)</translation>
    </message>
    <message>
        <source>count is {value}: more than {limit} is not a plausible count</source>
        <translation>кількість {value}: понад {limit} — неправдоподібна кількість</translation>
    </message>
    <message>
        <source>from and to are both &apos;{party}&apos;: a flow goes between two parties</source>
        <translation>і «від кого», і «кому» — «{party}»: передача відбувається між двома сторонами</translation>
    </message>
    <message>
        <source>URL &apos;{value}&apos; must start with http:// or https:// and hold no spaces</source>
        <translation>URL «{value}» має починатися з http:// або https:// і не містити пробілів</translation>
    </message>
    <message>
        <source>{what} &apos;{value}&apos; mixes Latin and Cyrillic letters: the word &apos;{word}&apos; has the {script} letter &apos;{letter}&apos; ({code} {name})</source>
        <translation>{what} «{value}» змішує латинські й кириличні літери: у слові «{word}» є {script} літера «{letter}» ({code} {name})</translation>
    </message>
    <message>
        <source>a rationale is required: say why this value was decided</source>
        <translation>потрібне обґрунтування: поясніть, чому ухвалено це значення</translation>
    </message>
    <message>
        <source>no report states {flow}</source>
        <translation>жодне повідомлення не містить {flow}</translation>
    </message>
    <message>
        <source>there is no report {report}</source>
        <translation>немає повідомлення {report}</translation>
    </message>
    <message>
        <source>the report states {flow} twice</source>
        <translation>повідомлення двічі називає {flow}</translation>
    </message>
    <message>
        <source>{what} is empty: use one of {allowed}</source>
        <translation>{what}: порожньо; пишіть одне з: {allowed}</translation>
    </message>
    <message>
        <source>{what} is &apos;{value}&apos;: use one of {allowed}</source>
        <translation>{what}: «{value}»; пишіть одне з: {allowed}</translation>
    </message>
    <message>
        <source>credibility is &apos;{value}&apos;: use a grade from 1 to 6</source>
        <translation>достовірність «{value}»: пишіть оцінку від 1 до 6</translation>
    </message>
    <message>
        <source>location is required</source>
        <translation>потрібне місце</translation>
    </message>
    <message>
        <source>{column} is required</source>
        <translation>потрібне значення {column}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is in the future (it is now {now})</source>
        <translation>«{text}» — час у майбутньому (зараз {now})</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a UTC time: use YYYY-MM-DDTHH:MM:SSZ</source>
        <translation>«{text}» не є часом UTC: пишіть YYYY-MM-DDTHH:MM:SSZ</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a real time</source>
        <translation>«{text}» не є справжнім часом</translation>
    </message>
    <message>
        <source>seq is {value}: more than {limit}, the largest number a ledger holds</source>
        <translation>seq — {value}: більше за {limit}, найбільше число, яке вміщує реєстр</translation>
    </message>
    <message>
        <source>seq is &apos;{value}&apos;: a plain non-negative whole number</source>
        <translation>seq «{value}»: потрібне звичайне невід’ємне ціле число</translation>
    </message>
    <message>
        <source>has {cells} cells where the header has {header}</source>
        <translation>клітинок у рядку: {cells}, а в заголовку: {header}</translation>
    </message>
    <message>
        <source>holds bytes that are not UTF-8 (save the file as UTF-8)</source>
        <translation>містить байти не в кодуванні UTF-8 (збережіть файл у UTF-8)</translation>
    </message>
    <message>
        <source>holds a NUL character</source>
        <translation>містить символ NUL</translation>
    </message>
    <message>
        <source>not readable as CSV: {error}</source>
        <translation>не читається як CSV: {error}</translation>
    </message>
    <message>
        <source>the file is empty: a header row is required</source>
        <translation>файл порожній: потрібен рядок заголовка</translation>
    </message>
    <message>
        <source>the required column &apos;{column}&apos; is missing</source>
        <translation>бракує обов’язкового стовпця «{column}»</translation>
    </message>
    <message>
        <source>the column &apos;{column}&apos; appears twice</source>
        <translation>стовпець «{column}» трапляється двічі</translation>
    </message>
    <message>
        <source>unknown column &apos;{column}&apos;</source>
        <translation>невідомий стовпець «{column}»</translation>
    </message>
    <message>
        <source>and {count} more problems with the columns</source>
        <translation>і ще проблем зі стовпцями: {count}</translation>
    </message>
    <message>
        <source>differs from row {row} of the same report {report} (&apos;{value}&apos;)</source>
        <translation>відрізняється від рядка {row} того самого повідомлення {report} («{value}»)</translation>
    </message>
    <message>
        <source>report {report} already states {flow} at row {row}</source>
        <translation>повідомлення {report} уже містить {flow} у рядку {row}</translation>
    </message>
    <message>
        <source>source &apos;{source}&apos; was renamed or merged in this ledger; its reports go to &apos;{target}&apos;</source>
        <translation>джерело &apos;{source}&apos; у цьому реєстрі перейменовано або об’єднано з іншим; його повідомлення переходять до &apos;{target}&apos;</translation>
    </message>
    <message>
        <source>report {report} was deleted from this ledger; it is not brought back</source>
        <translation>повідомлення {report} було видалено з цього реєстру; його не буде повернуто</translation>
    </message>
    <message>
        <source>report {report} is already in the database with other content ({differences}); edits travel by merge, not import</source>
        <translation>повідомлення {report} уже є в реєстрі з іншим вмістом ({differences}); зміни переносить об’єднання, а не імпорт</translation>
    </message>
    <message>
        <source>report {report} says the same here and in the file, recorded apart ({differences}); kept as recorded here</source>
        <translation>повідомлення {report} у реєстрі й у файлі каже те саме, але записане окремо ({differences}); залишено, як записано тут</translation>
    </message>
    <message>
        <source>report {report} and 1 more report say the same here and in the file, recorded apart ({differences}); kept as recorded here</source>
        <translation>повідомлення {report} і ще одне в реєстрі й у файлі кажуть те саме, але записані окремо ({differences}); залишено, як записано тут</translation>
    </message>
    <message>
        <source>report {report} and {more} more reports say the same here and in the file, recorded apart ({differences}); kept as recorded here</source>
        <translation>повідомлення {report} і ще {more} у реєстрі й у файлі кажуть те саме, але записані окремо ({differences}); залишено, як записано тут</translation>
    </message>
    <message>
        <source>event {event} is &apos;{known}&apos; {origin}; an event has one type</source>
        <translation>подія {event} має тип «{known}» {origin}; у події один тип</translation>
    </message>
    <message>
        <source>source &apos;{source}&apos; is &apos;{kind}&apos; {origin}; &apos;{given}&apos; ignored</source>
        <translation>джерело «{source}» має тип «{kind}» {origin}; «{given}» пропущено</translation>
    </message>
    <message>
        <source>source &apos;{source}&apos; is graded {grade} {origin}; {given} ignored</source>
        <translation>джерело «{source}» має оцінку {grade} {origin}; {given} пропущено</translation>
    </message>
    <message>
        <source>&apos;???&apos; where there may have been letters: a spreadsheet saved in a legacy encoding writes &apos;?&apos; for each letter it cannot hold; save as UTF-8 and import again</source>
        <translation>«???» там, де, можливо, були літери: електронна таблиця, збережена в застарілому кодуванні, пише «?» замість кожної літери, якої не може зберегти; збережіть файл у UTF-8 та імпортуйте знову</translation>
    </message>
    <message>
        <source>a &apos; followed by a line feed: a spreadsheet turned the guarded carriage return into a line feed, so the &apos; stays in the text</source>
        <translation>&apos; і за ним перенесення рядка: електронна таблиця перетворила захищене повернення каретки на перенесення рядка, тож &apos; лишається в тексті</translation>
    </message>
    <message>
        <source>exactly {limit} characters, all a spreadsheet cell holds: cut?</source>
        <translation>рівно {limit} символів — стільки вміщує клітинка електронної таблиці: обрізано?</translation>
    </message>
    <message>
        <source>is missing: {folder} is not an export folder (it has no {file})</source>
        <translation>бракує: {folder} — не папка експорту (у ній немає {file})</translation>
    </message>
    <message>
        <source>the same id as row {row}</source>
        <translation>той самий ідентифікатор, що й у рядку {row}</translation>
    </message>
    <message>
        <source>the same name and party as row {row}</source>
        <translation>ті самі назва і сторона, що й у рядку {row}</translation>
    </message>
    <message>
        <source>a direction decision has the value &apos;{dismissed}&apos;, not &apos;{value}&apos;</source>
        <translation>рішення щодо напрямку має значення «{dismissed}», а не «{value}»</translation>
    </message>
    <message>
        <source>a date decision names no flow</source>
        <translation>рішення щодо дати не називає передачі</translation>
    </message>
    <message>
        <source>a location decision names no flow</source>
        <translation>рішення щодо місця не називає передачі</translation>
    </message>
    <message>
        <source>could not be read, so the restored statuses are unchecked</source>
        <translation>не вдалося прочитати, тож відновлені статуси не перевірено</translation>
    </message>
    <message>
        <source>seq {seq} is also the place of a decision: each write has its own</source>
        <translation>seq {seq} — це також місце рішення: кожен запис має власне</translation>
    </message>
    <message>
        <source>seq {seq} is also the place of report {report}: each write has its own</source>
        <translation>seq {seq} — це також місце повідомлення {report}: кожен запис має власне</translation>
    </message>
    <message>
        <source>source &apos;{source}&apos; is {kind}, {grade} here and {given_kind}, {given_grade} in {reports}; {sources} is kept</source>
        <translation>джерело «{source}» тут — {kind}, {grade}, а в {reports} — {given_kind}, {given_grade}; залишено {sources}</translation>
    </message>
    <message>
        <source>report {report} was changed by another program since it was opened for editing; nothing was saved, so as not to undo that change</source>
        <translation>повідомлення {report} змінила інша програма відтоді, як його відкрили для редагування; нічого не збережено, щоб не скасувати ту зміну</translation>
    </message>
    <message>
        <source>the folder has no {folder} (exported without the evidence files): its records are added without their files ({count}); Verify evidence files names them</source>
        <translation>у папці немає {folder} (експортовано без файлів доказів): її записи додаються без файлів ({count}); їх називає «Перевірити файли доказів»</translation>
    </message>
    <message>
        <source>the file is neither in {folder} nor in this ledger&apos;s evidence folder: the record is added without it (Verify evidence files names it)</source>
        <translation>файлу немає ні в {folder}, ні в папці доказів цього реєстру: запис додається без нього (його називає «Перевірити файли доказів»)</translation>
    </message>
    <message>
        <source>withdrawn in the folder, but withdrawn and reinstated here too, which may be the later change: kept in force here</source>
        <translation>відкликане в папці, але тут його теж відкликали й відновили, і це може бути пізніша зміна: тут лишається чинним</translation>
    </message>
    <message>
        <source>event {event} has no report in {reports} or in this ledger</source>
        <translation>подія {event} не має повідомлень ні в {reports}, ні в цьому реєстрі</translation>
    </message>
    <message>
        <source>report {report} is neither in {reports} nor in this ledger</source>
        <translation>повідомлення {report} немає ні в {reports}, ні в цьому реєстрі</translation>
    </message>
    <message>
        <source>the decision comes back {now}, not {state}</source>
        <translation>рішення повертається як {now}, а не {state}</translation>
    </message>
    <message>
        <source>event {event} comes back {now}, not {status}: the folder was edited, or a merge brought one of its decisions into the exported ledger (a merged decision that differs reopens its field; the folder does not say which decisions were merged)</source>
        <translation>подія {event} повертається як {now}, а не {status}: папку змінено, або об’єднання принесло одне з її рішень до експортованого реєстру (об’єднане рішення, що відрізняється, знову відкриває своє поле; папка не каже, які рішення було об’єднано)</translation>
    </message>
    <message>
        <source>there is no event {event}</source>
        <translation>немає події {event}</translation>
    </message>
    <message>
        <source>no report of event {event} states a flow {flow}</source>
        <translation>жодне повідомлення події {event} не містить передачі {flow}</translation>
    </message>
    <message>
        <source>event {event} has no possible reversed direction to dismiss</source>
        <translation>у події {event} немає можливо переплутаного напрямку, який можна відхилити</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is not a field that can be decided</source>
        <translation>«{field}» — не поле, щодо якого можна ухвалити рішення</translation>
    </message>
    <message>
        <source>report {report} is not a report of event {event}</source>
        <translation>повідомлення {report} не належить до події {event}</translation>
    </message>
    <message>
        <source>report {report} does not state {value} for {flow} (it states nothing)</source>
        <translation>повідомлення {report} не вказує {value} для {flow} (воно нічого не вказує)</translation>
    </message>
    <message>
        <source>report {report} does not state {value} for {flow} (it states {stated})</source>
        <translation>повідомлення {report} не вказує {value} для {flow} (воно вказує {stated})</translation>
    </message>
    <message>
        <source>{inner}, though it was written before the decision: the folder was edited, or a merge brought the decision into the exported ledger</source>
        <translation>{inner}, хоча його записано до рішення: папку змінено, або рішення принесло до експортованого реєстру об’єднання</translation>
    </message>
    <message>
        <source>the columns are separated by semicolons, not by commas: save the file again with &apos;,&apos; as its field delimiter</source>
        <translation>стовпці розділено крапками з комою, а не комами: збережіть файл ще раз із «,» як роздільником полів</translation>
    </message>
    <message>
        <source>the columns are separated by tabs, not by commas: save the file again with &apos;,&apos; as its field delimiter</source>
        <translation>стовпці розділено табуляціями, а не комами: збережіть файл ще раз із «,» як роздільником полів</translation>
    </message>
    <message>
        <source>{path}: there is not enough space on the disk; nothing was changed. Free some space and try again.</source>
        <translation>{path}: на диску бракує місця; нічого не змінено. Звільніть місце й спробуйте ще раз.</translation>
    </message>
    <message>
        <source>{path} is not an Exchange Ledger file (not a SQLite database).</source>
        <translation>{path} — не файл Exchange Ledger (не база даних SQLite).</translation>
    </message>
    <message>
        <source>{path} is damaged: its header is cut short.</source>
        <translation>{path} пошкоджено: його заголовок обрізано.</translation>
    </message>
    <message>
        <source>{path} is damaged: its header names an impossible page size.</source>
        <translation>{path} пошкоджено: його заголовок називає неможливий розмір сторінки.</translation>
    </message>
    <message>
        <source>{path} is damaged: the file is shorter than it should be.</source>
        <translation>{path} пошкоджено: файл коротший, ніж має бути.</translation>
    </message>
    <message>
        <source>{path} is damaged or not a database: {error}.</source>
        <translation>{path} пошкоджено або це не база даних: {error}.</translation>
    </message>
    <message>
        <source>{path} is damaged: {error}.</source>
        <translation>{path} пошкоджено: {error}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not an Exchange Ledger file.</source>
        <translation>{path} — це папка, а не файл Exchange Ledger.</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a pipe, a device or a socket), not an Exchange Ledger file.</source>
        <translation>{path} — не звичайний файл (канал, пристрій або сокет) і не файл Exchange Ledger.</translation>
    </message>
    <message>
        <source>{path} is not an Exchange Ledger file (its schema version, {version}, is not one this program writes).</source>
        <translation>{path} — не файл Exchange Ledger (версії схеми {version} ця програма не пише).</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Exchange Ledger (schema {version}; this version knows up to {known}). Update the program to open it.</source>
        <translation>{path} записано новішою версією Exchange Ledger (схема {version}; ця версія знає до {known}). Оновіть програму, щоб його відкрити.</translation>
    </message>
    <message>
        <source>{path} is a SQLite database, but not an Exchange Ledger file.</source>
        <translation>{path} — база даних SQLite, але не файл Exchange Ledger.</translation>
    </message>
    <message>
        <source>{path} is an empty file: it holds no Exchange Ledger.</source>
        <translation>{path} — порожній файл: у ньому немає реєстру Exchange Ledger.</translation>
    </message>
    <message>
        <source>{path} is an empty SQLite database: it holds no Exchange Ledger.</source>
        <translation>{path} — порожня база даних SQLite: у ній немає реєстру Exchange Ledger.</translation>
    </message>
    <message>
        <source>{path} cannot be opened: {error}.</source>
        <translation>{path} не вдається відкрити: {error}.</translation>
    </message>
    <message>
        <source>{path} must be upgraded behind a backup copy, but there is not enough space on the disk for the copy; nothing was changed.</source>
        <translation>{path} треба оновити, спершу зробивши резервну копію, але на диску бракує місця для копії; нічого не змінено.</translation>
    </message>
    <message>
        <source>{path} cannot be upgraded: {inner}.</source>
        <translation>{path} не вдається оновити: {inner}.</translation>
    </message>
    <message>
        <source>its references do not hold: a record names one that is gone</source>
        <translation>його посилання не сходяться: запис називає інший, якого вже немає</translation>
    </message>
    <message>
        <source>it holds a value this version cannot keep: {problem}. Correct it (the sqlite3 shell can) and open the file again; nothing was changed</source>
        <translation>він містить значення, якого ця версія не може зберегти: {problem}. Виправте його (це вміє оболонка sqlite3) і відкрийте файл знову; нічого не змінено</translation>
    </message>
    <message>
        <source>{path} does not exist and cannot be created here.</source>
        <translation>{path} не існує, і тут його не можна створити.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} не існує.</translation>
    </message>
    <message>
        <source>{path} is missing: it was not copied</source>
        <translation>{path} бракує: його не скопійовано</translation>
    </message>
    <message>
        <source>{path}: its bytes do not match its SHA-256 (expected {expected}, found {found}); it was not accepted</source>
        <translation>{path}: його байти не відповідають його SHA-256 (очікувано {expected}, знайдено {found}); його не прийнято</translation>
    </message>
    <message>
        <source>{path} was written by an older version of Exchange Ledger and must be upgraded before it can be read, but it cannot be written here. Copy it somewhere writable and open the copy.</source>
        <translation>{path} записано старішою версією Exchange Ledger, і перед читанням його треба оновити, але тут у нього не можна писати. Скопіюйте його туди, де можна писати, і відкрийте копію.</translation>
    </message>
    <message>
        <source>{path} is open read-only: nothing can be changed.</source>
        <translation>{path} відкрито лише для читання: нічого не можна змінити.</translation>
    </message>
    <message>
        <source>{path} is open read-only: no evidence can be added.</source>
        <translation>{path} відкрито лише для читання: доказів не можна додати.</translation>
    </message>
    <message>
        <source>{path}: you stopped waiting for the other program that is writing it; nothing was changed.</source>
        <translation>{path}: ви перестали чекати на іншу програму, яка його записує; нічого не змінено.</translation>
    </message>
    <message>
        <source>{path}: another change is still waiting to be saved; nothing was changed. Try again in a moment.</source>
        <translation>{path}: інша зміна ще чекає на збереження; нічого не змінено. Спробуйте ще раз за мить.</translation>
    </message>
    <message>
        <source>event {event} was deleted by another program while the file was read; nothing was imported: import the file again</source>
        <translation>подію {event} видалила інша програма, поки файл читався; нічого не імпортовано: імпортуйте файл ще раз</translation>
    </message>
    <message>
        <source>event {event} was created by another program while the file was read; nothing was imported: import the file again</source>
        <translation>подію {event} створила інша програма, поки файл читався; нічого не імпортовано: імпортуйте файл ще раз</translation>
    </message>
    <message>
        <source>event {event} was retyped by another program while the file was read; nothing was imported: import the file again</source>
        <translation>тип події {event} змінила інша програма, поки файл читався; нічого не імпортовано: імпортуйте файл ще раз</translation>
    </message>
    <message>
        <source>another program renamed or merged {what} {name} while the file was read; nothing was imported: import the file again</source>
        <translation>поки файл читався, інша програма перейменувала чи об’єднала — {what} {name}; нічого не імпортовано: імпортуйте файл ще раз</translation>
    </message>
    <message>
        <source>another program added {what} {name} while the file was read; nothing was imported: import the file again</source>
        <translation>поки файл читався, інша програма додала те саме — {what} {name}; нічого не імпортовано: імпортуйте файл ще раз</translation>
    </message>
    <message>
        <source>{path} is being written by another program and stayed busy for {seconds} s; nothing was changed. Try again.</source>
        <translation>{path} записує інша програма, і файл лишався зайнятим {seconds} с; нічого не змінено. Спробуйте ще раз.</translation>
    </message>
    <message>
        <source>{path} is being written by another program (an import into it, say) and stayed busy for {seconds} s; nothing was changed. Open it again once that program is done.</source>
        <translation>{path} записує інша програма (наприклад, імпорт у нього), і файл лишався зайнятим {seconds} с; нічого не змінено. Відкрийте його знову, коли та програма закінчить.</translation>
    </message>
    <message>
        <source>{path} is no longer the file that was opened: it was moved, deleted or replaced by another program (a sync client, say); nothing was changed. Open the ledger again where it is now.</source>
        <translation>{path} — уже не той файл, що був відкритий: його перемістили, видалили або замінила інша програма (наприклад, клієнт синхронізації); нічого не змінено. Відкрийте реєстр знову там, де він тепер.</translation>
    </message>
    <message>
        <source>{path} cannot be written ({reason}): the copy was not written.</source>
        <translation>У {path} не можна записувати ({reason}): копію не записано.</translation>
    </message>
    <message>
        <source>{path} is a file where a folder is needed: name a folder (one that does not exist yet is created); nothing was written.</source>
        <translation>{path} — файл там, де потрібна папка: укажіть папку (ту, якої ще немає, буде створено); нічого не записано.</translation>
    </message>
    <message>
        <source>{path} is a folder where the export writes a file: move it away; nothing was written.</source>
        <translation>{path} — папка там, куди експорт записує файл: перемістіть її; нічого не записано.</translation>
    </message>
    <message>
        <source>{path} cannot be written ({reason}): nothing was exported.</source>
        <translation>{path} неможливо записати ({reason}): нічого не експортовано.</translation>
    </message>
    <message>
        <source>{path} cannot be written: permission denied.</source>
        <translation>У {path} не вдається записати: доступ заборонено.</translation>
    </message>
    <message>
        <source>{path} already exists: choose a name that is not taken.</source>
        <translation>{path} уже існує: виберіть вільну назву.</translation>
    </message>
    <message>
        <source>{path} is not a folder: the copy was not written.</source>
        <translation>{path} — не папка: копію не записано.</translation>
    </message>
    <message>
        <source>{path}: there is not enough space on the disk; the copy was not written.</source>
        <translation>{path}: на диску бракує місця; копію не записано.</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}.</source>
        <translation>{path} не вдалося записати: {error}.</translation>
    </message>
    <message>
        <source>accessed date &apos;{value}&apos; must be a day, YYYY-MM-DD</source>
        <translation>дата доступу «{value}» має бути днем: РРРР-ММ-ДД</translation>
    </message>
    <message>
        <source>accessed date: {inner}</source>
        <translation>дата доступу: {inner}</translation>
    </message>
    <message>
        <source>archive URL &apos;{value}&apos; must start with http:// or https:// and hold no spaces</source>
        <translation>архівне посилання «{value}» має починатися з http:// або https:// і не містити пробілів</translation>
    </message>
    <message>
        <source>the evidence file needs a name</source>
        <translation>файл доказу повинен мати назву</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} не існує</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file</source>
        <translation>{path} — це папка, а не файл</translation>
    </message>
    <message>
        <source>{path} cannot be read: permission denied</source>
        <translation>{path} не вдається прочитати: доступ заборонено</translation>
    </message>
    <message>
        <source>{path} is not a regular file</source>
        <translation>{path} не є звичайним файлом</translation>
    </message>
    <message>
        <source>{what} {record} has {column} {at}, in the future (it is now {now}){also}: the other computer&apos;s clock is probably ahead, and such a time would win every later merge against the edits and decisions made here; nothing merged</source>
        <translation>{what} {record}: {column} {at} — у майбутньому (зараз {now}){also}: годинник іншого комп’ютера, мабуть, поспішає, і такий час переважав би в кожному наступному об’єднанні над правками й рішеннями, зробленими тут; нічого не об’єднано</translation>
    </message>
    <message>
        <source>type clash, nothing merged: {clashes}</source>
        <translation>типи не збігаються, нічого не об’єднано: {clashes}</translation>
    </message>
    <message>
        <source>{path} holds a value this program cannot read: {problem}{also}; nothing merged</source>
        <translation>{path} містить значення, яке ця програма не може прочитати (так його називає «exchange-ledger check»): «{problem}»{also}; нічого не об’єднано</translation>
    </message>
    <message>
        <source>report {report} belongs to event {event} here and {other} there; nothing merged</source>
        <translation>повідомлення {report} належить тут до події {event}, а там до {other}; нічого не об’єднано</translation>
    </message>
    <message>
        <source>{path} is left from an earlier export and holds older numbers than these files: export the workbook again, or delete it</source>
        <translation>{path} лишилася від попереднього експорту й містить старіші числа, ніж ці файли: експортуйте робочу книгу ще раз або видаліть її</translation>
    </message>
    <message>
        <source>{file}: {rows} rows, more than a spreadsheet shows in one sheet ({limit}); the CSV file holds them all</source>
        <translation>{file}: рядків {rows} — більше, ніж електронна таблиця показує на одному аркуші ({limit}); файл CSV містить їх усі</translation>
    </message>
    <message>
        <source>{file} row {row}, column {column}: {length} characters, more than a spreadsheet cell holds; cut to {limit} in the workbook (the CSV file holds it whole)</source>
        <translation>{file}, рядок {row}, стовпець {column}: символів {length} — більше, ніж уміщує клітинка таблиці; у робочій книзі обрізано до {limit} (файл CSV містить текст повністю)</translation>
    </message>
    <message>
        <source>{path} held files left by an earlier export that no report here cites any more: removed ({count})</source>
        <translation>У {path} були файли, залишені попереднім експортом, на які вже не посилається жодне повідомлення: їх видалено ({count})</translation>
    </message>
    <message>
        <source>{path} holds files left by an earlier export that no report here cites any more ({count}): export with the evidence files again, which removes them, or delete them</source>
        <translation>У {path} є файли, залишені попереднім експортом, на які вже не посилається жодне повідомлення ({count}): експортуйте ще раз разом із файлами доказів, що їх видалить, або видаліть їх</translation>
    </message>
    <message>
        <source>the disk of {folder} is full: {file} was not added to the evidence; make room there and add it again</source>
        <translation>диск папки {folder} заповнено: {file} не додано до доказів; звільніть там місце й додайте його знову</translation>
    </message>
    <message>
        <source>{folder} cannot be written: {file} was not added to the evidence</source>
        <translation>У {folder} не вдається записати: {file} не додано до доказів</translation>
    </message>
    <message>
        <source>evidence {sha256} is missing from {path}: not exported</source>
        <translation>доказу {sha256} бракує в {path}: не експортовано</translation>
    </message>
    <message>
        <source>evidence {sha256} was altered in {path}: not exported</source>
        <translation>доказ {sha256} змінено в {path}: не експортовано</translation>
    </message>
    <message>
        <source>source</source>
        <translation>джерело</translation>
    </message>
    <message>
        <source>source party</source>
        <translation>сторона джерела</translation>
    </message>
    <message>
        <source>party</source>
        <translation>сторона</translation>
    </message>
    <message>
        <source>from party</source>
        <translation>сторона-відправник</translation>
    </message>
    <message>
        <source>to party</source>
        <translation>сторона-отримувач</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>латинська</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>кирилична</translation>
    </message>
    <message>
        <source>event type</source>
        <translation>тип події</translation>
    </message>
    <message>
        <source>category</source>
        <translation>категорія</translation>
    </message>
    <message>
        <source>count qualifier</source>
        <translation>точність кількості</translation>
    </message>
    <message>
        <source>source kind</source>
        <translation>тип джерела</translation>
    </message>
    <message>
        <source>reliability</source>
        <translation>надійність</translation>
    </message>
    <message>
        <source>field</source>
        <translation>поле</translation>
    </message>
    <message>
        <source>state</source>
        <translation>стан</translation>
    </message>
    <message>
        <source>name</source>
        <translation>назва</translation>
    </message>
    <message>
        <source>report</source>
        <translation>повідомлення</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>рішення</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>доказ</translation>
    </message>
    <message>
        <source>file is not a database</source>
        <translation>файл не є базою даних</translation>
    </message>
    <message>
        <source>database disk image is malformed</source>
        <translation>образ бази даних на диску пошкоджено</translation>
    </message>
    <message>
        <source>disk I/O error</source>
        <translation>помилка введення-виведення диска</translation>
    </message>
    <message>
        <source>unable to open database file</source>
        <translation>не вдається відкрити файл бази даних</translation>
    </message>
    <message>
        <source>attempt to write a readonly database</source>
        <translation>спроба запису в базу даних, відкриту лише для читання</translation>
    </message>
    <message>
        <source>database is locked</source>
        <translation>базу даних заблоковано</translation>
    </message>
    <message>
        <source>database or disk is full</source>
        <translation>базу даних або диск заповнено</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Доступ заборонено</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Дію не дозволено</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Немає такого файлу або папки</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>Файлова система лише для читання</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>На пристрої не залишилося місця</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>Це папка</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>Це не папка</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>Помилка введення-виведення</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation> (і ще {count})</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {message}</source>
        <translation>рядок {row}, стовпець {column}: {message}</translation>
    </message>
    <message>
        <source>row {row}: {message}</source>
        <translation>рядок {row}: {message}</translation>
    </message>
    <message>
        <source>in the database</source>
        <translation>у реєстрі</translation>
    </message>
    <message>
        <source>in row {row} of this file</source>
        <translation>у рядку {row} цього файлу</translation>
    </message>
    <message>
        <source>in row {row}</source>
        <translation>у рядку {row}</translation>
    </message>
    <message>
        <source>event {event} is &apos;{mine}&apos; here and &apos;{theirs}&apos; there</source>
        <translation>подія {event} тут «{mine}», а там «{theirs}»</translation>
    </message>
    <message>
        <source>{column} is {given} in the file, {stored} in the database</source>
        <translation>{column}: {given} у файлі, {stored} у реєстрі</translation>
    </message>
</context>
<context>
    <name>PartialDateEdit</name>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>РРРР-ММ-ДД, РРРР-ММ або РРРР</translation>
    </message>
    <message>
        <source>A day, a month or a year: 2025-06-11, 2025-06 or 2025</source>
        <translation>День, місяць або рік: 2025-06-11, 2025-06 або 2025</translation>
    </message>
    <message>
        <source>{field} calendar</source>
        <translation>Календар: {field}</translation>
    </message>
    <message>
        <source>Pick a day (Alt+Down in the field)</source>
        <translation>Вибрати день (Alt+↓ у полі)</translation>
    </message>
    <message>
        <source>Open calendar</source>
        <translation>Відкрити календар</translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message numerus="yes">
        <source>%Ln report(s)</source>
        <translation>
            <numerusform>%Ln повідомлення</numerusform>
            <numerusform>%Ln повідомлення</numerusform>
            <numerusform>%Ln повідомлень</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln подія</numerusform>
            <numerusform>%Ln події</numerusform>
            <numerusform>%Ln подій</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete this event and its %Ln report(s)? Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Видалити цю подію та її %Ln повідомлення? Скасування (Ctrl+Z) поверне їх.</numerusform>
            <numerusform>Видалити цю подію та її %Ln повідомлення? Скасування (Ctrl+Z) поверне їх.</numerusform>
            <numerusform>Видалити цю подію та її %Ln повідомлень? Скасування (Ctrl+Z) поверне їх.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the selected %Ln report(s)? Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Видалити вибране %Ln повідомлення? Скасування (Ctrl+Z) поверне його.</numerusform>
            <numerusform>Видалити вибрані %Ln повідомлення? Скасування (Ctrl+Z) поверне їх.</numerusform>
            <numerusform>Видалити вибрані %Ln повідомлень? Скасування (Ctrl+Z) поверне їх.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln report(s)</source>
        <translation>
            <numerusform>Видалити %Ln повідомлення</numerusform>
            <numerusform>Видалити %Ln повідомлення</numerusform>
            <numerusform>Видалити %Ln повідомлень</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{file} has %Ln problem(s); nothing was imported. Fix them and import again.</source>
        <translation>
            <numerusform>У {file} %Ln проблема; нічого не імпортовано. Виправте її та імпортуйте знову.</numerusform>
            <numerusform>У {file} %Ln проблеми; нічого не імпортовано. Виправте їх та імпортуйте знову.</numerusform>
            <numerusform>У {file} %Ln проблем; нічого не імпортовано. Виправте їх та імпортуйте знову.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file gives %Ln warning(s): see the details.</source>
        <translation>
            <numerusform>Файл дає %Ln попередження: див. подробиці.</numerusform>
            <numerusform>Файл дає %Ln попередження: див. подробиці.</numerusform>
            <numerusform>Файл дає %Ln попереджень: див. подробиці.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The folder gives %Ln warning(s): see the details.</source>
        <translation>
            <numerusform>Папка дає %Ln попередження: див. подробиці.</numerusform>
            <numerusform>Папка дає %Ln попередження: див. подробиці.</numerusform>
            <numerusform>Папка дає %Ln попереджень: див. подробиці.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) into {folder}.</source>
        <translation>
            <numerusform>Експортовано %Ln рядок до {folder}.</numerusform>
            <numerusform>Експортовано %Ln рядки до {folder}.</numerusform>
            <numerusform>Експортовано %Ln рядків до {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(+%Ln more flow(s))</source>
        <translation>
            <numerusform>(ще %Ln передача)</numerusform>
            <numerusform>(ще %Ln передачі)</numerusform>
            <numerusform>(ще %Ln передач)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more event(s) that day</source>
        <translation>
            <numerusform>… і ще %Ln подія цього дня</numerusform>
            <numerusform>… і ще %Ln події цього дня</numerusform>
            <numerusform>… і ще %Ln подій цього дня</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln earlier target(s) (point at a day)</source>
        <translation>
            <numerusform>ще %Ln попередня ціль (наведіть на день)</numerusform>
            <numerusform>ще %Ln попередні цілі (наведіть на день)</numerusform>
            <numerusform>ще %Ln попередніх цілей (наведіть на день)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) and a workbook into {folder}.</source>
        <translation>
            <numerusform>Експортовано %Ln рядок і робочу книгу до {folder}.</numerusform>
            <numerusform>Експортовано %Ln рядки і робочу книгу до {folder}.</numerusform>
            <numerusform>Експортовано %Ln рядків і робочу книгу до {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln байт</numerusform>
            <numerusform>%Ln байти</numerusform>
            <numerusform>%Ln байтів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Evidence of this report: %Ln file(s)</source>
        <translation>
            <numerusform>Докази повідомлення: %Ln файл</numerusform>
            <numerusform>Докази повідомлення: %Ln файли</numerusform>
            <numerusform>Докази повідомлення: %Ln файлів</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — evidence: {with_evidence} of %Ln report(s)</source>
        <translation>
            <numerusform> — докази: у {with_evidence} з %Ln повідомлення</numerusform>
            <numerusform> — докази: у {with_evidence} з %Ln повідомлень</numerusform>
            <numerusform> — докази: у {with_evidence} з %Ln повідомлень</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln evidence file(s) of {total} no longer match what was added:</source>
        <translation>
            <numerusform>%Ln файл доказів із {total} більше не збігається з доданим:</numerusform>
            <numerusform>%Ln файли доказів із {total} більше не збігаються з доданим:</numerusform>
            <numerusform>%Ln файлів доказів із {total} більше не збігаються з доданим:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln evidence file(s) are as they were added.</source>
        <translation>
            <numerusform>%Ln файл доказів такий, як його додали.</numerusform>
            <numerusform>Усі %Ln файли доказів такі, як їх додали.</numerusform>
            <numerusform>Усі %Ln файлів доказів такі, як їх додали.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>There is no report {number}: this event has %Ln report(s).</source>
        <translation>
            <numerusform>Немає повідомлення {number}: у цієї події %Ln повідомлення.</numerusform>
            <numerusform>Немає повідомлення {number}: у цієї події %Ln повідомлення.</numerusform>
            <numerusform>Немає повідомлення {number}: у цієї події %Ln повідомлень.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Discard</source>
        <translation>Відкинути</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Event &amp;type</source>
        <translation>&amp;Тип події</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>Джере&amp;ло</translation>
    </message>
    <message>
        <source>Source &amp;party</source>
        <translation>&amp;Сторона джерела</translation>
    </message>
    <message>
        <source>Source &amp;kind</source>
        <translation>Т&amp;ип джерела</translation>
    </message>
    <message>
        <source>Reliabilit&amp;y</source>
        <translation>&amp;Надійність</translation>
    </message>
    <message>
        <source>C&amp;laimed date</source>
        <translation>Заявлена д&amp;ата</translation>
    </message>
    <message>
        <source>L&amp;ocation</source>
        <translation>&amp;Місце</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Цитата</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>Pu&amp;blished</source>
        <translation>&amp;Опубліковано</translation>
    </message>
    <message>
        <source>Cred&amp;ibility</source>
        <translation>Достовірн&amp;ість</translation>
    </message>
    <message>
        <source>Form heading</source>
        <translation>Заголовок форми</translation>
    </message>
    <message>
        <source>blank if independent</source>
        <translation>порожньо, якщо незалежне</translation>
    </message>
    <message>
        <source>Source hint</source>
        <translation>Підказка до джерела</translation>
    </message>
    <message>
        <source>Claimed date</source>
        <translation>Заявлена дата</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубліковано</translation>
    </message>
    <message>
        <source>&amp;Commit  (Ctrl+Enter)</source>
        <translation>Вн&amp;ести  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Внести</translation>
    </message>
    <message>
        <source>Cancel  (Esc)</source>
        <translation>Скасувати  (Esc)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>{field} error</source>
        <translation>Помилка: {field}</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Передачі</translation>
    </message>
    <message>
        <source>known source</source>
        <translation>відоме джерело</translation>
    </message>
    <message>
        <source>now {source}</source>
        <translation>тепер {source}</translation>
    </message>
    <message>
        <source>new source</source>
        <translation>нове джерело</translation>
    </message>
    <message>
        <source>This name is known as {sources}: pick it from the list, or type its party.</source>
        <translation>Ця назва відома як {sources}: виберіть джерело зі списку або введіть його сторону.</translation>
    </message>
    <message>
        <source>Discard this report?</source>
        <translation>Відкинути це повідомлення?</translation>
    </message>
    <message>
        <source>Discard what you typed in the form? It has not been saved.</source>
        <translation>Відкинути введене у форму? Його не збережено.</translation>
    </message>
    <message>
        <source>Form cleared.</source>
        <translation>Форму очищено.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Editing a report&lt;/b&gt; of {event}</source>
        <translation>&lt;b&gt;Редагування повідомлення&lt;/b&gt; про {event}</translation>
    </message>
    <message>
        <source>&lt;b&gt;New report&lt;/b&gt; for {event}</source>
        <translation>&lt;b&gt;Нове повідомлення&lt;/b&gt; про {event}</translation>
    </message>
    <message>
        <source>&lt;b&gt;New event&lt;/b&gt; with its first report</source>
        <translation>&lt;b&gt;Нова подія&lt;/b&gt; з першим повідомленням</translation>
    </message>
    <message>
        <source> — &lt;i&gt;the file is read-only&lt;/i&gt;</source>
        <translation> — &lt;i&gt;файл лише для читання&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Not committed</source>
        <translation>Не внесено</translation>
    </message>
    <message>
        <source>Nothing changed: the report stays as it was.</source>
        <translation>Нічого не змінено: повідомлення лишається як було.</translation>
    </message>
    <message>
        <source>Report changed meanwhile</source>
        <translation>Повідомлення тим часом змінено</translation>
    </message>
    <message>
        <source>This report was changed since you began editing it (by another program, a merge or an undo): its reports pane shows it as it is now. Committing would replace that change with what the form holds.</source>
        <translation>Це повідомлення змінено відтоді, як ви почали його редагувати (інша програма, об’єднання або скасування): панель повідомлень показує його таким, яким воно є тепер. Внесення замінить ту зміну тим, що є у формі.</translation>
    </message>
    <message>
        <source>Commit &amp;over it</source>
        <translation>Внести &amp;поверх</translation>
    </message>
    <message>
        <source>Event gone</source>
        <translation>Подію видалено</translation>
    </message>
    <message>
        <source>The event this report was for has no reports left (deleted, undone, or changed by another program). Commit the report as a new event?</source>
        <translation>У події, для якої це повідомлення, не лишилося повідомлень (видалено, скасовано або змінено іншою програмою). Внести повідомлення як нову подію?</translation>
    </message>
    <message>
        <source>The report you were editing has been deleted since you began (Delete, an undo, or another program), so this edit cannot be saved. What you typed stays in the form; Esc clears it.</source>
        <translation>Повідомлення, яке ви редагували, видалено відтоді, як ви почали (Delete, скасування або інша програма), тож цю зміну не можна зберегти. Те, що ви ввели, лишається у формі; Esc очищує її.</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Disputes</source>
        <translation>Спори</translation>
    </message>
    <message>
        <source>Largest disagreement</source>
        <translation>Розбіжність</translation>
    </message>
    <message>
        <source>(in force)</source>
        <translation>(чинне)</translation>
    </message>
    <message>
        <source>(superseded)</source>
        <translation>(замінене пізнішим)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>Сторона</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Надійність</translation>
    </message>
    <message>
        <source>Credibility</source>
        <translation>Достовірність</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубліковано</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Цитата</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Докази</translation>
    </message>
    <message>
        <source>Possible reversed direction: decide the doubtful flow or dismiss the warning</source>
        <translation>Можливо, напрямок переплутано: ухваліть рішення щодо сумнівної передачі або відхиліть попередження</translation>
    </message>
    <message>
        <source>By date</source>
        <translation>За датою</translation>
    </message>
    <message>
        <source>By spread of counts</source>
        <translation>За розкидом кількостей</translation>
    </message>
    <message>
        <source>Sort queue</source>
        <translation>Сортування черги</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Черга перевірки</translation>
    </message>
    <message>
        <source>Reports side by side</source>
        <translation>Повідомлення поруч</translation>
    </message>
    <message>
        <source>Why this value? (required)</source>
        <translation>Чому саме це значення? (обов’язково)</translation>
    </message>
    <message>
        <source>Decision error</source>
        <translation>Помилка рішення</translation>
    </message>
    <message>
        <source>Decide  (Ctrl+Enter)</source>
        <translation>Ухвалити  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Dismiss the warning  (Alt+D)</source>
        <translation>Відхилити попередження  (Alt+D)</translation>
    </message>
    <message>
        <source>Followed report</source>
        <translation>Повідомлення, за яким іде рішення</translation>
    </message>
    <message>
        <source>History and provenance</source>
        <translation>Історія та походження</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значення</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Обґрунтування</translation>
    </message>
    <message>
        <source>Review: next event</source>
        <translation>Перевірка: наступна подія</translation>
    </message>
    <message>
        <source>Review: previous event</source>
        <translation>Перевірка: попередня подія</translation>
    </message>
    <message>
        <source>Review: next field</source>
        <translation>Перевірка: наступне поле</translation>
    </message>
    <message>
        <source>Review: previous field</source>
        <translation>Перевірка: попереднє поле</translation>
    </message>
    <message>
        <source>Review: write the rationale (why)</source>
        <translation>Перевірка: написати обґрунтування (чому)</translation>
    </message>
    <message>
        <source>Review: dismiss the warning (both flows stand as reported)</source>
        <translation>Перевірка: відхилити попередження (обидві передачі лишаються, як повідомлено)</translation>
    </message>
    <message>
        <source>Review: decide</source>
        <translation>Перевірка: ухвалити рішення</translation>
    </message>
    <message>
        <source>Review: take report {number}&apos;s value</source>
        <translation>Перевірка: взяти значення повідомлення {number}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; to review</source>
        <translation>До перевірки: &lt;b&gt;{count}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>, {count} with a possible reversed direction</source>
        <translation>, з можливо переплутаним напрямком: {count}</translation>
    </message>
    <message>
        <source>Choose an event in the queue (or press F8) to see its reports side by side.</source>
        <translation>Виберіть подію в черзі (або натисніть F8), щоб побачити її повідомлення поруч.</translation>
    </message>
    <message>
        <source>Nothing to review: no event has reports that disagree, and no warning stands.
An event comes here as soon as a report contradicts another.</source>
        <translation>Перевіряти нічого: немає подій із суперечливими повідомленнями, і жодне попередження не чинне.
Подія з’явиться тут, щойно якесь повідомлення суперечитиме іншому.</translation>
    </message>
    <message>
        <source>Report {number}</source>
        <translation>Повідомлення {number}</translation>
    </message>
    <message>
        <source>  ★ new</source>
        <translation>  ★ нове</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Рішення</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>поки немає</translation>
    </message>
    <message>
        <source>low 0: a possible reversed direction stands on this pair (one of its two flows may not have happened); dismiss it (Alt+D) or decide either flow</source>
        <translation>мінімум 0: на цій парі стоїть попередження про можливо переплутаний напрямок (однієї з двох передач могло не бути); відхиліть його (Alt+D) або ухваліть рішення щодо будь-якої з передач</translation>
    </message>
    <message>
        <source>Alt+D dismisses a possible reversed direction: choose the warning (F6) first.</source>
        <translation>Alt+D відхиляє попередження про можливо переплутаний напрямок: спершу виберіть попередження (F6).</translation>
    </message>
    <message>
        <source>This event has no possible reversed direction to dismiss (Alt+D).</source>
        <translation>У цієї події немає можливо переплутаного напрямку, який можна відхилити (Alt+D).</translation>
    </message>
    <message>
        <source>This file is open read-only: nothing can be decided.</source>
        <translation>Цей файл відкрито лише для читання: нічого не можна вирішити.</translation>
    </message>
    <message>
        <source>{event} is no longer to review (changed by an import, a merge or another program); the next event is shown.</source>
        <translation>{event} більше не потребує перевірки (змінено імпортом, об’єднанням або іншою програмою); показано наступну подію.</translation>
    </message>
    <message>
        <source>(withdrawn)</source>
        <translation>(відкликано)</translation>
    </message>
    <message>
        <source>(merged)</source>
        <translation>(з об’єднання)</translation>
    </message>
    <message>
        <source>, following {report}</source>
        <translation>, на підставі: {report}</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Where {field} comes from&lt;/b&gt;: best {best}, low {low}, high {high}</source>
        <translation>&lt;br&gt;&lt;b&gt;Звідки «{field}»&lt;/b&gt;: найкраща оцінка {best}, мінімум {low}, максимум {high}</translation>
    </message>
    <message>
        <source>{report}, graded {grades}: {count} {qualifier}</source>
        <translation>{report}, оцінка {grades}: {count} {qualifier}</translation>
    </message>
    <message>
        <source>decision in force: {value} by {who} at {when}</source>
        <translation>чинне рішення: {value}, ухвалив(-ла) {who}, {when}</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>відхилено</translation>
    </message>
    <message>
        <source>report {number} ({source})</source>
        <translation>повідомлення {number} ({source})</translation>
    </message>
    <message>
        <source>a report no longer in the file</source>
        <translation>повідомлення, якого вже немає у файлі</translation>
    </message>
    <message>
        <source>Report {number} does not state {field}.</source>
        <translation>Повідомлення {number} не містить поля «{field}».</translation>
    </message>
    <message>
        <source>following report {number} ({source})</source>
        <translation>за повідомленням {number} ({source})</translation>
    </message>
    <message>
        <source>a value of your own</source>
        <translation>власне значення</translation>
    </message>
    <message>
        <source>This is a warning, not a value to decide: dismiss it (Alt+D), both flows standing as reported, or choose a flow (F6) and decide its count.</source>
        <translation>Це попередження, а не значення для рішення: відхиліть його (Alt+D), і обидві передачі лишаться, як повідомлено, або виберіть передачу (F6) і вирішіть її кількість.</translation>
    </message>
    <message>
        <source>A rationale is required: say why this value was decided.</source>
        <translation>Потрібне обґрунтування: поясніть, чому ухвалено це значення.</translation>
    </message>
    <message>
        <source>Pick a report&apos;s value (Alt+1…9) or type a value.</source>
        <translation>Візьміть значення повідомлення (Alt+1…9) або введіть своє.</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>Рішення не ухвалено</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Every change is in {name} again.</source>
        <translation>Усі зміни знову у {name}.</translation>
    </message>
    <message>
        <source>Saved, but the disk is full: the last changes wait in {wal} beside {name}. Keep the two files together (a copy of {name} alone lacks them) and free some space.</source>
        <translation>Збережено, але диск заповнений: останні зміни чекають у {wal} поруч із {name}. Тримайте обидва файли разом (копія лише {name} їх не містить) і звільніть місце.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше ім’я</translation>
    </message>
    <message>
        <source>Your name, recorded with every entry and decision you make:</source>
        <translation>Ваше ім’я, яке записуватиметься з кожним вашим записом і рішенням:</translation>
    </message>
    <message>
        <source>Saved: {change}.</source>
        <translation>Збережено: {change}.</translation>
    </message>
    <message>
        <source>Redone: {change}.</source>
        <translation>Повторено: {change}.</translation>
    </message>
    <message>
        <source>Undone: {change}.</source>
        <translation>Скасовано: {change}.</translation>
    </message>
    <message>
        <source>Not done: {change}: {reason}</source>
        <translation>Не виконано: {change}: {reason}</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>{task}: finishing…</source>
        <translation>{task}: завершення…</translation>
    </message>
    <message>
        <source>{task}: waiting for another program that is writing the file ({seconds} s)…</source>
        <translation>{task}: чекаємо, доки інша програма закінчить записувати файл ({seconds} с)…</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>{events} events, {reports} reports, {flows} flows, {sources} sources and {parties} parties</source>
        <translation>подій: {events}, повідомлень: {reports}, передач: {flows}, джерел: {sources}, сторін: {parties}</translation>
    </message>
    <message>
        <source> (new parties: {parties})</source>
        <translation> (нові сторони: {parties})</translation>
    </message>
    <message>
        <source>; {count} reports already present and identical, skipped</source>
        <translation>; пропущено повідомлень, які вже є й не відрізняються: {count}</translation>
    </message>
    <message>
        <source>; {evidence_files} evidence files that this ledger&apos;s folder lacked brought from the other&apos;s</source>
        <translation>; файлів доказів, яких бракувало в теці цього реєстру, перенесено з іншої: {evidence_files}</translation>
    </message>
    <message>
        <source>; {kept_deleted} reports deleted here and edited there since left deleted (the other file&apos;s version is in the audit trail)</source>
        <translation>; повідомлень, видалених тут і змінених там пізніше, лишилися видаленими: {kept_deleted} (версія іншого файлу є в журналі змін)</translation>
    </message>
    <message>
        <source>{count} evidence records</source>
        <translation>записів про докази: {count}</translation>
    </message>
    <message>
        <source>{count} evidence files</source>
        <translation>файлів доказів: {count}</translation>
    </message>
    <message>
        <source>; {reports} reports and {decisions} decisions already present and identical, skipped</source>
        <translation>; пропущено тих, що вже є й не відрізняються: повідомлень — {reports}, рішень — {decisions}</translation>
    </message>
    <message>
        <source>; {reports} reports already present and identical, skipped</source>
        <translation>; пропущено повідомлень, які вже є й не відрізняються: {reports}</translation>
    </message>
    <message>
        <source>; {decisions} decisions already present and identical, skipped</source>
        <translation>; пропущено рішень, які вже є й не відрізняються: {decisions}</translation>
    </message>
    <message>
        <source>{events} events, {reports} reports, {flows} flows, {sources} sources, {parties} parties and {decisions} decisions</source>
        <translation>подій: {events}, повідомлень: {reports}, передач: {flows}, джерел: {sources}, сторін: {parties}, рішень: {decisions}</translation>
    </message>
    <message>
        <source>; {withdrawn} decisions in force here withdrawn, as the folder has them</source>
        <translation>; чинних тут рішень відкликано, як у папці: {withdrawn}</translation>
    </message>
    <message>
        <source>Undo starts afresh.</source>
        <translation>Історію скасувань почато заново.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Лише для читання</translation>
    </message>
    <message>
        <source>This file is read-only: nothing can be changed.</source>
        <translation>Цей файл лише для читання: нічого не можна змінити.</translation>
    </message>
    <message>
        <source>Import reports.csv</source>
        <translation>Імпорт reports.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файли CSV (*.csv);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Import an export folder</source>
        <translation>Імпортувати папку експорту</translation>
    </message>
    <message>
        <source>Nothing new in {file}: added {summary}.</source>
        <translation>Нічого нового в {file}: {summary}.</translation>
    </message>
    <message>
        <source>Import {file}?</source>
        <translation>Імпортувати {file}?</translation>
    </message>
    <message>
        <source>{file} would add {summary}.</source>
        <translation>{file} додасть: {summary}.</translation>
    </message>
    <message>
        <source>An import cannot be undone: Ctrl+Z does not take it back.</source>
        <translation>Імпорт не можна скасувати: Ctrl+Z його не поверне.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Імпортувати</translation>
    </message>
    <message>
        <source>Nothing new, with warnings</source>
        <translation>Нічого нового, з попередженнями</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>Імпорт {file}</translation>
    </message>
    <message>
        <source>Import of {file} cancelled: nothing was imported.</source>
        <translation>Імпорт {file} скасовано: нічого не імпортовано.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Імпорт не вдався</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>Нічого не імпортовано</translation>
    </message>
    <message>
        <source>{events} events, {reports} reports, {sources} sources, {parties} parties and {resolutions} decisions added; {updated} reports updated to a newer edit, {kept} kept where ours was as new or newer</source>
        <translation>додано подій: {events}, повідомлень: {reports}, джерел: {sources}, сторін: {parties}, рішень: {resolutions}; оновлено до новішої редакції повідомлень: {updated}, залишено наших, бо вони не старші: {kept}</translation>
    </message>
    <message>
        <source>; {evidence} evidence records added</source>
        <translation>; записів про докази додано: {evidence}</translation>
    </message>
    <message>
        <source>, {evidence_unfound} of them without their file, which was not beside the other file (Verify evidence files names them)</source>
        <translation>, з них без свого файлу, якого не було поряд з іншим файлом: {evidence_unfound} (їх називає «Перевірити файли доказів»)</translation>
    </message>
    <message>
        <source>; what is said of {described} evidence files taken from the other file, which corrected it later</source>
        <translation>; описи доказів, узяті з іншого файлу, де їх виправлено пізніше: {described}</translation>
    </message>
    <message>
        <source>; what is said of {described_kept} evidence files kept where ours was corrected as late or later</source>
        <translation>; описи доказів, залишені нашими, бо в нас їх виправлено не раніше: {described_kept}</translation>
    </message>
    <message>
        <source>; {withdrawn} decisions withdrawn and {reinstated} in force again, as the other file changed them later</source>
        <translation>; рішень відкликано: {withdrawn}, знову чинних: {reinstated}, бо в іншому файлі їх змінено пізніше</translation>
    </message>
    <message>
        <source>Imported {file}: added {summary}.</source>
        <translation>Імпортовано {file}: {summary}.</translation>
    </message>
    <message>
        <source>warning: {problem}</source>
        <translation>попередження: {problem}</translation>
    </message>
    <message>
        <source>Imported, with warnings</source>
        <translation>Імпортовано з попередженнями</translation>
    </message>
    <message>
        <source>Nothing new in {file}: this file holds all of it.</source>
        <translation>У {file} нічого нового: цей файл уже містить усе це.</translation>
    </message>
    <message>
        <source>Restored {file}: {summary}.</source>
        <translation>Відновлено з {file}: {summary}.</translation>
    </message>
    <message>
        <source>Export the CSV files into</source>
        <translation>Експортувати файли CSV до папки</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Експорт не вдався</translation>
    </message>
    <message>
        <source>; {sources_updated} sources regraded or respelled as the other file changed them later, {sources_kept} kept where ours was changed as late or later</source>
        <translation>; джерел переоцінено чи написано інакше, бо в іншому файлі їх змінено пізніше: {sources_updated}, залишено наших, бо наше змінено так само пізно чи пізніше: {sources_kept}</translation>
    </message>
    <message>
        <source>{file} would restore {summary}.</source>
        <translation>{file} відновить: {summary}.</translation>
    </message>
    <message>
        <source>Export into {folder} cancelled: {files} written before Cancel, the other files as they were.</source>
        <translation>Експорт у {folder} скасовано: до скасування записано {files}, інші файли лишилися як були.</translation>
    </message>
    <message>
        <source>Export into {folder} cancelled: nothing was written.</source>
        <translation>Експорт у {folder} скасовано: нічого не записано.</translation>
    </message>
    <message>
        <source>Exported, with warnings</source>
        <translation>Експортовано з попередженнями</translation>
    </message>
    <message>
        <source>Merge another ledger file</source>
        <translation>Об’єднати з іншим файлом реєстру</translation>
    </message>
    <message>
        <source>Ledger files (*.db);;All files (*)</source>
        <translation>Файли реєстру (*.db);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Об’єднання</translation>
    </message>
    <message>
        <source>A file cannot be merged into itself.</source>
        <translation>Файл не можна об’єднати із самим собою.</translation>
    </message>
    <message>
        <source>Merging {file}</source>
        <translation>Об’єднання з {file}</translation>
    </message>
    <message>
        <source>Merge of {file} cancelled: nothing was merged.</source>
        <translation>Об’єднання з {file} скасовано: нічого не об’єднано.</translation>
    </message>
    <message>
        <source>Nothing merged</source>
        <translation>Нічого не об’єднано</translation>
    </message>
    <message>
        <source>Merged {file}: {summary}.</source>
        <translation>Об’єднано з {file}: {summary}.</translation>
    </message>
    <message>
        <source>Nothing to merge: this file already holds everything in {file}.</source>
        <translation>Нічого об’єднувати: цей файл уже містить усе, що є в {file}.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>bodies</source>
        <translation>тіла загиблих</translation>
    </message>
    <message>
        <source>pows</source>
        <translation>військовополонені</translation>
    </message>
    <message>
        <source>civilians</source>
        <translation>цивільні</translation>
    </message>
    <message>
        <source>other</source>
        <translation>інше</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>обмін</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>домовленість</translation>
    </message>
    <message>
        <source>talks</source>
        <translation>переговори</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>заява</translation>
    </message>
    <message>
        <source>other event</source>
        <translation>інша подія</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>суперечність</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>знову відкрито</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>вирішено</translation>
    </message>
    <message>
        <source>consistent</source>
        <translation>узгоджено</translation>
    </message>
    <message>
        <source>single</source>
        <translation>одне повідомлення</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>попередження</translation>
    </message>
    <message>
        <source>official</source>
        <translation>офіційне</translation>
    </message>
    <message>
        <source>media</source>
        <translation>ЗМІ</translation>
    </message>
    <message>
        <source>ngo</source>
        <translation>НУО</translation>
    </message>
    <message>
        <source>social media</source>
        <translation>соцмережі</translation>
    </message>
    <message>
        <source>footage</source>
        <translation>відеозапис</translation>
    </message>
    <message>
        <source>other source</source>
        <translation>інше</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>точно</translation>
    </message>
    <message>
        <source>approx</source>
        <translation>приблизно</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>щонайменше</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>щонайбільше</translation>
    </message>
    <message>
        <source>Completely reliable</source>
        <translation>Цілком надійне</translation>
    </message>
    <message>
        <source>Usually reliable</source>
        <translation>Зазвичай надійне</translation>
    </message>
    <message>
        <source>Fairly reliable</source>
        <translation>Досить надійне</translation>
    </message>
    <message>
        <source>Not usually reliable</source>
        <translation>Зазвичай ненадійне</translation>
    </message>
    <message>
        <source>Unreliable</source>
        <translation>Ненадійне</translation>
    </message>
    <message>
        <source>Reliability cannot be judged</source>
        <translation>Надійність неможливо оцінити</translation>
    </message>
    <message>
        <source>Confirmed by other sources</source>
        <translation>Підтверджено іншими джерелами</translation>
    </message>
    <message>
        <source>Probably true</source>
        <translation>Імовірно правдиве</translation>
    </message>
    <message>
        <source>Possibly true</source>
        <translation>Можливо правдиве</translation>
    </message>
    <message>
        <source>Doubtful</source>
        <translation>Сумнівне</translation>
    </message>
    <message>
        <source>Improbable</source>
        <translation>Малоймовірне</translation>
    </message>
    <message>
        <source>Truth cannot be judged</source>
        <translation>Достовірність неможливо оцінити</translation>
    </message>
    <message>
        <source>independent</source>
        <translation>незалежне</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без дати</translation>
    </message>
    <message>
        <source>{category} {from_party} → {to_party}</source>
        <translation>{category} {from_party} → {to_party}</translation>
    </message>
    <message>
        <source>direction of {category} between {a} and {b}</source>
        <translation>напрямок передачі ({category}) між {a} і {b}</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>location</source>
        <translation>місце</translation>
    </message>
    <message>
        <source>possible reversed direction</source>
        <translation>можливо, напрямок переплутано</translation>
    </message>
    <message>
        <source>{high} vs {low} {category} {from_party}→{to_party}</source>
        <translation>{high} проти {low}, {category} {from_party}→{to_party}</translation>
    </message>
    <message>
        <source> vs </source>
        <translation> проти </translation>
    </message>
</context>
</TS>
