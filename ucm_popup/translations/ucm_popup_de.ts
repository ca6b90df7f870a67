<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>App</name>
    <message>
        <source>About ucm-popup</source>
        <translation>Über ucm-popup</translation>
    </message>
    <message>
        <source>ucm-popup is already running</source>
        <translation>ucm-popup läuft bereits</translation>
    </message>
    <message>
        <source>run with -v for details</source>
        <translation>mit -v starten für Details</translation>
    </message>
    <message>
        <source>ucm-popup hit an error</source>
        <translation>ucm-popup hat einen Fehler festgestellt</translation>
    </message>
    <message>
        <source>Could not open the browser</source>
        <translation>Browser konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Dialling %1</source>
        <translation>%1 wird gewählt</translation>
    </message>
    <message>
        <source>Pick up your phone (extension %1) when it rings</source>
        <translation>Nehmen Sie ab, wenn Ihr Telefon (Nebenstelle %1) klingelt</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Demomodus</translation>
    </message>
    <message>
        <source>The demo runs on built-in settings; start ucm-popup without --demo to set up your own UCM and CRM.</source>
        <translation>Die Demo läuft mit eingebauten Einstellungen; starten Sie ucm-popup ohne --demo, um Ihre eigene UCM und Ihr CRM einzurichten.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>details in %1</source>
        <translation>Details in %1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>Einstellungen: %1</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Protokoll: %1</translation>
    </message>
    <message>
        <source>Caller popups with Zoho CRM records for Grandstream UCM extensions.</source>
        <translation>Anrufer-Popups mit Zoho-CRM-Datensätzen für Grandstream-UCM-Nebenstellen.</translation>
    </message>
    <message>
        <source>Open source (MIT licence).</source>
        <translation>Open Source (MIT-Lizenz).</translation>
    </message>
    <message>
        <source>Could not dial</source>
        <translation>Wählen nicht möglich</translation>
    </message>
    <message>
        <source>Edit %1 and restart ucm-popup</source>
        <translation>Bearbeiten Sie %1 und starten Sie ucm-popup neu</translation>
    </message>
</context>
<context>
    <name>DialBox</name>
    <message>
        <source>Dial — ucm-popup</source>
        <translation>Wählen — ucm-popup</translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation>Zu wählende Nummer</translation>
    </message>
    <message>
        <source>Your phone rings first; pick it up and the UCM calls the number</source>
        <translation>Zuerst klingelt Ihr Telefon; nehmen Sie ab, dann ruft die UCM die Nummer an</translation>
    </message>
    <message>
        <source>What will be dialled</source>
        <translation>Was gewählt wird</translation>
    </message>
    <message>
        <source>&amp;Dial</source>
        <translation>&amp;Wählen</translation>
    </message>
    <message>
        <source>Dialling…</source>
        <translation>Wird gewählt…</translation>
    </message>
    <message>
        <source>Number to call. Your phone (extension %1) rings first; pick it up and the UCM calls the number.</source>
        <translation>Zu wählende Nummer. Zuerst klingelt Ihr Telefon (Nebenstelle %1); nehmen Sie ab, dann ruft die UCM die Nummer an.</translation>
    </message>
    <message>
        <source>The UCM will dial %1</source>
        <translation>Die UCM wählt %1</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Connecting to the UCM…</source>
        <translation>Verbindung zur UCM wird hergestellt…</translation>
    </message>
    <message>
        <source>Reconnecting to the UCM…</source>
        <translation>Verbindung zur UCM wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>UCM login refused</source>
        <translation>UCM-Anmeldung abgelehnt</translation>
    </message>
    <message>
        <source>Cannot use the UCM</source>
        <translation>UCM nicht nutzbar</translation>
    </message>
    <message>
        <source>CRM lookups failing</source>
        <translation>CRM-Suchen schlagen fehl</translation>
    </message>
    <message>
        <source>Popups paused</source>
        <translation>Popups pausiert</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Nicht eingerichtet</translation>
    </message>
    <message>
        <source>Site relay offline</source>
        <translation>Standort-Relay offline</translation>
    </message>
    <message>
        <source>The site relay lost the UCM</source>
        <translation>Das Standort-Relay hat die UCM verloren</translation>
    </message>
