<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>App</name>
    <message>
        <source>Welcome to Exchange Ledger</source>
        <translation>Добро пожаловать в Exchange Ledger</translation>
    </message>
    <message>
        <source>Your new ledger is {path}.

Load the example data (the Istanbul talks article: an agreement, two exchanges and their sources) to look around?</source>
        <translation>Ваш новый реестр: {path}.

Загрузить пример (статью о переговорах в Стамбуле: договорённость, два обмена и их источники), чтобы осмотреться?</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Everything already saved is safe. Copy the details for a report.</source>
        <translation>Всё уже сохранённое в безопасности. Скопируйте подробности для отчёта об ошибке.</translation>
    </message>
    <message>
        <source>What was done in the earlier demo is kept in {path} (File → Open).</source>
        <translation>Сделанное в предыдущей демонстрации сохранено в {path} (Файл → Открыть).</translation>
    </message>
    <message>
        <source>Your last ledger is not there</source>
        <translation>Вашего последнего реестра нет на месте</translation>
    </message>
    <message>
        <source>{gone} is not there any more: moved, deleted, or on a drive that is not connected. Exchange Ledger opens {path} instead; File → Open reaches the other, wherever it is now.</source>
        <translation>{gone} больше нет на месте: его перенесли, удалили или он на неподключённом диске. Вместо него Exchange Ledger открывает {path}; другой реестр, где бы он теперь ни был, открывается через Файл → Открыть.</translation>
    </message>
    <message>
        <source>Exchange Ledger opens {path} instead; File → Open reaches your other ledgers.</source>
        <translation>Вместо него Exchange Ledger открывает {path}; другие реестры — через Файл → Открыть.</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Не удаётся открыть файл</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>the folder does not exist</source>
        <translation>папки не существует</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>нет разрешения писать туда</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>диск только для чтения</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заполнен</translation>
    </message>
    <message>
        <source>a folder has that name</source>
        <translation>это имя уже у папки</translation>
    </message>
    <message>
        <source>Export chart as &amp;PNG…</source>
        <translation>Экспортировать &amp;график в PNG…</translation>
    </message>
    <message>
        <source>Export chart as S&amp;VG…</source>
        <translation>Экспортировать график &amp;в SVG…</translation>
    </message>
    <message>
        <source>Export chart as {kind}</source>
        <translation>Экспортировать график в {kind}</translation>
    </message>
    <message>
        <source>{kind} image (*.{ext})</source>
        <translation>Изображение {kind} (*.{ext})</translation>
    </message>
    <message>
        <source>Chart not exported</source>
        <translation>График не экспортирован</translation>
    </message>
    <message>
        <source>The chart could not be written to {path}: {why}</source>
        <translation>Не удалось записать график в {path}: {why}</translation>
    </message>
    <message>
        <source>Exported the chart as {path}.</source>
        <translation>График экспортирован как {path}.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Заменить файл?</translation>
    </message>
    <message>
        <source>{path} already exists. Replace it?</source>
        <translation>{path} уже существует. Заменить его?</translation>
    </message>
</context>
<context>
    <name>ChartLegend</name>
    <message>
        <source>{party} received (best): the same line as {other}</source>
        <translation>{party} получила (лучшая оценка): та же линия, что и {other}</translation>
    </message>
    <message>
        <source>{party} received (best)</source>
        <translation>{party} получила (лучшая оценка)</translation>
    </message>
    <message>
        <source>shaded: low–high where undecided</source>
        <translation>затенено: от минимума до максимума, где не решено</translation>
    </message>
</context>
<context>
    <name>ChartPane</name>
    <message>
        <source>all</source>
        <translation>все</translation>
    </message>
    <message>
        <source>Exchange balance chart</source>
        <translation>График баланса обменов</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Fit targets</source>
        <translation>Вместить цели</translation>
    </message>
    <message>
        <source>Take the agreement targets into the vertical range (else the range follows the data and a label at the top edge names a target above it)</source>
        <translation>Включить цели договорённостей в вертикальный диапазон (иначе диапазон следует за данными, а метка у верхнего края называет цель выше него)</translation>
    </message>
    <message>
        <source>Received, cumulative</source>
        <translation>Получено, нарастающим итогом</translation>
    </message>
    <message>
        <source>Net balance</source>
        <translation>Чистый баланс</translation>
    </message>
    <message>
        <source>Charting day (UTC)</source>
        <translation>День на графике (UTC)</translation>
    </message>
    <message>
        <source>all categories</source>
        <translation>все категории</translation>
    </message>
    <message>
        <source>data up to {date}</source>
        <translation>данные до {date}</translation>
    </message>
    <message>
        <source>no exchanges recorded yet</source>
        <translation>обменов ещё не записано</translation>
    </message>
    <message>
        <source>Exchange balance — {category} · {when} · {file}</source>
        <translation>Баланс обменов — {category} · {when} · {file}</translation>
    </message>
</context>
<context>
    <name>ChartTargets</name>
    <message>
        <source>↑ {party} target line at {count}</source>
        <translation>↑ цель для {party}: {count}</translation>
    </message>
</context>
<context>
    <name>ChartText</name>
    <message>
        <source>in conflict</source>
        <translation>противоречие</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>вновь открыто</translation>
    </message>
    <message>
        <source>Point at a step (or press ← → on the chart) to see its totals, events and sources; Enter selects its event.</source>
        <translation>Наведите на ступеньку (или нажмите ← → на графике), чтобы увидеть итоги, события и источники; Enter выбирает её событие.</translation>
    </message>
    <message>
        <source>No exchanges recorded yet: add a report (Ctrl+N) or import a CSV file (Ctrl+I). The chart of the balance appears here with the first exchange.</source>
        <translation>Обменов ещё не записано: добавьте сообщение (Ctrl+N) или импортируйте файл CSV (Ctrl+I). График баланса появится здесь вместе с первым обменом.</translation>
    </message>
    <message>
        <source>No exchanges of {category} recorded yet: choose another category, or “all”, in the Category box.</source>
        <translation>Обменов категории «{category}» ещё не записано: выберите другую категорию или «все» в поле «Категория».</translation>
    </message>
    <message>
        <source>{party} target {count} (agreement {date})</source>
        <translation>{party}: цель {count} (договорённость от {date})</translation>
    </message>
    <message>
        <source>{party} target {count} (agreements of {date}, added up)</source>
        <translation>{party}: цель {count} (договорённости от {date}, вместе)</translation>
    </message>
    <message>
        <source>{percent}% reached</source>
        <translation>достигнуто {percent}%</translation>
    </message>
    <message>
        <source>received {received} · handed over {sent} · net {net}</source>
        <translation>получено {received} · передано {sent} · чистый баланс {net}</translation>
    </message>
    <message>
        <source>possible reversed direction: either flow may not have happened</source>
        <translation>возможно перепутанное направление: любой из двух передач могло не быть</translation>
    </message>
    <message>
        <source>; also </source>
        <translation>; также </translation>
    </message>
    <message>
        <source>no source</source>
        <translation>без источника</translation>
    </message>
    <message>
        <source>{event} — sources: {sources}</source>
        <translation>{event} — источники: {sources}</translation>
    </message>
    <message>
        <source>Selected: {event}</source>
        <translation>Выбрано: {event}</translation>
    </message>
    <message>
        <source>Selected {number} of {count} that day: {event} (Enter: the next)</source>
        <translation>Выбрано {number} из {count} в этот день: {event} (Enter: следующее)</translation>
    </message>
    <message>
        <source>disputed {field}: {values}</source>
        <translation>спорное поле «{field}»: {values}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>sources: {sources}</source>
        <translation>источники: {sources}</translation>
    </message>
    <message>
        <source>{best} ({low} to {high})</source>
        <translation>{best} (от {low} до {high})</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>It contradicts a decided value: the event is reopened for review (F8).</source>
        <translation>Оно противоречит принятому значению: событие вновь открыто для проверки (F8).</translation>
    </message>
    <message>
        <source>Add report from {source}</source>
        <translation>Добавить сообщение от {source}</translation>
    </message>
    <message>
        <source>Edit report from {source}</source>
        <translation>Изменить сообщение от {source}</translation>
    </message>
    <message>
        <source>Edit source {source}</source>
        <translation>Изменить источник {source}</translation>
    </message>
    <message>
        <source>Decide {field}: {value} ({event})</source>
        <translation>Решение по «{field}»: {value} ({event})</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Problems</source>
        <translation>Проблемы</translation>
    </message>
    <message>
        <source>&amp;Copy all</source>
        <translation>&amp;Копировать всё</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <source>Commit the form</source>
        <translation>Внести форму</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>Очистить форму</translation>
    </message>
    <message>
        <source>Add a flow (in the form)</source>
        <translation>Добавить передачу (в форме)</translation>
    </message>
    <message>
        <source>Remove the flow (in its row)</source>
        <translation>Убрать передачу (в её строке)</translation>
    </message>
    <message>
        <source>Open the calendar (in a date field)</source>
        <translation>Открыть календарь (в поле даты)</translation>
    </message>
    <message>
        <source>Open the selected evidence (in its list)</source>
        <translation>Открыть выбранное доказательство (в его списке)</translation>
    </message>
    <message>
        <source>Remove the selected evidence (in its list)</source>
        <translation>Убрать выбранное доказательство (в его списке)</translation>
    </message>
    <message>
        <source>Step through the chart&apos;s days (on the chart)</source>
        <translation>Шагать по дням графика (на графике)</translation>
    </message>
    <message>
        <source>Select the day&apos;s event (on the chart)</source>
        <translation>Выбрать событие дня (на графике)</translation>
    </message>
    <message>
        <source>Zoom in, out, show it whole (on the chart)</source>
        <translation>Увеличить, уменьшить, показать целиком (на графике)</translation>
    </message>
    <message>
        <source>Field labels</source>
        <translation>Подписи полей</translation>
    </message>
    <message>
        <source>Alt + the underlined letter</source>
        <translation>Alt + подчёркнутая буква</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <source> or </source>
        <translation> или </translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Источники</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
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
        <translation>Надёжность</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Название</translation>
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
        <translation>Н&amp;адёжность</translation>
    </message>
    <message>
        <source>Merge &amp;into</source>
        <translation>Объ&amp;единить с</translation>
    </message>
    <message>
        <source>&amp;Save source</source>
        <translation>Со&amp;хранить источник</translation>
    </message>
    <message>
        <source>&amp;Merge into the chosen source</source>
        <translation>&amp;Объединить с выбранным источником</translation>
    </message>
    <message>
        <source>Source changed meanwhile</source>
        <translation>Источник тем временем изменён</translation>
    </message>
    <message>
        <source>This source was changed since you began (by another program or an undo): the list shows it as it is now. Save what you typed over that change?</source>
        <translation>Этот источник изменён с тех пор, как вы начали (другая программа или отмена): список показывает его таким, какой он сейчас. Сохранить введённое поверх того изменения?</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединение</translation>
    </message>
    <message>
        <source>Choose another source to merge into.</source>
        <translation>Выберите другой источник, с которым объединить.</translation>
    </message>
    <message>
        <source>Merge {source} into {target}? Its reports will name {target}. Ctrl+Z takes it back.</source>
        <translation>Объединить {source} с {target}? Его сообщения будут называть {target}. Ctrl+Z отменит это.</translation>
    </message>
    <message>
        <source>Merge source {source} into {target}</source>
        <translation>Объединить источник {source} с {target}</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Не изменено</translation>
    </message>
