<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Plural</name>
    <message numerus="yes">
        <source>%Ln report(s)</source>
        <translation>
            <numerusform>%Ln report</numerusform>
            <numerusform>%Ln reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete this event and its %Ln report(s)? Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Delete this event and its %Ln report? Undo (Ctrl+Z) brings them back.</numerusform>
            <numerusform>Delete this event and its %Ln reports? Undo (Ctrl+Z) brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the selected %Ln report(s)? Undo (Ctrl+Z) brings them back.</source>
        <translation>
            <numerusform>Delete the selected report? Undo (Ctrl+Z) brings it back.</numerusform>
            <numerusform>Delete the selected %Ln reports? Undo (Ctrl+Z) brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln report(s)</source>
        <translation>
            <numerusform>Delete %Ln report</numerusform>
            <numerusform>Delete %Ln reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{file} has %Ln problem(s); nothing was imported. Fix them and import again.</source>
        <translation>
            <numerusform>{file} has %Ln problem; nothing was imported. Fix them and import again.</numerusform>
            <numerusform>{file} has %Ln problems; nothing was imported. Fix them and import again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file gives %Ln warning(s): see the details.</source>
        <translation>
            <numerusform>The file gives %Ln warning: see the details.</numerusform>
            <numerusform>The file gives %Ln warnings: see the details.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The folder gives %Ln warning(s): see the details.</source>
        <translation>
            <numerusform>The folder gives %Ln warning: see the details.</numerusform>
            <numerusform>The folder gives %Ln warnings: see the details.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) into {folder}.</source>
        <translation>
            <numerusform>Exported %Ln row into {folder}.</numerusform>
            <numerusform>Exported %Ln rows into {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(+%Ln more flow(s))</source>
        <translation>
            <numerusform>(+%Ln more flow)</numerusform>
            <numerusform>(+%Ln more flows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more event(s) that day</source>
        <translation>
            <numerusform>… and %Ln more event that day</numerusform>
            <numerusform>… and %Ln more events that day</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>+%Ln earlier target(s) (point at a day)</source>
        <translation>
            <numerusform>+%Ln earlier target (point at a day)</numerusform>
            <numerusform>+%Ln earlier targets (point at a day)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s) and a workbook into {folder}.</source>
        <translation>
            <numerusform>Exported %Ln row and a workbook into {folder}.</numerusform>
            <numerusform>Exported %Ln rows and a workbook into {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Evidence of this report: %Ln file(s)</source>
        <translation>
            <numerusform>Evidence of this report: %Ln file</numerusform>
            <numerusform>Evidence of this report: %Ln files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — evidence: {with_evidence} of %Ln report(s)</source>
        <translation>
            <numerusform> — evidence: {with_evidence} of %Ln report</numerusform>
            <numerusform> — evidence: {with_evidence} of %Ln reports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln evidence file(s) of {total} no longer match what was added:</source>
        <translation>
            <numerusform>%Ln evidence file of {total} no longer matches what was added:</numerusform>
            <numerusform>%Ln evidence files of {total} no longer match what was added:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln evidence file(s) are as they were added.</source>
        <translation>
            <numerusform>%Ln evidence file is as it was added.</numerusform>
            <numerusform>All %Ln evidence files are as they were added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>There is no report {number}: this event has %Ln report(s).</source>
        <translation>
            <numerusform>There is no report {number}: this event has %Ln report.</numerusform>
            <numerusform>There is no report {number}: this event has %Ln reports.</numerusform>
        </translation>
    </message>
</context>
</TS>