</context>
<context>
    <name>Popup</name>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Note for the CRM (saved with the call)</source>
        <translation>Notiz für das CRM (wird mit dem Anruf gespeichert)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Note saved to the CRM</source>
        <translation>Notiz im CRM gespeichert</translation>
    </message>
    <message>
        <source>Looking up in the CRM…</source>
        <translation>Suche im CRM…</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <source>Ring my phone, then call this number</source>
        <translation>Erst mein Telefon klingeln lassen, dann diese Nummer anrufen</translation>
    </message>
    <message>
        <source>Unknown caller</source>
        <translation>Unbekannter Anrufer</translation>
    </message>
    <message>
        <source>%1 — Missed call — ucm-popup</source>
        <translation>%1 — Verpasster Anruf — ucm-popup</translation>
    </message>
    <message>
        <source>%1 — Call — ucm-popup</source>
        <translation>%1 — Anruf — ucm-popup</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Open in CRM</source>
        <translation>Im CRM öffnen</translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation>Kontakt anlegen</translation>
    </message>
    <message>
        <source>Create lead</source>
        <translation>Lead anlegen</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Zurückrufen</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Notiz speichern</translation>
    </message>
    <message>
        <source>Close this popup (Escape)</source>
        <translation>Dieses Popup schließen (Esc)</translation>
    </message>
    <message>
        <source>Matching records</source>
        <translation>Passende Datensätze</translation>
    </message>
    <message>
        <source>Several CRM records have this number: pick one</source>
        <translation>Mehrere CRM-Datensätze haben diese Nummer: wählen Sie einen aus</translation>
    </message>
    <message>
        <source>Call the phone number</source>
        <translation>Telefonnummer anrufen</translation>
    </message>
    <message>
        <source>Call the mobile number</source>
        <translation>Mobilnummer anrufen</translation>
    </message>
    <message>
        <source>Note for the CRM</source>
        <translation>Notiz für das CRM</translation>
    </message>
    <message>
        <source>Save the note with the call in the CRM</source>
        <translation>Notiz mit dem Anruf im CRM speichern</translation>
    </message>
    <message>
        <source>Open the caller's record in the CRM in the browser</source>
        <translation>Datensatz des Anrufers im CRM im Browser öffnen</translation>
    </message>
    <message>
        <source>Create a contact for this number in the CRM</source>
        <translation>Einen Kontakt mit dieser Nummer im CRM anlegen</translation>
    </message>
    <message>
        <source>Create a lead for this number in the CRM</source>
        <translation>Einen Lead mit dieser Nummer im CRM anlegen</translation>
    </message>
    <message>
        <source>Ring my phone, then call the caller back</source>
        <translation>Erst mein Telefon klingeln lassen, dann den Anrufer zurückrufen</translation>
    </message>
    <message>
        <source>Call status</source>
        <translation>Anrufstatus</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Internal call</source>
        <translation>Interner Anruf</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <source>Transferred call</source>
        <translation>Weitergeleiteter Anruf</translation>
    </message>
    <message>
        <source>Calling %1</source>
        <translation>Anruf an %1</translation>
    </message>
    <message>
        <source>⚠ CRM lookup failed: %1</source>
        <translation>⚠ CRM-Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Transferred to %1</source>
        <translation>Weitergeleitet an %1</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Nicht angenommen</translation>
    </message>
    <message>
        <source>On call · %1</source>
        <translation>Im Gespräch · %1</translation>
    </message>
    <message>
        <source>No match in the CRM for this number</source>
        <translation>Kein Treffer im CRM für diese Nummer</translation>
    </message>
    <message>
        <source>Answered on another extension</source>
        <translation>Von einer anderen Nebenstelle angenommen</translation>
    </message>
    <message>
        <source>transferred by %1</source>
        <translation>weitergeleitet von %1</translation>
    </message>
    <message>
        <source>queue %1</source>
        <translation>Warteschlange %1</translation>
    </message>
    <message>
        <source>Call ended · %1</source>
        <translation>Anruf beendet · %1</translation>
    </message>
    <message>
        <source>Missed call · %1</source>
        <translation>Verpasster Anruf · %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Zoho's v1 API is read-only here (Zoho ended v1 writes in 2019): calls are written and callers added with Zoho CRM (v2) only.</source>
        <translation>Die v1-API von Zoho ist hier nur lesbar (Zoho hat v1-Schreibzugriffe 2019 beendet): Anrufe werden nur mit Zoho CRM (v2) geschrieben und Anrufer angelegt.</translation>
    </message>
    <message>
        <source>United States (zoho.com)</source>
        <translation>USA (zoho.com)</translation>
    </message>
    <message>
        <source>Europe (zoho.eu)</source>
        <translation>Europa (zoho.eu)</translation>
    </message>
    <message>
        <source>India (zoho.in)</source>
        <translation>Indien (zoho.in)</translation>
    </message>
    <message>
        <source>Australia (zoho.com.au)</source>
        <translation>Australien (zoho.com.au)</translation>
    </message>
    <message>
        <source>China (zoho.com.cn)</source>
        <translation>China (zoho.com.cn)</translation>
    </message>
    <message>
        <source>Japan (zoho.jp)</source>
        <translation>Japan (zoho.jp)</translation>
    </message>
    <message>
        <source>Canada (zohocloud.ca)</source>
        <translation>Kanada (zohocloud.ca)</translation>
    </message>
    <message>
        <source>Saudi Arabia (zoho.sa)</source>
        <translation>Saudi-Arabien (zoho.sa)</translation>
    </message>
    <message>
        <source>None: show only the number and name the UCM gives</source>
        <translation>Keins: nur Nummer und Namen von der UCM anzeigen</translation>
    </message>
    <message>
        <source>Zoho CRM, old v1 API (legacy, end of life)</source>
        <translation>Zoho CRM, alte v1-API (veraltet, abgekündigt)</translation>
    </message>
    <message>
        <source>Don't add them</source>
        <translation>Nicht anlegen</translation>
    </message>
    <message>
        <source>as a new Lead</source>
        <translation>als neuen Lead</translation>
    </message>
    <message>
        <source>as a new Contact</source>
        <translation>als neuen Kontakt</translation>
    </message>
    <message>
        <source>Use https:// (plain http:// is only allowed for this computer's own address)</source>
        <translation>Verwenden Sie https:// (http:// ist nur für die eigene Adresse dieses Computers erlaubt)</translation>
    </message>
    <message>
        <source>Enter a full address starting with https://, like %1</source>
        <translation>Geben Sie eine vollständige Adresse mit https:// ein, z. B. %1</translation>
    </message>
    <message>
        <source>Enter the address, like %1</source>
        <translation>Geben Sie die Adresse ein, z. B. %1</translation>
    </message>
    <message>
        <source>CRM:</source>
        <translation>CRM:</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Search this module earlier</source>
        <translation>Dieses Modul früher durchsuchen</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Search this module later</source>
        <translation>Dieses Modul später durchsuchen</translation>
    </message>
    <message>
        <source>Where to look for the caller, top first. Tick the record types your team keeps phone numbers in.</source>
        <translation>Wo der Anrufer gesucht wird, von oben nach unten. Haken Sie die Datensatztypen an, in denen Ihr Team Telefonnummern pflegt.</translation>
    </message>
    <message>
        <source>Your country: numbers the UCM gives without a country code are read as this country's.</source>
        <translation>Ihr Land: Nummern ohne Ländervorwahl von der UCM gelten als Nummern dieses Landes.</translation>
    </message>
    <message>
        <source>Search in:</source>
        <translation>Suchen in:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <source>a customer's phone number, like +33 6 12 34 56 78</source>
        <translation>Telefonnummer eines Kunden, z. B. +49 30 1234567</translation>
    </message>
    <message>
        <source>Test lookup</source>
        <translation>Suche testen</translation>
    </message>
    <message>
        <source>Look this number up in the CRM with these settings</source>
        <translation>Diese Nummer mit diesen Einstellungen im CRM suchen</translation>
    </message>
    <message>
        <source>Type a number you know is in the CRM, then Test lookup.</source>
        <translation>Geben Sie eine Nummer ein, die im CRM steht, dann „Suche testen“.</translation>
    </message>
    <message>
        <source>Try a number:</source>
        <translation>Nummer testen:</translation>
    </message>
    <message>
        <source>Log every call of my extension in Zoho CRM (Calls)</source>
        <translation>Jeden Anruf meiner Nebenstelle in Zoho CRM protokollieren (Anrufe)</translation>
    </message>
    <message>
        <source>Answered, outgoing and missed calls appear in Zoho's call reports, with your note.</source>
        <translation>Angenommene, ausgehende und verpasste Anrufe erscheinen mit Ihrer Notiz in den Anrufberichten von Zoho.</translation>
    </message>
    <message>
        <source>A caller the CRM does not know becomes a record, shown in the popup.</source>
        <translation>Ein dem CRM unbekannter Anrufer wird als Datensatz angelegt und im Popup gezeigt.</translation>
    </message>
    <message>
        <source>Write calls:</source>
        <translation>Anrufe schreiben:</translation>
    </message>
    <message>
        <source>Unknown callers:</source>
        <translation>Unbekannte Anrufer:</translation>
    </message>
    <message>
        <source>Other: the addresses under Advanced</source>
        <translation>Andere: die Adressen unter „Erweitert“</translation>
    </message>
    <message>
        <source>Where your Zoho account lives: the end of the address you log in at, e.g. crm.zoho.eu is Europe.</source>
        <translation>Wo Ihr Zoho-Konto liegt: das Ende der Adresse, unter der Sie sich anmelden, z. B. crm.zoho.eu ist Europa.</translation>
    </message>
    <message>
        <source>Zoho's API address for this data centre.</source>
        <translation>Die API-Adresse von Zoho für dieses Rechenzentrum.</translation>
    </message>
    <message>
        <source>Zoho's sign-in (OAuth) server for this data centre.</source>
        <translation>Der Anmeldeserver (OAuth) von Zoho für dieses Rechenzentrum.</translation>
    </message>
    <message>
        <source>Where "Open in CRM" opens records.</source>
        <translation>Wo „Im CRM öffnen“ Datensätze öffnet.</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>Konten:</translation>
    </message>
    <message>
        <source>Web:</source>
        <translation>Web:</translation>
    </message>
    <message>
        <source>Advanced: the data centre's addresses</source>
        <translation>Erweitert: die Adressen des Rechenzentrums</translation>
    </message>
    <message>
        <source>From your Self Client in the Zoho API console (steps below); it starts with 1000.</source>
        <translation>Aus Ihrem Self Client in der Zoho-API-Konsole (Schritte unten); sie beginnt mit 1000.</translation>
    </message>
    <message>
        <source>Shown next to the Client ID in the Zoho API console.</source>
        <translation>Wird neben der Client-ID in der Zoho-API-Konsole angezeigt.</translation>
    </message>
    <message>
        <source>Lets this app read the CRM without your Zoho password. Get one below.</source>
        <translation>Lässt diese App das CRM ohne Ihr Zoho-Passwort lesen. Holen Sie es unten.</translation>
    </message>
    <message>
        <source>Data centre:</source>
        <translation>Rechenzentrum:</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <source>Client secret:</source>
        <translation>Client-Secret:</translation>
    </message>
    <message>
        <source>Refresh token:</source>
        <translation>Refresh-Token:</translation>
    </message>
    <message>
        <source>Get refresh token</source>
        <translation>Refresh-Token holen</translation>
    </message>
    <message>
        <source>The permissions this app needs: reading, and writing calls if you chose to</source>
        <translation>Die Rechte, die diese App braucht: Lesen und, falls gewählt, Anrufe schreiben</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Copy scopes</source>
        <translation>Scopes kopieren</translation>
    </message>
    <message>
        <source>paste the code here, like 1000.a1b2c3…</source>
        <translation>Code hier einfügen, z. B. 1000.a1b2c3…</translation>
    </message>
    <message>
        <source>The code Zoho shows after Create; it works once, for a few minutes</source>
        <translation>Der Code, den Zoho nach „Create“ zeigt; er gilt einmal, für wenige Minuten</translation>
    </message>
    <message>
        <source>Code from Zoho</source>
        <translation>Code von Zoho</translation>
    </message>
    <message>
        <source>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (once). Copy its Client ID and Client Secret into the fields above.</source>
        <translation>Add Client → &lt;b&gt;Self Client&lt;/b&gt; → Create (einmalig). Kopieren Sie Client-ID und Client-Secret in die Felder oben.</translation>
    </message>
    <message>
        <source>On the &lt;b&gt;Generate Code&lt;/b&gt; tab, paste the scopes below, pick 10 minutes, type any description and press Create (choose your CRM organisation if asked).</source>
        <translation>Fügen Sie im Reiter &lt;b&gt;Generate Code&lt;/b&gt; die Scopes unten ein, wählen Sie 10 Minuten, geben Sie eine beliebige Beschreibung ein und drücken Sie „Create“ (wählen Sie bei Nachfrage Ihre CRM-Organisation).</translation>
    </message>
    <message>
        <source>Copy the code Zoho shows, paste it here and press &lt;b&gt;Get refresh token&lt;/b&gt;.</source>
        <translation>Kopieren Sie den Code von Zoho, fügen Sie ihn hier ein und drücken Sie &lt;b&gt;Refresh-Token holen&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Legacy: Zoho has retired the v1 API and its auth tokens (end of life). Use it only if your CRM still accepts them; otherwise choose Zoho CRM above.</source>
        <translation>Veraltet: Zoho hat die v1-API und ihre Auth-Tokens abgekündigt. Nutzen Sie sie nur, wenn Ihr CRM sie noch annimmt; sonst wählen Sie oben Zoho CRM.</translation>
    </message>
    <message>
        <source>CRM server address: https://crm.zoho.com, .eu, .in, .com.au or .com.cn, as in your browser.</source>
        <translation>Adresse des CRM-Servers: https://crm.zoho.com, .eu, .in, .com.au oder .com.cn, wie im Browser.</translation>
    </message>
    <message>
        <source>The v1 auth token from Zoho CRM's settings (a long hexadecimal string).</source>
        <translation>Das v1-Auth-Token aus den Einstellungen von Zoho CRM (eine lange Hexadezimalzeichenfolge).</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Auth token:</source>
        <translation>Auth-Token:</translation>
    </message>
    <message>
        <source>Tick at least one module to search</source>
        <translation>Haken Sie mindestens ein Modul zum Suchen an</translation>
    </message>
    <message>
        <source>Some of the data centre's addresses are wrong: see Advanced</source>
        <translation>Einige Adressen des Rechenzentrums sind falsch: siehe „Erweitert“</translation>
    </message>
    <message>
        <source>Paste the Client ID of your Self Client (it starts with 1000.)</source>
        <translation>Fügen Sie die Client-ID Ihres Self Client ein (sie beginnt mit 1000.)</translation>
    </message>
    <message>
        <source>Paste the Client Secret shown next to the Client ID</source>
        <translation>Fügen Sie das Client-Secret ein, das neben der Client-ID steht</translation>
    </message>
    <message>
        <source>Get a refresh token with the steps below</source>
        <translation>Holen Sie mit den Schritten unten ein Refresh-Token</translation>
    </message>
    <message>
        <source>The CRM where the popup looks the caller up; choose None if you use none.</source>
        <translation>Das CRM, in dem das Popup den Anrufer sucht; wählen Sie „Keins“, wenn Sie keins nutzen.</translation>
    </message>
    <message>
        <source>Popups show the caller's number and the name the UCM gives, with no CRM lookup.</source>
        <translation>Popups zeigen die Nummer des Anrufers und den Namen von der UCM, ohne CRM-Suche.</translation>
    </message>
    <message>
        <source>Open the Zoho API console, &lt;a href='%1'&gt;%2&lt;/a&gt;, and sign in with your Zoho CRM account.</source>
        <translation>Öffnen Sie die Zoho-API-Konsole, &lt;a href='%1'&gt;%2&lt;/a&gt;, und melden Sie sich mit Ihrem Zoho-CRM-Konto an.</translation>
    </message>
    <message>
        <source>Enter the v1 auth token</source>
        <translation>Geben Sie das v1-Auth-Token ein</translation>
    </message>
    <message>
        <source>A client ID has no spaces: copy it again from the API console</source>
        <translation>Eine Client-ID enthält keine Leerzeichen: Kopieren Sie sie erneut aus der API-Konsole</translation>
    </message>
    <message>
        <source>The refresh token just received lacks %1: generate a new code with the scopes under Get refresh token.</source>
        <translation>Dem eben erhaltenen Refresh-Token fehlt %1: Erzeugen Sie einen neuen Code mit den Scopes unter „Refresh-Token holen“.</translation>
    </message>
    <message>
        <source>Writing needs more permissions than reading: generate the refresh token's code with the scopes under Get refresh token (they include them).</source>
        <translation>Schreiben braucht mehr Rechte als Lesen: Erzeugen Sie den Code für das Refresh-Token mit den Scopes unter „Refresh-Token holen“ (sie enthalten sie).</translation>
    </message>
    <message>
        <source>Zoho refused this app's writes: the refresh token lacks %1. Generate a new code with the scopes under Get refresh token.</source>
        <translation>Zoho hat die Schreibzugriffe dieser App abgelehnt: Dem Refresh-Token fehlt %1. Erzeugen Sie einen neuen Code mit den Scopes unter „Refresh-Token holen“.</translation>
    </message>
    <message>
        <source>Click-to-dial (optional): dial from the popup, the tray, the clipboard and tel: links</source>
        <translation>Click-to-Dial (optional): wählen aus dem Popup, dem Infobereich, der Zwischenablage und tel:-Links</translation>
    </message>
    <message>
        <source>Test dialling</source>
        <translation>Wählen testen</translation>
    </message>
    <message>
        <source>Log in as the API user, as dialling will (nothing is dialled)</source>
        <translation>Als API-Benutzer anmelden, wie beim Wählen (es wird nichts gewählt)</translation>
    </message>
    <message>
        <source>API user:</source>
        <translation>API-Benutzer:</translation>
    </message>
    <message>
        <source>API password:</source>
        <translation>API-Passwort:</translation>
    </message>
    <message>
        <source>Outside prefix:</source>
        <translation>Amtsholung:</translation>
    </message>
    <message>
        <source>International prefix:</source>
        <translation>Internationale Vorwahl:</translation>
    </message>
    <message>
        <source>Enter the API user whose password this is</source>
        <translation>Geben Sie den API-Benutzer ein, zu dem dieses Passwort gehört</translation>
    </message>
    <message>
        <source>The UCM's HTTPS-API user (UCM: Value-added Features, API Configuration), not the web user above. Leave empty not to dial from this computer.</source>
        <translation>Der HTTPS-API-Benutzer der UCM (UCM: Value-added Features, API Configuration), nicht der Web-Benutzer oben. Leer lassen, um von diesem Computer nicht zu wählen.</translation>
    </message>
    <message>
        <source>That API user's password.</source>
        <translation>Das Passwort dieses API-Benutzers.</translation>
    </message>
    <message>
        <source>Digits your UCM's outbound routes need before an outside number, like 0 or 9; often none.</source>
        <translation>Ziffern, die die ausgehenden Routen Ihrer UCM vor einer externen Nummer brauchen, etwa 0 oder 9; oft keine.</translation>
    </message>
    <message>
        <source>How numbers of other countries are dialled from your country: 00 in most of the world, 011 from the US and Canada.</source>
        <translation>Wie Nummern anderer Länder aus Ihrem Land gewählt werden: 00 fast überall, 011 aus den USA und Kanada.</translation>
    </message>
    <message>
        <source>Make UCM Popup the handler for phone links</source>
        <translation>UCM Popup für Telefonlinks verwenden</translation>
    </message>
    <message>
        <source>tel: and callto: links in Safari, Mail and other apps will dial through your UCM instead of FaceTime</source>
        <translation>tel:- und callto:-Links in Safari, Mail und anderen Apps wählen dann über Ihre UCM statt über FaceTime</translation>
    </message>
    <message>
        <source>tel: and callto: links now open UCM Popup</source>
        <translation>tel:- und callto:-Links öffnen jetzt UCM Popup</translation>
    </message>
    <message>
        <source>Only digits, like 0 or 00</source>
        <translation>Nur Ziffern, etwa 0 oder 00</translation>
    </message>
    <message>
        <source>PBX</source>
        <translation>Telefonanlage</translation>
    </message>
    <message>
        <source>CRM</source>
        <translation>CRM</translation>
    </message>
    <message>
        <source>Popup</source>
        <translation>Popup</translation>
    </message>
    <message>
        <source>ucm-popup settings</source>
        <translation>ucm-popup-Einstellungen</translation>
    </message>
    <message>
        <source>Welcome to ucm-popup. Fill in the PBX page so that calls to your extension pop up, and the CRM page to see who is calling. Each page has a Test button; nothing is kept until you press Save.</source>
        <translation>Willkommen bei ucm-popup. Füllen Sie die Seite „Telefonanlage“ aus, damit Anrufe an Ihre Nebenstelle erscheinen, und die Seite „CRM“, um zu sehen, wer anruft. Jede Seite hat eine Test-Schaltfläche; gespeichert wird erst mit „Speichern“.</translation>
    </message>
    <message>
        <source>Reading the keyring…</source>
        <translation>Schlüsselbund wird gelesen…</translation>
    </message>
    <message>
        <source>Asking Zoho for a refresh token…</source>
        <translation>Refresh-Token wird bei Zoho angefragt…</translation>
    </message>
    <message>
        <source>Settings file: %1</source>
        <translation>Einstellungsdatei: %1</translation>
    </message>
    <message>
        <source>Needs a keyring to keep the refresh token</source>
        <translation>Ein Schlüsselbund ist nötig, um das Refresh-Token aufzubewahren</translation>
    </message>
    <message>
        <source>Fix the fields marked in red before saving (%1).</source>
        <translation>Korrigieren Sie vor dem Speichern die rot markierten Felder (%1).</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2 as %3</source>
        <translation>Test: Anmeldung an %1:%2 als %3</translation>
    </message>
    <message>
        <source>Fill in the fields marked in red first.</source>
        <translation>Füllen Sie zuerst die rot markierten Felder aus.</translation>
    </message>
    <message>
        <source>Testing: logging in to %1:%2…</source>
        <translation>Test: Anmeldung an %1:%2…</translation>
    </message>
    <message>
        <source>Testing: logging in to %1…</source>
        <translation>Test: Anmeldung an %1…</translation>
    </message>
    <message>
        <source>Enter the UCM's address first.</source>
        <translation>Geben Sie zuerst die Adresse der UCM ein.</translation>
    </message>
    <message>
        <source>Type a phone number to look up first.</source>
        <translation>Geben Sie zuerst eine Telefonnummer zum Suchen ein.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Suche nach %1…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>First paste %1.</source>
        <translation>Fügen Sie zuerst %1 ein.</translation>
    </message>
    <message>
        <source>The settings file %1 is not valid TOML: %2. Save keeps a copy of it beside the new file (.unreadable).</source>
        <translation>Die Einstellungsdatei %1 ist kein gültiges TOML: %2. „Speichern“ behält eine Kopie neben der neuen Datei (.unreadable).</translation>
    </message>
    <message>
        <source>Passwords and tokens cannot be saved: %1. ucm-popup never writes them to a plain file; environment variables still work.</source>
        <translation>Passwörter und Tokens können nicht gespeichert werden: %1. ucm-popup schreibt sie nie in eine einfache Datei; Umgebungsvariablen funktionieren weiterhin.</translation>
    </message>
    <message>
        <source>%1 (%2 to fix)</source>
        <translation>%1 (%2 zu korrigieren)</translation>
    </message>
    <message>
        <source>the Client ID</source>
        <translation>die Client-ID</translation>
    </message>
    <message>
        <source>the Client Secret</source>
        <translation>das Client-Secret</translation>
    </message>
    <message>
        <source>the code</source>
        <translation>den Code</translation>
    </message>
    <message>
        <source>About the settings file %1:</source>
        <translation>Zur Einstellungsdatei %1:</translation>
    </message>
    <message>
        <source>Nothing was saved: %1.</source>
        <translation>Es wurde nichts gespeichert: %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 konnte nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned on: %1%2.</source>
        <translation>Einstellungen gespeichert, aber der Start bei der Anmeldung konnte nicht eingeschaltet werden: %1%2.</translation>
    </message>
    <message>
        <source>Settings saved, but starting at login could not be turned off: %1%2.</source>
        <translation>Einstellungen gespeichert, aber der Start bei der Anmeldung konnte nicht ausgeschaltet werden: %1%2.</translation>
    </message>
    <message>
        <source>Where popups appear when you have several screens.</source>
        <translation>Wo Popups erscheinen, wenn Sie mehrere Bildschirme haben.</translation>
    </message>
    <message>
        <source>Top left</source>
        <translation>Oben links</translation>
    </message>
    <message>
        <source>Top right</source>
        <translation>Oben rechts</translation>
    </message>
    <message>
        <source>Bottom left</source>
        <translation>Unten links</translation>
    </message>
    <message>
        <source>Bottom right</source>
        <translation>Unten rechts</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs Windows starts when you sign in (for you only).</source>
        <translation>Fügt ucm-popup zu den Programmen hinzu, die Windows bei Ihrer Anmeldung startet (nur für Sie).</translation>
    </message>
    <message>
        <source>Adds ucm-popup to the programs macOS opens when you log in (for you only).</source>
        <translation>Fügt ucm-popup zu den Programmen hinzu, die macOS bei Ihrer Anmeldung öffnet (nur für Sie).</translation>
    </message>
    <message>
        <source>Adds an entry to your desktop's startup programs (%1); turning it off removes it.</source>
        <translation>Fügt einen Eintrag zu den Autostart-Programmen Ihres Desktops hinzu (%1); Ausschalten entfernt ihn.</translation>
    </message>
    <message>
        <source>pbx.example.com or 192.168.1.10</source>
        <translation>pbx.example.com oder 192.168.1.10</translation>
    </message>
    <message>
        <source>UCM address:</source>
        <translation>UCM-Adresse:</translation>
    </message>
    <message>
        <source>Web port:</source>
        <translation>Web-Port:</translation>
    </message>
    <message>
        <source>UCM user:</source>
        <translation>UCM-Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Your extension:</source>
        <translation>Ihre Nebenstelle:</translation>
    </message>
    <message>
        <source>Show the UCM's certificate</source>
        <translation>Zertifikat der UCM anzeigen</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Diesem Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Forget the pinned certificate</source>
        <translation>Festgelegtes Zertifikat vergessen</translation>
    </message>
    <message>
        <source>Most UCMs use a certificate they made themselves. Compare its fingerprint with the one on the UCM's web page (or ask your administrator), then trust it.</source>
        <translation>Die meisten UCMs nutzen ein selbst erstelltes Zertifikat. Vergleichen Sie seinen Fingerabdruck mit dem auf der Webseite der UCM (oder fragen Sie Ihren Administrator) und vertrauen Sie ihm dann.</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <source>Allow the older, weaker encryption of UCM62xx firmware</source>
        <translation>Ältere, schwächere Verschlüsselung der UCM62xx-Firmware erlauben</translation>
    </message>
    <message>
        <source>Only for old UCMs the test cannot reach otherwise; newer UCMs never need it.</source>
        <translation>Nur für alte UCMs, die der Test sonst nicht erreicht; neuere UCMs brauchen es nie.</translation>
    </message>
    <message>
        <source>Old UCM:</source>
        <translation>Alte UCM:</translation>
    </message>
    <message>
        <source>Optional: a PEM file with your company's certificate authority, if it signed the UCM's certificate.</source>
        <translation>Optional: eine PEM-Datei mit der Zertifizierungsstelle Ihrer Firma, falls sie das Zertifikat der UCM signiert hat.</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Log in to the UCM with these settings and ask for call events, as the app will</source>
        <translation>Mit diesen Einstellungen an der UCM anmelden und Anrufereignisse abfragen, wie es die App tun wird</translation>
    </message>
    <message>
        <source>Enter the UCM's address, like pbx.example.com</source>
        <translation>Geben Sie die Adresse der UCM ein, z. B. pbx.example.com</translation>
    </message>
    <message>
        <source>Enter the UCM user name this app logs in with</source>
        <translation>Geben Sie den UCM-Benutzernamen ein, mit dem sich die App anmeldet</translation>
    </message>
    <message>
        <source>Enter the password of that UCM user</source>
        <translation>Geben Sie das Passwort dieses UCM-Benutzers ein</translation>
    </message>
    <message>
        <source>When my phone rings</source>
        <translation>Wenn mein Telefon klingelt</translation>
    </message>
    <message>
        <source>When I answer the call</source>
        <translation>Wenn ich den Anruf annehme</translation>
    </message>
    <message>
        <source>Also for calls from colleagues' extensions</source>
        <translation>Auch für Anrufe von Nebenstellen der Kollegen</translation>
    </message>
    <message>
        <source>Also for calls I make ("Calling Jane Doe")</source>
        <translation>Auch für Anrufe, die ich tätige („Anruf an Erika Mustermann“)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>until I close it</source>
        <translation>bis ich es schließe</translation>
    </message>
    <message>
        <source>Start ucm-popup when I log in</source>
        <translation>ucm-popup bei meiner Anmeldung starten</translation>
    </message>
    <message>
        <source>Show the popup:</source>
        <translation>Popup anzeigen:</translation>
    </message>
    <message>
        <source>Internal calls:</source>
        <translation>Interne Anrufe:</translation>
    </message>
    <message>
        <source>Outgoing calls:</source>
        <translation>Ausgehende Anrufe:</translation>
    </message>
    <message>
        <source>Close after a call:</source>
        <translation>Nach einem Anruf schließen:</translation>
    </message>
    <message>
        <source>Missed-call card:</source>
        <translation>Karte „Verpasster Anruf“:</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>Bildschirm:</translation>
    </message>
    <message>
        <source>Corner:</source>
        <translation>Ecke:</translation>
    </message>
    <message>
        <source>At login:</source>
        <translation>Bei der Anmeldung:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>The name or IP address of your Grandstream UCM phone system, as in your browser's address bar (without https://).</source>
        <translation>Name oder IP-Adresse Ihrer Grandstream-UCM-Telefonanlage, wie in der Adresszeile des Browsers (ohne https://).</translation>
    </message>
    <message>
        <source>The UCM's web (HTTPS) port: 8089 unless your administrator changed it.</source>
        <translation>Der Web-Port (HTTPS) der UCM: 8089, sofern Ihr Administrator ihn nicht geändert hat.</translation>
    </message>
    <message>
        <source>A user of the UCM's web interface that may see call status; ask your administrator.</source>
        <translation>Ein Benutzer der UCM-Weboberfläche, der den Anrufstatus sehen darf; fragen Sie Ihren Administrator.</translation>
    </message>
    <message>
        <source>That UCM user's password.</source>
        <translation>Das Passwort dieses UCM-Benutzers.</translation>
    </message>
    <message>
        <source>Your own phone's extension number: calls that ring it pop up on this computer.</source>
        <translation>Die Nebenstelle Ihres eigenen Telefons: Anrufe, bei denen es klingelt, erscheinen auf diesem Computer.</translation>
    </message>
    <message>
        <source>Pinned (trusted), and the UCM presents this one:</source>
        <translation>Festgelegt (vertraut), und die UCM zeigt dieses:</translation>
    </message>
    <message>
        <source>Enter only the address, like pbx.example.com (no https://, no /)</source>
        <translation>Geben Sie nur die Adresse ein, z. B. pbx.example.com (ohne https://, ohne /)</translation>
    </message>
    <message>
        <source>No file there: choose an existing PEM file, or leave it empty</source>
        <translation>Dort ist keine Datei: Wählen Sie eine vorhandene PEM-Datei oder lassen Sie das Feld leer</translation>
    </message>
    <message>
        <source>Enter your extension number, like 1002</source>
        <translation>Geben Sie Ihre Nebenstelle ein, z. B. 1002</translation>
    </message>
    <message>
        <source>An extension is a number, like 1002</source>
        <translation>Eine Nebenstelle ist eine Nummer, z. B. 1002</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>ohne Namen</translation>
    </message>
    <message>
        <source>Screen %1: %2 (%3 x %4)</source>
        <translation>Bildschirm %1: %2 (%3 x %4)</translation>
    </message>
    <message>
        <source>, the main screen</source>
        <translation>, der Hauptbildschirm</translation>
    </message>
    <message>
        <source>Screen %1 (not connected now)</source>
        <translation>Bildschirm %1 (derzeit nicht angeschlossen)</translation>
    </message>
    <message>
        <source>Ringing shows who calls before you pick up; answering keeps the screen quiet until you take the call.</source>
        <translation>Beim Klingeln sehen Sie vor dem Abnehmen, wer anruft; beim Annehmen bleibt der Bildschirm ruhig, bis Sie den Anruf annehmen.</translation>
    </message>
    <message>
        <source>Off: only calls from outside (customers) pop up.</source>
        <translation>Aus: Nur Anrufe von außen (Kunden) erscheinen.</translation>
    </message>
    <message>
        <source>On: a call you dial, from the phone or this computer, shows whom you call.</source>
        <translation>An: Ein Anruf, den Sie wählen, am Telefon oder an diesem Computer, zeigt, wen Sie anrufen.</translation>
    </message>
    <message>
        <source>How long the popup stays after a call you answered has ended.</source>
        <translation>Wie lange das Popup nach dem Ende eines angenommenen Anrufs bleibt.</translation>
    </message>
    <message>
        <source>How long a missed call's card stays; it also stays in the recent calls list.</source>
        <translation>Wie lange die Karte eines verpassten Anrufs bleibt; er bleibt auch in der Liste der letzten Anrufe.</translation>
    </message>
    <message>
        <source>The corner of that screen where popups appear.</source>
        <translation>Die Ecke dieses Bildschirms, in der Popups erscheinen.</translation>
    </message>
    <message>
        <source>The language of the popups, the tray menu and this dialog; it applies when you Save.</source>
        <translation>Die Sprache der Popups, des Infobereich-Menüs und dieses Dialogs; sie gilt ab dem Speichern.</translation>
    </message>
    <message>
        <source>The desktop's language (%1)</source>
        <translation>Sprache des Desktops (%1)</translation>
    </message>
    <message>
        <source>Pinned (trusted):</source>
        <translation>Festgelegt (vertraut):</translation>
    </message>
    <message>
        <source>None pinned: the UCM's certificate must be signed by an authority this computer trusts.</source>
        <translation>Keins festgelegt: Das Zertifikat der UCM muss von einer Stelle signiert sein, der dieser Computer vertraut.</translation>
    </message>
    <message>
        <source>The UCM presents:</source>
        <translation>Die UCM zeigt:</translation>
    </message>
    <message>
        <source>An address has no spaces, like pbx.example.com or 192.168.1.10</source>
        <translation>Eine Adresse enthält keine Leerzeichen, z. B. pbx.example.com oder 192.168.1.10</translation>
    </message>
    <message>
        <source>Put the port in the Web port field, not after the address</source>
        <translation>Tragen Sie den Port im Feld „Web-Port“ ein, nicht hinter der Adresse</translation>
    </message>
    <message>
        <source>This computer logs in to the UCM itself, with a UCM user and password.</source>
        <translation>Dieser Computer meldet sich selbst an der UCM an, mit UCM-Benutzer und Passwort.</translation>
    </message>
    <message>
        <source>Your administrator runs a site relay: this computer gets its calls through the company's message broker and needs no UCM password.</source>
        <translation>Ihr Administrator betreibt ein Standort-Relay: Dieser Computer erhält seine Anrufe über den Message-Broker der Firma und braucht kein UCM-Passwort.</translation>
    </message>
    <message>
        <source>Directly to the UCM</source>
        <translation>Direkt an die UCM</translation>
    </message>
    <message>
        <source>Through the site relay</source>
        <translation>Über das Standort-Relay</translation>
    </message>
    <message>
        <source>Broker:</source>
        <translation>Broker:</translation>
    </message>
    <message>
        <source>Broker user:</source>
        <translation>Broker-Benutzer:</translation>
    </message>
    <message>
        <source>Broker password:</source>
        <translation>Broker-Passwort:</translation>
    </message>
    <message>
        <source>Site prefix:</source>
        <translation>Standort-Präfix:</translation>
    </message>
    <message>
        <source>Test the relay</source>
        <translation>Relay testen</translation>
    </message>
    <message>
        <source>Log in to the broker with these settings and read the relay's status</source>
        <translation>Mit diesen Einstellungen am Broker anmelden und den Status des Relays lesen</translation>
    </message>
    <message>
        <source>Calls come:</source>
        <translation>Anrufe kommen:</translation>
    </message>
    <message>
        <source>Enter the broker's address, like mqtts://broker.example.com:8883</source>
        <translation>Geben Sie die Adresse des Brokers ein, z. B. mqtts://broker.example.com:8883</translation>
    </message>
    <message>
        <source>Enter your broker user, usually your extension</source>
        <translation>Geben Sie Ihren Broker-Benutzer ein, meist Ihre Nebenstelle</translation>
    </message>
    <message>
        <source>Enter that broker user's password</source>
        <translation>Geben Sie das Passwort dieses Broker-Benutzers ein</translation>
    </message>
    <message>
        <source>Enter the site's prefix, like ucm-popup</source>
        <translation>Geben Sie das Standort-Präfix ein, z. B. ucm-popup</translation>
    </message>
    <message>
        <source>The message broker's address, from your administrator (mqtts:// is encrypted).</source>
        <translation>Die Adresse des Message-Brokers, von Ihrem Administrator (mqtts:// ist verschlüsselt).</translation>
    </message>
    <message>
        <source>Your broker user: usually your extension number.</source>
        <translation>Ihr Broker-Benutzer: meist Ihre Nebenstelle.</translation>
    </message>
    <message>
        <source>That broker user's password.</source>
        <translation>Das Passwort dieses Broker-Benutzers.</translation>
    </message>
    <message>
        <source>The site's name on the broker; leave ucm-popup unless told otherwise.</source>
        <translation>Der Name des Standorts auf dem Broker; lassen Sie ucm-popup, sofern nicht anders angegeben.</translation>
    </message>
    <message>
        <source>Optional: a PEM file with the certificate authority that signed the broker's certificate.</source>
        <translation>Optional: eine PEM-Datei mit der Zertifizierungsstelle, die das Zertifikat des Brokers signiert hat.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show what you typed</source>
        <translation>Eingabe anzeigen</translation>
    </message>
    <message>
        <source>cannot be saved on this computer</source>
        <translation>kann auf diesem Computer nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1.</source>
        <translation>Aus der Umgebungsvariablen %1 übernommen.</translation>
    </message>
    <message>
        <source>No keyring on this computer, so this cannot be saved here: set the environment variable %1 instead.</source>
        <translation>Kein Schlüsselbund auf diesem Computer, daher kann dies hier nicht gespeichert werden: Setzen Sie stattdessen die Umgebungsvariable %1.</translation>
    </message>
    <message>
        <source>set by the environment</source>
        <translation>durch die Umgebung gesetzt</translation>
    </message>
    <message>
        <source>Taken from the environment variable %1, which wins over the keyring. What you type here goes to the keyring.</source>
        <translation>Aus der Umgebungsvariablen %1 übernommen, die Vorrang vor dem Schlüsselbund hat. Was Sie hier eingeben, kommt in den Schlüsselbund.</translation>
    </message>
    <message>
        <source>New value: it replaces the one in the keyring when you Save.</source>
        <translation>Neuer Wert: Er ersetzt beim Speichern den im Schlüsselbund.</translation>
    </message>
    <message>
        <source>•••••••• saved in the keyring; type to replace</source>
        <translation>•••••••• im Schlüsselbund gespeichert; zum Ersetzen eingeben</translation>
    </message>
    <message>
        <source>Saved in the system keyring. Leave empty to keep it.</source>
        <translation>Im Schlüsselbund des Systems gespeichert. Leer lassen, um ihn zu behalten.</translation>
    </message>
    <message>
        <source>Goes to the system keyring when you Save, never in the settings file.</source>
        <translation>Kommt beim Speichern in den Schlüsselbund des Systems, nie in die Einstellungsdatei.</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in the settings file.</source>
        <translation>Wird im Schlüsselbund des Systems aufbewahrt, nie in der Einstellungsdatei.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>ringing</source>
        <translation>klingelt</translation>
    </message>
    <message>
        <source>on call</source>
        <translation>im Gespräch</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>verpasst</translation>
    </message>
    <message>
        <source>answered elsewhere</source>
        <translation>woanders angenommen</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>nicht angenommen</translation>
    </message>
    <message>
        <source>CRM index: not synced yet</source>
        <translation>CRM-Index: noch nicht synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
        </translation>
    </message>
    <message>
        <source>CRM index: %1, synced %2</source>
        <translation>CRM-Index: %1, synchronisiert %2</translation>
    </message>
    <message>
        <source>; sync failing: %1</source>
        <translation>; Synchronisierung schlägt fehl: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n Std.</numerusform>
            <numerusform>%n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>&amp;Menu</source>
        <translation>&amp;Menü</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so ucm-popup shows this window instead. Closing it quits ucm-popup.</source>
        <translation>Dieser Desktop hat keinen Infobereich, daher zeigt ucm-popup stattdessen dieses Fenster. Wenn Sie es schließen, wird ucm-popup beendet.</translation>
    </message>
    <message>
        <source>&amp;Recent calls</source>
        <translation>Letzte &amp;Anrufe</translation>
    </message>
    <message>
        <source>&amp;Pause popups</source>
        <translation>Popups &amp;pausieren</translation>
    </message>
    <message>
        <source>Reset popup p&amp;osition</source>
        <translation>Popup-P&amp;osition zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;About ucm-popup</source>
        <translation>Über &amp;ucm-popup</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Call back</source>
        <translation>&amp;Zurückrufen</translation>
    </message>
    <message>
        <source>Number copied</source>
        <translation>Nummer kopiert</translation>
    </message>
    <message>
        <source>outgoing, %1</source>
        <translation>ausgehend, %1</translation>
    </message>
    <message>
        <source>transferred to %1</source>
        <translation>weitergeleitet an %1</translation>
    </message>
    <message>
        <source>Writing to the CRM failed</source>
        <translation>Schreiben ins CRM fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Datensatz</numerusform>
            <numerusform>%n Datensätze</numerusform>
        </translation>
    </message>
    <message>
        <source> (retry in %1)</source>
        <translation> (neuer Versuch in %1)</translation>
    </message>
    <message>
        <source>&amp;Focus the latest popup</source>
        <translation>&amp;Letztes Popup fokussieren</translation>
    </message>
    <message>
        <source>&amp;Dial…</source>
        <translation>&amp;Wählen…</translation>
    </message>
    <message>
        <source>Ring &amp;me (demo)</source>
        <translation>&amp;Mich anrufen (Demo)</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Noch keine Anrufe</translation>
    </message>
    <message>
        <source> (extension %1)</source>
        <translation> (Nebenstelle %1)</translation>
    </message>
    <message>
        <source>Popups are paused</source>
        <translation>Popups sind pausiert</translation>
    </message>
    <message>
        <source>%1 is on the clipboard</source>
        <translation>%1 ist in der Zwischenablage</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) waiting to be written</source>
        <translation>
            <numerusform>%n Anruf wartet auf das Schreiben</numerusform>
            <numerusform>%n Anrufe warten auf das Schreiben</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoho requires the field %1: ask your Zoho admin to make it optional or give it a default</source>
        <translation>Zoho verlangt das Feld %1: Bitten Sie Ihren Zoho-Administrator, es optional zu machen oder ihm einen Standardwert zu geben</translation>
    </message>
    <message>
        <source>Open the record in the CRM</source>
        <translation>Datensatz im CRM öffnen</translation>
    </message>
    <message>
        <source>Copy the number</source>
        <translation>Nummer kopieren</translation>
    </message>
    <message>
        <source>Site relay %1 is active</source>
        <translation>Standort-Relay %1 ist aktiv</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
</context>
</TS>