</context>
<context>
    <name>DuplicatePrompt</name>
    <message>
        <source>This may be an event already recorded</source>
        <translation>Возможно, это событие уже записано</translation>
    </message>
    <message>
        <source>Similar events</source>
        <translation>Похожие события</translation>
    </message>
    <message>
        <source>no location</source>
        <translation>место не указано</translation>
    </message>
    <message>
        <source>no flows</source>
        <translation>без передач</translation>
    </message>
    <message>
        <source>sources: {sources}</source>
        <translation>источники: {sources}</translation>
    </message>
    <message>
        <source>&amp;Add the report to this event</source>
        <translation>&amp;Добавить сообщение к этому событию</translation>
    </message>
    <message>
        <source>Create a &amp;new event</source>
        <translation>Создать &amp;новое событие</translation>
    </message>
    <message>
        <source>&amp;Back to the form</source>
        <translation>&amp;Вернуться к форме</translation>
    </message>
    <message>
        <source>Events of the same type, within three days, with a flow between the same parties in the same category. Compare the date, the place and the sources before you add the report to one:</source>
        <translation>События того же типа в пределах трёх дней, с передачей между теми же сторонами в той же категории. Сравните дату, место и источники, прежде чем добавить сообщение к одному из них:</translation>
    </message>
</context>
<context>
    <name>EventPane</name>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
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
        <translation>Надёжность</translation>
    </message>
    <message>
        <source>Credibility</source>
        <translation>Достоверность</translation>
    </message>
    <message>
        <source>Claimed date</source>
        <translation>Заявленная дата</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Передачи</translation>
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
        <translation>Выберите событие, чтобы увидеть его сообщения.</translation>
    </message>
    <message>
        <source>Event summary</source>
        <translation>Сводка события</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Evidence of the report</source>
        <translation>Доказательства сообщения</translation>
    </message>
    <message>
        <source>Add evidence… ({shortcut})</source>
        <translation>Добавить доказательство… ({shortcut})</translation>
    </message>
    <message>
        <source>Open evidence</source>
        <translation>Открыть доказательство</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>Добавить доказательство</translation>
    </message>
    <message>
        <source>New report for this event</source>
        <translation>Новое сообщение к этому событию</translation>
    </message>
    <message>
        <source>Edit report</source>
        <translation>Изменить сообщение</translation>
    </message>
    <message>
        <source>Delete report</source>
        <translation>Удалить сообщение</translation>
    </message>
    <message>
        <source>No evidence yet: drop a file on the report</source>
        <translation>Доказательств пока нет: перетащите файл на сообщение</translation>
    </message>
    <message>
        <source>Possible reversed direction</source>
        <translation>Возможно, направление перепутано</translation>
    </message>
    <message>
        <source>no flows</source>
        <translation>без передач</translation>
    </message>
    <message>
        <source>event {id}</source>
        <translation>событие {id}</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>дата не указана</translation>
    </message>
    <message>
        <source>no location</source>
        <translation>место не указано</translation>
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
        <translation>Место</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Передачи</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Possible reversed direction: two reports state opposite directions</source>
        <translation>Возможно, направление перепутано: два сообщения указывают противоположные направления</translation>
    </message>
    <message>
        <source>  ⚠ reversed?</source>
        <translation>  ⚠ наоборот?</translation>
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
        <translation>Категория:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>к проверке</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Search quotes, sources, locations (Ctrl+F)</source>
        <translation>Поиск по цитатам, источникам, местам (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter error</source>
        <translation>Ошибка фильтра</translation>
    </message>
    <message>
        <source>No event matches the search and filters (Ctrl+Shift+L clears them).</source>
        <translation>Ни одно событие не соответствует поиску и фильтрам (Ctrl+Shift+L их сбрасывает).</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>Поиск:</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>По &amp;убыванию</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>✓ verified</source>
        <translation>✓ проверено</translation>
    </message>
    <message>
        <source>✗ altered</source>
        <translation>✗ изменён</translation>
    </message>
    <message>
        <source>✗ missing</source>
        <translation>✗ отсутствует</translation>
    </message>
    <message>
        <source>… not checked yet</source>
        <translation>… ещё не проверено</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>проверено</translation>
    </message>
    <message>
        <source>altered</source>
        <translation>изменён</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>отсутствует</translation>
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
        <translation>Размер</translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation>Дата обращения</translation>
    </message>
    <message>
        <source>Archive URL</source>
        <translation>Архивная ссылка</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Evidence details</source>
        <translation>Сведения о доказательстве</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>Добавить доказательство</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Имя файла</translation>
    </message>
    <message>
        <source>Accessed on</source>
        <translation>Дата обращения</translation>
    </message>
    <message>
        <source>https://web.archive.org/… (typed, never fetched)</source>
        <translation>https://web.archive.org/… (вводится вручную, программа ничего не загружает)</translation>
    </message>
    <message>
        <source>where it came from, what it shows</source>
        <translation>откуда файл и что он показывает</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>&lt;b&gt;{file}&lt;/b&gt;&lt;br&gt;for {report}</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt;&lt;br&gt;к: {report}</translation>
    </message>
    <message>
        <source>Add evidence {file}</source>
        <translation>Добавить доказательство {file}</translation>
    </message>
    <message>
        <source>Remove evidence {file}</source>
        <translation>Убрать доказательство {file}</translation>
    </message>
    <message>
        <source>Edit evidence details of {file}</source>
        <translation>Изменить сведения о доказательстве {file}</translation>
    </message>
    <message>
        <source>Add evidence to the report</source>
        <translation>Добавить доказательство к сообщению</translation>
    </message>
    <message>
        <source>This file is read-only: no evidence can be added.</source>
        <translation>Этот файл только для чтения: доказательства добавить нельзя.</translation>
    </message>
    <message>
        <source>Select a report first: evidence backs one report.</source>
        <translation>Сначала выберите сообщение: доказательство подкрепляет одно сообщение.</translation>
    </message>
    <message>
        <source>Copying {file}</source>
        <translation>Копирование {file}</translation>
    </message>
    <message>
        <source>Cancelled: {file} was not added.</source>
        <translation>Отменено: {file} не добавлен.</translation>
    </message>
    <message>
        <source>The report already has this file ({file}).</source>
        <translation>У сообщения уже есть этот файл ({file}).</translation>
    </message>
    <message>
        <source>The accessed date, archive URL and note it was added with are kept; those typed now were not stored.</source>
        <translation>Дата доступа, адрес архива и примечание, с которыми его добавили, сохранены; введённые сейчас не записаны.</translation>
    </message>
    <message>
        <source>Evidence not added</source>
        <translation>Доказательство не добавлено</translation>
    </message>
    <message>
        <source>{file}: {problem}.</source>
        <translation>{file}: {problem}.</translation>
    </message>
    <message>
        <source>report {id}</source>
        <translation>сообщение {id}</translation>
    </message>
    <message>
        <source>the report of {source} ({date})</source>
        <translation>сообщение от {source} ({date})</translation>
    </message>
    <message>
        <source>This file is read-only: evidence details cannot change.</source>
        <translation>Этот файл только для чтения: сведения о доказательствах нельзя изменить.</translation>
    </message>
    <message>
        <source>{file} has changed since it was added: what opened is not the file its SHA-256 names (Edit → Verify evidence files).</source>
        <translation>{file} изменился с тех пор, как его добавили: открыт не тот файл, который называет SHA-256 (Правка → Проверить файлы доказательств).</translation>
    </message>
    <message>
        <source>{file} has not been checked against its SHA-256 since it last changed on disk: Edit → Verify evidence files says whether it is still the file that was added.</source>
        <translation>{file} не проверяли по SHA-256 с тех пор, как он в последний раз изменился на диске: Правка → Проверить файлы доказательств покажет, тот ли это ещё файл, что был добавлен.</translation>
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
        <translation>дата обращения {date}</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Доказательства</translation>
    </message>
    <message>
        <source>SHA-256 {hash}</source>
        <translation>Хэш SHA-256: {hash}</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>&amp;Сведения…</translation>
    </message>
    <message>
        <source>&amp;Remove from the report</source>
        <translation>&amp;Убрать из сообщения</translation>
    </message>
    <message>
        <source>{file} is missing from the evidence folder.</source>
        <translation>Файла {file} нет в папке доказательств.</translation>
    </message>
</context>
<context>
    <name>FlowsEditor</name>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От кого</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>Точность</translation>
    </message>
    <message>
        <source>{name} is a new party: did you mean {known}?</source>
        <translation>{name} — новая сторона: может быть, {known}?</translation>
    </message>
    <message>
        <source>{name} is a new party</source>
        <translation>{name} — новая сторона</translation>
    </message>
    <message>
        <source>e.g. 1212</source>
        <translation>напр. 1212</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Remove flow</source>
        <translation>Убрать передачу</translation>
    </message>
    <message>
        <source>Remove this flow (Ctrl+Shift+Delete in the row)</source>
        <translation>Убрать эту передачу (Ctrl+Shift+Delete в строке)</translation>
    </message>
    <message>
        <source>Flow error</source>
        <translation>Ошибка передачи</translation>
    </message>
    <message>
        <source>No flows: a report may state none (talks, statements).</source>
        <translation>Без передач: сообщение может их не содержать (переговоры, заявления).</translation>
    </message>
    <message>
        <source>Add flow</source>
        <translation>Добавить передачу</translation>
    </message>
    <message>
        <source>Add a flow (Alt+A)</source>
        <translation>Добавить передачу (Alt+A)</translation>
    </message>
    <message>
        <source>this report already states {flow}</source>
        <translation>это сообщение уже содержит {flow}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This file is read-only: you can read, filter and export, but not change it.</source>
        <translation>Этот файл только для чтения: его можно читать, фильтровать и экспортировать, но не изменять.</translation>
    </message>
    <message>
        <source>Read-only banner</source>
        <translation>Предупреждение о режиме только для чтения</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>Рабочие области</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Баланс</translation>
    </message>
    <message>
        <source>{names} beside it belong to another user (a program of theirs read the ledger in this folder) and cannot be written by you.</source>
        <translation>{names} рядом с ним принадлежат другому пользователю (его программа читала реестр в этой папке), и вы не можете их записать.</translation>
    </message>
    <message>
        <source>{name} was written by an older version and has been upgraded; the file as it was is kept as {backup}.</source>
        <translation>{name} записан более старой версией и обновлён; файл, каким он был, сохранён как {backup}.</translation>
    </message>
    <message>
        <source>&amp;New file…</source>
        <translation>&amp;Новый файл…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Импорт CSV…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Экспорт CSV…</translation>
    </message>
    <message>
        <source>Import an export &amp;folder…</source>
        <translation>Импорт &amp;папки экспорта…</translation>
    </message>
    <message>
        <source>Export also &amp;writes a workbook (.xlsx)</source>
        <translation>Экспорт также &amp;записывает рабочую книгу (.xlsx)</translation>
    </message>
    <message>
        <source>&amp;Merge another file…</source>
        <translation>Объ&amp;единить с другим файлом…</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>Сохранить &amp;копию…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Edit the selected report</source>
        <translation>&amp;Изменить выбранное сообщение</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>&amp;Sources…</source>
        <translation>Исто&amp;чники…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>&amp;Record: events, reports and the form</source>
        <translation>&amp;Запись: события, сообщения и форма</translation>
    </message>
    <message>
        <source>Re&amp;view: the queue and the reports side by side</source>
        <translation>Пр&amp;оверка: очередь и сообщения рядом</translation>
    </message>
    <message>
        <source>&amp;Balance: the chart</source>
        <translation>&amp;Баланс: график</translation>
    </message>
    <message>
        <source>Go to the event&apos;s re&amp;ports</source>
        <translation>Перейти к сооб&amp;щениям события</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Сочетания клавиш</translation>
    </message>
    <message>
        <source>&amp;About Exchange Ledger</source>
        <translation>&amp;О программе Exchange Ledger</translation>
    </message>
    <message>
        <source>&amp;New event</source>
        <translation>&amp;Новое событие</translation>
    </message>
    <message>
        <source>This report is not committed yet: commit it (Ctrl+Enter), then drop the file on it.</source>
        <translation>Это сообщение ещё не внесено: внесите его (Ctrl+Enter), затем перетащите на него файл.</translation>
    </message>
    <message>
        <source>No report to add the file to: select a report, or edit one, then drop the file on the form.</source>
        <translation>Нет сообщения, к которому добавить файл: выберите сообщение или откройте его для правки, затем перетащите файл на форму.</translation>
    </message>
    <message>
        <source>This file is open read-only: nothing can be changed.</source>
        <translation>Этот файл открыт только для чтения: ничего нельзя изменить.</translation>
    </message>
    <message>
        <source>New re&amp;port for the selected event</source>
        <translation>Новое &amp;сообщение к выбранному событию</translation>
    </message>
    <message>
        <source>&amp;Your name…</source>
        <translation>Ваше и&amp;мя…</translation>
    </message>
    <message>
        <source>&amp;Show events to review</source>
        <translation>Показать события к п&amp;роверке</translation>
    </message>
    <message>
        <source>Cl&amp;ear filters</source>
        <translation>Сбросить &amp;фильтры</translation>
    </message>
    <message>
        <source>Go to the en&amp;try form</source>
        <translation>Перейти к форме &amp;ввода</translation>
    </message>
    <message>
        <source>&amp;Add evidence to the report…</source>
        <translation>Добавить &amp;доказательство к сообщению…</translation>
    </message>
    <message>
        <source>&amp;Verify evidence files</source>
        <translation>Про&amp;верить файлы доказательств</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Недавние &amp;файлы</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>S&amp;ort events by</source>
        <translation>&amp;Сортировать события по</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>Провер&amp;ка</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>{file} [read-only] — Exchange Ledger</source>
        <translation>{file} [только чтение] — Exchange Ledger</translation>
    </message>
    <message>
        <source>{file} — Exchange Ledger</source>
        <translation>{file} — Exchange Ledger</translation>
    </message>
    <message>
        <source>{count} to review</source>
        <translation>к проверке: {count}</translation>
    </message>
    <message>
        <source>Waiting for another program that is writing {file} ({seconds} s)… your change will be saved as soon as it is done.</source>
        <translation>Ожидание другой программы, которая записывает {file} ({seconds} с)… ваше изменение будет сохранено, как только она закончит.</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Не ждать</translation>
    </message>
    <message>
        <source>Waiting for another program</source>
        <translation>Ожидание другой программы</translation>
    </message>
    <message>
        <source>Undo starts afresh: another program changed {name}.</source>
        <translation>История отмен начата заново: другая программа изменила {name}.</translation>
    </message>
    <message>
        <source>Select an event first.</source>
        <translation>Сначала выберите событие.</translation>
    </message>
    <message>
        <source>Delete acts on the events table (the selected event) or on an event&apos;s reports (the selected reports): select there first.</source>
        <translation>Удаление действует в таблице событий (выбранное событие) или в сообщениях события (выбранные сообщения): сначала выберите там.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удаление</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <source>Your name is now {name}: the entries and decisions you make from now on carry it.</source>
        <translation>Теперь ваше имя — {name}: записи и решения, которые вы будете делать дальше, будут его носить.</translation>
    </message>
    <message>
        <source>Verifying evidence files</source>
        <translation>Проверка файлов доказательств</translation>
    </message>
    <message>
        <source>Evidence files missing or altered</source>
        <translation>Файлы доказательств отсутствуют или изменены</translation>
    </message>
    <message>
        <source>This ledger has no evidence files to verify.</source>
        <translation>В этом реестре нет файлов доказательств для проверки.</translation>
    </message>
    <message>
        <source>About Exchange Ledger</source>
        <translation>О программе Exchange Ledger</translation>
    </message>
    <message>
        <source>&lt;b&gt;Exchange Ledger&lt;/b&gt; {version}&lt;br&gt;Sourced events of a war, their conflicting reports, and the balance of exchanges. Works offline; every change is committed at once and audited.</source>
        <translation>&lt;b&gt;Exchange Ledger&lt;/b&gt; {version}&lt;br&gt;События войны с источниками, противоречивые сообщения о них и баланс обменов. Работает без сети; каждое изменение сразу вносится и документируется.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The window will speak {language} when Exchange Ledger starts again. Restart now? Everything is already saved.</source>
        <translation>Язык интерфейса сменится на «{language}» после перезапуска Exchange Ledger. Перезапустить сейчас? Всё уже сохранено.</translation>
    </message>
    <message>
        <source>Exchange Ledger could not be started again: please close it and start it yourself.</source>
        <translation>Не удалось перезапустить Exchange Ledger: закройте программу и запустите её самостоятельно.</translation>
    </message>
    <message>
        <source>New ledger file</source>
        <translation>Новый файл реестра</translation>
    </message>
    <message>
        <source>Ledger files (*.db)</source>
        <translation>Файлы реестра (*.db)</translation>
    </message>
    <message>
        <source>Open a ledger file</source>
        <translation>Открыть файл реестра</translation>
    </message>
    <message>
        <source>Ledger files (*.db);;All files (*)</source>
        <translation>Файлы реестра (*.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>{name} copy.db</source>
        <translation>{name} копия.db</translation>
    </message>
    <message>
        <source>Save a copy of the ledger</source>
        <translation>Сохранить копию реестра</translation>
    </message>
    <message>
        <source>Saving a copy as {name}</source>
        <translation>Сохранение копии как {name}</translation>
    </message>
    <message>
        <source>Cancelled: no copy was saved.</source>
        <translation>Отменено: копия не сохранена.</translation>
    </message>
    <message>
        <source>The copy was not saved</source>
        <translation>Копия не сохранена</translation>
    </message>
    <message>
        <source>Some evidence files were not copied</source>
        <translation>Некоторые файлы доказательств не скопированы</translation>
    </message>
    <message>
        <source>The copy {path} holds every commit, but these evidence files could not be copied beside it:</source>
        <translation>Копия {path} содержит все зафиксированные изменения, но эти файлы доказательств не удалось скопировать рядом с ней:</translation>
    </message>
    <message>
        <source>Saved a copy of the ledger as {path}.</source>
        <translation>Копия реестра сохранена как {path}.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Не удаётся открыть файл</translation>
    </message>
    <message>
        <source>&amp;Remove from Open recent</source>
        <translation>&amp;Убрать из «Недавних файлов»</translation>
    </message>
    <message>
        <source>&amp;Keep it listed</source>
        <translation>&amp;Оставить в списке</translation>
    </message>
    <message>
        <source>Changes kept beside the file</source>
        <translation>Изменения сохранены рядом с файлом</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>&apos;{text}&apos; is not a date: use YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>«{text}» не является датой: пишите ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a real date: there is no month {month}</source>
        <translation>«{text}» не является настоящей датой: месяца {month} не существует</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a real date: {month} has {days} days</source>
        <translation>«{text}» не является настоящей датой: в {month} {days} дней</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a real date</source>
        <translation>«{text}» не является настоящей датой</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is in the future (today is {today})</source>
        <translation>«{text}» — дата в будущем (сегодня {today})</translation>
    </message>
    <message>
        <source>date is required (YYYY-MM-DD, YYYY-MM or YYYY)</source>
        <translation>нужна дата (ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ)</translation>
    </message>
    <message>
        <source>source is required</source>
        <translation>нужен источник</translation>
    </message>
    <message>
        <source>from party is required</source>
        <translation>нужна сторона-отправитель</translation>
    </message>
    <message>
        <source>to party is required</source>
        <translation>нужна сторона-получатель</translation>
    </message>
    <message>
        <source>count is required</source>
        <translation>нужно количество</translation>
    </message>
    <message>
        <source>count is &apos;{value}&apos;: a whole number such as 1245 or 1,245</source>
        <translation>количество «{value}»: нужно целое число, напр. 1245 или 1 245</translation>
    </message>
    <message>
        <source>count is &apos;{value}&apos;: write a plain non-negative whole number, without separators or signs (1212, not 1,212)</source>
        <translation>количество «{value}»: пишите обычное неотрицательное целое число, без разделителей и знаков (1212, а не 1,212)</translation>
    </message>
    <message>
        <source>count is {value}: more than {limit} is not a plausible count</source>
        <translation>количество {value}: больше {limit} — неправдоподобное количество</translation>
    </message>
    <message>
        <source>from and to are both &apos;{party}&apos;: a flow goes between two parties</source>
        <translation>и «от кого», и «кому» — «{party}»: передача происходит между двумя сторонами</translation>
    </message>
    <message>
        <source>URL &apos;{value}&apos; must start with http:// or https:// and hold no spaces</source>
        <translation>URL «{value}» должен начинаться с http:// или https:// и не содержать пробелов</translation>
    </message>
    <message>
        <source>{what} &apos;{value}&apos; mixes Latin and Cyrillic letters: the word &apos;{word}&apos; has the {script} letter &apos;{letter}&apos; ({code} {name})</source>
        <translation>{what} «{value}» смешивает латинские и кириллические буквы: в слове «{word}» есть {script} буква «{letter}» ({code} {name})</translation>
    </message>
    <message>
        <source>a rationale is required: say why this value was decided</source>
        <translation>нужно обоснование: объясните, почему принято это значение</translation>
    </message>
    <message>
        <source>no report states {flow}</source>
        <translation>ни одно сообщение не содержит {flow}</translation>
    </message>
    <message>
        <source>there is no report {report}</source>
        <translation>нет сообщения {report}</translation>
    </message>
    <message>
        <source>the report states {flow} twice</source>
        <translation>сообщение дважды называет {flow}</translation>
    </message>
    <message>
        <source>{what} is empty: use one of {allowed}</source>
        <translation>{what}: пусто; пишите одно из: {allowed}</translation>
    </message>
    <message>
        <source>{what} is &apos;{value}&apos;: use one of {allowed}</source>
        <translation>{what}: «{value}»; пишите одно из: {allowed}</translation>
    </message>
    <message>
        <source>credibility is &apos;{value}&apos;: use a grade from 1 to 6</source>
        <translation>достоверность «{value}»: пишите оценку от 1 до 6</translation>
    </message>
    <message>
        <source>location is required</source>
        <translation>нужно место</translation>
    </message>
    <message>
        <source>{column} is required</source>
        <translation>нужно значение {column}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is in the future (it is now {now})</source>
        <translation>«{text}» — время в будущем (сейчас {now})</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a UTC time: use YYYY-MM-DDTHH:MM:SSZ</source>
        <translation>«{text}» не является временем UTC: пишите YYYY-MM-DDTHH:MM:SSZ</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a real time</source>
        <translation>«{text}» не является настоящим временем</translation>
    </message>
    <message>
        <source>seq is {value}: more than {limit}, the largest number a ledger holds</source>
        <translation>seq — {value}: больше {limit}, наибольшего числа, которое вмещает реестр</translation>
    </message>
    <message>
        <source>seq is &apos;{value}&apos;: a plain non-negative whole number</source>
        <translation>seq «{value}»: нужно обычное неотрицательное целое число</translation>
    </message>
    <message>
        <source>has {cells} cells where the header has {header}</source>
        <translation>ячеек в строке: {cells}, а в заголовке: {header}</translation>
    </message>
    <message>
        <source>holds bytes that are not UTF-8 (save the file as UTF-8)</source>
        <translation>содержит байты не в кодировке UTF-8 (сохраните файл в UTF-8)</translation>
    </message>
    <message>
        <source>holds a NUL character</source>
        <translation>содержит символ NUL</translation>
    </message>
    <message>
        <source>not readable as CSV: {error}</source>
        <translation>не читается как CSV: {error}</translation>
    </message>
    <message>
        <source>the file is empty: a header row is required</source>
        <translation>файл пуст: нужна строка заголовка</translation>
    </message>
    <message>
        <source>the required column &apos;{column}&apos; is missing</source>
        <translation>нет обязательного столбца «{column}»</translation>
    </message>
    <message>
        <source>the column &apos;{column}&apos; appears twice</source>
        <translation>столбец «{column}» встречается дважды</translation>
    </message>
    <message>
        <source>unknown column &apos;{column}&apos;</source>
        <translation>неизвестный столбец «{column}»</translation>
    </message>
    <message>
        <source>and {count} more problems with the columns</source>
        <translation>и ещё проблем со столбцами: {count}</translation>
    </message>
    <message>
        <source>differs from row {row} of the same report {report} (&apos;{value}&apos;)</source>
        <translation>отличается от строки {row} того же сообщения {report} («{value}»)</translation>
    </message>
    <message>
        <source>report {report} already states {flow} at row {row}</source>
        <translation>сообщение {report} уже содержит {flow} в строке {row}</translation>
    </message>
    <message>
        <source>source &apos;{source}&apos; was renamed or merged in this ledger; its reports go to &apos;{target}&apos;</source>
        <translation>источник &apos;{source}&apos; в этом реестре переименован или объединён с другим; его сообщения переходят к &apos;{target}&apos;</translation>
    </message>
    <message>
        <source>report {report} was deleted from this ledger; it is not brought back</source>
        <translation>сообщение {report} было удалено из этого реестра; оно не будет возвращено</translation>
    </message>
    <message>
        <source>report {report} is already in the database with other content ({differences}); edits travel by merge, not import</source>
        <translation>сообщение {report} уже есть в реестре с другим содержимым ({differences}); изменения переносит объединение, а не импорт</translation>
    </message>
    <message>
        <source>report {report} says the same here and in the file, recorded apart ({differences}); kept as recorded here</source>
        <translation>сообщение {report} в реестре и в файле говорит одно и то же, но записано отдельно ({differences}); оставлено, как записано здесь</translation>
    </message>
    <message>
        <source>report {report} and 1 more report say the same here and in the file, recorded apart ({differences}); kept as recorded here</source>
        <translation>сообщение {report} и ещё одно в реестре и в файле говорят одно и то же, но записаны отдельно ({differences}); оставлены, как записаны здесь</translation>
    </message>
    <message>
        <source>report {report} and {more} more reports say the same here and in the file, recorded apart ({differences}); kept as recorded here</source>
        <translation>сообщение {report} и ещё {more} в реестре и в файле говорят одно и то же, но записаны отдельно ({differences}); оставлены, как записаны здесь</translation>
    </message>
    <message>
        <source>event {event} is &apos;{known}&apos; {origin}; an event has one type</source>
        <translation>событие {event} имеет тип «{known}» {origin}; у события один тип</translation>
    </message>
    <message>
        <source>source &apos;{source}&apos; is &apos;{kind}&apos; {origin}; &apos;{given}&apos; ignored</source>
        <translation>источник «{source}» имеет тип «{kind}» {origin}; «{given}» пропущено</translation>
    </message>
    <message>
        <source>source &apos;{source}&apos; is graded {grade} {origin}; {given} ignored</source>
        <translation>источник «{source}» имеет оценку {grade} {origin}; {given} пропущено</translation>
    </message>
    <message>
        <source>&apos;???&apos; where there may have been letters: a spreadsheet saved in a legacy encoding writes &apos;?&apos; for each letter it cannot hold; save as UTF-8 and import again</source>
        <translation>«???» там, где, возможно, были буквы: электронная таблица, сохранённая в устаревшей кодировке, пишет «?» вместо каждой буквы, которую не может сохранить; сохраните файл в UTF-8 и импортируйте снова</translation>
    </message>
    <message>
        <source>a &apos; followed by a line feed: a spreadsheet turned the guarded carriage return into a line feed, so the &apos; stays in the text</source>
        <translation>&apos; и за ним перевод строки: электронная таблица превратила защищённый возврат каретки в перевод строки, поэтому &apos; остаётся в тексте</translation>
    </message>
    <message>
        <source>exactly {limit} characters, all a spreadsheet cell holds: cut?</source>
        <translation>ровно {limit} символов — столько вмещает ячейка электронной таблицы: обрезано?</translation>
    </message>
    <message>
        <source>is missing: {folder} is not an export folder (it has no {file})</source>
        <translation>отсутствует: {folder} — не папка экспорта (в ней нет {file})</translation>
    </message>
    <message>
        <source>the same id as row {row}</source>
        <translation>тот же идентификатор, что и в строке {row}</translation>
    </message>
    <message>
        <source>the same name and party as row {row}</source>
        <translation>те же название и сторона, что и в строке {row}</translation>
    </message>
    <message>
        <source>a direction decision has the value &apos;{dismissed}&apos;, not &apos;{value}&apos;</source>
        <translation>решение о направлении имеет значение «{dismissed}», а не «{value}»</translation>
    </message>
    <message>
        <source>a date decision names no flow</source>
        <translation>решение о дате не называет передачи</translation>
    </message>
    <message>
        <source>a location decision names no flow</source>
        <translation>решение о месте не называет передачи</translation>
    </message>
    <message>
        <source>could not be read, so the restored statuses are unchecked</source>
        <translation>не удалось прочитать, поэтому восстановленные статусы не проверены</translation>
    </message>
    <message>
        <source>seq {seq} is also the place of a decision: each write has its own</source>
        <translation>seq {seq} — это также место решения: у каждой записи своё</translation>
    </message>
    <message>
        <source>seq {seq} is also the place of report {report}: each write has its own</source>
        <translation>seq {seq} — это также место сообщения {report}: у каждой записи своё</translation>
    </message>
    <message>
        <source>source &apos;{source}&apos; is {kind}, {grade} here and {given_kind}, {given_grade} in {reports}; {sources} is kept</source>
        <translation>источник «{source}» здесь — {kind}, {grade}, а в {reports} — {given_kind}, {given_grade}; оставлен {sources}</translation>
    </message>
    <message>
        <source>report {report} was changed by another program since it was opened for editing; nothing was saved, so as not to undo that change</source>
        <translation>сообщение {report} изменила другая программа с тех пор, как его открыли для правки; ничего не сохранено, чтобы не отменить то изменение</translation>
    </message>
    <message>
        <source>the folder has no {folder} (exported without the evidence files): its records are added without their files ({count}); Verify evidence files names them</source>
        <translation>в папке нет {folder} (экспортировано без файлов доказательств): её записи добавляются без файлов ({count}); их называет «Проверить файлы доказательств»</translation>
    </message>
    <message>
        <source>the file is neither in {folder} nor in this ledger&apos;s evidence folder: the record is added without it (Verify evidence files names it)</source>
        <translation>файла нет ни в {folder}, ни в папке доказательств этого реестра: запись добавляется без него (его называет «Проверить файлы доказательств»)</translation>
    </message>
    <message>
        <source>withdrawn in the folder, but withdrawn and reinstated here too, which may be the later change: kept in force here</source>
        <translation>отозвано в папке, но здесь его тоже отзывали и восстанавливали, и это может быть более позднее изменение: здесь остаётся в силе</translation>
    </message>
    <message>
        <source>event {event} has no report in {reports} or in this ledger</source>
        <translation>у события {event} нет сообщений ни в {reports}, ни в этом реестре</translation>
    </message>
    <message>
        <source>report {report} is neither in {reports} nor in this ledger</source>
        <translation>сообщения {report} нет ни в {reports}, ни в этом реестре</translation>
    </message>
    <message>
        <source>the decision comes back {now}, not {state}</source>
        <translation>решение возвращается как {now}, а не {state}</translation>
    </message>
    <message>
        <source>event {event} comes back {now}, not {status}: the folder was edited, or a merge brought one of its decisions into the exported ledger (a merged decision that differs reopens its field; the folder does not say which decisions were merged)</source>
        <translation>событие {event} возвращается как {now}, а не {status}: папку изменили, или объединение принесло одно из его решений в экспортированный реестр (объединённое решение, которое отличается, снова открывает своё поле; папка не говорит, какие решения были объединены)</translation>
    </message>
    <message>
        <source>there is no event {event}</source>
        <translation>нет события {event}</translation>
    </message>
    <message>
        <source>no report of event {event} states a flow {flow}</source>
        <translation>ни одно сообщение события {event} не содержит передачи {flow}</translation>
    </message>
    <message>
        <source>event {event} has no possible reversed direction to dismiss</source>
        <translation>у события {event} нет возможно перепутанного направления, которое можно отклонить</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is not a field that can be decided</source>
        <translation>«{field}» — не поле, по которому можно принять решение</translation>
    </message>
    <message>
        <source>report {report} is not a report of event {event}</source>
        <translation>сообщение {report} не относится к событию {event}</translation>
    </message>
    <message>
        <source>report {report} does not state {value} for {flow} (it states nothing)</source>
        <translation>сообщение {report} не указывает {value} для {flow} (оно ничего не указывает)</translation>
    </message>
    <message>
        <source>report {report} does not state {value} for {flow} (it states {stated})</source>
        <translation>сообщение {report} не указывает {value} для {flow} (оно указывает {stated})</translation>
    </message>
    <message>
        <source>{inner}, though it was written before the decision: the folder was edited, or a merge brought the decision into the exported ledger</source>
        <translation>{inner}, хотя оно записано до решения: папку изменили, или решение принесло в экспортированный реестр объединение</translation>
    </message>
    <message>
        <source>the columns are separated by semicolons, not by commas: save the file again with &apos;,&apos; as its field delimiter</source>
        <translation>столбцы разделены точками с запятой, а не запятыми: сохраните файл ещё раз с «,» в качестве разделителя полей</translation>
    </message>
    <message>
        <source>the columns are separated by tabs, not by commas: save the file again with &apos;,&apos; as its field delimiter</source>
        <translation>столбцы разделены табуляциями, а не запятыми: сохраните файл ещё раз с «,» в качестве разделителя полей</translation>
    </message>
    <message>
        <source>{path}: there is not enough space on the disk; nothing was changed. Free some space and try again.</source>
        <translation>{path}: на диске не хватает места; ничего не изменено. Освободите место и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>{path} is not an Exchange Ledger file (not a SQLite database).</source>
        <translation>{path} — не файл Exchange Ledger (не база данных SQLite).</translation>
    </message>
    <message>
        <source>{path} is damaged: its header is cut short.</source>
        <translation>{path} повреждён: его заголовок обрезан.</translation>
    </message>
    <message>
        <source>{path} is damaged: its header names an impossible page size.</source>
        <translation>{path} повреждён: его заголовок называет невозможный размер страницы.</translation>
    </message>
    <message>
        <source>{path} is damaged: the file is shorter than it should be.</source>
        <translation>{path} повреждён: файл короче, чем должен быть.</translation>
    </message>
    <message>
        <source>{path} is damaged or not a database: {error}.</source>
        <translation>{path} повреждён или это не база данных: {error}.</translation>
    </message>
    <message>
        <source>{path} is damaged: {error}.</source>
        <translation>{path} повреждён: {error}.</translation>
    </message>
    <message>
        <source>{path} is a folder, not an Exchange Ledger file.</source>
        <translation>{path} — это папка, а не файл Exchange Ledger.</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a pipe, a device or a socket), not an Exchange Ledger file.</source>
        <translation>{path} — не обычный файл (канал, устройство или сокет) и не файл Exchange Ledger.</translation>
    </message>
    <message>
        <source>{path} is not an Exchange Ledger file (its schema version, {version}, is not one this program writes).</source>
        <translation>{path} — не файл Exchange Ledger (версию схемы {version} эта программа не пишет).</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Exchange Ledger (schema {version}; this version knows up to {known}). Update the program to open it.</source>
        <translation>{path} записан более новой версией Exchange Ledger (схема {version}; эта версия знает до {known}). Обновите программу, чтобы его открыть.</translation>
    </message>
    <message>
        <source>{path} is a SQLite database, but not an Exchange Ledger file.</source>
        <translation>{path} — база данных SQLite, но не файл Exchange Ledger.</translation>
    </message>
    <message>
        <source>{path} is an empty file: it holds no Exchange Ledger.</source>
        <translation>{path} — пустой файл: в нём нет реестра Exchange Ledger.</translation>
    </message>
    <message>
        <source>{path} is an empty SQLite database: it holds no Exchange Ledger.</source>
        <translation>{path} — пустая база данных SQLite: в ней нет реестра Exchange Ledger.</translation>
    </message>
    <message>
        <source>{path} cannot be opened: {error}.</source>
        <translation>{path} не удаётся открыть: {error}.</translation>
    </message>
    <message>
        <source>{path} must be upgraded behind a backup copy, but there is not enough space on the disk for the copy; nothing was changed.</source>
        <translation>{path} нужно обновить, сначала сделав резервную копию, но на диске не хватает места для копии; ничего не изменено.</translation>
    </message>
    <message>
        <source>{path} cannot be upgraded: {inner}.</source>
        <translation>{path} не удаётся обновить: {inner}.</translation>
    </message>
    <message>
        <source>its references do not hold: a record names one that is gone</source>
        <translation>его ссылки не сходятся: запись называет другую, которой уже нет</translation>
    </message>
    <message>
        <source>it holds a value this version cannot keep: {problem}. Correct it (the sqlite3 shell can) and open the file again; nothing was changed</source>
        <translation>он содержит значение, которое эта версия не может сохранить: {problem}. Исправьте его (это умеет оболочка sqlite3) и откройте файл снова; ничего не изменено</translation>
    </message>
    <message>
        <source>{path} does not exist and cannot be created here.</source>
        <translation>{path} не существует, и здесь его нельзя создать.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} не существует.</translation>
    </message>
    <message>
        <source>{path} is missing: it was not copied</source>
        <translation>{path} отсутствует: он не скопирован</translation>
    </message>
    <message>
        <source>{path}: its bytes do not match its SHA-256 (expected {expected}, found {found}); it was not accepted</source>
        <translation>{path}: его байты не соответствуют его SHA-256 (ожидалось {expected}, найдено {found}); он не принят</translation>
    </message>
    <message>
        <source>{path} was written by an older version of Exchange Ledger and must be upgraded before it can be read, but it cannot be written here. Copy it somewhere writable and open the copy.</source>
        <translation>{path} записан более старой версией Exchange Ledger, и перед чтением его нужно обновить, но здесь в него нельзя писать. Скопируйте его туда, где можно писать, и откройте копию.</translation>
    </message>
    <message>
        <source>{path} is open read-only: nothing can be changed.</source>
        <translation>{path} открыт только для чтения: ничего нельзя изменить.</translation>
    </message>
    <message>
        <source>{path} is open read-only: no evidence can be added.</source>
        <translation>{path} открыт только для чтения: доказательства нельзя добавить.</translation>
    </message>
    <message>
        <source>{path}: you stopped waiting for the other program that is writing it; nothing was changed.</source>
        <translation>{path}: вы перестали ждать другую программу, которая его записывает; ничего не изменено.</translation>
    </message>
    <message>
        <source>{path}: another change is still waiting to be saved; nothing was changed. Try again in a moment.</source>
        <translation>{path}: другое изменение ещё ждёт сохранения; ничего не изменено. Попробуйте ещё раз через мгновение.</translation>
    </message>
    <message>
        <source>event {event} was deleted by another program while the file was read; nothing was imported: import the file again</source>
        <translation>событие {event} удалила другая программа, пока файл читался; ничего не импортировано: импортируйте файл ещё раз</translation>
    </message>
    <message>
        <source>event {event} was created by another program while the file was read; nothing was imported: import the file again</source>
        <translation>событие {event} создала другая программа, пока файл читался; ничего не импортировано: импортируйте файл ещё раз</translation>
    </message>
    <message>
        <source>event {event} was retyped by another program while the file was read; nothing was imported: import the file again</source>
        <translation>тип события {event} изменила другая программа, пока файл читался; ничего не импортировано: импортируйте файл ещё раз</translation>
    </message>
    <message>
        <source>another program renamed or merged {what} {name} while the file was read; nothing was imported: import the file again</source>
        <translation>пока файл читался, другая программа переименовала или объединила — {what} {name}; ничего не импортировано: импортируйте файл ещё раз</translation>
    </message>
    <message>
        <source>another program added {what} {name} while the file was read; nothing was imported: import the file again</source>
        <translation>пока файл читался, другая программа добавила то же самое — {what} {name}; ничего не импортировано: импортируйте файл ещё раз</translation>
    </message>
    <message>
        <source>{path} is being written by another program and stayed busy for {seconds} s; nothing was changed. Try again.</source>
        <translation>{path} записывает другая программа, и файл оставался занятым {seconds} с; ничего не изменено. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>{path} is being written by another program (an import into it, say) and stayed busy for {seconds} s; nothing was changed. Open it again once that program is done.</source>
        <translation>{path} записывает другая программа (например, импорт в него), и файл оставался занятым {seconds} с; ничего не изменено. Откройте его снова, когда та программа закончит.</translation>
    </message>
    <message>
        <source>{path} is no longer the file that was opened: it was moved, deleted or replaced by another program (a sync client, say); nothing was changed. Open the ledger again where it is now.</source>
        <translation>{path} — уже не тот файл, что был открыт: его переместили, удалили или заменила другая программа (например, клиент синхронизации); ничего не изменено. Откройте реестр снова там, где он теперь.</translation>
    </message>
    <message>
        <source>{path} cannot be written ({reason}): the copy was not written.</source>
        <translation>В {path} нельзя записывать ({reason}): копия не записана.</translation>
    </message>
    <message>
        <source>{path} is a file where a folder is needed: name a folder (one that does not exist yet is created); nothing was written.</source>
        <translation>{path} — файл там, где нужна папка: укажите папку (ту, которой ещё нет, программа создаст); ничего не записано.</translation>
    </message>
    <message>
        <source>{path} is a folder where the export writes a file: move it away; nothing was written.</source>
        <translation>{path} — папка там, куда экспорт записывает файл: переместите её; ничего не записано.</translation>
    </message>
    <message>
        <source>{path} cannot be written ({reason}): nothing was exported.</source>
        <translation>{path} невозможно записать ({reason}): ничего не экспортировано.</translation>
    </message>
    <message>
        <source>{path} cannot be written: permission denied.</source>
        <translation>В {path} не удаётся записать: доступ запрещён.</translation>
    </message>
    <message>
        <source>{path} already exists: choose a name that is not taken.</source>
        <translation>{path} уже существует: выберите свободное имя.</translation>
    </message>
    <message>
        <source>{path} is not a folder: the copy was not written.</source>
        <translation>{path} — не папка: копия не записана.</translation>
    </message>
    <message>
        <source>{path}: there is not enough space on the disk; the copy was not written.</source>
        <translation>{path}: на диске не хватает места; копия не записана.</translation>
    </message>
    <message>
        <source>{path} could not be written: {error}.</source>
        <translation>{path} не удалось записать: {error}.</translation>
    </message>
    <message>
        <source>accessed date &apos;{value}&apos; must be a day, YYYY-MM-DD</source>
        <translation>дата обращения «{value}» должна быть днём: ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <source>accessed date: {inner}</source>
        <translation>дата обращения: {inner}</translation>
    </message>
    <message>
        <source>archive URL &apos;{value}&apos; must start with http:// or https:// and hold no spaces</source>
        <translation>архивная ссылка «{value}» должна начинаться с http:// или https:// и не содержать пробелов</translation>
    </message>
    <message>
        <source>the evidence file needs a name</source>
        <translation>у файла доказательства должно быть имя</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} не существует</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file</source>
        <translation>{path} — это папка, а не файл</translation>
    </message>
    <message>
        <source>{path} cannot be read: permission denied</source>
        <translation>{path} не удаётся прочитать: доступ запрещён</translation>
    </message>
    <message>
        <source>{path} is not a regular file</source>
        <translation>{path} не является обычным файлом</translation>
    </message>
    <message>
        <source>{what} {record} has {column} {at}, in the future (it is now {now}){also}: the other computer&apos;s clock is probably ahead, and such a time would win every later merge against the edits and decisions made here; nothing merged</source>
        <translation>{what} {record}: {column} {at} — в будущем (сейчас {now}){also}: часы другого компьютера, видимо, спешат, и такое время перевешивало бы при каждом следующем объединении правки и решения, сделанные здесь; ничего не объединено</translation>
    </message>
    <message>
        <source>type clash, nothing merged: {clashes}</source>
        <translation>типы не совпадают, ничего не объединено: {clashes}</translation>
    </message>
    <message>
        <source>{path} holds a value this program cannot read: {problem}{also}; nothing merged</source>
        <translation>{path} содержит значение, которое эта программа не может прочитать (так его называет «exchange-ledger check»): «{problem}»{also}; ничего не объединено</translation>
    </message>
    <message>
        <source>report {report} belongs to event {event} here and {other} there; nothing merged</source>
        <translation>сообщение {report} относится здесь к событию {event}, а там к {other}; ничего не объединено</translation>
    </message>
    <message>
        <source>{path} is left from an earlier export and holds older numbers than these files: export the workbook again, or delete it</source>
        <translation>{path} осталась от предыдущего экспорта и содержит более старые числа, чем эти файлы: экспортируйте рабочую книгу ещё раз или удалите её</translation>
    </message>
    <message>
        <source>{file}: {rows} rows, more than a spreadsheet shows in one sheet ({limit}); the CSV file holds them all</source>
        <translation>{file}: строк {rows} — больше, чем электронная таблица показывает на одном листе ({limit}); файл CSV содержит их все</translation>
    </message>
    <message>
        <source>{file} row {row}, column {column}: {length} characters, more than a spreadsheet cell holds; cut to {limit} in the workbook (the CSV file holds it whole)</source>
        <translation>{file}, строка {row}, столбец {column}: символов {length} — больше, чем вмещает ячейка таблицы; в рабочей книге обрезано до {limit} (файл CSV содержит текст целиком)</translation>
    </message>
    <message>
        <source>{path} held files left by an earlier export that no report here cites any more: removed ({count})</source>
        <translation>В {path} были файлы, оставленные предыдущим экспортом, на которые уже не ссылается ни одно сообщение: они удалены ({count})</translation>
    </message>
    <message>
        <source>{path} holds files left by an earlier export that no report here cites any more ({count}): export with the evidence files again, which removes them, or delete them</source>
        <translation>В {path} есть файлы, оставленные предыдущим экспортом, на которые уже не ссылается ни одно сообщение ({count}): экспортируйте ещё раз вместе с файлами доказательств, что их удалит, или удалите их</translation>
    </message>
    <message>
        <source>the disk of {folder} is full: {file} was not added to the evidence; make room there and add it again</source>
        <translation>диск папки {folder} заполнен: {file} не добавлен к доказательствам; освободите там место и добавьте его снова</translation>
    </message>
    <message>
        <source>{folder} cannot be written: {file} was not added to the evidence</source>
        <translation>В {folder} не удаётся записать: {file} не добавлен к доказательствам</translation>
    </message>
    <message>
        <source>evidence {sha256} is missing from {path}: not exported</source>
        <translation>доказательство {sha256} отсутствует в {path}: не экспортировано</translation>
    </message>
    <message>
        <source>evidence {sha256} was altered in {path}: not exported</source>
        <translation>доказательство {sha256} изменено в {path}: не экспортировано</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>source party</source>
        <translation>сторона источника</translation>
    </message>
    <message>
        <source>party</source>
        <translation>сторона</translation>
    </message>
    <message>
        <source>from party</source>
        <translation>сторона-отправитель</translation>
    </message>
    <message>
        <source>to party</source>
        <translation>сторона-получатель</translation>
    </message>
    <message>
        <source>Latin</source>
        <translation>латинская</translation>
    </message>
    <message>
        <source>Cyrillic</source>
        <translation>кириллическая</translation>
    </message>
    <message>
        <source>event type</source>
        <translation>тип события</translation>
    </message>
    <message>
        <source>category</source>
        <translation>категория</translation>
    </message>
    <message>
        <source>count qualifier</source>
        <translation>точность количества</translation>
    </message>
    <message>
        <source>source kind</source>
        <translation>тип источника</translation>
    </message>
    <message>
        <source>reliability</source>
        <translation>надёжность</translation>
    </message>
    <message>
        <source>field</source>
        <translation>поле</translation>
    </message>
    <message>
        <source>state</source>
        <translation>состояние</translation>
    </message>
    <message>
        <source>name</source>
        <translation>название</translation>
    </message>
    <message>
        <source>report</source>
        <translation>сообщение</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>решение</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>доказательство</translation>
    </message>
    <message>
        <source>file is not a database</source>
        <translation>файл не является базой данных</translation>
    </message>
    <message>
        <source>database disk image is malformed</source>
        <translation>образ базы данных на диске повреждён</translation>
    </message>
    <message>
        <source>disk I/O error</source>
        <translation>ошибка ввода-вывода диска</translation>
    </message>
    <message>
        <source>unable to open database file</source>
        <translation>не удаётся открыть файл базы данных</translation>
    </message>
    <message>
        <source>attempt to write a readonly database</source>
        <translation>попытка записи в базу данных, открытую только для чтения</translation>
    </message>
    <message>
        <source>database is locked</source>
        <translation>база данных заблокирована</translation>
    </message>
    <message>
        <source>database or disk is full</source>
        <translation>база данных или диск заполнены</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Доступ запрещён</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Операция не разрешена</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>Нет такого файла или папки</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>Файловая система только для чтения</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>На устройстве не осталось места</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>Это папка</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>Это не папка</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>Ошибка ввода-вывода</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation> (и ещё {count})</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {message}</source>
        <translation>строка {row}, столбец {column}: {message}</translation>
    </message>
    <message>
        <source>row {row}: {message}</source>
        <translation>строка {row}: {message}</translation>
    </message>
    <message>
        <source>in the database</source>
        <translation>в реестре</translation>
    </message>
    <message>
        <source>in row {row} of this file</source>
        <translation>в строке {row} этого файла</translation>
    </message>
    <message>
        <source>in row {row}</source>
        <translation>в строке {row}</translation>
    </message>
    <message>
        <source>event {event} is &apos;{mine}&apos; here and &apos;{theirs}&apos; there</source>
        <translation>событие {event} здесь «{mine}», а там «{theirs}»</translation>
    </message>
    <message>
        <source>{column} is {given} in the file, {stored} in the database</source>
        <translation>{column}: {given} в файле, {stored} в реестре</translation>
    </message>
