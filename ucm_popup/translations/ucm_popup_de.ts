<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>App</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ucm-popup is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>details in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run with -v for details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ucm-popup hit an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialling %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick up your phone (extension %1) when it rings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About ucm-popup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller popups with Zoho CRM records for Grandstream UCM extensions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open source (MIT licence).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo runs on built-in settings; start ucm-popup without --demo to set up your own UCM and CRM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1 and restart ucm-popup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialBox</name>
    <message>
        <source>Dial — ucm-popup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to call. Your phone (extension %1) rings first; pick it up and the UCM calls the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone rings first; pick it up and the UCM calls the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be dialled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The UCM will dial %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Popup</name>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the CRM (saved with the call)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this popup (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several CRM records have this number: pick one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring my phone, then call this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the mobile number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the note with the call in the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the caller&apos;s record in the CRM in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a contact for this number in the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a lead for this number in the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring my phone, then call the caller back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note saved to the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transferred by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up in the CRM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calling %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ CRM lookup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match in the CRM for this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transferred to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered on another extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call ended · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missed call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Missed call — ucm-popup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Call — ucm-popup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Writing to the CRM failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM index: not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM index: %1, synced %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; sync failing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (retry in %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray, so ucm-popup shows this window instead. Closing it quits ucm-popup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Focus the latest popup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dial…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause popups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ring &amp;me (demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset popup p&amp;osition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About ucm-popup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the record in the CRM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (extension %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Popups are paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is on the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outgoing, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transferred to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the UCM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to the UCM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UCM login refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the UCM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRM lookups failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Popups paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site relay offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site relay lost the UCM</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