</context>
<context>
    <name>PartialDateEdit</name>
    <message>
        <source>YYYY-MM-DD, YYYY-MM or YYYY</source>
        <translation>ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ</translation>
    </message>
    <message>
        <source>A day, a month or a year: 2025-06-11, 2025-06 or 2025</source>
        <translation>День, месяц или год: 2025-06-11, 2025-06 или 2025</translation>
    </message>
    <message>
        <source>{field} calendar</source>
        <translation>Календарь: {field}</translation>
    </message>
    <message>
        <source>Pick a day (Alt+Down in the field)</source>
        <translation>Выбрать день (Alt+↓ в поле)</translation>
    </message>
    <message>
        <source>Open calendar</source>
        <translation>Открыть календарь</translation>
    </message>
</context>
<context>
    <name>Plural</name>
    <message numerus="yes">
        <source>%Ln report(s)</source>
        <translation>
            <numerusform>%Ln сообщение</numerusform>
            <numerusform>%Ln сообщения</numerusform>
            <numerusform>%Ln сообщений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln событие</numerusform>
            <numerusform>%Ln события</numerusform>
            <numerusform>%Ln событий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete this event and its %Ln report(s)? Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Удалить это событие и его %Ln сообщение? Отмена (Ctrl+Z) вернёт их.</numerusform>
            <numerusform>Удалить это событие и его %Ln сообщения? Отмена (Ctrl+Z) вернёт их.</numerusform>
            <numerusform>Удалить это событие и его %Ln сообщений? Отмена (Ctrl+Z) вернёт их.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the selected %Ln report(s)? Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Удалить выбранное %Ln сообщение? Отмена (Ctrl+Z) вернёт его.</numerusform>
            <numerusform>Удалить выбранные %Ln сообщения? Отмена (Ctrl+Z) вернёт их.</numerusform>
            <numerusform>Удалить выбранные %Ln сообщений? Отмена (Ctrl+Z) вернёт их.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln report(s)</source>
        <translation>
            <numerusform>Удалить %Ln сообщение</numerusform>
            <numerusform>Удалить %Ln сообщения</numerusform>
            <numerusform>Удалить %Ln сообщений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{file} has %Ln problem(s); nothing was imported. Fix them and import again.</source>
        <translation>
            <numerusform>В {file} %Ln проблема; ничего не импортировано. Исправьте её и импортируйте снова.</numerusform>
            <numerusform>В {file} %Ln проблемы; ничего не импортировано. Исправьте их и импортируйте снова.</numerusform>
            <numerusform>В {file} %Ln проблем; ничего не импортировано. Исправьте их и импортируйте снова.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file gives %Ln warning(s): see the details.</source>
        <translation>
            <numerusform>Файл даёт %Ln предупреждение: см. подробности.</numerusform>
            <numerusform>Файл даёт %Ln предупреждения: см. подробности.</numerusform>
            <numerusform>Файл даёт %Ln предупреждений: см. подробности.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The folder gives %Ln warning(s): see the details.</source>
        <translation>
            <numerusform>Папка даёт %Ln предупреждение: см. подробности.</numerusform>
            <numerusform>Папка даёт %Ln предупреждения: см. подробности.</numerusform>
            <numerusform>Папка даёт %Ln предупреждений: см. подробности.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) into {folder}.</source>
        <translation>
            <numerusform>Экспортирована %Ln строка в {folder}.</numerusform>
            <numerusform>Экспортировано %Ln строки в {folder}.</numerusform>
            <numerusform>Экспортировано %Ln строк в {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(+%Ln more flow(s))</source>
        <translation>
            <numerusform>(ещё %Ln передача)</numerusform>
            <numerusform>(ещё %Ln передачи)</numerusform>
            <numerusform>(ещё %Ln передач)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more event(s) that day</source>
        <translation>
            <numerusform>… и ещё %Ln событие в этот день</numerusform>
            <numerusform>… и ещё %Ln события в этот день</numerusform>
            <numerusform>… и ещё %Ln событий в этот день</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln earlier target(s) (point at a day)</source>
        <translation>
            <numerusform>ещё %Ln прежняя цель (наведите на день)</numerusform>
            <numerusform>ещё %Ln прежние цели (наведите на день)</numerusform>
            <numerusform>ещё %Ln прежних целей (наведите на день)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) and a workbook into {folder}.</source>
        <translation>
            <numerusform>Экспортирована %Ln строка и рабочая книга в {folder}.</numerusform>
            <numerusform>Экспортировано %Ln строки и рабочая книга в {folder}.</numerusform>
            <numerusform>Экспортировано %Ln строк и рабочая книга в {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln байт</numerusform>
            <numerusform>%Ln байта</numerusform>
            <numerusform>%Ln байт</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Evidence of this report: %Ln file(s)</source>
        <translation>
            <numerusform>Доказательства сообщения: %Ln файл</numerusform>
            <numerusform>Доказательства сообщения: %Ln файла</numerusform>
            <numerusform>Доказательства сообщения: %Ln файлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — evidence: {with_evidence} of %Ln report(s)</source>
        <translation>
            <numerusform> — доказательства: у {with_evidence} из %Ln сообщения</numerusform>
            <numerusform> — доказательства: у {with_evidence} из %Ln сообщений</numerusform>
            <numerusform> — доказательства: у {with_evidence} из %Ln сообщений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln evidence file(s) of {total} no longer match what was added:</source>
        <translation>
            <numerusform>%Ln файл доказательств из {total} больше не совпадает с добавленным:</numerusform>
            <numerusform>%Ln файла доказательств из {total} больше не совпадают с добавленным:</numerusform>
            <numerusform>%Ln файлов доказательств из {total} больше не совпадают с добавленным:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln evidence file(s) are as they were added.</source>
        <translation>
            <numerusform>%Ln файл доказательств такой, каким его добавили.</numerusform>
            <numerusform>Все %Ln файла доказательств такие, какими их добавили.</numerusform>
            <numerusform>Все %Ln файлов доказательств такие, какими их добавили.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>There is no report {number}: this event has %Ln report(s).</source>
        <translation>
            <numerusform>Нет сообщения {number}: у этого события %Ln сообщение.</numerusform>
            <numerusform>Нет сообщения {number}: у этого события %Ln сообщения.</numerusform>
            <numerusform>Нет сообщения {number}: у этого события %Ln сообщений.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>Discard</source>
        <translation>Отбросить</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <source>Event &amp;type</source>
        <translation>&amp;Тип события</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>Исто&amp;чник</translation>
    </message>
    <message>
        <source>Source &amp;party</source>
        <translation>Сто&amp;рона источника</translation>
    </message>
    <message>
        <source>Source &amp;kind</source>
        <translation>Т&amp;ип источника</translation>
    </message>
    <message>
        <source>Reliabilit&amp;y</source>
        <translation>&amp;Надёжность</translation>
    </message>
    <message>
        <source>C&amp;laimed date</source>
        <translation>Заявленная д&amp;ата</translation>
    </message>
    <message>
        <source>L&amp;ocation</source>
        <translation>&amp;Место</translation>
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
        <translation>&amp;Опубликовано</translation>
    </message>
    <message>
        <source>Cred&amp;ibility</source>
        <translation>&amp;Достоверность</translation>
    </message>
    <message>
        <source>Form heading</source>
        <translation>Заголовок формы</translation>
    </message>
    <message>
        <source>blank if independent</source>
        <translation>пусто, если независимый</translation>
    </message>
    <message>
        <source>Source hint</source>
        <translation>Подсказка к источнику</translation>
    </message>
    <message>
        <source>Claimed date</source>
        <translation>Заявленная дата</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубликовано</translation>
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
        <translation>Отмена  (Esc)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>{field} error</source>
        <translation>Ошибка: {field}</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Передачи</translation>
    </message>
    <message>
        <source>known source</source>
        <translation>известный источник</translation>
    </message>
    <message>
        <source>now {source}</source>
        <translation>теперь {source}</translation>
    </message>
    <message>
        <source>new source</source>
        <translation>новый источник</translation>
    </message>
    <message>
        <source>This name is known as {sources}: pick it from the list, or type its party.</source>
        <translation>Это имя известно как {sources}: выберите источник из списка или введите его сторону.</translation>
    </message>
    <message>
        <source>Discard this report?</source>
        <translation>Отбросить это сообщение?</translation>
    </message>
    <message>
        <source>Discard what you typed in the form? It has not been saved.</source>
        <translation>Отбросить введённое в форму? Оно не сохранено.</translation>
    </message>
    <message>
        <source>Form cleared.</source>
        <translation>Форма очищена.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Editing a report&lt;/b&gt; of {event}</source>
        <translation>&lt;b&gt;Редактирование сообщения&lt;/b&gt; о {event}</translation>
    </message>
    <message>
        <source>&lt;b&gt;New report&lt;/b&gt; for {event}</source>
        <translation>&lt;b&gt;Новое сообщение&lt;/b&gt; о {event}</translation>
    </message>
    <message>
        <source>&lt;b&gt;New event&lt;/b&gt; with its first report</source>
        <translation>&lt;b&gt;Новое событие&lt;/b&gt; с первым сообщением</translation>
    </message>
    <message>
        <source> — &lt;i&gt;the file is read-only&lt;/i&gt;</source>
        <translation> — &lt;i&gt;файл только для чтения&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Not committed</source>
        <translation>Не внесено</translation>
    </message>
    <message>
        <source>Nothing changed: the report stays as it was.</source>
        <translation>Ничего не изменено: сообщение остаётся как было.</translation>
    </message>
    <message>
        <source>Report changed meanwhile</source>
        <translation>Сообщение тем временем изменено</translation>
    </message>
    <message>
        <source>This report was changed since you began editing it (by another program, a merge or an undo): its reports pane shows it as it is now. Committing would replace that change with what the form holds.</source>
        <translation>Это сообщение изменено с тех пор, как вы начали его править (другая программа, объединение или отмена): панель сообщений показывает его таким, какое оно сейчас. Внесение заменит то изменение тем, что есть в форме.</translation>
    </message>
    <message>
        <source>Commit &amp;over it</source>
        <translation>Внести &amp;поверх</translation>
    </message>
    <message>
        <source>Event gone</source>
        <translation>Событие удалено</translation>
    </message>
    <message>
        <source>The event this report was for has no reports left (deleted, undone, or changed by another program). Commit the report as a new event?</source>
        <translation>У события, для которого это сообщение, не осталось сообщений (удалено, отменено или изменено другой программой). Внести сообщение как новое событие?</translation>
    </message>
    <message>
        <source>The report you were editing has been deleted since you began (Delete, an undo, or another program), so this edit cannot be saved. What you typed stays in the form; Esc clears it.</source>
        <translation>Сообщение, которое вы редактировали, удалено с тех пор, как вы начали (Delete, отмена или другая программа), поэтому эту правку нельзя сохранить. Введённое остаётся в форме; Esc очищает её.</translation>
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
        <translation>Споры</translation>
    </message>
    <message>
        <source>Largest disagreement</source>
        <translation>Расхождение</translation>
    </message>
    <message>
        <source>(in force)</source>
        <translation>(действует)</translation>
    </message>
    <message>
        <source>(superseded)</source>
        <translation>(заменено более поздним)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
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
        <translation>Надёжность</translation>
    </message>
    <message>
        <source>Credibility</source>
        <translation>Достоверность</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубликовано</translation>
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
        <translation>Доказательства</translation>
    </message>
    <message>
        <source>Possible reversed direction: decide the doubtful flow or dismiss the warning</source>
        <translation>Возможно, направление перепутано: примите решение по сомнительной передаче или отклоните предупреждение</translation>
    </message>
    <message>
        <source>By date</source>
        <translation>По дате</translation>
    </message>
    <message>
        <source>By spread of counts</source>
        <translation>По разбросу количеств</translation>
    </message>
    <message>
        <source>Sort queue</source>
        <translation>Сортировка очереди</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Очередь проверки</translation>
    </message>
    <message>
        <source>Reports side by side</source>
        <translation>Сообщения рядом</translation>
    </message>
    <message>
        <source>Why this value? (required)</source>
        <translation>Почему именно это значение? (обязательно)</translation>
    </message>
    <message>
        <source>Decision error</source>
        <translation>Ошибка решения</translation>
    </message>
    <message>
        <source>Decide  (Ctrl+Enter)</source>
        <translation>Принять  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Dismiss the warning  (Alt+D)</source>
        <translation>Отклонить предупреждение  (Alt+D)</translation>
    </message>
    <message>
        <source>Followed report</source>
        <translation>Сообщение, которому следует решение</translation>
    </message>
    <message>
        <source>History and provenance</source>
        <translation>История и происхождение</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Обоснование</translation>
    </message>
    <message>
        <source>Review: next event</source>
        <translation>Проверка: следующее событие</translation>
    </message>
    <message>
        <source>Review: previous event</source>
        <translation>Проверка: предыдущее событие</translation>
    </message>
    <message>
        <source>Review: next field</source>
        <translation>Проверка: следующее поле</translation>
    </message>
    <message>
        <source>Review: previous field</source>
        <translation>Проверка: предыдущее поле</translation>
    </message>
    <message>
        <source>Review: write the rationale (why)</source>
        <translation>Проверка: написать обоснование (почему)</translation>
    </message>
    <message>
        <source>Review: dismiss the warning (both flows stand as reported)</source>
        <translation>Проверка: отклонить предупреждение (обе передачи остаются, как сообщено)</translation>
    </message>
    <message>
        <source>Review: decide</source>
        <translation>Проверка: принять решение</translation>
    </message>
    <message>
        <source>Review: take report {number}&apos;s value</source>
        <translation>Проверка: взять значение сообщения {number}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count}&lt;/b&gt; to review</source>
        <translation>К проверке: &lt;b&gt;{count}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>, {count} with a possible reversed direction</source>
        <translation>, с возможно перепутанным направлением: {count}</translation>
    </message>
    <message>
        <source>Choose an event in the queue (or press F8) to see its reports side by side.</source>
        <translation>Выберите событие в очереди (или нажмите F8), чтобы увидеть его сообщения рядом.</translation>
    </message>
    <message>
        <source>Nothing to review: no event has reports that disagree, and no warning stands.
An event comes here as soon as a report contradicts another.</source>
        <translation>Проверять нечего: нет событий с противоречащими друг другу сообщениями, и ни одно предупреждение не действует.
Событие появится здесь, как только одно сообщение будет противоречить другому.</translation>
    </message>
    <message>
        <source>Report {number}</source>
        <translation>Сообщение {number}</translation>
    </message>
    <message>
        <source>  ★ new</source>
        <translation>  ★ новое</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Решения</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>пока нет</translation>
    </message>
    <message>
        <source>low 0: a possible reversed direction stands on this pair (one of its two flows may not have happened); dismiss it (Alt+D) or decide either flow</source>
        <translation>минимум 0: на этой паре стоит предупреждение о возможно перепутанном направлении (одной из двух передач могло не быть); отклоните его (Alt+D) или примите решение по любой из передач</translation>
    </message>
    <message>
        <source>Alt+D dismisses a possible reversed direction: choose the warning (F6) first.</source>
        <translation>Alt+D отклоняет предупреждение о возможно перепутанном направлении: сначала выберите предупреждение (F6).</translation>
    </message>
    <message>
        <source>This event has no possible reversed direction to dismiss (Alt+D).</source>
        <translation>У этого события нет возможно перепутанного направления, которое можно отклонить (Alt+D).</translation>
    </message>
    <message>
        <source>This file is open read-only: nothing can be decided.</source>
        <translation>Этот файл открыт только для чтения: ничего нельзя решить.</translation>
    </message>
    <message>
        <source>{event} is no longer to review (changed by an import, a merge or another program); the next event is shown.</source>
        <translation>{event} больше не требует проверки (изменено импортом, объединением или другой программой); показано следующее событие.</translation>
    </message>
    <message>
        <source>(withdrawn)</source>
        <translation>(отозвано)</translation>
    </message>
    <message>
        <source>(merged)</source>
        <translation>(из объединения)</translation>
    </message>
    <message>
        <source>, following {report}</source>
        <translation>, на основании: {report}</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Where {field} comes from&lt;/b&gt;: best {best}, low {low}, high {high}</source>
        <translation>&lt;br&gt;&lt;b&gt;Откуда «{field}»&lt;/b&gt;: лучшая оценка {best}, минимум {low}, максимум {high}</translation>
    </message>
    <message>
        <source>{report}, graded {grades}: {count} {qualifier}</source>
        <translation>{report}, оценка {grades}: {count} {qualifier}</translation>
    </message>
    <message>
        <source>decision in force: {value} by {who} at {when}</source>
        <translation>действующее решение: {value}, принял(а) {who}, {when}</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>report {number} ({source})</source>
        <translation>сообщение {number} ({source})</translation>
    </message>
    <message>
        <source>a report no longer in the file</source>
        <translation>сообщение, которого уже нет в файле</translation>
    </message>
    <message>
        <source>Report {number} does not state {field}.</source>
        <translation>Сообщение {number} не содержит поля «{field}».</translation>
    </message>
    <message>
        <source>following report {number} ({source})</source>
        <translation>по сообщению {number} ({source})</translation>
    </message>
    <message>
        <source>a value of your own</source>
        <translation>собственное значение</translation>
    </message>
    <message>
        <source>This is a warning, not a value to decide: dismiss it (Alt+D), both flows standing as reported, or choose a flow (F6) and decide its count.</source>
        <translation>Это предупреждение, а не значение для решения: отклоните его (Alt+D), и обе передачи останутся, как сообщено, или выберите передачу (F6) и решите её количество.</translation>
    </message>
    <message>
        <source>A rationale is required: say why this value was decided.</source>
        <translation>Нужно обоснование: объясните, почему принято это значение.</translation>
    </message>
    <message>
        <source>Pick a report&apos;s value (Alt+1…9) or type a value.</source>
        <translation>Возьмите значение сообщения (Alt+1…9) или введите своё.</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>Решение не принято</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Every change is in {name} again.</source>
        <translation>Все изменения снова в {name}.</translation>
    </message>
    <message>
        <source>Saved, but the disk is full: the last changes wait in {wal} beside {name}. Keep the two files together (a copy of {name} alone lacks them) and free some space.</source>
        <translation>Сохранено, но диск заполнен: последние изменения ждут в {wal} рядом с {name}. Держите оба файла вместе (копия одного {name} их не содержит) и освободите место.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <source>Your name, recorded with every entry and decision you make:</source>
        <translation>Ваше имя, которое будет записываться с каждой вашей записью и решением:</translation>
    </message>
    <message>
        <source>Saved: {change}.</source>
        <translation>Сохранено: {change}.</translation>
    </message>
    <message>
        <source>Redone: {change}.</source>
        <translation>Повторено: {change}.</translation>
    </message>
    <message>
        <source>Undone: {change}.</source>
        <translation>Отменено: {change}.</translation>
    </message>
    <message>
        <source>Not done: {change}: {reason}</source>
        <translation>Не выполнено: {change}: {reason}</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>{task}: finishing…</source>
        <translation>{task}: завершение…</translation>
    </message>
    <message>
        <source>{task}: waiting for another program that is writing the file ({seconds} s)…</source>
        <translation>{task}: ждём, пока другая программа закончит записывать файл ({seconds} с)…</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>{events} events, {reports} reports, {flows} flows, {sources} sources and {parties} parties</source>
        <translation>событий: {events}, сообщений: {reports}, передач: {flows}, источников: {sources}, сторон: {parties}</translation>
    </message>
    <message>
        <source> (new parties: {parties})</source>
        <translation> (новые стороны: {parties})</translation>
    </message>
    <message>
        <source>; {count} reports already present and identical, skipped</source>
        <translation>; пропущено сообщений, которые уже есть и не отличаются: {count}</translation>
    </message>
    <message>
        <source>; {evidence_files} evidence files that this ledger&apos;s folder lacked brought from the other&apos;s</source>
        <translation>; файлов доказательств, которых не хватало в папке этого реестра, перенесено из другой: {evidence_files}</translation>
    </message>
    <message>
        <source>; {kept_deleted} reports deleted here and edited there since left deleted (the other file&apos;s version is in the audit trail)</source>
        <translation>; сообщений, удалённых здесь и изменённых там позже, остались удалёнными: {kept_deleted} (версия другого файла есть в журнале изменений)</translation>
    </message>
    <message>
        <source>{count} evidence records</source>
        <translation>записей о доказательствах: {count}</translation>
    </message>
    <message>
        <source>{count} evidence files</source>
        <translation>файлов доказательств: {count}</translation>
    </message>
    <message>
        <source>; {reports} reports and {decisions} decisions already present and identical, skipped</source>
        <translation>; пропущено уже имеющихся и не отличающихся: сообщений — {reports}, решений — {decisions}</translation>
    </message>
    <message>
        <source>; {reports} reports already present and identical, skipped</source>
        <translation>; пропущено сообщений, которые уже есть и не отличаются: {reports}</translation>
    </message>
    <message>
        <source>; {decisions} decisions already present and identical, skipped</source>
        <translation>; пропущено решений, которые уже есть и не отличаются: {decisions}</translation>
    </message>
    <message>
        <source>{events} events, {reports} reports, {flows} flows, {sources} sources, {parties} parties and {decisions} decisions</source>
        <translation>событий: {events}, сообщений: {reports}, передач: {flows}, источников: {sources}, сторон: {parties}, решений: {decisions}</translation>
    </message>
    <message>
        <source>; {withdrawn} decisions in force here withdrawn, as the folder has them</source>
        <translation>; действующих здесь решений отозвано, как в папке: {withdrawn}</translation>
    </message>
    <message>
        <source>Undo starts afresh.</source>
        <translation>История отмен начата заново.</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Только для чтения</translation>
    </message>
    <message>
        <source>This file is read-only: nothing can be changed.</source>
        <translation>Этот файл только для чтения: ничего нельзя изменить.</translation>
    </message>
    <message>
        <source>Import reports.csv</source>
        <translation>Импорт reports.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Import an export folder</source>
        <translation>Импортировать папку экспорта</translation>
    </message>
    <message>
        <source>Nothing new in {file}: added {summary}.</source>
        <translation>Ничего нового в {file}: {summary}.</translation>
    </message>
    <message>
        <source>Import {file}?</source>
        <translation>Импортировать {file}?</translation>
    </message>
    <message>
        <source>{file} would add {summary}.</source>
        <translation>{file} добавит: {summary}.</translation>
    </message>
    <message>
        <source>An import cannot be undone: Ctrl+Z does not take it back.</source>
        <translation>Импорт нельзя отменить: Ctrl+Z его не вернёт.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <source>Nothing new, with warnings</source>
        <translation>Ничего нового, с предупреждениями</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>Импорт {file}</translation>
    </message>
    <message>
        <source>Import of {file} cancelled: nothing was imported.</source>
        <translation>Импорт {file} отменён: ничего не импортировано.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Импорт не удался</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>Ничего не импортировано</translation>
    </message>
    <message>
        <source>{events} events, {reports} reports, {sources} sources, {parties} parties and {resolutions} decisions added; {updated} reports updated to a newer edit, {kept} kept where ours was as new or newer</source>
        <translation>добавлено событий: {events}, сообщений: {reports}, источников: {sources}, сторон: {parties}, решений: {resolutions}; обновлено до более новой редакции сообщений: {updated}, оставлено наших, так как они не старше: {kept}</translation>
    </message>
    <message>
        <source>; {evidence} evidence records added</source>
        <translation>; записей о доказательствах добавлено: {evidence}</translation>
    </message>
    <message>
        <source>, {evidence_unfound} of them without their file, which was not beside the other file (Verify evidence files names them)</source>
        <translation>, из них без своего файла, которого не было рядом с другим файлом: {evidence_unfound} (их называет «Проверить файлы доказательств»)</translation>
    </message>
    <message>
        <source>; what is said of {described} evidence files taken from the other file, which corrected it later</source>
        <translation>; описания доказательств, взятые из другого файла, где их исправили позже: {described}</translation>
    </message>
    <message>
        <source>; what is said of {described_kept} evidence files kept where ours was corrected as late or later</source>
        <translation>; описания доказательств, оставленные нашими, так как у нас их исправили не раньше: {described_kept}</translation>
    </message>
    <message>
        <source>; {withdrawn} decisions withdrawn and {reinstated} in force again, as the other file changed them later</source>
        <translation>; решений отозвано: {withdrawn}, снова в силе: {reinstated}, так как в другом файле их изменили позже</translation>
    </message>
    <message>
        <source>Imported {file}: added {summary}.</source>
        <translation>Импортирован {file}: {summary}.</translation>
    </message>
    <message>
        <source>warning: {problem}</source>
        <translation>предупреждение: {problem}</translation>
    </message>
    <message>
        <source>Imported, with warnings</source>
        <translation>Импортировано с предупреждениями</translation>
    </message>
    <message>
        <source>Nothing new in {file}: this file holds all of it.</source>
        <translation>В {file} ничего нового: этот файл уже содержит всё это.</translation>
    </message>
    <message>
        <source>Restored {file}: {summary}.</source>
        <translation>Восстановлено из {file}: {summary}.</translation>
    </message>
    <message>
        <source>Export the CSV files into</source>
        <translation>Экспортировать файлы CSV в папку</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Экспорт не удался</translation>
    </message>
    <message>
        <source>; {sources_updated} sources regraded or respelled as the other file changed them later, {sources_kept} kept where ours was changed as late or later</source>
        <translation>; источников переоценено или написано иначе, так как в другом файле их изменили позже: {sources_updated}, оставлено наших, так как наше изменено так же поздно или позже: {sources_kept}</translation>
    </message>
    <message>
        <source>{file} would restore {summary}.</source>
        <translation>{file} восстановит: {summary}.</translation>
    </message>
    <message>
        <source>Export into {folder} cancelled: {files} written before Cancel, the other files as they were.</source>
        <translation>Экспорт в {folder} отменён: до отмены записано {files}, остальные файлы остались как были.</translation>
    </message>
    <message>
        <source>Export into {folder} cancelled: nothing was written.</source>
        <translation>Экспорт в {folder} отменён: ничего не записано.</translation>
    </message>
    <message>
        <source>Exported, with warnings</source>
        <translation>Экспортировано с предупреждениями</translation>
    </message>
    <message>
        <source>Merge another ledger file</source>
        <translation>Объединить с другим файлом реестра</translation>
    </message>
    <message>
        <source>Ledger files (*.db);;All files (*)</source>
        <translation>Файлы реестра (*.db);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединение</translation>
    </message>
    <message>
        <source>A file cannot be merged into itself.</source>
        <translation>Файл нельзя объединить с самим собой.</translation>
    </message>
    <message>
        <source>Merging {file}</source>
        <translation>Объединение с {file}</translation>
    </message>
    <message>
        <source>Merge of {file} cancelled: nothing was merged.</source>
        <translation>Объединение с {file} отменено: ничего не объединено.</translation>
    </message>
    <message>
        <source>Nothing merged</source>
        <translation>Ничего не объединено</translation>
    </message>
    <message>
        <source>Merged {file}: {summary}.</source>
        <translation>Объединено с {file}: {summary}.</translation>
    </message>
    <message>
        <source>Nothing to merge: this file already holds everything in {file}.</source>
        <translation>Нечего объединять: этот файл уже содержит всё, что есть в {file}.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>bodies</source>
        <translation>тела погибших</translation>
    </message>
    <message>
        <source>pows</source>
        <translation>военнопленные</translation>
    </message>
    <message>
        <source>civilians</source>
        <translation>мирные жители</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>обмен</translation>
    </message>
    <message>
        <source>agreement</source>
        <translation>договорённость</translation>
    </message>
    <message>
        <source>talks</source>
        <translation>переговоры</translation>
    </message>
    <message>
        <source>statement</source>
        <translation>заявление</translation>
    </message>
    <message>
        <source>other event</source>
        <translation>другое событие</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>противоречие</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>вновь открыто</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>решено</translation>
    </message>
    <message>
        <source>consistent</source>
        <translation>согласовано</translation>
    </message>
    <message>
        <source>single</source>
        <translation>одно сообщение</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <source>official</source>
        <translation>официальный</translation>
    </message>
    <message>
        <source>media</source>
        <translation>СМИ</translation>
    </message>
    <message>
        <source>ngo</source>
        <translation>НКО</translation>
    </message>
    <message>
        <source>social media</source>
        <translation>соцсети</translation>
    </message>
    <message>
        <source>footage</source>
        <translation>видеозапись</translation>
    </message>
    <message>
        <source>other source</source>
        <translation>другой</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>точно</translation>
    </message>
    <message>
        <source>approx</source>
        <translation>приблизительно</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>не менее</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>не более</translation>
    </message>
    <message>
        <source>Completely reliable</source>
        <translation>Полностью надёжный</translation>
    </message>
    <message>
        <source>Usually reliable</source>
        <translation>Обычно надёжный</translation>
    </message>
    <message>
        <source>Fairly reliable</source>
        <translation>Довольно надёжный</translation>
    </message>
    <message>
        <source>Not usually reliable</source>
        <translation>Обычно ненадёжный</translation>
    </message>
    <message>
        <source>Unreliable</source>
        <translation>Ненадёжный</translation>
    </message>
    <message>
        <source>Reliability cannot be judged</source>
        <translation>Надёжность невозможно оценить</translation>
    </message>
    <message>
        <source>Confirmed by other sources</source>
        <translation>Подтверждено другими источниками</translation>
    </message>
    <message>
        <source>Probably true</source>
        <translation>Вероятно, правдиво</translation>
    </message>
    <message>
        <source>Possibly true</source>
        <translation>Возможно, правдиво</translation>
    </message>
    <message>
        <source>Doubtful</source>
        <translation>Сомнительно</translation>
    </message>
    <message>
        <source>Improbable</source>
        <translation>Маловероятно</translation>
    </message>
    <message>
        <source>Truth cannot be judged</source>
        <translation>Достоверность невозможно оценить</translation>
    </message>
    <message>
        <source>independent</source>
        <translation>независимый</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>{category} {from_party} → {to_party}</source>
        <translation>{category} {from_party} → {to_party}</translation>
    </message>
    <message>
        <source>direction of {category} between {a} and {b}</source>
        <translation>направление передачи ({category}) между {a} и {b}</translation>
    </message>
    <message>
        <source>date</source>
        <translation>дата</translation>
    </message>
    <message>
        <source>location</source>
        <translation>место</translation>
    </message>
    <message>
        <source>possible reversed direction</source>
        <translation>возможно, направление перепутано</translation>
    </message>
    <message>
        <source>{high} vs {low} {category} {from_party}→{to_party}</source>
        <translation>{high} против {low}, {category} {from_party}→{to_party}</translation>
    </message>
    <message>
        <source> vs </source>
        <translation> против </translation>
    </message>
</context>
</TS>
